import PortalCore
import Yams

/// Turns Yams' errors into diagnostics editors can act on: the place to fix (where a
/// bracket or quote was opened, the second of two duplicate keys) and a plain hint.
extension RecordDecoder {
    /// - Parameter what: how the YAML is named in the message ("front matter", "the settings file").
    static func diagnostic(for error: Error, file: SourceFile, yaml: String, lineOffset: Int, what: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error(at: file.location(line: lineOffset + 1), "\(what) cannot be read: \(error)")
        }
        let lines = yaml.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        func at(_ mark: Mark) -> SourceLocation {
            let location = file.location(yamlLine: mark.line + lineOffset, column: mark.column)
            // At the end of the text libyaml ends an unterminated last line itself and
            // reports the line after it, which is not in the file (site.yaml) or is the
            // closing '---' (front matter); the place is the end of the last line.
            guard location.line > lines.count + lineOffset, let last = lines.last else { return location }
            return file.location(line: lines.count + lineOffset, column: last.count + 1)
        }
        func line(_ mark: Mark) -> Int { file.location(yamlLine: mark.line + lineOffset, column: 1).line }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "\(what) is not valid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(line(context.mark)))" }
            // An unclosed bracket or quote is found where the file ends, a line without
            // ':' on the line after it; the place to fix is where it was opened, the line
            // that lacks the colon.
            let opened = context.flatMap {
                $0.text.contains("flow") || $0.text.contains("quoted") || $0.text.contains("simple key") ? $0.mark : nil
            }
            return .error(at: at(opened ?? mark), message, hint: hint(for: problem + " " + (context?.text ?? ""), at: mark, in: yaml))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let place = secondOccurrence(of: key, in: yaml).map { $0 + lineOffset } ?? line(context.mark)
            return .error(at: file.location(line: place), "field '\(key)' is given twice",
                          hint: "keep one '\(key):' line and delete the other")
        case .reader(let problem, _, _, _):
            return .error(at: file.location(line: lineOffset + 1), "\(what) cannot be read: \(problem)")
        default:
            return .error(at: file.location(line: lineOffset + 1), "\(what) cannot be read: \(yamlError)")
        }
    }

    private static func hint(for problem: String, at mark: Mark, in yaml: String) -> String {
        let line = Self.line(mark.line, of: yaml)
        // Yams counts columns in Unicode scalars, from 1.
        let scalars = Array(line.unicodeScalars)
        let character = mark.column >= 1 && mark.column <= scalars.count ? scalars[mark.column - 1] : nil
        // Only a tab that is really there gets the tab hint.
        let tab = character == "\t" ? mark.column - 1 : (problem.contains("tab") ? scalars.firstIndex(of: "\t") : nil)
        if let tab {
            let isIndentation = scalars[..<tab].allSatisfy { $0 == " " || $0 == "\t" }
            return isIndentation ? "indent with spaces, not tabs" : "replace the tab with a space"
        }
        if problem.contains("cannot start any token"), let character, ["%", "@", "`"].contains(character) {
            return "a text starting with '\(character)' must be put in quotes"
        }
        if problem.contains("directive"), line.hasPrefix("%") {
            return "a line starting with '%' is read as a YAML directive; put the text in quotes"
        }
        if problem.contains("quoted scalar") {
            return "a quote is not closed: end the text with the same quote mark it starts with"
        }
        if problem.contains("could not find expected ':'") {
            return "every line of the fields is 'name: value'; indent a text that goes on over several lines, or put it in quotes"
        }
        if problem.contains("mapping values are not allowed") {
            return "a text containing ': ' must be put in quotes"
        }
        if problem.contains("',' or ']'") {
            return "a '[' is not closed: end the list with ']', or put the text in quotes"
        }
        if problem.contains("',' or '}'") || problem.contains("flow") {
            return "a '{' is not closed: end it with '}', or put the text in quotes"
        }
        return "check the line for a missing quote, a stray ':' or wrong indentation"
    }

    /// The 1-based `number`th line of `yaml`, or "" past its end.
    private static func line(_ number: Int, of yaml: String) -> Substring {
        let lines = yaml.split(separator: "\n", maxSplits: max(0, number), omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// 1-based line (within the YAML) of the second `key:` at the start of a line.
    private static func secondOccurrence(of key: String, in yaml: String) -> Int? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }

}
