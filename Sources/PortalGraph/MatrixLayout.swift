/// How a document's matrix reads best, decided from its marks rather than from its axis.
///
/// A matrix in which every row is marked under exactly one column is a grouping (one of
/// n): Kalundborg's ideas under their main initiative, Rudersdal's indsatser under their
/// political goal, Hillerød's activities under their ambition. As a Ja/Nej table it is
/// mostly "Nej" and hides that it is a list; as one list per column it says the same
/// with nothing left out. Any other matrix (rows under several columns, under none, or
/// not stated) is many-to-many and stays a table of marks.
///
/// The decision is made on the data, so that a themes matrix whose items happen to have
/// one theme each is listed too, and a sections matrix with an item outside every
/// section stays a table rather than losing that item.
extension DocumentMatrix {
    public enum Layout: Sendable, Hashable {
        /// One group per column, in column order, each with its rows in matrix order;
        /// every row is in exactly one group.
        case groups([Group])
        /// A table of marks, one row per row and one cell per column.
        case table
    }

    public struct Group: Sendable, Hashable {
        /// The column's position in `columns`.
        public var column: Int
        public var rows: [Row]
    }

    /// `groups` when every row has exactly one `yes` and every other mark `no`;
    /// otherwise (or for a matrix without rows) `table`.
    public var layout: Layout {
        guard !rows.isEmpty else { return .table }
        var groups = columns.indices.map { Group(column: $0, rows: []) }
        for row in rows {
            guard row.marks.count == columns.count, !row.marks.contains(.notStated),
                  row.marks.count(where: { $0 == .yes }) == 1,
                  let column = row.marks.firstIndex(of: .yes) else { return .table }
            groups[column].rows.append(row)
        }
        return .groups(groups)
    }
}
