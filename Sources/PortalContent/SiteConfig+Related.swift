import PortalCore

extension SiteConfig {
    /// How each unit's page finds the most related units of other municipalities, from
    /// `related:` in `site.yaml` (set up the way Hugo's related content is: a weight per
    /// kind of shared feature, a threshold and a maximum count).
    ///
    /// A related unit's score is the sum of the weights of what the two share: each shared
    /// cross-municipality theme adds `themes`, each shared tag `tags`, each paragraph of
    /// Serviceloven both texts cite `lawReferences`. A unit is listed when its score is at
    /// least `threshold`; at most `limit` are listed, and at most `perItem` of one item's
    /// activities (they often share what they inherit from their item, and five activities
    /// of one indsats say less than five municipalities' units). Unlike Hugo the score is a plain sum,
    /// not a normalised average, so that an editor can tell from the settings alone what
    /// relates ("one shared tag is enough, one shared theme is not").
    ///
    /// Local themes are not scored: a document's local theme 3 is not another document's
    /// theme 3, so they can only be shared within one document, and related units are
    /// always from another municipality.
    public struct Related: Sendable, Hashable {
        public struct Weights: Sendable, Hashable {
            public var themes: Int
            public var tags: Int
            public var lawReferences: Int

            public init(themes: Int, tags: Int, lawReferences: Int) {
                self.themes = themes
                self.tags = tags
                self.lawReferences = lawReferences
            }
        }

        public var threshold: Int
        public var limit: Int
        public var perItem: Int
        public var weights: Weights

        public init(threshold: Int, limit: Int, perItem: Int = 2, weights: Weights) {
            self.threshold = threshold
            self.limit = limit
            self.perItem = perItem
            self.weights = weights
        }

        /// The settings used for whatever `related:` leaves out. Themes are broad (a unit
        /// has two or three of ten), so one shared theme alone is not enough, two are; a tag
        /// is narrower and a cited paragraph narrower still, so either alone is.
        public static let standard = Related(threshold: 60, limit: 5, perItem: 2, weights: Weights(themes: 30, tags: 60, lawReferences: 70))

        /// The largest weight, threshold and count accepted: far above any sensible
        /// setting, and low enough that no sum of weights can overflow.
        public static let largestWeight = 1000
        public static let largestThreshold = 1_000_000
        public static let largestLimit = 100

        /// The fields of `related:`, as written in `site.yaml`.
        public enum Setting: String, CaseIterable, Sendable {
            case threshold, limit
            case perItem = "per_item"
            case weights
        }

        /// The fields of `related.weights:`.
        public enum Weight: String, CaseIterable, Sendable {
            case themes, tags
            case lawReferences = "law_references"

            /// What is shared, for messages and the field table.
            var shared: String {
                switch self {
                case .themes: "cross-municipality theme"
                case .tags: "tag"
                case .lawReferences: "paragraph of Serviceloven both texts cite"
                }
            }

            var standard: Int {
                switch self {
                case .themes: Related.standard.weights.themes
                case .tags: Related.standard.weights.tags
                case .lawReferences: Related.standard.weights.lawReferences
                }
            }
        }

        static func read(_ settings: YAMLFields, sink: DiagnosticSink) -> Related {
            var related = standard
            guard let node = settings.node("related") else {
                sink.error(settings.keyLocation(of: "related"), "'related:' has no value",
                           hint: "give 'threshold:', 'limit:' or 'weights:' below it, or leave 'related:' out to use the defaults")
                return related
            }
            guard let fields = YAMLFields(node, file: settings.file, lineOffset: settings.lineOffset, sink: sink,
                                          allowed: Setting.allCases.map(\.rawValue), what: "related") else { return related }
            if let threshold = number(fields, "threshold", in: 0...largestThreshold, default: standard.threshold,
                                      meaning: "the smallest score a related unit needs") {
                related.threshold = threshold
            }
            if let limit = number(fields, "limit", in: 0...largestLimit, default: standard.limit,
                                  meaning: "how many related units a page lists at most; 0 lists none") {
                related.limit = limit
            }
            if let perItem = number(fields, "per_item", in: 1...largestLimit, default: standard.perItem,
                                    meaning: "how many activities of one item a page lists at most") {
                related.perItem = perItem
            }
            if fields.isWritten("weights") {
                related.weights = readWeights(fields, sink: sink)
            }
            return related
        }

        private static func readWeights(_ related: YAMLFields, sink: DiagnosticSink) -> Weights {
            var weights = standard.weights
            guard let node = related.node("weights") else {
                sink.error(related.keyLocation(of: "weights"), "'weights:' has no value",
                           hint: "give a weight below it (such as 'tags: \(standard.weights.tags)'), or leave 'weights:' out to use the defaults")
                return weights
            }
            guard let fields = YAMLFields(node, file: related.file, lineOffset: related.lineOffset, sink: sink,
                                          allowed: Weight.allCases.map(\.rawValue), what: "related.weights") else { return weights }
            for weight in Weight.allCases {
                guard let value = number(fields, weight.rawValue, in: 0...largestWeight, default: weight.standard,
                                         meaning: "what each shared one adds to the score; 0 ignores them") else { continue }
                switch weight {
                case .themes: weights.themes = value
                case .tags: weights.tags = value
                case .lawReferences: weights.lawReferences = value
                }
            }
            return weights
        }

        /// The whole number written at `name`, or nil (with an error) when it is empty, not
        /// a whole number or outside `range`; nil without one when it is not written.
        private static func number(_ fields: YAMLFields, _ name: String, in range: ClosedRange<Int>, default standard: Int,
                                   meaning: String) -> Int? {
            guard fields.isWritten(name) else { return nil }
            guard fields.node(name) != nil else {
                fields.sink.error(fields.keyLocation(of: name), "'\(name):' has no value",
                                  hint: "write a whole number from \(range.lowerBound) to \(range.upperBound) (\(meaning)), or leave '\(name):' out to use \(standard)")
                return nil
            }
            guard let value = fields.int(name) else { return nil }
            guard range.contains(value) else {
                fields.sink.error(fields.location(of: name), "'\(name)' is \(value), but must be from \(range.lowerBound) to \(range.upperBound)",
                                  hint: "\(name) is \(meaning) (default: \(standard))")
                return nil
            }
            return value
        }
    }
}
