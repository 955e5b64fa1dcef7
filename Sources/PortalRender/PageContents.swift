import PortalGraph

/// The "Indhold på siden" list of a long page: jump links to its parts, in the order the
/// page shows them (GOV.UK's contents list).
///
/// Whether a page is long is decided from what it shows, by one rule for every kind of
/// page (`isLong`), not template by template: each part is added with an estimate of
/// the text it holds, and a page whose parts hold more than a few screens of text gets
/// the list and a "Til toppen" link after each part. A short page keeps neither, since a
/// list of two links above a page that fits on the screen is noise.
struct PageContents {
    struct Part {
        /// The element id the link jumps to; unique on the page.
        var id: String
        var title: String
    }

    /// About how many characters of running text one screen holds: 20 lines of the
    /// 70-character reading measure.
    static let screenCharacters = 1_400
    /// A page with more than this many screens of text is long: with its headings, lists
    /// and spacing it runs to three or more screens of a 1280 px desktop (measured on the
    /// real content: a Rudersdal initiative, about 2,400 px, is not; a Hillerød ambition,
    /// 3,000 px and more, is).
    static let longPageScreens = 2
    /// What a line of a list or table (a title, a figure, a link) counts as.
    static let lineCharacters = 70

    private(set) var parts: [Part] = []
    /// The estimated characters of text the page shows, its parts' and the rest.
    private(set) var characters = 0

    /// Adds a part (when it has a title) and the text it holds.
    mutating func add(_ id: String, _ title: String, text: Int = 0, lines: Int = 0) {
        parts.append(Part(id: id, title: title))
        count(text: text, lines: lines)
    }

    /// Counts text the page shows outside any listed part.
    mutating func count(text: Int = 0, lines: Int = 0) {
        characters += text + lines * Self.lineCharacters
    }

    /// A page is long when it holds more than `longPageScreens` screens of text and has at
    /// least two parts to jump between.
    var isLong: Bool {
        parts.count >= 2 && characters > Self.screenCharacters * Self.longPageScreens
    }

    /// The text of a status overview of `items`: a row per activity (or per unit without
    /// activities), each a few lines high, and the status texts in it.
    static func statusOverviewText(_ items: [Item]) -> (text: Int, lines: Int) {
        items.reduce((0, 0)) { sum, item in
            let statusTexts = (item.statusText?.count ?? 0) + item.activities.reduce(0) { $0 + ($1.statusText?.count ?? 0) + ($1.text?.count ?? 0) }
            return (sum.0 + statusTexts, sum.1 + 3 * max(1, item.activities.count))
        }
    }

    /// The template's `contentsList`: the parts on a long page, `false` otherwise (so the
    /// "Til toppen" links inside lists of the page do not find it either).
    var value: Any {
        guard isLong else { return false }
        return ["parts": parts.map { ["id": $0.id, "title": $0.title] }]
    }
}
