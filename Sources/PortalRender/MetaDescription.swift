/// The meta description of a page made from its own text: what a search engine or a
/// shared link shows under the title, so it says what this page is about rather than
/// what the portal is.
///
/// Plain text (Markdown already reduced to its text), one line, at most `limit`
/// characters: the first sentence when it fits, otherwise the text cut at a word
/// boundary with an ellipsis.
enum MetaDescription {
    /// About what search engines show.
    static let limit = 160
    /// A first "sentence" shorter than this (a heading, "Formål.") says too little alone.
    static let shortestSentence = 50

    /// The description from the text blocks of a page (paragraphs and headings, in
    /// order), or nil when they hold no text. The first block long enough to say
    /// something is used, so a leading heading ("Indledning") is passed over.
    static func make(fromBlocks blocks: [String]) -> String? {
        let texts = blocks.map(oneLine).filter { !$0.isEmpty }
        guard !texts.isEmpty else { return nil }
        let text = texts.first { $0.count >= shortestSentence } ?? texts.joined(separator: " ")
        return make(text)
    }

    /// `text` on one line, cut to its first sentence or to `limit` characters.
    static func make(_ text: String) -> String {
        let line = oneLine(text)
        if let end = firstSentenceEnd(in: line), line.distance(from: line.startIndex, to: end) <= limit {
            return String(line[..<end])
        }
        guard line.count > limit else { return line }
        let room = line.prefix(limit - 1)
        let cut = room.lastIndex(of: " ").map { room[..<$0] } ?? room
        return cut.trimmingTrailingPunctuation() + "…"
    }

    /// Whitespace and line breaks as single spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Just after the first full stop, question or exclamation mark that ends a sentence
    /// at least `shortestSentence` characters in: followed by a space and a capital
    /// letter, and not ending a short abbreviation ("fx.", "stk. 2", "1. januar").
    private static func firstSentenceEnd(in text: String) -> String.Index? {
        var index = text.startIndex
        var position = 0
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".!?".contains(character), position + 1 >= shortestSentence, next < text.endIndex, text[next] == " " {
                let following = text.index(after: next)
                let word = text[..<index].reversed().prefix { $0.isLetter }
                if following < text.endIndex, text[following].isUppercase, character != "." || word.count >= 3 {
                    return next
                }
            }
            index = next
            position += 1
        }
        return nil
    }
}

private extension Substring {
    /// Without the commas, colons and dashes a cut can leave at its end.
    func trimmingTrailingPunctuation() -> String {
        var text = self
        while let last = text.last, ",;:–-( ".contains(last) { text = text.dropLast() }
        return String(text)
    }
}
