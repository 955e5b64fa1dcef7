import Foundation

/// Makes URL slugs the Danish way: æ→ae, ø→oe, å→aa, other accents dropped,
/// lower case, words joined by single hyphens. "Åben Dialog" becomes `aaben-dialog`.
///
/// The result only ever holds `[a-z0-9-]`, never starts or ends with a hyphen, and is
/// empty only when the input has no letter or digit at all.
public enum Slug {
    /// The longest slug made from a title; long titles are cut at a word boundary.
    public static let defaultMaximumLength = 60

    public static func make(_ text: String, maximumLength: Int = defaultMaximumLength) -> String {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if let replacement = transliterate(scalar) {
                current += replacement
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }

        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maximumLength {
                if slug.isEmpty { slug = String(word.prefix(maximumLength)) }
                break
            }
            slug = candidate
        }
        return slug
    }

    /// Whether `text` is already a valid slug or id: `[a-z0-9]` words joined by single hyphens.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func transliterate(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "æ": return "ae"
        case "ø": return "oe"
        case "å": return "aa"
        case "ß": return "ss"
        default: break
        }
        // Fold other Latin letters with diacritics (é, ü, ...) to their base letter.
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        let base = decomposed.unicodeScalars.filter { ("a"..."z").contains($0) }
        return base.isEmpty ? nil : String(String.UnicodeScalarView(base))
    }
}
