import PortalContent
import PortalCore

/// Milestones placed in time: "when is what due?", per document and across
/// municipalities. Computed once with the graph from the items' milestones; the pages
/// only lay it out.
///
/// Each milestone keeps its text and date as written (which is what the pages show); the
/// reading of the date (`DanishDate`) only places it. A date without a year takes its
/// document's year (`Document.year`). A milestone that cannot be placed (no date, a date
/// the reader does not understand, or no year to be had) is kept in `unplaced`, never
/// dropped.
public struct Timeline: Sendable, Hashable {
    /// Where a milestone stands in time, or why it has no place.
    public enum Placement: Sendable, Hashable {
        case dated(DateRange)
        /// The date reads, but names no year, and its document's period gives none.
        case withoutYear
        /// The date is not one the reader understands.
        case unreadable
        /// The source gives no date.
        case undated
    }

    public struct Entry: Sendable, Hashable {
        public var itemID: String
        public var documentID: String
        public var municipalityID: String
        /// The milestone's position among its item's milestones, from 0.
        public var index: Int
        public var milestone: Milestone
        public var placement: Placement

        /// The days the milestone covers, when it has a place.
        public var range: DateRange? {
            if case .dated(let range) = placement { range } else { nil }
        }
    }

    /// A quarter of a year; milestones are grouped by the quarter they are due in.
    public struct Quarter: Sendable, Hashable, Comparable {
        public var year: Int
        /// 1 to 4.
        public var number: Int

        public init(year: Int, number: Int) {
            self.year = year
            self.number = number
        }

        public init(_ day: CalendarDay) {
            self.init(year: day.year, number: day.quarter)
        }

        /// The quarter after this one.
        public var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1) }

        public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }
    }

    /// The milestones due in one quarter, in the order they are due.
    public struct Group: Sendable, Hashable {
        public var quarter: Quarter
        public var entries: [Entry]
    }

    /// Milestones with a place, ordered by when they are due (the end of their range),
    /// then by when they start, then in site order.
    public private(set) var dated: [Entry]
    /// Milestones without a place, in site order.
    public private(set) var unplaced: [Entry]

    /// Places the milestones of `items` (given in site order), each dated with its
    /// document's year where its text names none.
    public init(items: [Item], documents: [String: Document]) {
        var dated: [(entry: Entry, order: Int)] = [], unplaced: [Entry] = []
        for item in items {
            let year = documents[item.documentID]?.year
            for (index, milestone) in item.milestones.enumerated() {
                let entry = Entry(itemID: item.id, documentID: item.documentID, municipalityID: item.municipalityID,
                                  index: index, milestone: milestone, placement: Self.placement(of: milestone.when, year: year))
                if entry.range != nil { dated.append((entry, dated.count)) } else { unplaced.append(entry) }
            }
        }
        self.dated = dated.sorted { lhs, rhs in
            guard let a = lhs.entry.range, let b = rhs.entry.range else { return lhs.order < rhs.order }
            return (a.end, a.start, lhs.order) < (b.end, b.start, rhs.order)
        }.map(\.entry)
        self.unplaced = unplaced
    }

    private init(dated: [Entry], unplaced: [Entry]) {
        self.dated = dated
        self.unplaced = unplaced
    }

    /// Where a milestone dated `when` stands, with `year` for a date that names none.
    public static func placement(of when: String?, year: Int?) -> Placement {
        guard let when else { return .undated }
        guard let date = DanishDate(when) else { return .unreadable }
        guard let range = date.range(year: year) else { return .withoutYear }
        return .dated(range)
    }

    public var isEmpty: Bool { dated.isEmpty && unplaced.isEmpty }

    public var count: Int { dated.count + unplaced.count }

    /// The milestones of each document, in the same order.
    public func byDocument() -> [String: Timeline] {
        var timelines: [String: Timeline] = [:]
        for entry in dated { timelines[entry.documentID, default: Timeline(dated: [], unplaced: [])].dated.append(entry) }
        for entry in unplaced { timelines[entry.documentID, default: Timeline(dated: [], unplaced: [])].unplaced.append(entry) }
        return timelines
    }

    /// The dated milestones by the quarter they are due in, earliest first; quarters
    /// without milestones are left out.
    public var groups: [Group] {
        var groups: [Group] = []
        for entry in dated {
            guard let range = entry.range else { continue }
            let quarter = Quarter(range.end)
            if groups.last?.quarter == quarter {
                groups[groups.count - 1].entries.append(entry)
            } else {
                groups.append(Group(quarter: quarter, entries: [entry]))
            }
        }
        return groups
    }

    /// Every quarter from the first any milestone starts in to the last one is due in,
    /// without gaps: the axis of a drawn timeline.
    public var quarters: [Quarter] {
        guard let first = dated.compactMap({ $0.range.map { Quarter($0.start) } }).min(),
              let last = dated.compactMap({ $0.range.map { Quarter($0.end) } }).max() else { return [] }
        var quarters = [first]
        while let current = quarters.last, current < last { quarters.append(current.next) }
        return quarters
    }
}

extension Document {
    /// The year a date in the document means when it names none ("Ultimo maj" in
    /// Rudersdal's "Virksomhedsplan 2019"): the year of the document's `period`, when
    /// that is one year ("2019", "Forår 2019"). A period of several years ("2019-2021")
    /// gives none, since "Ultimo maj" could then be any of them; nor does `date`, which
    /// says when the document was written, not when its plans fall (a plan dated
    /// December 2023 sets milestones in 2024).
    public var year: Int? {
        guard let period, let read = DanishDate(period), let year = read.from.year, read.to.year == year else { return nil }
        return year
    }
}
