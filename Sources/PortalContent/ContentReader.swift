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

    /// Reads every `.md` file below `directory`, in a stable (sorted) order.
    /// - Parameter displayPrefix: how `directory` is written in diagnostics.
    public func readFiles(in directory: URL, displayPrefix: String) -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        var found: [FoundFile] = []
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = []
        walk(directory, display: displayPrefix, visited: &visited, files: &found, diagnostics: &diagnostics)
        let results = found.concurrentMap { read($0.url, display: $0.display) }
        var files: [SourceFile] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (files.sorted { $0.path < $1.path }, diagnostics)
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
        for name in names where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let shown = display.isEmpty ? name : display + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                if (try? manager.destinationOfSymbolicLink(atPath: url.path)) != nil {
                    diagnostics.append(.error(
                        at: SourceLocation(path: shown), "symbolic link points to nothing, or to itself",
                        hint: "remove the link or point it to an existing file"))
                }
                continue
            }
            if isDirectory.boolValue {
                walk(url, display: shown, visited: &visited, files: &files, diagnostics: &diagnostics)
            } else if url.pathExtension == Self.contentExtension {
                files.append(FoundFile(url: url, display: shown))
            }
        }
    }

    /// Reads and decodes one file.
    public func read(_ url: URL, display: String) -> Result<SourceFile, Diagnostic> {
        let start = SourceLocation(path: display)
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
           size > Self.maximumFileSize {
            return .failure(.error(
                at: start, "file is \(size / 1024 / 1024) MB; content files may be at most \(Self.maximumFileSize / 1024 / 1024) MB",
                hint: "split the text into several files, or remove what is not content"))
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            return .failure(.error(at: start, "cannot open the file", hint: "check that you may read it (file permissions)"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            return .failure(.error(at: start, "cannot read the file", hint: "check that you may read it (file permissions)"))
        }
        return Self.decode(data, display: display)
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
                hint: "save the file as UTF-8; it looks like it was saved as Latin-1/Windows-1252"))
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
