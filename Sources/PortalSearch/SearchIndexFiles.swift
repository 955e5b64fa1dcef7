import PortalCore

/// The index as the files the search page loads: JavaScript files that hand their data
/// to `portalSearch.register(name, data)`, so that they load through `<script src>` from
/// a web server and from `file://` alike (a browser refuses `fetch` of a local file).
///
/// - `manifest.js`: the number of documents, the first term of every term chunk and
///   every facet with its values and their documents. Loaded with the page: facet
///   counts need every document's values even before a word is typed.
/// - `t/N.js`: a run of terms in sorted order, about `Limits.chunkBytes` each. A word
///   needs the chunk its term falls in, a prefix the chunks its terms fall in; the
///   script finds them by bisection over the manifest's first terms.
/// - `r/N.js`: what the results of a run of consecutive documents show (title, kind,
///   municipality, document, address, and the text their snippets come from), about
///   `Limits.resultBytes` each, loaded only when one of them is shown. Loading a script
///   costs the browser several milliseconds whatever its size, so neighbours share a file:
///   results in site order (the items of one document) need few of them.
///
/// Paths inside are relative to the site root, so the script makes them relative to the
/// page; the files say nothing about where the site is published.
public struct SearchIndexFiles: Sendable {
    public struct Limits: Sendable {
        /// A term chunk is closed before it grows past this (a single term's lists may
        /// still make a larger one).
        public var chunkBytes: Int
        /// A file of results is closed before it grows past this (one long document may
        /// still make a larger one).
        public var resultBytes: Int
        /// A document's text is cut after this many characters: snippets come from the
        /// start of a page's text where a match lies beyond it.
        public var textCharacters: Int

        public init(chunkBytes: Int = 16_384, resultBytes: Int = 8_192, textCharacters: Int = 12_000) {
            self.chunkBytes = chunkBytes
            self.resultBytes = resultBytes
            self.textCharacters = textCharacters
        }
    }

    public let index: SearchIndex
    public let limits: Limits

    public init(_ index: SearchIndex, limits: Limits = Limits()) {
        self.index = index
        self.limits = limits
    }

    /// Every file, with `folder` (`soeg/index/`) before its name, the manifest first.
    public func files(in folder: String) -> [OutputFile] {
        var files: [OutputFile] = []
        write(in: folder) { files.append($0) }
        // `write` makes the manifest last: it names the version of all the others.
        if let manifest = files.popLast() { files.insert(manifest, at: 0) }
        return files
    }

    /// Makes the files one at a time and hands each to `emit` as it is made, the manifest
    /// last (its version is a hash of all the others), so that the index's files (about
    /// 45 MB at 10,000 items) are never all held at once.
    public func write<Failure: Error>(in folder: String, _ emit: (OutputFile) throws(Failure) -> Void) throws(Failure) {
        var version = FNV1a()
        func hand(_ name: String, _ json: String) throws(Failure) {
            version.add(name)
            version.add(json)
            try emit(Self.file(folder, name, json))
        }
        var firstTerms: [String] = []
        try forEachTermChunk { (chunk) throws(Failure) in
            try hand("t/\(firstTerms.count)", chunk.json)
            firstTerms.append(chunk.firstTerm)
        }
        var groupStarts: [Int32] = []
        try forEachResultGroup { (group) throws(Failure) in
            try hand("r/\(groupStarts.count)", "{\"d\":[" + group.members.joined(separator: ",") + "]}")
            groupStarts.append(group.first)
        }
        try emit(Self.file(folder, "manifest", manifestJSON(firstTerms: firstTerms, groupStarts: groupStarts, version: version.hex)))
    }

    private static func file(_ folder: String, _ name: String, _ json: String) -> OutputFile {
        OutputFile(path: folder + name + ".js", text: "portalSearch.register(\(JS.string(name)),\(json));\n")
    }

    // MARK: Terms

    struct Chunk {
        var firstTerm: String
        var json: String
    }

    /// The term chunks in order, each handed to `body` as soon as it is closed.
    func forEachTermChunk<Failure: Error>(_ body: (Chunk) throws(Failure) -> Void) throws(Failure) {
        var members: [String] = []
        var first = ""
        var size = 0
        func close() throws(Failure) {
            guard !members.isEmpty else { return }
            try body(Chunk(firstTerm: first, json: "{" + members.joined(separator: ",") + "}"))
            members = []
            size = 0
        }
        for entry in index.entries {
            let all = PostingCodec.encode(entry.documents)
            let value = entry.titleDocuments.isEmpty
                ? "\"" + all + "\""
                : "[\"" + all + "\",\"" + PostingCodec.encode(entry.titleDocuments) + "\"]"
            let member = JS.string(entry.term) + ":" + value
            if size + member.utf8.count > limits.chunkBytes { try close() }
            if members.isEmpty { first = entry.term }
            members.append(member)
            size += member.utf8.count + 1
        }
        try close()
    }

    // MARK: Results

    struct Group {
        var first: Int32
        var members: [String]
    }

    /// Consecutive documents, packed into files of about `Limits.resultBytes`.
    /// The groups of results in order, each handed to `body` as soon as it is full.
    func forEachResultGroup<Failure: Error>(_ body: (Group) throws(Failure) -> Void) throws(Failure) {
        var group: Group?
        var size = 0
        for (number, document) in index.corpus.documents.enumerated() {
            let json = documentJSON(document)
            if let full = group, size + json.utf8.count > limits.resultBytes {
                try body(full)
                group = nil
            }
            if group == nil {
                group = Group(first: Int32(number), members: [])
                size = 0
            }
            group?.members.append(json)
            size += json.utf8.count + 1
        }
        if let last = group { try body(last) }
    }

    // MARK: Manifest and documents

    func manifestJSON(firstTerms: [String], groupStarts: [Int32], version: String) -> String {
        let facets = index.facets.map { table in
            let values = zip(table.values, table.documents).map { value, documents in
                "[" + JS.string(value.id) + "," + JS.string(value.label) + ",\"" + PostingCodec.encode(documents) + "\"]"
            }
            return "{\"facet\":" + JS.string(table.facet.rawValue) + ",\"values\":[" + values.joined(separator: ",") + "]}"
        }
        return "{\"version\":" + JS.string(version)
            + ",\"documents\":\(index.corpus.documents.count)"
            + ",\"chunks\":[" + firstTerms.map(JS.string).joined(separator: ",") + "]"
            + ",\"results\":\"" + PostingCodec.encode(groupStarts) + "\""
            + ",\"facets\":[" + facets.joined(separator: ",") + "]}"
    }

    func documentJSON(_ document: SearchDocument) -> String {
        let kinds = SearchDocument.Kind.allCases
        var members = [
            "\"t\":" + JS.string(document.title),
            "\"k\":\(kinds.firstIndex(of: document.kind) ?? 0)",
            "\"u\":" + JS.string(document.path),
        ]
        if let municipality = document.municipality { members.append("\"m\":" + JS.string(municipality)) }
        if let title = document.document { members.append("\"d\":" + JS.string(title)) }
        var text = document.text.joined(separator: "\n")
        if text.count > limits.textCharacters {
            let cut = text.index(text.startIndex, offsetBy: limits.textCharacters)
            let end = text[..<cut].lastIndex(where: { $0 == " " || $0 == "\n" }) ?? cut
            text = String(text[..<end]) + " …"
        }
        members.append("\"x\":" + JS.string(text))
        return "{" + members.joined(separator: ",") + "}"
    }
}

/// JavaScript (and JSON) literals.
enum JS {
    /// A string literal: quotes, backslashes and control characters escaped, and the two
    /// line separators JavaScript before ES2019 ends a string at.
    static func string(_ value: String) -> String {
        // Byte by byte: the index holds every page's text, megabytes at national scale.
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(value.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        var utf8 = value.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? utf8.next() : pending.removeFirst() {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x00..<0x20: bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                guard let second = utf8.next() else { bytes.append(byte); break }
                guard second == 0x80, let third = utf8.next() else { bytes.append(byte); pending.append(second); break }
                if third == 0xA8 || third == 0xA9 {
                    bytes += [0x5C, 0x75, 0x32, 0x30, 0x32, third == 0xA8 ? 0x38 : 0x39]
                } else {
                    bytes += [byte, second, third]
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A 64-bit FNV-1a hash: the index's version, which the script adds to every file it
/// loads so that a browser never mixes files of two builds from its cache.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
