/// The cross-municipality theme matrix: themes as rows, municipalities as columns, each
/// cell the comparable units of that municipality under that theme.
public struct ThemeMatrix: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var themeID: String
        /// One cell per municipality, in the order of `municipalityIDs`.
        public var cells: [[ComparableUnit.ID]]
    }

    public var municipalityIDs: [String]
    /// What each municipality's units are (its activities, indsatser or ideas), in the
    /// order of `municipalityIDs`: so that every count can say what it counts.
    public var unitKinds: [[ComparableUnit.Kind]] = []
    public var rows: [Row]
}

/// A document's own matrix: its items (or their activities) against columns such as
/// its sections, its local themes or the cross-municipality themes.
public struct DocumentMatrix: Sendable, Hashable {
    public enum Axis: String, Sendable, Hashable {
        /// Columns are the document's sections (Rudersdal's goals, Kalundborg's main initiatives).
        case sections
        /// Columns are the document's own numbered themes (Kalundborg's 5 themes).
        case localThemes
        /// Columns are the cross-municipality themes the document's items map to.
        case themes
    }

    public struct Column: Sendable, Hashable {
        /// Section id, theme id, or the local theme's number as text.
        public var key: String
        public var title: String

        public init(key: String, title: String) {
            self.key = key
            self.title = title
        }
    }

    /// What the matrix says about one row under one column. Three states, not two,
    /// because "the source does not say" is not "no": Kalundborg's catalogue marks an
    /// idea's themes in the idea's own text, and for ideas 7 and 12 that text is missing
    /// in the source, so their themes are unknown rather than absent.
    public enum Mark: Sendable, Hashable {
        case yes
        case no
        /// The source does not say (the row's description is missing in the source).
        case notStated
    }

    public struct Row: Sendable, Hashable {
        public var itemID: String
        /// Set when the row is one of the item's activities (Hillerød's plan).
        public var activityIndex: Int?
        /// One mark per column.
        public var marks: [Mark]

        public init(itemID: String, activityIndex: Int? = nil, marks: [Mark]) {
            self.itemID = itemID
            self.activityIndex = activityIndex
            self.marks = marks
        }
    }

    public var axis: Axis
    public var columns: [Column]
    public var rows: [Row]

    public init(axis: Axis, columns: [Column], rows: [Row]) {
        self.axis = axis
        self.columns = columns
        self.rows = rows
    }
}
