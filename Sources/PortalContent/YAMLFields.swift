import PortalCore
import Yams

/// Collects the diagnostics of one file while its front matter is decoded.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(at: location, message, hint: hint))
    }

    func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(at: location, message, hint: hint))
    }
}

/// Reads typed fields out of a YAML mapping, reporting every problem (unknown field,
/// wrong type, missing required field) with the line and column of the offending node.
///
/// Decoding by hand instead of through `YAMLDecoder` is deliberate: the decoder's type
/// errors carry no line numbers, and editors need them.
struct YAMLFields {
    let file: SourceFile
    /// Added to Yams' 1-based lines, which count from the start of the front matter.
    let lineOffset: Int
    let sink: DiagnosticSink
    let location: SourceLocation
    private var values: [String: (key: Node, value: Node)] = [:]

    /// - Parameter what: how the mapping is named in messages ("an activity").
    init?(_ node: Node, file: SourceFile, lineOffset: Int, sink: DiagnosticSink, allowed: [String], what: String) {
        self.file = file
        self.lineOffset = lineOffset
        self.sink = sink
        self.location = Self.location(of: node, file: file, lineOffset: lineOffset)
        guard let mapping = node.mapping else {
            sink.error(location, "\(what) must be a set of 'name: value' fields, not \(Self.describe(node))")
            return nil
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                sink.error(Self.location(of: key, file: file, lineOffset: lineOffset), "field names must be plain words")
                continue
            }
            guard allowed.contains(name) else {
                var hint = "allowed fields here: " + allowed.joined(separator: ", ")
                if let guess = Suggestion.closest(to: name, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
                sink.error(Self.location(of: key, file: file, lineOffset: lineOffset), "unknown field '\(name)' in \(what)", hint: hint)
                continue
            }
            values[name] = (key, value)
        }
    }

    static func location(of node: Node, file: SourceFile, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return file.location(line: lineOffset + 1) }
        return file.location(yamlLine: mark.line + lineOffset, column: mark.column)
    }

    func location(of name: String) -> SourceLocation {
        guard let value = values[name]?.value else { return location }
        return Self.location(of: value, file: file, lineOffset: lineOffset)
    }

    func node(_ name: String) -> Node? {
        guard let value = values[name]?.value, !Self.isNull(value) else { return nil }
        return value
    }

    func has(_ name: String) -> Bool { node(name) != nil }

    /// Whether the field is written at all, even without a value (`name:` or `name: null`).
    func isWritten(_ name: String) -> Bool { values[name] != nil }

    /// Where the field's name is written: the place to point at when its value is missing.
    func keyLocation(of name: String) -> SourceLocation {
        guard let key = values[name]?.key else { return location }
        return Self.location(of: key, file: file, lineOffset: lineOffset)
    }

    // MARK: Scalars

    func string(_ name: String, required: Bool = false) -> String? {
        guard let node = node(name) else {
            if required { missing(name) }
            return nil
        }
        return scalarString(node, field: name)
    }

    // MARK: Text

    /// Free text shown to readers (an organisation, a summary, a key fact's value).
    ///
    /// Empty or only spaces counts as not given, exactly like `null`: the page then says
    /// "Ikke angivet" instead of showing a blank, and a required field reports that it is
    /// empty. Text of only invisible characters (zero-width spaces, direction marks) is an
    /// error: it looks given in the file but shows nothing.
    func text(_ name: String, required: Bool = false) -> String? {
        guard let value = string(name, required: required) else { return nil }
        let at = location(of: name)
        switch VisibleText.classify(value) {
        case .visible:
            return value
        case .blank:
            if required { sink.error(at, "\(name) is empty", hint: "write the \(name) as the source gives it") }
            return nil
        case .invisible(let scalar):
            sink.error(at, "\(name) has no visible text",
                       hint: "it holds only invisible characters such as \(VisibleText.codePoint(scalar)); "
                           + (required ? "write the \(name) as the source gives it" : "write the text as the source gives it, or delete the value"))
            return nil
        }
    }

    /// A title, heading or other one-line label: free text (see `text`) that also may not
    /// hold text-direction controls, which make it show differently from what it says.
    /// A title or label is shown on one line, on every page that lists it: a longer one
    /// is a mistake (text pasted into the wrong field), and would multiply the site.
    static let maximumLabelLength = 500
    /// No field holds more than this (Markdown has its own, larger budget per file).
    static let maximumFieldBytes = 64 * 1024

    func label(_ name: String, required: Bool = false) -> String? {
        guard let value = text(name, required: required) else { return nil }
        if value.count > Self.maximumLabelLength {
            sink.error(location(of: name), "\(name) is \(value.count) characters long; a \(name) has at most \(Self.maximumLabelLength)",
                       hint: "a \(name) is one line; put longer text in the body")
            return nil
        }
        if let control = VisibleText.firstDirectionControl(in: value) {
            sink.error(location(of: name), "\(name) contains the invisible text-direction control \(VisibleText.codePoint(control))",
                       hint: "it reorders how the text around it is shown; retype the \(name) without it")
            return nil
        }
        return value
    }

    func located(_ name: String, required: Bool = false) -> Located<String>? {
        string(name, required: required).map { Located($0, at: location(of: name)) }
    }

    /// An absolute http(s) address (only https when `secureOnly`); nil when not written,
    /// and an error at the value, saying what is wrong, when it is no such address.
    func webAddress(_ name: String, secureOnly: Bool = false, hint: String) -> String? {
        guard let written = located(name), !written.value.isEmpty else { return nil }
        switch WebAddress.parse(written.value, secureOnly: secureOnly) {
        case .success(let address): return address
        case .failure(let problem):
            sink.error(written.location, "\(name) '\(written.value)' \(problem)", hint: hint)
            return nil
        }
    }

    func int(_ name: String) -> Int? {
        guard let node = node(name) else { return nil }
        return intValue(node, field: name)
    }

    func bool(_ name: String) -> Bool? {
        guard let node = node(name) else { return nil }
        guard node.scalar != nil, let value = node.bool else {
            sink.error(Self.location(of: node, file: file, lineOffset: lineOffset),
                       "field '\(name)' must be true or false, not \(Self.describe(node))")
            return nil
        }
        return value
    }

    func enumeration<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type, required: Bool = false) -> T?
    where T.RawValue == String {
        guard let text = string(name, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue)
            var hint = "use one of: " + allowed.joined(separator: ", ")
            if let guess = Suggestion.closest(to: text, in: allowed) { hint = "did you mean '\(guess)'? " + hint }
            sink.error(location(of: name), "'\(text)' is not a valid \(name)", hint: hint)
            return nil
        }
        return value
    }

    // MARK: Lists

    /// The elements of a list field; a single value is not accepted as a list.
    func list(_ name: String) -> [Node] {
        guard let node = node(name) else { return [] }
        guard let sequence = node.sequence else {
            sink.error(Self.location(of: node, file: file, lineOffset: lineOffset),
                       "field '\(name)' must be a list, not \(Self.describe(node))",
                       hint: "write it as [a, b] or as lines starting with '- '")
            return []
        }
        return Array(sequence)
    }

    /// A list of texts; an entry that is empty (`null`, `""`, only spaces or only invisible
    /// characters) is an error, as a list entry exists only to say something.
    func strings(_ name: String) -> [String] {
        list(name).compactMap { element in
            guard let text = listEntry(element, in: name) else { return nil }
            if let control = VisibleText.firstDirectionControl(in: text) {
                sink.error(Self.location(of: element, file: file, lineOffset: lineOffset),
                           "an entry in the list '\(name)' contains the invisible text-direction control \(VisibleText.codePoint(control))",
                           hint: "it reorders how the text around it is shown; retype the entry without it")
                return nil
            }
            return text
        }
    }

    func references(_ name: String) -> [Reference] {
        list(name).compactMap { element in
            guard let id = listEntry(element, in: name, emptyHint: "remove the empty entry, or write an id in it") else { return nil }
            return Reference(id, at: Self.location(of: element, file: file, lineOffset: lineOffset))
        }
    }

    /// The text of one list entry, or nil with an error when it is not a text or is empty.
    private func listEntry(_ element: Node, in name: String, emptyHint: String = "remove the empty entry") -> String? {
        let at = Self.location(of: element, file: file, lineOffset: lineOffset)
        if Self.isNull(element) {
            sink.error(at, "empty entry in the list '\(name)'", hint: emptyHint)
            return nil
        }
        guard let text = scalarString(element, field: name) else { return nil }
        switch VisibleText.classify(text) {
        case .visible:
            return text
        case .blank:
            sink.error(at, "empty entry in the list '\(name)'", hint: emptyHint)
        case .invisible(let scalar):
            sink.error(at, "empty entry in the list '\(name)'",
                       hint: "it holds only invisible characters such as \(VisibleText.codePoint(scalar)); remove the entry")
        }
        return nil
    }

    func reference(_ name: String, required: Bool = false) -> Reference? {
        guard let value = located(name, required: required) else { return nil }
        guard !value.value.allSatisfy(\.isWhitespace) else {
            sink.error(value.location, "field '\(name)' is empty",
                       hint: required ? "write the id it refers to" : "write the id it refers to, or remove the line")
            return nil
        }
        return Reference(value.value, at: value.location)
    }

    func numbers(_ name: String) -> [Located<Int>] {
        list(name).compactMap { element in
            intValue(element, field: name).map { Located($0, at: Self.location(of: element, file: file, lineOffset: lineOffset)) }
        }
    }

    /// Decodes each element of a list of mappings with `decode`.
    func objects<T>(_ name: String, allowed: [String], what: String, _ decode: (YAMLFields) -> T?) -> [T] {
        list(name).compactMap { element in
            YAMLFields(element, file: file, lineOffset: lineOffset, sink: sink, allowed: allowed, what: what).flatMap(decode)
        }
    }

    // MARK: Helpers

    /// Reports a required field that is not given: at its own line when it is there but
    /// null (`title: null`, `title:`), else at the start of the fields.
    func missing(_ name: String) {
        if values[name] != nil {
            sink.error(location(of: name), "field '\(name)' is empty (null)", hint: "write its value after '\(name):'; the field is required")
        } else {
            sink.error(location, "missing required field '\(name)'", hint: "add a line '\(name): ...' to the front matter")
        }
    }

    private func scalarString(_ node: Node, field: String) -> String? {
        guard let scalar = node.scalar else {
            sink.error(Self.location(of: node, file: file, lineOffset: lineOffset),
                       "field '\(field)' must be a text, not \(Self.describe(node))",
                       hint: "if the text contains ': ' or starts with a special character, put it in quotes")
            return nil
        }
        if scalar.string.utf8.count > Self.maximumFieldBytes {
            sink.error(Self.location(of: node, file: file, lineOffset: lineOffset),
                       "field '\(field)' holds \(scalar.string.utf8.count / 1024) KB of text; a field holds at most \(Self.maximumFieldBytes / 1024) KB",
                       hint: "move long text into the body, below the front matter")
            return nil
        }
        return scalar.string
    }

    private func intValue(_ node: Node, field: String) -> Int? {
        guard let scalar = node.scalar, let value = Int(scalar.string.trimmingCharacters(in: [" "])) else {
            sink.error(Self.location(of: node, file: file, lineOffset: lineOffset),
                       "field '\(field)' must be a whole number, not \(Self.describe(node))")
            return nil
        }
        return value
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string.prefix(40))'"
        case .mapping: "a set of fields"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
