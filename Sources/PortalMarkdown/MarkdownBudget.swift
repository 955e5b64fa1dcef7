/// What the Markdown of one content file may cost, checked by one pass over its lines
/// before cmark reads any of it.
///
/// cmark-gfm keeps a node of about 200 bytes for nearly every byte of hostile input, nests
/// block quotes and lists as deep as the input says, pads every short table row to the
/// header's width and copies a reference definition into every link that uses it. So a
/// 4 MB file of `>` made a 108 MB page and took 1.9 GB, and a 10,000-column table header
/// over short rows never finished. Each limit below is far beyond what a real document
/// needs (the longest file of the real content is under 7 KB), and together they keep
/// every text cheap to parse, in memory, time and page size.
///
/// The scan may over-count (it does not know where a code block or a table really ends),
/// never under-count: every limit is stated as the rule the scan applies, so a message
/// about it is true.
public struct MarkdownBudget: Sendable {
    /// Levels of block quotes and lists: each `>` and list marker at the start of a line,
    /// and every 2 columns of indentation before one, count as a level.
    public static let maximumNesting = 16
    /// Bytes of Markdown in one file, all its texts together.
    public static let maximumBytes = 256 * 1024
    /// Cells in one table row (a row with more than this many `|` and one has more cells).
    public static let maximumTableColumns = 100
    /// Table cells in one file (rows × columns, every row padded to the header's width).
    public static let maximumTableCells = 10_000
    /// `[` in one paragraph: cmark-gfm 0.29 takes time quadratic in them (`![[]()`).
    public static let maximumBracketsPerParagraph = 1_000
    /// Bytes that reference links could copy from their definitions, in one file.
    public static let maximumReferenceExpansion = 256 * 1024

    /// One limit a text goes past, at the place where it does (1-based, within the text;
    /// the column counts Unicode scalars, as editors count characters).
    public struct Violation: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// At the `>` or list marker that goes past `maximumNesting`.
            case nesting
            /// At the start of the text that takes the file past `maximumBytes`; the bytes so far.
            case size(bytes: Int)
            /// At the row with more than `maximumTableColumns` cells.
            case tableColumns
            /// At the table that takes the file past `maximumTableCells`.
            case tableCells
            /// At the `[` past `maximumBracketsPerParagraph`.
            case brackets
            /// At a paragraph starting with `[` that could be a link definition of
            /// `definitionBytes`, used up to `uses` times (the `]` of the text).
            case referenceExpansion(definitionBytes: Int, uses: Int)
        }

        public var kind: Kind
        public var line: Int
        public var column: Int

        public init(kind: Kind, line: Int, column: Int) {
            self.kind = kind
            self.line = line
            self.column = column
        }
    }

    private var bytes = 0
    private var tableCells = 0
    private var referenceExpansion = 0
    /// The limits already reported for this file: each is reported once, where it is first passed.
    private var reported: Set<Limit> = []

    private enum Limit: Hashable {
        case size, nesting, tableColumns, tableCells, brackets, references
    }

    public init() {}

    /// Counts `text` against the file's budget; the limits it takes the file past.
    public mutating func spend(_ text: String) -> [Violation] {
        var violations: [Violation] = []
        func report(_ limit: Limit, _ kind: Violation.Kind, at place: LineScan.Place) {
            if reported.insert(limit).inserted { violations.append(Violation(kind: kind, line: place.line, column: place.column)) }
        }
        bytes += text.utf8.count
        if bytes > Self.maximumBytes { report(.size, .size(bytes: bytes), at: LineScan.Place(line: 1, column: 1)) }

        var scan = LineScan()
        var contiguous = text
        contiguous.withUTF8 { scan.run(over: $0) }
        if let place = scan.deepMarker { report(.nesting, .nesting, at: place) }
        if let place = scan.wideRow { report(.tableColumns, .tableColumns, at: place) }
        if let place = scan.denseBracket { report(.brackets, .brackets, at: place) }
        for table in scan.tables {
            tableCells += table.cells
            if tableCells > Self.maximumTableCells { report(.tableCells, .tableCells, at: table.place) }
        }
        if let definition = scan.longestDefinition {
            referenceExpansion += definition.bytes * scan.closingBrackets
            if referenceExpansion > Self.maximumReferenceExpansion {
                report(.references, .referenceExpansion(definitionBytes: definition.bytes, uses: scan.closingBrackets),
                       at: definition.place)
            }
        }
        return violations
    }
}

/// One pass over the UTF-8 bytes of a text, line by line: the container prefix of each
/// line (`>`, list markers, indentation), then what follows it.
private struct LineScan {
    struct Place { var line: Int; var column: Int }

    var deepMarker: Place?
    var wideRow: Place?
    var denseBracket: Place?
    var tables: [(place: Place, cells: Int)] = []
    var longestDefinition: (place: Place, bytes: Int)?
    var closingBrackets = 0

    private var line = 0
    private var lineStart = 0
    private var previousLine: (start: Int, end: Int, blank: Bool) = (0, 0, true)
    private var bracketsInParagraph = 0
    private var tableColumns: Int?
    private var definitionStart: (place: Place, offset: Int)?

    mutating func run(over text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start <= text.count {
            var end = start
            while end < text.count, text[end] != UInt8(ascii: "\n") { end += 1 }
            line += 1
            lineStart = start
            scanLine(text, start, end)
            start = end + 1
        }
        endParagraph(at: text.count)
    }

    private mutating func scanLine(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        // The container prefix: markers, the space that belongs to each, and indentation.
        var index = start, markers = 0, indentation = 0, opensListItem = false
        prefix: while index < end {
            switch text[index] {
            case UInt8(ascii: " "):
                indentation += 1
                index += 1
            case UInt8(ascii: "\t"):
                indentation += 4
                index += 1
            case UInt8(ascii: ">"):
                markers += 1
                checkDepth(markers, indentation, text, at: index)
                index += 1
                if index < end, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") { index += 1 }
            default:
                guard let width = Self.listMarkerWidth(text, index, end) else { break prefix }
                markers += 1
                opensListItem = opensListItem || Self.canInterruptParagraph(text, index, width)
                checkDepth(markers, indentation, text, at: index)
                index += width
                var after = 0
                while index < end, after < 4, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") {
                    index += 1
                    after += 1
                }
            }
        }
        var blank = true
        for position in index..<end where text[position] != UInt8(ascii: " ") && text[position] != UInt8(ascii: "\t") {
            blank = false
            break
        }
        if blank || opensListItem { endParagraph(at: start) }
        if blank {
            tableColumns = nil
            previousLine = (start, end, true)
            return
        }
        if definitionStart == nil, text[index] == UInt8(ascii: "[") {
            definitionStart = (place(text, index), index)
        }
        var pipes = 0, escaped = false
        for position in index..<end {
            let byte = text[position]
            defer { escaped = byte == UInt8(ascii: "\\") && !escaped }
            if escaped { continue }
            switch byte {
            case UInt8(ascii: "["):
                bracketsInParagraph += 1
                if bracketsInParagraph > MarkdownBudget.maximumBracketsPerParagraph, denseBracket == nil {
                    denseBracket = place(text, position)
                }
            case UInt8(ascii: "]"):
                closingBrackets += 1
            case UInt8(ascii: "|"):
                pipes += 1
            default:
                break
            }
        }
        if let columns = tableColumns {
            checkRow(pipes, text, index)
            tables[tables.count - 1].cells += columns
        } else if !previousLine.blank, let columns = Self.delimiterRowColumns(text, index, end) {
            // A delimiter row under a header row opens a table; every line up to the next
            // blank line is one of its rows.
            checkRow(pipes, text, index)
            checkRow(Self.pipes(text, previousLine.start, previousLine.end), text, index)
            tableColumns = columns
            tables.append((place(text, index), columns))
        }
        previousLine = (start, end, false)
    }

    private mutating func checkDepth(_ markers: Int, _ indentation: Int, _ text: UnsafeBufferPointer<UInt8>, at index: Int) {
        if deepMarker == nil, markers + indentation / 2 > MarkdownBudget.maximumNesting {
            deepMarker = place(text, index)
        }
    }

    private mutating func checkRow(_ pipes: Int, _ text: UnsafeBufferPointer<UInt8>, _ index: Int) {
        // A row of n cells has at least n - 1 pipes.
        if wideRow == nil, pipes > MarkdownBudget.maximumTableColumns + 1 { wideRow = place(text, index) }
    }

    /// A paragraph ends: a link definition that started it can be no longer than it.
    private mutating func endParagraph(at offset: Int) {
        bracketsInParagraph = 0
        guard let start = definitionStart else { return }
        definitionStart = nil
        let bytes = offset - start.offset
        if bytes > longestDefinition?.bytes ?? 0 { longestDefinition = (start.place, bytes) }
    }

    /// The place of a byte of the current line, its column counted in Unicode scalars.
    private func place(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Place {
        var column = 1
        for position in lineStart..<index where text[position] & 0xC0 != 0x80 { column += 1 }
        return Place(line: line, column: column)
    }

    /// `-`, `+`, `*` or 1–9 digits with `.` or `)`, followed by a space, a tab or the line end.
    private static func listMarkerWidth(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
        var width: Int
        switch text[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
            width = 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            width = 1
            while index + width < end, width < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index + width]) { width += 1 }
            guard width < 10, index + width < end,
                  text[index + width] == UInt8(ascii: ".") || text[index + width] == UInt8(ascii: ")") else { return nil }
            width += 1
        default:
            return nil
        }
        guard index + width == end || text[index + width] == UInt8(ascii: " ") || text[index + width] == UInt8(ascii: "\t") else {
            return nil
        }
        return width
    }

    /// Bullets and ordered markers numbered 1 start a new list item even after a paragraph line.
    private static func canInterruptParagraph(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ width: Int) -> Bool {
        width == 1 || (width == 2 && text[index] == UInt8(ascii: "1"))
    }

    /// The number of columns of a GFM delimiter row (`| --- | :-: |`), nil for any other line.
    private static func delimiterRowColumns(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var columns = 0, inDashes = false
        for position in start..<end {
            switch text[position] {
            case UInt8(ascii: "-"):
                if !inDashes { columns += 1 }
                inDashes = true
            case UInt8(ascii: "|"):
                inDashes = false
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"):
                break
            default:
                return nil
            }
        }
        return columns > 0 ? columns : nil
    }

    private static func pipes(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        for position in start..<end where text[position] == UInt8(ascii: "|") { count += 1 }
        return count
    }
}
