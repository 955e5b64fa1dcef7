import PortalCore

/// One content file's text, decoded and normalised (UTF-8, no byte-order mark, `\n` line ends).
public struct SourceFile: Sendable, Equatable {
    /// The path used in diagnostics, as the editor would type it (e.g. `content/temaer/sundhed.md`).
    public var path: String
    public var text: String {
        didSet { yamlLines = YAMLLines(text) }
    }
    /// Where libyaml's lines lie in the text; worked out once per file because every
    /// node's location needs it.
    private(set) var yamlLines: YAMLLines

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.yamlLines = YAMLLines(text)
    }

    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }
}
