import Foundation
import PortalCore

/// Finds and reads the content files below a folder, turning every way a file can be
/// unreadable into a diagnostic instead of a crash: unreadable files, symlink loops,
/// empty files, NUL bytes, bytes that are not UTF-8 and files too large to be content.
///
/// A UTF-8 byte-order mark and CRLF line ends are accepted and normalised, because
/// Windows editors write them.
public struct ContentReader: Sendable {
    /// Content files are hand-written text; anything larger is a mistake (an export, a dump).
    public static let maximumFileSize = 4 * 1024 * 1024

    /// The file extension of content files.
    public static let contentExtension = "md"

    public init() {}

    /// What was found below a content folder.
    public struct Folder: Sendable {
        /// The content files that could be read, sorted by path.
        public var files: [SourceFile]
        /// The content files that could not be read as text; their errors are in `diagnostics`.
        public var unreadable: [UnreadableFile]
        public var diagnostics: [Diagnostic]
    }

    /// A content file that was found but could not be read as text.
    public struct UnreadableFile: Error, Sendable {
        public var diagnostic: Diagnostic
        /// What its bytes, read leniently, still tell (kind, id, tags), or only its name.
        public var salvaged: SalvagedFile
    }

    /// Reads every `.md` file below `directory`, in a stable (sorted) order, and warns
    /// about files that look meant as content but are not read (see `ContentFileName`).
    /// - Parameter displayPrefix: how `directory` is written in diagnostics.
    public func readFolder(in directory: URL, displayPrefix: String) -> Folder {
        var found: [FoundFile] = []
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = []
        walk(directory, display: displayPrefix, visited: &visited, files: &found, diagnostics: &diagnostics)
        let results = found.concurrentMap { readContent($0.url, display: $0.display) }
        var folder = Folder(files: [], unreadable: [], diagnostics: diagnostics)
        for result in results {
            switch result {
            case .success(let file): folder.files.append(file)
            case .failure(let unreadable):
                folder.unreadable.append(unreadable)
                folder.diagnostics.append(unreadable.diagnostic)
            }
        }
        folder.files.sort { $0.path < $1.path }
        return folder
    }

    /// `readFolder` without what is known of the unreadable files.
    public func readFiles(in directory: URL, displayPrefix: String) -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        let folder = readFolder(in: directory, displayPrefix: displayPrefix)
        return (folder.files, folder.diagnostics)
    }

    private struct FoundFile: Sendable {
        var url: URL
        var display: String
    }

    private func walk(
        _ directory: URL, display: String, visited: inout Set<String>,
        files: inout [FoundFile], diagnostics: inout [Diagnostic]
    ) {
        let manager = FileManager.default
        let realPath = directory.resolvingSymlinksInPath().path
        guard visited.insert(realPath).inserted else {
            diagnostics.append(.error(
                at: SourceLocation(path: display), "folder is reached twice through a symbolic link (a link loop)",
                hint: "remove the symbolic link that points back to a folder above it"))
            return
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            diagnostics.append(.error(
                at: SourceLocation(path: display), "cannot read the folder",
                hint: "check that the folder exists and that you may read it"))
            return
        }
        for name in names {
            let naming = ContentFileName(name)
            // Hidden folders (.git) and files stay silent, unless a file looks meant as content.
            let hidden = name.hasPrefix(".")
            if hidden, naming == .other { continue }
            let url = directory.appendingPathComponent(name)
            let shown = display.isEmpty ? name : display + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                if !hidden, (try? manager.destinationOfSymbolicLink(atPath: url.path)) != nil {
                    diagnostics.append(.error(
                        at: SourceLocation(path: shown), "symbolic link points to nothing, or to itself",
                        hint: "remove the link or point it to an existing file"))
                }
                continue
            }
            if isDirectory.boolValue {
                if !hidden { walk(url, display: shown, visited: &visited, files: &files, diagnostics: &diagnostics) }
                continue
            }
            switch naming {
            case .content:
                files.append(FoundFile(url: url, display: shown))
            case .misnamed(let reason, let rename):
                let hint = names.contains(rename)
                    ? "\(rename) is beside it; if this is an old copy, delete it, or else rename one of them"
                    : "rename it to \(rename)"
                diagnostics.append(.warning(at: SourceLocation(path: shown), "file is not read: \(reason)", hint: hint))
            case .other:
                break
            }
        }
    }

    /// Reads and decodes one file.
    public func read(_ url: URL, display: String) -> Result<SourceFile, Diagnostic> {
        readContent(url, display: display).mapError(\.diagnostic)
    }

    /// Reads and decodes one file; a failure carries what can still be learnt from it.
    public func readContent(_ url: URL, display: String) -> Result<SourceFile, UnreadableFile> {
        let start = SourceLocation(path: display)
        func unreadable(_ diagnostic: Diagnostic, _ bytes: Data?) -> Result<SourceFile, UnreadableFile> {
            let salvaged = bytes.map { SalvagedFile(path: display, text: Self.lenientText([UInt8]($0))) }
                ?? SalvagedFile(path: display, kind: nil, id: nil, tags: nil)
            return .failure(UnreadableFile(diagnostic: diagnostic, salvaged: salvaged))
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            return unreadable(.error(at: start, "cannot open the file", hint: "check that you may read it (file permissions)"), nil)
        }
        defer { try? handle.close() }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
           size > Self.maximumFileSize {
            // The start of the file is enough to know what it is.
            return unreadable(.error(
                at: start, "file is \(size / 1024 / 1024) MB; content files may be at most \(Self.maximumFileSize / 1024 / 1024) MB",
                hint: "split the text into several files, or remove what is not content"), try? handle.read(upToCount: 64 * 1024))
        }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            return unreadable(.error(at: start, "cannot read the file", hint: "check that you may read it (file permissions)"), nil)
        }
        return Self.decode(data, display: display).flatMapError { unreadable($0, data) }
    }

    /// Bytes as text as well as they can be read (UTF-16 as UTF-16, NULs left out, other
    /// invalid bytes replaced): only to salvage the kind and id of a file that failed.
    static func lenientText(_ bytes: [UInt8]) -> String {
        guard let order = utf16Order(of: bytes) else { return String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self) }
        var units = stride(from: 0, to: bytes.count - 1, by: 2).map { index -> UInt16 in
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            return order == .littleEndian ? first | second << 8 : first << 8 | second
        }
        if units.first == 0xFEFF { units.removeFirst() }
        return String(decoding: units, as: UTF16.self)
    }

    /// Decodes bytes as a content file; public so that tests and an editor preview can
    /// use the same rules on text that is not on disk.
    public static func decode(_ data: Data, display: String) -> Result<SourceFile, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(.error(
                at: SourceLocation(path: display), "file is empty",
                hint: "start it with front matter (--- kind: ... ---), or delete it"))
        }
        if let order = Self.utf16Order(of: bytes) {
            return .failure(.error(
                at: SourceLocation(path: display), "file is \(order.name); content files are UTF-8",
                hint: "save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            return .failure(.error(
                at: SourceLocation(path: display, line: line, column: column), "file contains a NUL byte; it is not a text file",
                hint: "save the file as plain UTF-8 text"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8Offset(bytes) ?? 0
            let (line, column) = position(of: bad, in: bytes)
            return .failure(.error(
                at: SourceLocation(path: display, line: line, column: column),
                "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                hint: Self.looksLikeLatin1(bytes, at: bad)
                    ? "save the file as UTF-8; it looks like it was saved as Latin-1/Windows-1252"
                    : "save the file as UTF-8 text; the bytes here are no character in UTF-8, so retype the text around this place"))
        }
        guard bytes.contains(0x0D) else { return .success(SourceFile(path: display, text: text)) }
        // Bytes, not Characters: to String a carriage return and a combining mark after
        // it are one Character, which a search for "\r" does not find.
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        for byte in bytes {
            // "\r\n" is one line end: its "\r" has already become the "\n".
            if !(byte == 0x0A && previous == 0x0D) { normalised.append(byte == 0x0D ? 0x0A : byte) }
            previous = byte
        }
        return .success(SourceFile(path: display, text: String(decoding: normalised, as: UTF8.self)))
    }

    enum ByteOrder {
        case littleEndian, bigEndian

        var name: String { self == .littleEndian ? "UTF-16 (little-endian)" : "UTF-16 (big-endian)" }
    }

    /// The byte order when the bytes are UTF-16: they start with its byte-order mark, or
    /// (without one) every other byte is NUL, which is how UTF-16 writes the ASCII that
    /// front matter starts with. Nil otherwise.
    static func utf16Order(of bytes: [UInt8]) -> ByteOrder? {
        if bytes.starts(with: [0xFF, 0xFE]) { return .littleEndian }
        if bytes.starts(with: [0xFE, 0xFF]) { return .bigEndian }
        let sample = bytes.prefix(512)
        guard sample.count >= 4 else { return nil }
        let pairs = sample.count / 2
        func nulShare(at parity: Int) -> Double {
            Double(stride(from: parity, to: pairs * 2, by: 2).filter { sample[$0] == 0 }.count) / Double(pairs)
        }
        let (even, odd) = (nulShare(at: 0), nulShare(at: 1))
        if odd >= 0.75, even <= 0.05 { return .littleEndian }
        if even >= 0.75, odd <= 0.05 { return .bigEndian }
        return nil
    }

    /// Whether the invalid byte at `offset` reads as a Latin-1/Windows-1252 letter: a high
    /// byte that does not start a (broken) UTF-8 sequence, because the byte after it is not
    /// a UTF-8 continuation byte ("Hillerød" as `F8 64`). Overlong or out-of-range UTF-8
    /// (`C0 AF`, `E0 80 AF`, `ED A0 80`) is not: it is damaged UTF-8, not another encoding.
    static func looksLikeLatin1(_ bytes: [UInt8], at offset: Int) -> Bool {
        func isContinuation(_ index: Int) -> Bool { index < bytes.count && bytes[index] & 0xC0 == 0x80 }
        guard offset < bytes.count, bytes[offset] >= 0x80 else { return false }
        // A lone 0x80–0xBF after plain text is Windows-1252 punctuation (– “ ” …) or a
        // Latin-1 symbol; any other high byte is a Latin-1 letter when no continuation
        // byte follows it.
        if isContinuation(offset) { return offset == 0 || bytes[offset - 1] < 0x80 }
        return !isContinuation(offset + 1)
    }

    /// Line and column (in characters) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for continuation in bytes[(index + 1)..<(index + length)] where continuation & 0xC0 != 0x80 {
                return index
            }
            if String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil { return index }
            index += length
        }
        return nil
    }
}
