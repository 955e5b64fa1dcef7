import PortalCore

/// One place in a text that cites paragraphs of Serviceloven: where it stands and which
/// paragraphs it names, in the order written.
public struct LawMention: Hashable, Sendable {
    /// From the law's name, where the text writes it before the sign ("Servicelovens
    /// § 82"), else from the first `§`, to the end of the last paragraph named (with its
    /// "stk." part): exactly the text that becomes a link.
    public var range: Range<String.Index>
    /// Each paragraph once, in the order the text names them.
    public var paragraphs: [LawParagraph]
    /// Each number as written (with its letter), in order: where each paragraph of a list
    /// stands, so that each can link to its own page.
    public var numbers: [Number]

    public struct Number: Hashable, Sendable {
        public var paragraph: LawParagraph
        public var range: Range<String.Index>
    }
}

/// Finds the references to Serviceloven in a text. The one recogniser of the portal: the
/// graph collects references with it and the pages link them with it, so a page links
/// exactly what the § index counts.
///
/// What is read (the forms the five source documents use, and the usual legal forms):
/// - `§ 82`, `§82`, `§ 82a`, `§82b`, `§ 82 a`: one paragraph. A letter belongs to the
///   number when it follows it directly, or after one space when it is one of a-h
///   standing alone (`§ 82 a`, the act's own style; never `i`, which is a word). A
///   number glued to a word (`§85indsatsen`) is not read; `§ 85-indsatsen` is § 85.
/// - `§ 103/104`, `§§ 103/104`: a slash joins paragraphs, after one sign or two.
/// - `§§103 og 104`, `§§ 103, 104 eller 105`: after `§§` (several paragraphs) a list
///   joined by commas, "og" and "eller". After one `§`, "§ 85 og 10 borgere" names only 85.
/// - `§§ 103-105`: a range names the paragraphs it writes, its two ends, and never the
///   ones between: the text does not say which those are (a lettered paragraph may sit
///   between), and the portal invents no citation. Only after `§§`.
/// - `§ 85, stk. 2` (and `stk. 2, nr. 3`): the subsection is part of the mention's text,
///   the reference is to § 85.
/// - Numbers are 1 to 999 without a leading zero: `§ 2019` is a year, `§ 0` nothing.
///   A sign without a number (`§`, `§ abc`) is no reference.
///
/// A paragraph of another law is not a reference to Serviceloven. The text decides, by
/// the words around the sign; without any, a reference is to Serviceloven, the act
/// these plans are written under (all § signs of the five sources are):
/// - the word before names a law: one ending in "lov", "loven", "lovens" or "lovs"
///   (`sundhedslovens § 119`, `dagtilbudsloven §`, `Barnets Lov §`, `LAB-lovens §`), a
///   legal instrument (bekendtgørelse, konvention, forordning, direktiv, cirkulære, and
///   their forms), or an abbreviation in capitals (`LAB §`, `SUL §`);
/// - or the words after it, behind "i" or "efter", do so (`§ 17 i lov om ...`,
///   `§ 119 i sundhedsloven`, `§ 2 i bekendtgørelse nr. 1`).
///
/// Serviceloven's own names count for it: "serviceloven", "servicelovens", "SEL" and
/// "lov om social service", before the sign (then part of the mention's text) or after
/// "i"/"efter".
public struct LawReferenceReader: Sendable {
    public init() {}

    /// The mentions of Serviceloven in `text`, in order; they never overlap.
    public func mentions(in text: String) -> [LawMention] {
        guard text.unicodeScalars.contains("§") else { return [] }
        return MentionScanner(text).mentions()
    }

    /// Each paragraph `text` cites, once, in the order first cited.
    public func paragraphs(in text: String) -> [LawParagraph] {
        var seen: Set<LawParagraph> = []
        return mentions(in: text).flatMap(\.paragraphs).filter { seen.insert($0).inserted }
    }
}

/// The scan of one text, over its characters by position.
private struct MentionScanner {
    let characters: [Character]
    /// The text's index of each character, and its end index last.
    let indices: [String.Index]

    init(_ text: String) {
        characters = Array(text)
        indices = Array(text.indices) + [text.endIndex]
    }

    var count: Int { characters.count }

    func mentions() -> [LawMention] {
        var result: [LawMention] = []
        var position = 0
        while position < count {
            guard characters[position] == "§" else {
                position += 1
                continue
            }
            if let found = mention(at: position) {
                if found.isServiceloven {
                    var paragraphs: [LawParagraph] = []
                    for number in found.numbers where !paragraphs.contains(number.paragraph) { paragraphs.append(number.paragraph) }
                    result.append(LawMention(
                        range: indices[found.start]..<indices[found.end], paragraphs: paragraphs,
                        numbers: found.numbers.map { LawMention.Number(paragraph: $0.paragraph, range: indices[$0.start]..<indices[$0.end]) }))
                }
                position = found.end
            } else {
                while position < count, characters[position] == "§" { position += 1 }
            }
        }
        return result
    }

    struct Found {
        var start: Int
        var end: Int
        var numbers: [Written]
        var isServiceloven: Bool
    }

    /// A number as written, from its first digit to its letter.
    struct Written {
        var paragraph: LawParagraph
        var start: Int
        var end: Int
    }

    /// The mention whose sign is at `sign`, whichever law it cites; nil when no paragraph follows.
    func mention(at sign: Int) -> Found? {
        var position = sign
        while position < count, characters[position] == "§" { position += 1 }
        let signs = position - sign
        guard signs <= 2 else { return nil }
        let several = signs == 2
        let firstStart = skipSpaces(position)
        guard let (first, afterFirst) = paragraph(at: firstStart) else { return nil }
        var numbers = [Written(paragraph: first, start: firstStart, end: afterFirst)]
        var end = subsection(after: afterFirst) ?? afterFirst
        while let (next, start, after) = listed(after: end, several: several) {
            numbers.append(Written(paragraph: next, start: start, end: after))
            end = subsection(after: after) ?? after
        }
        switch lawBefore(sign) {
        case .serviceloven(let nameStart):
            return Found(start: nameStart, end: end, numbers: numbers, isServiceloven: true)
        case .other:
            return Found(start: sign, end: end, numbers: numbers, isServiceloven: false)
        case nil:
            return Found(start: sign, end: end, numbers: numbers, isServiceloven: lawAfter(end) ?? true)
        }
    }

    // MARK: Paragraphs

    /// A paragraph number (with its letter) at `position`, and where it ends.
    func paragraph(at position: Int) -> (LawParagraph, Int)? {
        var end = position
        while end < count, characters[end].isASCII, characters[end].isNumber { end += 1 }
        let digits = end - position
        guard (1...3).contains(digits), characters[position] != "0", let number = Int(String(characters[position..<end])) else {
            return nil
        }
        var letter: Character?
        if end < count, characters[end].isLetter {
            // "82a", but not a number glued to a word ("85indsatsen").
            guard characters[end].isASCII, !isWordCharacter(at: end + 1) else { return nil }
            letter = characters[end]
            end += 1
        } else if end + 1 < count, characters[end] == " ", ("a"..."h").contains(characters[end + 1]),
                  !isWordCharacter(at: end + 2), character(at: end + 2) != "-" {
            // "§ 82 a": a letter a-h standing alone after the number.
            letter = characters[end + 1]
            end += 2
        } else if isWordCharacter(at: end) {
            return nil
        }
        guard let paragraph = LawParagraph(number: number, letter: letter) else { return nil }
        return (paragraph, end)
    }

    /// The next paragraph of a list (`/104`, `og 104`, `, 104`, `-105`) after `end`, where
    /// its number starts and where it ends.
    func listed(after end: Int, several: Bool) -> (LawParagraph, Int, Int)? {
        var position = skipSpaces(end)
        guard position < count else { return nil }
        if characters[position] == "/" {
            position += 1
        } else if several, [",", "-", "–"].contains(characters[position]) {
            position += 1
        } else if several, let after = word(["og", "eller"], at: position) {
            position = after
        } else {
            return nil
        }
        let start = skipSpaces(position)
        return paragraph(at: start).map { ($0.0, start, $0.1) }
    }

    /// The end of a subsection after a paragraph (`, stk. 2`, ` stk. 2, nr. 3`), if one follows.
    func subsection(after end: Int) -> Int? {
        func part(_ name: String, after end: Int) -> Int? {
            var position = end
            if character(at: position) == "," { position += 1 }
            position = skipSpaces(position)
            guard let afterName = word([name], at: position, followedBy: ".") ?? word([name], at: position) else { return nil }
            let number = skipSpaces(afterName)
            var last = number
            while last < count, last - number < 2, characters[last].isASCII, characters[last].isNumber { last += 1 }
            guard last > number, !isWordCharacter(at: last) else { return nil }
            return last
        }
        guard let stk = part("stk", after: end) else { return nil }
        return part("nr", after: stk) ?? stk
    }

    // MARK: Which law

    enum Law {
        /// Serviceloven, whose name starts at the position.
        case serviceloven(Int)
        case other
    }

    /// What the word before the sign says about the law.
    func lawBefore(_ sign: Int) -> Law? {
        var end = sign
        while end > 0, isSpace(characters[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isWordCharacter(at: start - 1) || ["-", "'", "’"].contains(characters[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        let word = String(characters[start..<end])
        if Self.isServicelovensName(word) { return .serviceloven(start) }
        if word.lowercased().hasSuffix("service"), let phrase = phraseStart("lov om social service", endingAt: end) {
            return .serviceloven(phrase)
        }
        return Self.namesAnotherLaw(word) ? .other : nil
    }

    /// What the words after the mention say about the law (`i lov om ...`, `efter
    /// sundhedsloven`): true for Serviceloven, false for another law, nil when they name none.
    func lawAfter(_ end: Int) -> Bool? {
        var position = end
        if character(at: position) == "," { position += 1 }
        position = skipSpaces(position)
        guard let afterPreposition = word(["i", "efter"], at: position) else { return nil }
        var words: [String] = []
        position = skipSpaces(afterPreposition)
        while words.count < 4, position < count, isWordCharacter(at: position) {
            var last = position
            while last < count, isWordCharacter(at: last) || characters[last] == "-" { last += 1 }
            words.append(String(characters[position..<last]))
            position = skipSpaces(last)
        }
        let lower = words.map { $0.lowercased() }
        if lower.starts(with: ["lov", "om", "social", "service"]) { return true }
        for word in words.prefix(2) {
            if Self.isServicelovensName(word) { return true }
            if Self.namesAnotherLaw(word) { return false }
        }
        return nil
    }

    static let servicelovensNames: Set<String> = ["serviceloven", "servicelovens", "servicelov", "servicelovs"]

    static func isServicelovensName(_ word: String) -> Bool {
        servicelovensNames.contains(word.lowercased()) || ["SEL", "SEL's", "SEL’s", "SELs"].contains(word)
    }

    /// Legal instruments other than acts, in their Danish forms.
    static let instruments = ["bekendtgørelse", "konvention", "forordning", "direktiv", "cirkulære"]

    static func namesAnotherLaw(_ word: String) -> Bool {
        let lower = word.lowercased()
        if ["lov", "loven", "lovens", "lovs"].contains(where: { lower.hasSuffix($0) }) { return true }
        if instruments.contains(where: { lower.hasPrefix($0) }) || ["bkg", "bek"].contains(lower) { return true }
        // An abbreviation in capitals (LAB, SUL, BEL), perhaps with a genitive ending.
        let letters = word.prefix { $0 != "'" && $0 != "’" && $0 != "-" }
        return (2...6).contains(letters.count) && letters.allSatisfy { $0.isUppercase }
    }

    // MARK: Characters

    func character(at position: Int) -> Character? {
        position < count && position >= 0 ? characters[position] : nil
    }

    func isWordCharacter(at position: Int) -> Bool {
        guard let character = character(at: position) else { return false }
        return character.isLetter || character.isNumber
    }

    /// Spaces and tabs, no-break spaces included, but not line breaks: a reference does
    /// not run across lines.
    func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\u{00A0}" || character == "\u{202F}"
    }

    func skipSpaces(_ position: Int) -> Int {
        var position = position
        while position < count, isSpace(characters[position]) { position += 1 }
        return position
    }

    /// The position after one of `words` at `position` (case aside), when it stands as a
    /// word of its own (followed by `followedBy`, or by no letter or digit).
    func word(_ words: [String], at position: Int, followedBy: Character? = nil) -> Int? {
        for word in words {
            let end = position + word.count
            guard end <= count, String(characters[position..<end]).lowercased() == word else { continue }
            if let followedBy {
                if character(at: end) == followedBy { return end + 1 }
            } else if !isWordCharacter(at: end) {
                return end
            }
        }
        return nil
    }

    /// Where `phrase` starts when it ends at `end` (case and single spaces aside).
    func phraseStart(_ phrase: String, endingAt end: Int) -> Int? {
        let length = phrase.count
        guard end - length >= 0 else { return nil }
        let written = String(characters[(end - length)..<end]).lowercased()
        guard written == phrase, !isWordCharacter(at: end - length - 1) else { return nil }
        return end - length
    }
}
