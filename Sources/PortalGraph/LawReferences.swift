import PortalContent
import PortalCore
import PortalMarkdown

/// One place in the site's text that cites a paragraph of Serviceloven: the § index
/// lists these, and the data files and the search read them.
///
/// A place is one sentence of one field of one entity: a sentence that names § 103 twice
/// is one place, and one that names §§ 103/104 is a place of § 103 and a place of § 104.
public struct LawReference: Hashable, Sendable {
    public var paragraph: LawParagraph
    /// The entity whose text it is.
    public var place: EntityRef
    /// Which of its fields.
    public var field: Field
    /// The municipality the entity belongs to; nil for themes, tags and free pages.
    public var municipalityID: String?
    /// The document the entity belongs to (a document's own text is its own); nil for
    /// municipalities, themes, tags and free pages.
    public var documentID: String?
    /// The sentence it stands in, with the mentions of the paragraph marked.
    public var sentence: QuotedSentence

    /// The fields of the entities whose text is read.
    public enum Field: Hashable, Sendable {
        case title, shortTitle, body, summary, organisation, period, date
        case sectionLabel, itemLabel, number, statusText, localThemesAsWritten, contact, administrativeIdeasHeading
        /// An item's body part under a `##` heading (the heading itself included), by the heading.
        case field(String)
        /// By position from 0: an activity (its number, title, text and status text), a
        /// goal, a success criterion, a milestone (what and when), an evaluation field.
        case activity(Int), goal(Int), successCriterion(Int), milestone(Int), evaluation(Int)
        /// An item's own headings for its lists.
        case listLabel
        /// A document's local theme (title and description), by its number.
        case localTheme(Int)
        /// A document's group of key facts, by position from 0.
        case keyFacts(Int)
        /// A document's administrative idea, by position from 0.
        case administrativeIdea(Int)
    }
}

/// A sentence quoted from the text, in parts, some of which are the mention it is quoted for.
public struct QuotedSentence: Hashable, Sendable {
    public struct Part: Hashable, Sendable {
        public var text: String
        /// Whether the part is a mention of the paragraph the sentence is quoted for.
        public var isMention: Bool
    }

    public var parts: [Part]

    /// The sentence as plain text.
    public var text: String { parts.map(\.text).joined() }
}

/// How many places cite a paragraph, per municipality: a row of the § index.
public struct LawParagraphCount: Hashable, Sendable {
    public var paragraph: LawParagraph
    /// Places by municipality id; the places outside any municipality (themes, tags, free
    /// pages) under nil.
    public var places: [String?: Int]
    public var total: Int
}

/// Every reference to Serviceloven in the site's text, found once when the graph is made,
/// in site order (municipality, then each document with its text, sections, items and
/// appendices in reading order, then themes, tags and free pages).
///
/// All text is read: titles, bodies and the `##` fields, activities, goals, success
/// criteria, milestones, evaluation, status texts, list labels, local themes, key facts,
/// administrative ideas and the other one-line fields. Markdown is read as the page shows
/// it, block by block (`MarkdownRenderer.textBlocks`), so a sentence never runs from one
/// paragraph or list entry into the next. What an editor writes about a paragraph
/// (`kind: law-paragraph`) is not read: it is about the paragraph, not a citation of it.
struct LawReferenceIndex: Hashable, Sendable {
    private(set) var all: [LawReference] = []
    private var byParagraph: [LawParagraph: [Int]] = [:]
    private var byEntity: [EntityRef: [LawParagraph]] = [:]
    /// What each activity's own text cites (its number, title, text and status text), by
    /// item id and position: an activity that is a comparable unit is related by these.
    private var byActivity: [ActivityPlace: [LawParagraph]] = [:]
    /// The cited paragraphs in the act's order, with their counts.
    private(set) var counts: [LawParagraphCount] = []

    init() {}

    init(_ references: [LawReference]) {
        var seen: Set<LawReference> = []
        all = references.filter { seen.insert($0).inserted }
        for (offset, reference) in all.enumerated() {
            byParagraph[reference.paragraph, default: []].append(offset)
            if byEntity[reference.place]?.contains(reference.paragraph) != true {
                byEntity[reference.place, default: []].append(reference.paragraph)
            }
            if reference.place.kind == .item, case .activity(let index) = reference.field {
                let activity = ActivityPlace(itemID: reference.place.id, index: index)
                if byActivity[activity]?.contains(reference.paragraph) != true {
                    byActivity[activity, default: []].append(reference.paragraph)
                }
            }
        }
        byEntity = byEntity.mapValues { $0.sorted() }
        byActivity = byActivity.mapValues { $0.sorted() }
        counts = byParagraph.keys.sorted().map { paragraph in
            let places = byParagraph[paragraph] ?? []
            var perMunicipality: [String?: Int] = [:]
            for offset in places { perMunicipality[all[offset].municipalityID, default: 0] += 1 }
            return LawParagraphCount(paragraph: paragraph, places: perMunicipality, total: places.count)
        }
    }

    /// The paragraphs cited anywhere, in the act's order.
    var paragraphs: [LawParagraph] { counts.map(\.paragraph) }

    func references(to paragraph: LawParagraph) -> [LawReference] {
        (byParagraph[paragraph] ?? []).map { all[$0] }
    }

    func paragraphs(in entity: EntityRef) -> [LawParagraph] {
        byEntity[entity] ?? []
    }

    func isCited(_ paragraph: LawParagraph) -> Bool {
        byParagraph[paragraph] != nil
    }

    /// An activity of an item, by position from 0.
    struct ActivityPlace: Hashable, Sendable {
        var itemID: String
        var index: Int
    }

    /// The paragraphs the activity's own text cites, each once, in the act's order.
    func paragraphs(inActivity index: Int, ofItem itemID: String) -> [LawParagraph] {
        byActivity[ActivityPlace(itemID: itemID, index: index)] ?? []
    }

    // MARK: Finding them

    /// Reads every text of the entities, in site order: each municipality's texts on a
    /// task of their own (at 10,000 items, reading them on one thread was a second of
    /// every preview save), put together in the municipalities' order.
    static func collect(
        municipalities: [Municipality], documents: [Document], sections: [Section], items: [Item],
        appendices: [Appendix], topics: [(EntityKind, [Topic])]
    ) -> LawReferenceIndex {
        let documentByID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sectionByID = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let itemByID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let appendixByID = Dictionary(appendices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [LawReference] = municipalities.concurrentMap { municipality -> [LawReference] in
            let finder = Finder()
            var found: [LawReference] = []
            let place = Place(ref: EntityRef(.municipality, municipality.id), municipalityID: municipality.id, documentID: nil)
            found += finder.references(in: Texts.of(municipality), at: place)
            for document in municipality.documentIDs.compactMap({ documentByID[$0] }) {
                func place(_ kind: EntityKind, _ id: String) -> Place {
                    Place(ref: EntityRef(kind, id), municipalityID: municipality.id, documentID: document.id)
                }
                found += finder.references(in: Texts.of(document), at: place(.document, document.id))
                let documentItems = document.itemIDs.compactMap { itemByID[$0] }
                for section in document.sectionIDs.compactMap({ sectionByID[$0] }) {
                    found += finder.references(in: Texts.of(section), at: place(.section, section.id))
                    for item in documentItems where item.sectionID == section.id {
                        found += finder.references(in: Texts.of(item), at: place(.item, item.id))
                    }
                }
                for item in documentItems where item.sectionID.flatMap({ sectionByID[$0] }) == nil {
                    found += finder.references(in: Texts.of(item), at: place(.item, item.id))
                }
                for appendix in document.appendixIDs.compactMap({ appendixByID[$0] }) {
                    found += finder.references(in: Texts.of(appendix), at: place(.appendix, appendix.id))
                }
            }
            return found
        }.flatMap { $0 }
        let finder = Finder()
        for (kind, list) in topics {
            for topic in list {
                found += finder.references(in: Texts.of(topic), at: Place(ref: EntityRef(kind, topic.id), municipalityID: nil, documentID: nil))
            }
        }
        return LawReferenceIndex(found)
    }

    struct Place {
        var ref: EntityRef
        var municipalityID: String?
        var documentID: String?
    }

    /// One field's text, and whether it is Markdown.
    struct Text {
        var field: LawReference.Field
        var text: String
        var isMarkdown: Bool

        init(_ field: LawReference.Field, _ text: String?, markdown: Bool = false) {
            self.field = field
            self.text = text ?? ""
            isMarkdown = markdown
        }
    }

    /// The texts of each kind of entity, in the order their page shows them.
    enum Texts {
        static func of(_ municipality: Municipality) -> [Text] {
            [Text(.title, municipality.title), Text(.shortTitle, municipality.shortTitle), Text(.body, municipality.body, markdown: true)]
        }

        static func of(_ document: Document) -> [Text] {
            var texts = [
                Text(.title, document.title), Text(.organisation, document.organisation), Text(.period, document.period),
                Text(.date, document.date), Text(.summary, document.summary), Text(.sectionLabel, document.sectionLabel),
                Text(.itemLabel, document.itemLabel),
            ]
            texts += document.keyFacts.enumerated().flatMap { index, group in
                [Text(.keyFacts(index), group.group)] + group.facts.flatMap { [Text(.keyFacts(index), $0.label), Text(.keyFacts(index), $0.value)] }
            }
            texts.append(Text(.body, document.body, markdown: true))
            texts += document.localThemes.flatMap { theme in
                [Text(.localTheme(theme.number), theme.title), Text(.localTheme(theme.number), theme.description, markdown: true)]
            }
            texts.append(Text(.administrativeIdeasHeading, document.administrativeIdeasHeading))
            texts += document.administrativeIdeas.enumerated().map { Text(.administrativeIdea($0), $1.title) }
            texts.append(Text(.contact, document.contact, markdown: true))
            return texts
        }

        static func of(_ section: Section) -> [Text] {
            [Text(.number, section.number), Text(.title, section.title), Text(.body, section.body, markdown: true)]
        }

        static func of(_ item: Item) -> [Text] {
            var texts = [
                Text(.number, item.number), Text(.title, item.title), Text(.shortTitle, item.shortTitle),
                Text(.statusText, item.statusText, markdown: true), Text(.localThemesAsWritten, item.localThemesAsWritten),
                Text(.body, item.intro, markdown: true),
            ]
            texts += item.activities.enumerated().flatMap { index, activity in
                [Text(.activity(index), activity.number), Text(.activity(index), activity.title, markdown: true),
                 Text(.activity(index), activity.text, markdown: true), Text(.activity(index), activity.statusText, markdown: true)]
            }
            texts += item.goals.enumerated().map { Text(.goal($0), $1, markdown: true) }
            texts += item.successCriteria.enumerated().map { Text(.successCriterion($0), $1, markdown: true) }
            texts += item.milestones.enumerated().flatMap { index, milestone in
                [Text(.milestone(index), milestone.text, markdown: true), Text(.milestone(index), milestone.when)]
            }
            texts += item.fields.flatMap { field in
                [Text(.field(field.label), field.label), Text(.field(field.label), field.markdown, markdown: true)]
            }
            texts += item.evaluation.enumerated().flatMap { index, field in
                [Text(.evaluation(index), field.label), Text(.evaluation(index), field.value)]
            }
            let labels = item.labels
            texts += [labels.activities, labels.goals, labels.successCriteria, labels.milestones, labels.evaluation].map { Text(.listLabel, $0) }
            return texts
        }

        static func of(_ appendix: Appendix) -> [Text] {
            [Text(.title, appendix.title), Text(.body, appendix.body, markdown: true)]
        }

        static func of(_ topic: Topic) -> [Text] {
            [Text(.title, topic.title), Text(.body, topic.body, markdown: true)]
        }
    }

    /// Finds the references in texts, sentence by sentence.
    struct Finder {
        let reader = LawReferenceReader()
        let markdown = MarkdownRenderer()

        func references(in texts: [Text], at place: Place) -> [LawReference] {
            texts.flatMap { text -> [LawReference] in
                // Most texts cite nothing; they cost one scan for the sign.
                guard text.text.unicodeScalars.contains("§") else { return [] }
                let blocks = text.isMarkdown ? markdown.textBlocks(text.text) : [Self.oneLine(text.text)]
                return blocks.flatMap { block in references(in: block, field: text.field, at: place) }
            }
        }

        func references(in block: String, field: LawReference.Field, at place: Place) -> [LawReference] {
            let mentions = reader.mentions(in: block)
            guard !mentions.isEmpty else { return [] }
            let sentences = Sentences(block)
            var result: [LawReference] = []
            // Mentions grouped by the sentence they stand in, in order.
            var groups: [(sentence: Range<String.Index>, mentions: [LawMention])] = []
            for mention in mentions {
                let sentence = sentences.range(around: mention.range)
                if let last = groups.last, last.sentence.overlaps(sentence) || last.sentence == sentence {
                    groups[groups.count - 1].sentence = min(last.sentence.lowerBound, sentence.lowerBound)..<max(last.sentence.upperBound, sentence.upperBound)
                    groups[groups.count - 1].mentions.append(mention)
                } else {
                    groups.append((sentence, [mention]))
                }
            }
            for group in groups {
                var paragraphs: [LawParagraph] = []
                for paragraph in group.mentions.flatMap(\.paragraphs) where !paragraphs.contains(paragraph) { paragraphs.append(paragraph) }
                for paragraph in paragraphs {
                    let marked = group.mentions.filter { $0.paragraphs.contains(paragraph) }.map(\.range)
                    result.append(LawReference(
                        paragraph: paragraph, place: place.ref, field: field, municipalityID: place.municipalityID,
                        documentID: place.documentID, sentence: Self.quote(block, sentence: group.sentence, marking: marked)))
                }
            }
            return result
        }

        static func oneLine(_ text: String) -> String {
            text.split(whereSeparator: \.isNewline).joined(separator: " ")
        }

        /// The longest quote shown; a longer sentence is cut around its mentions.
        static let longestQuote = 320
        /// How much of a long sentence is kept on each side of its mentions.
        static let context = 130

        /// The sentence in parts, the `marked` mentions as their own parts; a long one cut
        /// at word boundaries around them, with "…" where it is cut.
        static func quote(_ block: String, sentence: Range<String.Index>, marking marked: [Range<String.Index>]) -> QuotedSentence {
            var start = sentence.lowerBound, end = sentence.upperBound
            var cutBefore = false, cutAfter = false
            if block.distance(from: start, to: end) > longestQuote, let first = marked.first, let last = marked.last {
                if block.distance(from: start, to: first.lowerBound) > context {
                    start = wordStart(in: block, from: block.index(first.lowerBound, offsetBy: -context), limit: first.lowerBound)
                    cutBefore = true
                }
                if block.distance(from: last.upperBound, to: end) > context {
                    end = wordEnd(in: block, from: block.index(last.upperBound, offsetBy: context), limit: last.upperBound)
                    cutAfter = true
                }
            }
            var parts: [QuotedSentence.Part] = []
            if cutBefore { parts.append(.init(text: "… ", isMention: false)) }
            var position = start
            for range in marked where range.lowerBound >= position && range.upperBound <= end {
                if position < range.lowerBound { parts.append(.init(text: String(block[position..<range.lowerBound]), isMention: false)) }
                parts.append(.init(text: String(block[range]), isMention: true))
                position = range.upperBound
            }
            if position < end { parts.append(.init(text: String(block[position..<end]), isMention: false)) }
            if cutAfter { parts.append(.init(text: " …", isMention: false)) }
            return QuotedSentence(parts: parts)
        }

        /// The start of the first whole word at or after `from` (never past `limit`); a
        /// dash or other punctuation standing alone there is passed over.
        static func wordStart(in text: String, from: String.Index, limit: String.Index) -> String.Index {
            var index = from
            while index < limit, !text[index].isWhitespace { index = text.index(after: index) }
            while index < limit, text[index].isWhitespace || (text[index].isPunctuation && isAlone(text, index)) {
                index = text.index(after: index)
            }
            return index
        }

        /// Whether the character at `index` stands between spaces (or at the text's ends).
        static func isAlone(_ text: String, _ index: String.Index) -> Bool {
            let after = text.index(after: index)
            return (index == text.startIndex || text[text.index(before: index)].isWhitespace)
                && (after == text.endIndex || text[after].isWhitespace)
        }

        /// The end of the last whole word at or before `from` (never before `limit`).
        static func wordEnd(in text: String, from: String.Index, limit: String.Index) -> String.Index {
            var index = from
            while index > limit, !text[text.index(before: index)].isWhitespace { index = text.index(before: index) }
            while index > limit, text[text.index(before: index)].isWhitespace { index = text.index(before: index) }
            return index
        }
    }
}

/// The sentences of one block of text. A sentence ends at `.`, `!`, `?` or `…` (and any
/// closing quote or bracket after it) followed by a space and a capital letter, a digit
/// or a `§`, unless the word before the full stop is an abbreviation that Danish plans
/// write in mid-sentence ("bl.a.", "fx.", "ex.", "jf.", "stk.", "nr." ...).
struct Sentences {
    let text: String
    /// The index where each sentence starts, the first at the text's start.
    private(set) var starts: [String.Index]

    static let abbreviations: Set<String> = [
        "bl.a", "f.eks", "fx", "ex", "eks", "jf", "ca", "evt", "inkl", "ift", "iht", "mht", "vedr", "dvs", "stk", "nr",
        "pkt", "kap", "kl", "hhv", "pga", "ifm", "ang", "bl", "el", "gl", "tlf", "mm",
    ]

    init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            guard ".!?…".contains(character) else { continue }
            if character == ".", Self.abbreviations.contains(Self.word(before: text.index(before: index), in: text).lowercased()) { continue }
            var next = index
            while next < text.endIndex, "\"”»)’'".contains(text[next]) { next = text.index(after: next) }
            guard next < text.endIndex, text[next].isWhitespace else { continue }
            while next < text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
            var first = next
            while first < text.endIndex, "\"“„»«(‘'–-".contains(text[first]) { first = text.index(after: first) }
            guard first < text.endIndex, text[first].isUppercase || text[first].isNumber || text[first] == "§" else { continue }
            starts.append(next)
            index = next
        }
        self.starts = starts
    }

    /// The word (letters and inner dots) that ends just before the full stop at `stop`.
    static func word(before stop: String.Index, in text: String) -> String {
        var start = stop
        while start > text.startIndex {
            let previous = text.index(before: start)
            guard text[previous].isLetter || text[previous] == "." else { break }
            start = previous
        }
        return String(text[start..<stop])
    }

    /// The sentence (or sentences) that `range` stands in, without surrounding spaces.
    func range(around range: Range<String.Index>) -> Range<String.Index> {
        let start = starts.last { $0 <= range.lowerBound } ?? text.startIndex
        let end = starts.first { $0 >= range.upperBound && $0 > start } ?? text.endIndex
        var upper = end
        while upper > start, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        return start..<max(upper, range.upperBound)
    }
}
