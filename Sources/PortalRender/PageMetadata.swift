import PortalContent
import PortalCore
import PortalGraph

/// A page's `<title>` and meta description, made once per kind of page here (not in the
/// templates), so that every page's title is its own and names its municipality where
/// it has one ("HandiLeg – Rudersdal Kommune – Kommuneportalen"), and its description
/// comes from its own text.
struct PageMetadata {
    var title: String
    var description: String

    /// The parts of a title, most specific first, joined the way tabs and search results
    /// read them.
    static func title(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: " – ")
    }
}

extension ViewContext {
    /// The title and description of the page `job`, whose heading is `heading`. Reads the
    /// graph through the page's reader, so what it shows is among the page's dependencies.
    func metadata(for job: PageJob, heading: String) -> PageMetadata {
        let site = graph.site.title
        switch job {
        case .home:
            return PageMetadata(title: site, description: MetaDescription.make(graph.site.description))
        case .municipalities:
            return listing(heading, "meta.municipalities", graph.municipalities.map(\.title))
        case .themes:
            return listing(heading, "meta.themes", graph.themes.map(\.title))
        case .tags:
            return listing(heading, "meta.tags", graph.tags.map(\.title))
        case .search, .lawReferences:
            return PageMetadata(title: PageMetadata.title([heading, site]), description: strings[job == .search ? "meta.search" : "meta.lawReferences"])
        case .timeline:
            return PageMetadata(title: PageMetadata.title([heading, site]), description: MetaDescription.make(strings["timeline.intro"]))
        case .municipality(let id):
            let municipality = graph.municipality(id)
            let documents = (municipality?.documentIDs ?? []).compactMap(graph.document).map(\.title)
            let fallback = strings.format("meta.municipality", ["municipality": heading, "documents": documents.joined(separator: "; ")])
            return PageMetadata(title: PageMetadata.title([heading, site]),
                                description: described(municipality?.body, orElse: fallback))
        case .document(let id):
            guard let document = graph.document(id) else { break }
            let municipality = municipalityTitle(document.municipalityID)
            let fallback = strings.format("meta.document", [
                "type": strings["documentType.\(document.documentType.rawValue)"], "municipality": municipality,
                "when": document.period ?? document.date ?? strings["missing.notGiven"],
            ])
            let own = document.summary.map(MetaDescription.make) ?? described(document.body, orElse: fallback)
            return PageMetadata(title: PageMetadata.title([heading, municipality, site]), description: own)
        case .section(let id):
            guard let section = graph.section(id), let document = graph.document(section.documentID) else { break }
            let municipality = municipalityTitle(document.municipalityID)
            let items = section.itemIDs.compactMap(graph.item).map(\.title)
            let fallback = strings.format("meta.section", [
                "section": heading, "document": document.title, "municipality": municipality, "items": items.joined(separator: "; "),
            ])
            return PageMetadata(title: PageMetadata.title([heading, document.title, municipality, site]),
                                description: described(section.body, orElse: fallback))
        case .item(let id):
            guard let item = graph.item(id), let document = graph.document(item.documentID) else { break }
            let municipality = municipalityTitle(item.municipalityID)
            let fallback = strings.format("meta.item", [
                "item": numberLabel(item) ?? strings["item.\(item.type.rawValue)"], "title": item.title,
                "document": document.title, "municipality": municipality,
            ])
            // The item's own words, in the order the page shows them.
            let texts = [item.intro] + item.activities.flatMap { [$0.text, $0.title].compactMap { $0 } }
                + item.goals + item.fields.map(\.markdown)
            let own = texts.lazy.compactMap { self.plainDescription($0) }.first
            return PageMetadata(title: PageMetadata.title([heading, municipality, site]), description: own ?? fallback)
        case .activity(let id):
            guard let unit = graph.unit(id), let item = graph.item(id.itemID) else { break }
            let municipality = municipalityTitle(unit.municipalityID)
            let activity = id.activity.flatMap { $0 < item.activities.count ? item.activities[$0] : nil }
            // Named by its number: an item with one activity is described by the same text.
            let number = unitNumberLabel(unit).map { $0 + ": " } ?? ""
            let own = [activity?.text, unit.lead].compactMap { $0 }.lazy.compactMap { self.plainDescription(number + $0) }.first
            // Activities of different items may share a title ("Kursustilbud til borgere"):
            // the item names which one it is.
            return PageMetadata(title: PageMetadata.title([heading, item.title, municipality, site]),
                                description: own ?? MetaDescription.make(item.title))
        case .compareIndex:
            return PageMetadata(title: PageMetadata.title([heading, site]), description: MetaDescription.make(strings["compare.indexIntro"]))
        case .compare(let id):
            let theme = graph.theme(id)?.title ?? heading
            return PageMetadata(title: PageMetadata.title([heading, site]),
                                description: strings.format("meta.compare", ["theme": theme]))
        case .theme(let id):
            let fallback = strings.format("meta.theme", ["theme": heading])
            return PageMetadata(title: PageMetadata.title([heading, strings["meta.themeKind"], site]),
                                description: described(graph.theme(id)?.body, orElse: fallback))
        case .tag(let id):
            let fallback = strings.format("meta.tag", ["tag": heading])
            return PageMetadata(title: PageMetadata.title([heading, strings["meta.tagKind"], site]),
                                description: described(graph.tag(id)?.body, orElse: fallback))
        case .page(let id):
            return PageMetadata(title: PageMetadata.title([heading, site]),
                                description: described(graph.page(id)?.body, orElse: MetaDescription.make(graph.site.description)))
        case .documentTimeline(let id):
            guard let document = graph.document(id) else { break }
            let municipality = municipalityTitle(document.municipalityID)
            return PageMetadata(title: PageMetadata.title([heading, municipality, site]),
                                description: strings.format("meta.documentTimeline", ["document": document.title, "municipality": municipality]))
        case .lawParagraph(let paragraph):
            let about = graph.lawParagraphText(for: paragraph)?.title
            return PageMetadata(title: PageMetadata.title([heading, about ?? "", strings["nav.lawReferences"], site]),
                                description: strings.format("meta.lawParagraph", ["paragraph": paragraph.description]))
        }
        return PageMetadata(title: PageMetadata.title([heading, site]), description: MetaDescription.make(graph.site.description))
    }

    /// A listing page: its heading, and what it lists as its description.
    private func listing(_ heading: String, _ key: String, _ names: [String]) -> PageMetadata {
        PageMetadata(title: PageMetadata.title([heading, graph.site.title]),
                     description: MetaDescription.make(strings.format(key, ["names": names.joined(separator: ", ")])))
    }

    /// The description from a Markdown text, or `fallback` (trimmed) when it has no text.
    private func described(_ markdown: String?, orElse fallback: String) -> String {
        markdown.flatMap(plainDescription) ?? MetaDescription.make(fallback)
    }

    /// The description of a Markdown text's words; nil when it has none.
    private func plainDescription(_ markdown: String) -> String? {
        MetaDescription.make(fromBlocks: self.markdown.textBlocks(markdown))
    }
}
