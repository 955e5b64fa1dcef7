import PortalContent
import PortalCore

/// A unit of another municipality that is related to a unit, with why: what a unit's page
/// lists under "Relateret i andre kommuner".
public struct RelatedUnit: Hashable, Sendable {
    public var id: ComparableUnit.ID
    /// The sum of the weights of what the two share (see `SiteConfig.Related`).
    public var score: Int
    public var reasons: Reasons

    /// What the two units share, each in the first unit's own order. Only what has a
    /// weight above 0 is a reason.
    public struct Reasons: Hashable, Sendable {
        /// Cross-municipality themes both are under.
        public var themeIDs: [String] = []
        /// Tags both carry.
        public var tagIDs: [String] = []
        /// Paragraphs of Serviceloven both texts cite.
        public var paragraphs: [LawParagraph] = []

        public init(themeIDs: [String] = [], tagIDs: [String] = [], paragraphs: [LawParagraph] = []) {
            self.themeIDs = themeIDs
            self.tagIDs = tagIDs
            self.paragraphs = paragraphs
        }
    }

    public init(id: ComparableUnit.ID, score: Int, reasons: Reasons) {
        self.id = id
        self.score = score
        self.reasons = reasons
    }
}

/// Each unit's most related units of other municipalities, found once when the graph is
/// made, the way Hugo's related content is (`related/inverted_index.go`): an inverted
/// index from each feature (a theme, a tag, a cited paragraph) to the units that have
/// it, so that a unit is only ever scored against the units it shares something with.
/// The cost is the sum, over the features, of the units that share each, not the number
/// of pairs of units: 10,000 units with a few tags each are cheap.
///
/// A candidate's score is the sum of the weights of the features the two share; it is
/// listed when the score is at least the threshold, at most a few of one item's activities
/// (`perItem`). The best come first; equal scores in
/// site order (municipality, document, reading order), so that the list is the same on
/// every build. Units of the unit's own municipality are never listed: the page is about
/// what other municipalities do.
struct RelatedUnitsIndex: Hashable, Sendable {
    private var related: [ComparableUnit.ID: [RelatedUnit]] = [:]

    init() {}

    /// - Parameter paragraphs: the paragraphs a unit's text cites.
    init(units: [ComparableUnit], settings: SiteConfig.Related, paragraphs: (ComparableUnit.ID) -> [LawParagraph]) {
        guard settings.limit > 0, !units.isEmpty else { return }
        let weights = settings.weights
        // Each unit's features with a weight, each once, in the unit's own order.
        let features: [[Feature]] = units.map { unit in
            var seen: Set<Feature> = []
            let all = unit.themeIDs.map(Feature.theme) + unit.tagIDs.map(Feature.tag) + paragraphs(unit.id).map(Feature.paragraph)
            return all.filter { Scoring.weight($0, weights) > 0 && seen.insert($0).inserted }
        }
        var postings: [Feature: [Int]] = [:]
        for (position, own) in features.enumerated() {
            for feature in own { postings[feature, default: []].append(position) }
        }
        var municipalityCodes: [String: Int] = [:]
        let municipality = units.map { unit in
            if let code = municipalityCodes[unit.municipalityID] { return code }
            municipalityCodes[unit.municipalityID] = municipalityCodes.count
            return municipalityCodes.count - 1
        }

        // Units are scored independently of each other: in chunks, one per task, each with
        // its own scratch scores.
        let context = Scoring(units: units, features: features, postings: postings, municipality: municipality,
                              settings: settings)
        let chunkSize = max(256, units.count / 16)
        let chunks = stride(from: 0, to: units.count, by: chunkSize).map { $0..<min($0 + chunkSize, units.count) }
        for found in chunks.concurrentMap({ context.related(in: $0) }) {
            related.merge(found) { first, _ in first }
        }
    }

    /// What scoring one unit reads: everything is shared, read-only, between the tasks.
    private struct Scoring: Sendable {
        let units: [ComparableUnit]
        let features: [[Feature]]
        let postings: [Feature: [Int]]
        let municipality: [Int]
        let settings: SiteConfig.Related
        var weights: SiteConfig.Related.Weights { settings.weights }

        static func weight(_ feature: Feature, _ weights: SiteConfig.Related.Weights) -> Int {
            switch feature {
            case .theme: weights.themes
            case .tag: weights.tags
            case .paragraph: weights.lawReferences
            }
        }

        /// The related units of the units at `positions`.
        func related(in positions: Range<Int>) -> [ComparableUnit.ID: [RelatedUnit]] {
            var found: [ComparableUnit.ID: [RelatedUnit]] = [:]
            // Scores of the candidates of one unit at a time; `touched` says which to read and reset.
            var scores = [Int](repeating: 0, count: units.count)
            var touched: [Int] = []
            for position in positions {
                let own = features[position]
                guard !own.isEmpty else { continue }
                for feature in own {
                    let added = Self.weight(feature, weights)
                    for candidate in postings[feature] ?? [] where municipality[candidate] != municipality[position] {
                        if scores[candidate] == 0 { touched.append(candidate) }
                        scores[candidate] += added
                    }
                }
                let best = best(of: touched, scores: scores)
                if !best.isEmpty {
                    found[units[position].id] = best.map { candidate in
                        RelatedUnit(id: units[candidate].id, score: scores[candidate], reasons: reasons(own, features[candidate]))
                    }
                }
                for candidate in touched { scores[candidate] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            return found
        }

        /// The highest-scoring candidates at or above the threshold, ties in unit order, at
        /// most `perItem` of one item and `limit` in all. Scores are sums of a few weights,
        /// so there are few distinct ones, and the best few units are nearly always found at
        /// the top one or two: each pass over the candidates takes those at one score (and
        /// finds the next lower score), and only they are sorted. (At 10,000 items a unit has
        /// thousands of candidates, since a theme is shared by a tenth of the country;
        /// grouping all of them by score in a dictionary was half of the related index's
        /// time, and the largest part of a preview's save.)
        private func best(of touched: [Int], scores: [Int]) -> [Int] {
            var best: [Int] = []
            var perItem: [String: Int] = [:]
            var level = touched.reduce(0) { max($0, scores[$1]) }
            var atLevel: [Int] = []
            while level > 0, level >= settings.threshold {
                atLevel.removeAll(keepingCapacity: true)
                var next = 0
                for candidate in touched {
                    let score = scores[candidate]
                    if score == level {
                        atLevel.append(candidate)
                    } else if score < level, score > next {
                        next = score
                    }
                }
                atLevel.sort()
                for candidate in atLevel {
                    let item = units[candidate].id.itemID
                    guard perItem[item, default: 0] < settings.perItem else { continue }
                    perItem[item, default: 0] += 1
                    best.append(candidate)
                    if best.count == settings.limit { return best }
                }
                level = next
            }
            return best
        }

        /// What `own` shares with `theirs`, in `own`'s order.
        private func reasons(_ own: [Feature], _ theirs: [Feature]) -> RelatedUnit.Reasons {
            let theirs = Set(theirs)
            var reasons = RelatedUnit.Reasons()
            for feature in own where theirs.contains(feature) {
                switch feature {
                case .theme(let id): reasons.themeIDs.append(id)
                case .tag(let id): reasons.tagIDs.append(id)
                case .paragraph(let paragraph): reasons.paragraphs.append(paragraph)
                }
            }
            return reasons
        }
    }

    func related(to id: ComparableUnit.ID) -> [RelatedUnit] {
        related[id] ?? []
    }

    /// What two units can share.
    private enum Feature: Hashable, Sendable {
        case theme(String)
        case tag(String)
        case paragraph(LawParagraph)
    }
}
