import PropertyBased

/// Generators shared by the property-based tests of every stage.
public enum TextGen {
    /// Any Unicode scalar value except surrogates (which are not characters).
    public static let anyCharacter = Gen<UInt32>.value(in: 0...0x10FFFF)
        .map { value -> Character in
            Character(UnicodeScalar(value) ?? "\u{FFFD}")
        }

    /// Characters that matter to content files: Danish letters, YAML and Markdown
    /// punctuation, quotes, line breaks, tabs and the front matter fence.
    public static let contentCharacter = Gen<Character?>
        .element(of: Array("abcæøåÆØÅ019 :-#*_[]{}<>\"'`|&!%@\n\n\t\\/") as [Character])
        .map { $0 ?? "a" }

    /// Arbitrary Unicode text.
    public static func anyText(_ length: ClosedRange<Int> = 0...200) -> Generator<String, some SendableMetatype & Sequence> {
        anyCharacter.string(of: length)
    }

    /// Text that looks like content and exercises the parsers' special characters.
    public static func contentText(_ length: ClosedRange<Int> = 0...300) -> Generator<String, some SendableMetatype & Sequence> {
        contentCharacter.string(of: length)
    }
}
