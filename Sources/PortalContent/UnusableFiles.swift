import PortalCore
import Yams

/// What can still be learnt from a content file that exists but could not be decoded:
/// its kind, its id and the tags it names. Its own error is already reported; later
/// stages use this to stay quiet about what only follows from that error ("tag 'motion'
/// does not exist" while `tags/motion.md` is there but broken).
public struct SalvagedFile: Sendable, Hashable {
    /// The path used in diagnostics.
    public var path: String
    /// Nil when no known kind could be read (`kind: tagg`, or no readable `kind:` line).
    public var kind: EntityKind?
    /// The ids the file may have: the one it writes (and that id made valid, which is what
    /// the editor will likely fix it to) or, when none can be read, its file name.
    public var ids: Set<String>
    /// The tags it names; nil when it may name tags that cannot be read.
    public var tags: Set<String>?

    public init(path: String, kind: EntityKind?, id: String?, tags: Set<String>?) {
        self.path = path
        self.kind = kind
        self.tags = tags
        let written = Self.trimmed(Substring(id ?? ""))
        ids = written.isEmpty ? Self.names(from: Self.fileStem(of: path)) : Self.names(from: String(written))
    }

    /// From front matter that parsed as YAML but did not make a record.
    init(path: String, root: Node, text: String) {
        guard let mapping = root.mapping else {
            self.init(path: path, text: text)
            return
        }
        var tags: Set<String>? = []
        if let node = mapping["tags"], !YAMLFields.isNull(node) {
            if let sequence = node.sequence {
                let names = sequence.filter { !YAMLFields.isNull($0) }.map { $0.scalar?.string }
                tags = names.contains(nil) ? nil : Set(names.compactMap { $0 })
            } else {
                tags = node.scalar.map { [$0.string] }
            }
        }
        func scalar(_ name: String) -> String? { mapping[name].flatMap { YAMLFields.isNull($0) ? nil : $0.scalar?.string } }
        self.init(path: path, kind: scalar("kind").flatMap(EntityKind.init(rawValue:)), id: scalar("id"), tags: tags)
    }

    /// From the text alone, line by line, for a file whose front matter does not parse (or
    /// could not even be split off): top-level `kind:`, `id:` and `tags:` lines up to the
    /// closing `---`, with quotes and trailing comments taken off.
    init(path: String, text: String) {
        // `isNewline` also splits "\r\n", which Swift holds as one character.
        var lines = text.split(maxSplits: Self.linesRead, omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let truncated = lines.count > Self.linesRead
        lines = Array(lines.prefix(Self.linesRead))
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        if let first = lines.first, Self.trimmed(first) == "---" { lines.removeFirst() }
        var fields: [String: Substring] = [:]
        var tags: Set<String>? = []
        var index = 0
        var closed = false
        while index < lines.count {
            let line = lines[index]
            index += 1
            if Self.trimmed(line) == "---" || Self.trimmed(line) == "..." {
                closed = true
                break
            }
            guard let (key, value) = Self.field(line) else { continue }
            fields[key] = fields[key] ?? value
            guard key == "tags" else { continue }
            if value.isEmpty {
                // A block list: the `- name` lines below.
                var names: Set<String> = []
                while index < lines.count, let item = Self.listEntry(lines[index]) {
                    if !item.isEmpty, item != "~", item != "null" { names.insert(item) }
                    index += 1
                }
                tags = names
            } else {
                tags = Self.flowList(value)
            }
        }
        // Past the lines read, a `tags:` line may still come.
        if !closed, truncated, fields["tags"] == nil { tags = nil }
        let kind = fields["kind"].map(Self.plainValue).flatMap { EntityKind(rawValue: $0) }
        let id = fields["id"].map(Self.plainValue).flatMap { ["~", "null", "Null", "NULL"].contains($0) ? nil : $0 }
        self.init(path: path, kind: kind, id: id, tags: tags)
    }

    static let linesRead = 400

    /// `key: value` at the start of a line, the key plain or quoted.
    private static func field(_ line: Substring) -> (String, Substring)? {
        guard let colon = line.firstIndex(of: ":"), line.first.map({ $0 != " " && $0 != "\t" && $0 != "#" }) == true else { return nil }
        let key = plainValue(line[..<colon])
        guard ["kind", "id", "tags"].contains(key) else { return nil }
        return (key, withoutComment(line[line.index(after: colon)...]))
    }

    /// The text of a `- entry` line of a block list, nil for any other line.
    private static func listEntry(_ line: Substring) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed == "-" || trimmed.hasPrefix("- ") else { return nil }
        return plainValue(withoutComment(trimmed.dropFirst()))
    }

    /// `[a, "b"]` as its entries; nil when it is not a one-line list (it may go on below,
    /// or be something else), since then the names cannot be known.
    private static func flowList(_ value: Substring) -> Set<String>? {
        guard value.hasPrefix("["), value.hasSuffix("]") else {
            // `tags: motion` (not a list, an error of its own) still names the tag.
            return value.hasPrefix("[") || value.hasPrefix("{") ? nil : [plainValue(value)]
        }
        let entries = value.dropFirst().dropLast().split(separator: ",").map { plainValue($0) }
        return Set(entries.filter { !$0.isEmpty && $0 != "~" && $0 != "null" })
    }

    /// A value without a trailing ` # comment` (a `#` after a space, outside quotes), trimmed.
    private static func withoutComment(_ value: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for index in value.indices {
            let character = value[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return trimmed(value[..<index])
            }
            previous = character
        }
        return trimmed(value)
    }

    private static func trimmed(_ value: Substring) -> Substring {
        var value = value.drop { $0 == " " || $0 == "\t" }
        while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
        return value
    }

    /// A scalar without its quotes.
    private static func plainValue(_ value: Substring) -> String {
        let value = trimmed(value)
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }

    /// The file name without its folder and its last extension.
    private static func fileStem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// An id as written and as the valid id it is probably meant to be.
    private static func names(from id: String) -> Set<String> {
        Set([id, Slug.make(id, maximumLength: 200)].filter { !$0.isEmpty })
    }
}

/// The content files that exist but could not be decoded, for the later stages to keep
/// quiet about what follows from their errors: a reference to one of them is not
/// "missing", and a tag one of them may name is not "unused".
public struct UnusableFiles: Sendable {
    private var idsByKind: [EntityKind: Set<String>] = [:]
    private var idsOfUnknownKind: Set<String> = []
    private var tagsNamed: Set<String> = []
    private var mayNameAnyTag = false
    /// Every failed file, in the order added.
    public private(set) var files: [SalvagedFile] = []

    public init(_ files: some Sequence<SalvagedFile> = []) {
        for file in files { add(file) }
    }

    public mutating func add(_ file: SalvagedFile) {
        files.append(file)
        if let kind = file.kind {
            idsByKind[kind, default: []].formUnion(file.ids)
        } else {
            idsOfUnknownKind.formUnion(file.ids)
        }
        // A file whose kind is unknown may be an item.
        guard file.kind == nil || file.kind == .item else { return }
        if let tags = file.tags { tagsNamed.formUnion(tags) } else { mayNameAnyTag = true }
    }

    /// Whether the entity of `kind` with `id` may be one of the failed files.
    public func mayBe(_ kind: EntityKind, id: String) -> Bool {
        idsByKind[kind]?.contains(id) == true || idsOfUnknownKind.contains(id)
    }

    /// Whether one of the failed files may be an item that names `tag`.
    public func mayName(tag: String) -> Bool {
        mayNameAnyTag || tagsNamed.contains(tag)
    }

    public var isEmpty: Bool { files.isEmpty }
}
