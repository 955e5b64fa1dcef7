import Foundation
import Mustache
import PortalCore
import Yams

/// Reads a theme folder and checks it before anything is rendered: every template
/// parses, every partial and parent a template names exists, every page kind has a
/// template and every string the generator uses is defined. swift-mustache renders a
/// missing partial as nothing, so without these checks a typo in a theme would publish
/// empty pages.
public struct ThemeLoader: Sendable {
    public init() {}

    public func load(from directory: URL, displayPrefix: String) async -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (strings, stringsDiagnostics) = loadStrings(from: directory, displayPrefix: displayPrefix)
        diagnostics += stringsDiagnostics
        let stringsDisplay = "\(displayPrefix)/strings.yaml"

        let templatesURL = directory.appendingPathComponent("templates")
        let templateFiles = Self.files(below: templatesURL).filter { $0.hasSuffix(".mustache") }
        if templateFiles.isEmpty {
            return (nil, [.error(at: SourceLocation(path: displayPrefix + "/templates"), "the theme has no templates",
                                 hint: "check --theme: it must name a folder with templates/*.mustache")])
        }
        var library = MustacheLibrary()
        var sources: [String: (display: String, text: String)] = [:]
        var elementIDs = ElementIDs()
        for relative in templateFiles {
            let display = "\(displayPrefix)/templates/\(relative)"
            let name = String(relative.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: templatesURL.appendingPathComponent(relative).path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(at: SourceLocation(path: display), "cannot read the template as UTF-8 text"))
                continue
            }
            for use in TemplateReferences.strings(in: text) where strings.value(at: use.key) == nil {
                diagnostics.append(.error(
                    at: SourceLocation(path: display, line: use.line, column: use.column),
                    "the string '\(use.key)' used by \(name) is not in the strings file",
                    hint: "add it to \(stringsDisplay) or correct the name"))
            }
            do {
                // UI strings are the same on every page, so they are written into the
                // template once here instead of being looked up on every render.
                try library.register(TemplateReferences.inliningStrings(text, strings), named: name)
                sources[name] = (display, text)
                elementIDs.add(template: name, display: display, text: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    at: SourceLocation(path: display, line: error.context.lineNumber, column: error.context.columnNumber),
                    "template syntax error: \(error.error)", hint: "near: \(error.context.line.trimmingCharacters(in: .whitespaces))"))
            } catch {
                diagnostics.append(.error(at: SourceLocation(path: display), "template syntax error: \(error)"))
            }
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in TemplateReferences.scan(source.text) where sources[reference.name] == nil {
                let what = reference.isParent ? "parent template" : "partial"
                diagnostics.append(.error(
                    at: SourceLocation(path: source.display, line: reference.line, column: reference.column),
                    "\(what) '\(reference.name)' does not exist",
                    hint: "templates are named by their path below templates/ without .mustache (\(name) names '\(reference.name)')"))
            }
        }
        for required in Theme.requiredTemplates where sources[required] == nil {
            diagnostics.append(.error(at: SourceLocation(path: "\(displayPrefix)/templates/\(required).mustache"),
                                      "the theme has no template for '\(required)' pages",
                                      hint: "add \(required).mustache to the theme's templates folder"))
        }
        let layoutPrefix = Theme.layoutFolder + "/"
        let layouts = sources.keys.filter { $0.hasPrefix(layoutPrefix) }.map { String($0.dropFirst(layoutPrefix.count)) }.sorted()
        if !layouts.contains(Theme.defaultLayout) {
            let path = "\(Theme.template(ofLayout: Theme.defaultLayout)).mustache"
            diagnostics.append(.error(at: SourceLocation(path: "\(displayPrefix)/templates/\(path)"),
                                      "the theme has no layout '\(Theme.defaultLayout)', which free pages use unless they name another",
                                      hint: "add \(path) to the theme's templates folder"))
        }

        let assetsURL = directory.appendingPathComponent("assets")
        let assets = Self.files(below: assetsURL).compactMap { relative -> OutputFile? in
            guard let data = FileManager.default.contents(atPath: assetsURL.appendingPathComponent(relative).path) else {
                diagnostics.append(.error(at: SourceLocation(path: "\(displayPrefix)/assets/\(relative)"), "cannot read the file"))
                return nil
            }
            return OutputFile(path: "assets/" + relative, data: data)
        }
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : Theme(library: library, strings: strings, assets: assets, location: displayPrefix, elementIDs: elementIDs, layouts: layouts), diagnostics)
    }

    private func loadStrings(from directory: URL, displayPrefix: String) -> (Strings, [Diagnostic]) {
        let display = "\(displayPrefix)/strings.yaml"
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("strings.yaml").path),
              let text = String(data: data, encoding: .utf8) else {
            return (Strings(tree: [:]), [.error(at: SourceLocation(path: display), "the theme has no readable strings file")])
        }
        do {
            let strings = Strings(tree: Strings.normalised(try Yams.load(yaml: text)) as? [String: Any] ?? [:])
            let missing = strings.missingKeys(StringKeys.all).map { key in
                Diagnostic.error(at: SourceLocation(path: display), "the string '\(key)' is missing",
                                 hint: "add it to the theme's strings file")
            }
            return (strings, missing)
        } catch {
            return (Strings(tree: [:]), [.error(at: SourceLocation(path: display), "the strings file is not valid YAML: \(error)")])
        }
    }

    /// Regular files below `directory`, as sorted relative paths; hidden files are skipped.
    static func files(below directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                result.append(relative)
            }
        }
        return result.sorted()
    }
}

/// Finds the partials (`{{> name}}`) and parents (`{{< name}}`) a template names.
enum TemplateReferences {
    struct Reference: Equatable {
        var name: String
        var isParent: Bool
        var line: Int
        var column: Int
    }

    /// `text` with every `{{strings.key}}` replaced by the string, HTML-escaped, and
    /// every `{{{strings.key}}}` by the string as it is. Sections over strings are kept.
    static func inliningStrings(_ text: String, _ strings: Strings) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.hasPrefix("{")
            let nameStart = triple ? afterOpen.dropFirst() : afterOpen
            let close = triple ? "}}}" : "}}"
            if let end = nameStart.range(of: close) {
                let name = nameStart[..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("strings."), let value = strings.value(at: String(name.dropFirst("strings.".count))) as? String {
                    result += triple ? value : HTMLText.escaped(value)
                    rest = nameStart[end.upperBound...]
                    continue
                }
            }
            result += rest[open]
            rest = afterOpen
        }
        return result + rest
    }

    /// Uses of `{{strings.some.key}}` (and its section forms) with their places.
    static func strings(in text: String) -> [(key: String, line: Int, column: Int)] {
        var uses: [(key: String, line: Int, column: Int)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: "strings.") {
                let before = rest[..<range.lowerBound].last
                let key = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }
                if before == "{" || before == "#" || before == "^" || before == "/" || before == " " || before == "&" {
                    let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                    if !key.isEmpty { uses.append((String(key), offset + 1, column)) }
                }
                rest = rest[range.upperBound...]
            }
        }
        return uses
    }

    static func scan(_ text: String) -> [Reference] {
        var references: [Reference] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                var cursor = text.index(index, offsetBy: 2)
                while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
                if cursor < text.endIndex, text[cursor] == ">" || text[cursor] == "<" {
                    let isParent = text[cursor] == "<"
                    let rest = text[text.index(after: cursor)...]
                    if let close = rest.range(of: "}}") {
                        let name = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                        references.append(Reference(name: name, isParent: isParent, line: line, column: column))
                    }
                }
            }
            if text[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        return references
    }
}
