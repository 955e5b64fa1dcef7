import PortalCore

extension SiteConfig {
    /// The first part of the address of each kind of generated listing and folder
    /// (`kommuner/`, `temaer/`, `assets/` ...), from `paths:` in `site.yaml`.
    ///
    /// Each is one address segment, and no two may be the same: two listings at one
    /// address would silently overwrite each other (`municipalities: temaer` makes the
    /// menu's "Kommuner" open the themes page), and pages in the assets folder would mix
    /// with the theme's files.
    public struct Paths: Sendable, Hashable {
        public var municipalities: String
        public var themes: String
        public var tags: String
        public var data: String
        public var assets: String
        /// The timeline of milestones across municipalities, and each document's below it.
        public var timeline: String = "timeline"
        /// The side-by-side comparisons: an index of themes, one page per theme below it.
        public var compare: String = "compare"
        /// The § index: the references to Serviceloven, one page per paragraph below it.
        public var lawReferences: String
        /// The search page, and its index files below it.
        public var search: String
        /// Where each path is written in `site.yaml`; empty for paths left at their default,
        /// so that a page that collides with one can name the line to change.
        public var locations: [Folder: SourceLocation] = [:]

        /// The addresses used when `site.yaml` does not name its own.
        public static let standard = Paths(
            municipalities: "municipalities", themes: "themes", tags: "tags", data: "data", assets: "assets",
            lawReferences: "law-references", search: "search")

        /// The folders the generator itself writes at the root of the site, one per field of `paths:`.
        public enum Folder: String, Sendable, Hashable, CaseIterable {
            case municipalities, themes, tags, data, assets, timeline, compare
            case lawReferences = "law_references"
            case search

            /// What the generator puts there, for messages.
            public var contents: String {
                switch self {
                case .municipalities: "the municipalities listing"
                case .themes: "the themes listing"
                case .tags: "the tags listing"
                case .data: "the data files"
                case .assets: "the theme's assets"
                case .timeline: "the timelines"
                case .compare: "the side-by-side comparisons"
                case .lawReferences: "the index of references to Serviceloven"
                case .search: "the search page and its index"
                }
            }
        }

        public subscript(folder: Folder) -> String {
            get {
                switch folder {
                case .municipalities: municipalities
                case .themes: themes
                case .tags: tags
                case .data: data
                case .assets: assets
                case .timeline: timeline
                case .compare: compare
                case .lawReferences: lawReferences
                case .search: search
                }
            }
            set {
                switch folder {
                case .municipalities: municipalities = newValue
                case .themes: themes = newValue
                case .tags: tags = newValue
                case .data: data = newValue
                case .assets: assets = newValue
                case .timeline: timeline = newValue
                case .compare: compare = newValue
                case .lawReferences: lawReferences = newValue
                case .search: search = newValue
                }
            }
        }

        /// Reads `paths:` from the settings; a path left out keeps its default, but one
        /// written without a value is an error rather than a silent default.
        static func read(_ settings: YAMLFields, sink: DiagnosticSink) -> Paths {
            var paths = standard
            guard let node = settings.node("paths") else {
                sink.error(settings.keyLocation(of: "paths"), "'paths:' has no value",
                           hint: "give each path below it (such as 'themes: temaer'), or leave 'paths:' out to use the defaults")
                return paths
            }
            guard let fields = YAMLFields(node, file: settings.file, lineOffset: settings.lineOffset, sink: sink,
                                          allowed: FieldCatalog.site.subfields(of: "paths").names, what: "paths") else { return paths }
            var firstUse: [String: (folder: Folder, location: SourceLocation)] = [:]
            let written = Folder.allCases.filter { fields.isWritten($0.rawValue) }
                .sorted { fields.keyLocation(of: $0.rawValue) < fields.keyLocation(of: $1.rawValue) }
            for folder in written {
                let name = folder.rawValue
                guard let value = fields.string(name), !value.isEmpty else {
                    sink.error(fields.node(name) == nil ? fields.keyLocation(of: name) : fields.location(of: name),
                               "the path for \(folder.contents) is empty",
                               hint: "write one address segment such as '\(standard[folder])', or leave '\(name):' out to use that default")
                    continue
                }
                let location = fields.location(of: name)
                guard Slug.isValid(value) else {
                    sink.error(location, "path '\(value)' may only hold a-z, 0-9 and hyphens",
                               hint: "a path is one address segment such as '\(standard[folder])'")
                    continue
                }
                if let first = firstUse[value] {
                    sink.error(location, "the path '\(value)' is already used for \(first.folder.contents) ('\(first.folder.rawValue):' at line \(first.location.line))",
                               hint: "give \(folder.contents) an address of its own: two folders at one address overwrite each other's pages and files")
                    continue
                }
                firstUse[value] = (folder, location)
                paths[folder] = value
                paths.locations[folder] = location
            }
            // A default that equals another written path collides just the same.
            for folder in Folder.allCases where !written.contains(folder) {
                if let other = firstUse[paths[folder]] {
                    sink.error(other.location, "the path '\(paths[folder])' is the default address of \(folder.contents)",
                               hint: "choose another path, or give '\(folder.rawValue):' its own path under 'paths:'")
                }
            }
            return paths
        }
    }
}
