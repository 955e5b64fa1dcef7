/// Tells text a reader can see from text that only looks written: empty, spaces, or
/// characters that show nothing (zero-width spaces, direction marks, other format and
/// control characters). Copying from PDFs and word processors brings such characters
/// along, and editors cannot see them in their own editor either.
public enum VisibleText {
    public enum Kind: Equatable, Sendable {
        /// At least one character shows.
        case visible
        /// Nothing, or only spaces and line breaks.
        case blank
        /// Nothing shows, but it holds this invisible character (besides any spaces).
        case invisible(Unicode.Scalar)
    }

    public static func classify(_ text: String) -> Kind {
        var hidden: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            guard isInvisible(scalar) else { return .visible }
            hidden = hidden ?? scalar
        }
        return hidden.map { .invisible($0) } ?? .blank
    }

    /// Characters that take no place and show no glyph: format characters (zero-width
    /// space and joiners, word joiner, byte order mark, direction marks and controls),
    /// control characters, and the other default-ignorable code points (fillers).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator, .spaceSeparator: return true
        default: return scalar.properties.isDefaultIgnorableCodePoint || scalar == "\u{2800}"
        }
    }

    /// The first embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069) in
    /// `text`. These reorder the text around them, so a title can show differently from
    /// what it says; no source text needs them.
    public static func firstDirectionControl(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }

    /// `U+200B`: how a character is named in messages.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
