import PortalContent

/// "Which of the activities were realised?" at a glance: for a document that reports
/// status (Slagelse's follow-up), every unit with its status, and the count per status.
/// Computed once with the graph; the document and municipality pages lay it out.
///
/// The units counted are the smallest the source names: an item's activities where it
/// has any (Slagelse's 7 goals have 11 activities), else the item itself. An activity
/// without a status of its own has its item's.
public struct StatusOverview: Sendable, Hashable {
    /// One unit: an item, or one of its activities.
    public struct Row: Sendable, Hashable {
        public var itemID: String
        /// Set when the row is one of the item's activities.
        public var activityIndex: Int?
        /// Nil where neither the unit nor its item has a status.
        public var status: Status?
        /// The source's own words for the status.
        public var statusText: String?
    }

    /// One item with its rows, and what its activities' statuses say together.
    public struct Goal: Sendable, Hashable {
        public var itemID: String
        public var rows: [Row]
        /// For an item without a status of its own whose activities have one.
        public var activities: ActivityStatuses?
    }

    /// How many units have one status; units without a status count as `ikkeAngivet`.
    public struct Count: Sendable, Hashable {
        public var status: Status
        public var count: Int

        public init(status: Status, count: Int) {
            self.status = status
            self.count = count
        }
    }

    public var goals: [Goal]
    /// One count per status that occurs, in the order of `Status.allCases`.
    public var counts: [Count]

    /// All units, goal by goal.
    public var rows: [Row] { goals.flatMap(\.rows) }

    /// Whether every row is an activity (the counts then count activities).
    public var countsActivities: Bool { rows.allSatisfy { $0.activityIndex != nil } }

    /// The overview of a document whose `items` (in reading order) report progress; nil
    /// when none does (`Status.reportsProgress`): a plan without statuses, or a catalogue
    /// whose ideas are all proposals, has nothing to overview.
    public init?(items: [Item]) {
        guard items.contains(where: { $0.statuses.contains(where: \.reportsProgress) }) else { return nil }
        goals = items.map { item in
            let rows = item.activities.isEmpty
                ? [Row(itemID: item.id, activityIndex: nil, status: item.status, statusText: item.statusText)]
                : item.activities.enumerated().map { index, activity in
                    Row(itemID: item.id, activityIndex: index, status: activity.status ?? item.status,
                        statusText: activity.status == nil ? item.statusText : activity.statusText)
                }
            return Goal(itemID: item.id, rows: rows, activities: ActivityStatuses(item))
        }
        counts = Self.count(goals.flatMap(\.rows).map(\.status))
    }

    static func count(_ statuses: [Status?]) -> [Count] {
        var counted: [Status: Int] = [:]
        for status in statuses { counted[status ?? .ikkeAngivet, default: 0] += 1 }
        return Status.allCases.compactMap { status in counted[status].map { Count(status: status, count: $0) } }
    }
}

/// What the statuses of an item's activities say together, for an item that has no
/// status of its own (Slagelse's goals 4 to 6): one status for all ("3 realiseret"), or
/// that they differ ("1 realiseret · 1 i gang"), instead of no status at all.
public struct ActivityStatuses: Sendable, Hashable {
    public var counts: [StatusOverview.Count]

    /// Whether the activities do not all have the same status.
    public var differ: Bool { counts.count > 1 }

    /// Nil for an item with a status of its own, or whose activities have none.
    public init?(_ item: Item) {
        guard item.status == nil, item.activities.contains(where: { $0.status != nil }) else { return nil }
        counts = StatusOverview.count(item.activities.map(\.status))
    }
}

extension Status {
    /// Whether the status tells how far the work has come. "Forslag" says what a unit is
    /// (an idea not yet decided on), and "ikke angivet" that nothing is said.
    public var reportsProgress: Bool {
        switch self {
        case .realiseret, .iGang, .fravalgt: true
        case .forslag, .ikkeAngivet: false
        }
    }
}

extension Item {
    /// The statuses the item and its activities have.
    public var statuses: [Status] {
        ([status] + activities.map(\.status)).compactMap { $0 }
    }
}
