/// A paragraph of Serviceloven (the Danish Social Services Act, "lov om social service"),
/// as plans cite it: a number, and for a paragraph added between two others a letter
/// (§ 82 a, written "82a" or "82 a").
///
/// A lettered paragraph is a paragraph of its own (§ 82a is not part of § 82), so the
/// letter is part of the value. Paragraphs order as the act does: by number, and the
/// lettered ones after the plain one (82 < 82a < 82b < 83 < 103). The act's paragraphs
/// are numbered 1 to a few hundred; a number of four digits is a year, not a paragraph,
/// so numbers run from 1 to 999 and are written without leading zeros.
public struct LawParagraph: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1...999.
    public let number: Int
    /// A lower-case letter a-z, or nil.
    public let letter: Character?

    /// Nil when `number` is outside 1...999 or `letter` is not a letter a-z (an upper-case
    /// one is taken as its lower-case form).
    public init?(number: Int, letter: Character? = nil) {
        guard (1...999).contains(number) else { return nil }
        if let letter {
            guard let lower = letter.lowercased().first, letter.isASCII, ("a"..."z").contains(lower) else { return nil }
            self.letter = lower
        } else {
            self.letter = nil
        }
        self.number = number
    }

    /// Reads a paragraph as an editor writes it in a content file: `85`, `82a` or `82 a`
    /// (no `§`, no leading zero). Nil for anything else.
    public init?(_ text: String) {
        var rest = text.trimmingSpaces()
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), digits.first != "0", let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        if rest.first == " " { rest = rest.dropFirst() }
        guard rest.count <= 1 else { return nil }
        self.init(number: number, letter: rest.first)
    }

    /// "85", "82a": how the portal writes the paragraph after "§ ", and its address part.
    public var description: String {
        letter.map { "\(number)\($0)" } ?? String(number)
    }

    /// The address part of the paragraph's page (`85`, `82a`).
    public var slug: String { description }

    public static func < (lhs: LawParagraph, rhs: LawParagraph) -> Bool {
        if lhs.number != rhs.number { return lhs.number < rhs.number }
        switch (lhs.letter, rhs.letter) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let a?, let b?): return a < b
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var text = self[...]
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
