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

    // MARK: Scalars

    func string(_ name: String, required: Bool = false) -> String? {
        guard let node = node(name) else {
            if required { missing(name) }
            return nil
        }
        return scalarString(node, field: name)
    }

    func located(_ name: String, required: Bool = false) -> Located<String>? {
        string(name, required: required).map { Located($0, at: location(of: name)) }
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
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            sink.error(location(of: name), "'\(text)' is not a valid \(name)", hint: "use one of: \(allowed)")
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

    func strings(_ name: String) -> [String] {
        list(name).compactMap { element in
            if Self.isNull(element) {
                sink.error(Self.location(of: element, file: file, lineOffset: lineOffset),
                           "empty entry in the list '\(name)'", hint: "remove the empty '- ' line")
                return nil
            }
            return scalarString(element, field: name)
        }
    }

    func references(_ name: String) -> [Reference] {
        list(name).compactMap { element in
            guard let id = scalarString(element, field: name) else { return nil }
            return Reference(id, at: Self.location(of: element, file: file, lineOffset: lineOffset))
        }
    }

    func reference(_ name: String, required: Bool = false) -> Reference? {
        located(name, required: required).map { Reference($0.value, at: $0.location) }
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

    func missing(_ name: String) {
        sink.error(location, "missing required field '\(name)'", hint: "add a line '\(name): ...' to the front matter")
    }

    private func scalarString(_ node: Node, field: String) -> String? {
        guard let scalar = node.scalar else {
            sink.error(Self.location(of: node, file: file, lineOffset: lineOffset),
                       "field '\(field)' must be a text, not \(Self.describe(node))",
                       hint: "if the text contains ': ' or starts with a special character, put it in quotes")
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
