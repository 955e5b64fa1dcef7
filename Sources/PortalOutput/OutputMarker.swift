import Foundation
import PortalCore
#if canImport(Glibc)
import Glibc
#endif

/// The contents of the marker file (`SiteWriter.markerName`) at the top of every output
/// folder the writer made: that it is the portal's, and what made it, so that a build
/// with nothing changed can leave the folder alone.
///
/// The format is internal and line-based, so that reading it for a site of 16,000 files
/// costs milliseconds (no JSON decoder):
///
///     Made by portal build; replaced as a whole by the next build.
///     format 1
///     inputs <fingerprint of everything the build read and how it was called>
///     count <number> <name>                (numbers the builder wants back, e.g. pages by kind)
///     warning <severity>\t<path>\t<line>\t<column>\t<message>\t<hint>
///     file <size> <seconds>.<nanoseconds> <path>   (every other file, its modification time)
///
/// Fields of `warning` lines escape `\`, tab and newline as `\\`, `\t`, `\n`; an empty
/// hint is none. A path or name is the rest of its line; nanoseconds have nine digits. The first line is the text every
/// marker has held since the first version; only it is needed to recognise the folder
/// as the portal's. A marker of another `format` (an older or newer portal), or one that
/// does not parse, is no record: the next build then simply builds everything.
public struct OutputMarker: Sendable, Equatable {
    /// The format this portal reads and writes; raised whenever the meaning of a line changes.
    public static let format = 1
    /// The first line of every marker.
    static let heading = "Made by portal build; replaced as a whole by the next build."

    /// What the build read and how it was called, as one opaque value (the builder makes it).
    public var inputs: String
    /// Numbers the builder records to report them again without building (pages by kind).
    public var counts: [String: Int]
    /// The warnings the build printed, to print them again.
    public var warnings: [Diagnostic]
    /// Every file of the folder but the marker, by path, as it was when the build made it.
    public var files: [String: FileStamp]

    public init(inputs: String, counts: [String: Int] = [:], warnings: [Diagnostic] = [], files: [String: FileStamp] = [:]) {
        self.inputs = inputs
        self.counts = counts
        self.warnings = warnings
        self.files = files
    }

    /// The marker's text.
    public var text: String {
        var lines = [Self.heading, "format \(Self.format)", "inputs \(Self.escape(inputs))"]
        for (name, count) in counts.sorted(by: { $0.key < $1.key }) { lines.append("count \(count) \(Self.escape(name))") }
        for warning in warnings {
            let fields = [warning.severity.rawValue, warning.location.path, String(warning.location.line),
                          String(warning.location.column), warning.message, warning.hint ?? ""]
            lines.append("warning " + fields.map(Self.escape).joined(separator: "\t"))
        }
        for (path, stamp) in files.sorted(by: { $0.key < $1.key }) {
            let nanoseconds = String(stamp.nanoseconds)
            let time = "\(stamp.seconds)." + String(repeating: "0", count: max(0, 9 - nanoseconds.count)) + nanoseconds
            lines.append("file \(stamp.size) \(time) \(path)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a marker's text; nil when it is not one of this format (the first marker
    /// versions held only the heading), so that it is never trusted.
    public init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        if lines.last == "" { lines = lines.dropLast() }
        guard lines.popFirst() == Substring(Self.heading), lines.popFirst() == "format \(Self.format)",
              let inputLine = lines.popFirst(), inputLine.hasPrefix("inputs ") else { return nil }
        inputs = Self.unescape(inputLine.dropFirst("inputs ".count))
        counts = [:]
        warnings = []
        files = [:]
        for line in lines {
            let (keyword, rest) = Self.split(line)
            switch keyword {
            case "count":
                let (number, name) = Self.split(rest)
                guard let count = Int(number) else { return nil }
                counts[Self.unescape(name)] = count
            case "warning":
                let fields = rest.split(separator: "\t", omittingEmptySubsequences: false).map(Self.unescape)
                guard fields.count == 6, let severity = Diagnostic.Severity(rawValue: fields[0]),
                      let line = Int(fields[2]), let column = Int(fields[3]) else { return nil }
                warnings.append(Diagnostic(severity, at: SourceLocation(path: fields[1], line: line, column: column),
                                           fields[4], hint: fields[5].isEmpty ? nil : fields[5]))
            case "file":
                let (size, afterSize) = Self.split(rest)
                let (time, path) = Self.split(afterSize)
                let parts = time.split(separator: ".")
                guard let size = Int64(size), parts.count == 2, let seconds = Int64(parts[0]),
                      let nanoseconds = Int64(parts[1]), !path.isEmpty else { return nil }
                files[String(path)] = FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds)
            default:
                return nil
            }
        }
    }

    /// Reads the marker of `folder`; nil when there is none or it is no record (see `init?(text:)`).
    public static func read(in folder: URL) -> OutputMarker? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(SiteWriter.markerName).path) else {
            return nil
        }
        return OutputMarker(text: String(decoding: data, as: UTF8.self))
    }

    /// Whether `path` can stand in a `file` line (it is the rest of a line).
    static func canRecord(_ path: String) -> Bool {
        !path.contains("\n") && !path.contains("\r")
    }

    private static func split(_ line: Substring) -> (Substring, Substring) {
        guard let space = line.firstIndex(of: " ") else { return (line, "") }
        return (line[..<space], line[line.index(after: space)...])
    }

    private static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result
    }

    private static func unescape(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// What identifies a file's version cheaply: its size and modification time. A file
/// edited or replaced since it was stamped (by an editor, rsync, a script) has another
/// stamp, in practice always.
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    public var seconds: Int64
    public var nanoseconds: Int64

    public init(size: Int64, seconds: Int64, nanoseconds: Int64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    init(_ status: stat) {
        size = Int64(status.st_size)
        seconds = Int64(status.st_mtim.tv_sec)
        nanoseconds = Int64(status.st_mtim.tv_nsec)
    }
}
