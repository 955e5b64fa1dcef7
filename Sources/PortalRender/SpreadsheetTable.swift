import Foundation

/// One CSV file of the open data, for people who open it in Danish Excel: UTF-8 with a
/// byte order mark (without it Excel reads æøå as two characters each), `;` between
/// fields (Danish Excel's list separator, since `,` is the decimal mark) and CRLF lines.
public struct SpreadsheetTable: Sendable, Hashable {
    /// What the file holds, which also names it.
    public enum Kind: String, Sendable, CaseIterable {
        /// One row per item (indsats or idea), as the documents are organised.
        case items = "portal"
        /// One row per comparable unit: what the portal counts and compares.
        case units
        /// One row per activity, with its status.
        case activities
        /// One row per milestone: its text, when as written, and the dates it is read as.
        case milestones
        /// The home page's themes × municipalities counts.
        case themeMatrix = "theme-matrix"

        public var fileName: String { rawValue + ".csv" }
    }

    public var kind: Kind
    public var header: [String]
    public var rows: [[String]]

    /// Several values in one field ("Sundhed og trivsel | Fællesskaber"): a bar, not a
    /// comma, because names hold commas and Excel's text-to-columns would split them.
    public static let valueSeparator = " | "

    /// The file's bytes.
    public var data: Data {
        // Straight into the file's bytes: a text joined first and copied after would hold
        // the file twice (at 10,000 items the activities are 14 MB).
        var data = Data([0xEF, 0xBB, 0xBF])
        func append(_ row: [String]) {
            for (index, value) in row.enumerated() {
                if index > 0 { data.append(UInt8(ascii: ";")) }
                var field = Self.field(value)
                field.withUTF8 { data.append($0) }
            }
            data.append(contentsOf: [0x0D, 0x0A])
        }
        append(header)
        rows.forEach(append)
        return data
    }

    /// Quotes a field when it holds a separator, quote or line break; guards against
    /// spreadsheet formula injection by prefixing a leading `= + - @` with an apostrophe.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        // Bytes, not characters: "\r\n" is one Character, which a character test misses.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
