import Foundation

/// The rules that turn text into search terms, the same in the index (here) and in the
/// search page's script (`assets/search.js` of the theme), so that what a citizen types
/// meets what the index holds.
///
/// - A *word* is a maximal run of letters, digits and combining marks (Unicode `L`, `N`,
///   `M`). Everything else separates words, the paragraph sign too: "§85", "§ 85" and
///   "§§ 103/104" hold the words "85", "103" and "104", so a search for "85" or "§ 85"
///   finds every way of writing a reference. A word longer than `maximumWordLength`
///   (a URL or a run of digits pasted from a PDF) is no word anyone types and is left out.
/// - A word's *term* is its Snowball stem, folded (`fold`): the word is lower-cased and
///   composed (NFC), stemmed in its own spelling (the stemmer knows æ, ø and å), and
///   the stem folded, so "Besøgsvenner" and "besoegsvenner" meet at "besoegsven". A
///   word with a digit ("85", "82a", "2019") is only folded, never stemmed.
public enum SearchText {
    /// Words longer than this many Unicode scalars are left out.
    public static let maximumWordLength = 64

    /// Whether `scalar` belongs to a word: a letter, a digit or a combining mark.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// The words of `text`, in order, without the ones longer than `maximumWordLength`.
    public static func words(in text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var length = 0
        func close(at end: String.UnicodeScalarView.Index) {
            if let begin = start, length <= maximumWordLength {
                words.append(Substring(scalars[begin..<end]))
            }
            start = nil
            length = 0
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isWordScalar(scalars[index]) {
                if start == nil { start = index }
                length += 1
            } else {
                close(at: index)
            }
            index = scalars.index(after: index)
        }
        close(at: scalars.endIndex)
        return words
    }

    /// Whether a word is a number or holds one ("85", "82a"): such words are not stemmed.
    public static func hasDigit(_ word: some StringProtocol) -> Bool {
        word.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber: true
            default: false
            }
        }
    }

    /// The form a word is stemmed in: lower case, composed.
    public static func normalised(_ word: some StringProtocol) -> String {
        String(word).lowercased().precomposedStringWithCanonicalMapping
    }

    /// Lower case, å→aa, diacritics dropped, then æ→ae, ø→oe, ß→ss: "Åben Dialog" and
    /// "aaben dialog" fold to the same text, and so do "é" and "e". The order matters:
    /// å must be spelt out before the decomposition would turn it into a plain a, and
    /// æ and ø, which have no decomposition, after it (so that an æ carrying an accent
    /// still becomes ae).
    public static func fold(_ text: some StringProtocol) -> String {
        let composed = String(text).lowercased().precomposedStringWithCanonicalMapping
        var spelt = ""
        spelt.unicodeScalars.reserveCapacity(composed.unicodeScalars.count)
        for scalar in composed.unicodeScalars {
            if scalar == "å" { spelt.unicodeScalars.append(contentsOf: "aa".unicodeScalars) } else { spelt.unicodeScalars.append(scalar) }
        }
        var folded = ""
        folded.unicodeScalars.reserveCapacity(spelt.unicodeScalars.count)
        for scalar in spelt.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "æ": folded.unicodeScalars.append(contentsOf: "ae".unicodeScalars)
            case "ø": folded.unicodeScalars.append(contentsOf: "oe".unicodeScalars)
            case "ß": folded.unicodeScalars.append(contentsOf: "ss".unicodeScalars)
            default:
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default: folded.unicodeScalars.append(scalar)
                }
            }
        }
        return folded
    }
}
