/// A position in a content or theme file, 1-based, as editors see it in their editor.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// Path as given to the build (relative to the working directory where possible).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// One problem found in the input, carried as a value to the edge of the program
/// so that a build can report every problem in one run instead of stopping at the first.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// How to fix it, in plain words for editors who are not programmers.
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    public static func warning(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    /// `path:LINE:COL: error: message (hint: ...)`: the format compilers use, so editors
    /// and IDEs can jump to the place.
    public var description: String {
        var text = "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

/// A collection of diagnostics that stages append to; sorted by place when reported.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        all.append(contentsOf: other)
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Diagnostics in file order, errors and warnings interleaved as they stand in the files,
    /// each distinct diagnostic once: two stages (or two paths to one file) that find the
    /// same problem at the same place must not make the editor read it twice.
    public var sorted: [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return all.filter { seen.insert($0).inserted }.sorted(by: Self.fileOrder)
    }

    /// By place, then message; the rest only makes the order total (and so stable).
    static func fileOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message, lhs.severity.rawValue, lhs.hint ?? "")
            < (rhs.location, rhs.message, rhs.severity.rawValue, rhs.hint ?? "")
    }
}
