import PortalContent
import PortalCore
import PortalGraph
import PortalMarkdown

/// Shared helpers for preparing page values: links, strings, Markdown and the common
/// summaries of entities that several pages list.
///
/// Pages reach the graph only through `graph`, a recording reader, so what a page read
/// is what it depends on.
struct ViewContext {
    let graph: GraphReader
    let strings: Strings
    let markdown: MarkdownRenderer

    // MARK: Entity summaries

    func municipalityTitle(_ id: String) -> String {
        graph.municipality(id)?.title ?? id
    }

    /// "Indsats 3", "Idé 7", or nil when the item has no number.
    func numberLabel(_ item: Item) -> String? {
        guard let number = item.number else { return nil }
        let label = graph.document(item.documentID)?.itemLabel ?? strings["item.\(item.type.rawValue)"]
        return "\(label) \(number)"
    }

    func status(_ status: PortalContent.Status?) -> [String: Any]? {
        guard let status else { return nil }
        return ["label": strings["status.\(status.rawValue)"], "modifier": status.rawValue]
    }

    func themeLinks(_ ids: [String], _ links: Links) -> [[String: Any]] {
        ids.compactMap { graph.link(to: EntityRef(.theme, $0)) }.map { ["title": $0.title, "url": links.page($0.path)] }
    }

    func tagLinks(_ ids: [String], _ links: Links) -> [[String: Any]] {
        ids.compactMap { graph.link(to: EntityRef(.tag, $0)) }.map { ["title": $0.title, "url": links.page($0.path)] }
    }

    /// The values lists of items show: title with number, where it comes from, status, themes.
    func itemSummary(_ item: Item, _ links: Links) -> [String: Any] {
        var summary: [String: Any] = [
            "title": item.title,
            "url": links.page(item.path),
            "municipality": municipalityTitle(item.municipalityID),
            "document": graph.document(item.documentID)?.title ?? "",
            "themes": themeLinks(item.themeIDs, links),
            "missingDescription": item.missingDescription,
        ]
        // A section the item stands for is the item itself: naming it would repeat the title.
        let section = item.sectionID.flatMap(graph.section).flatMap { $0.shownByItemID == item.id ? nil : $0 }
        summary["numberLabel"] = absent(numberLabel(item))
        summary["section"] = absent(section?.title)
        summary["sectionURL"] = absent(section.map { links.page($0.path) })
        summary["status"] = absent(status(item.status))
        summary["activityStatuses"] = activityStatuses(item)
        return summary
    }

    /// "Kilde: <document>, <municipality>, <period or date>[, side N]", with a link to the
    /// original document where the content gives its address. The internal source file's
    /// name is no part of it: it means nothing to a reader (it is on the about page and in
    /// the data files).
    func source(_ reference: SourceReference, _ links: Links) -> [String: Any] {
        guard let document = graph.document(reference.documentID) else { return [:] }
        var source: [String: Any] = [
            "document": document.title,
            "url": links.page(document.path),
            "municipality": municipalityTitle(document.municipalityID),
            "when": document.period ?? document.date ?? strings["missing.notGiven"],
        ]
        source["page"] = absent(reference.page.map(String.init))
        source["section"] = absent(reference.section)
        source["original"] = absent(document.sourceURL)
        return source
    }

    // MARK: Page frame

    struct Crumb {
        var title: String
        var path: String?
    }

    /// Values every page has: language, titles, navigation, breadcrumbs, footer.
    func frame(path: String, title: String, section navigation: String?, crumbs: [Crumb]) -> [String: Any] {
        let links = Links(from: path)
        let site = graph.site
        var nav: [[String: Any]] = [
            ["key": "home", "title": strings["nav.home"], "url": links.page("")],
            ["key": "municipalities", "title": strings["nav.municipalities"], "url": links.page(site.paths.municipalities + "/")],
            ["key": "themes", "title": strings["nav.themes"], "url": links.page(site.paths.themes + "/")],
            ["key": "compare", "title": strings["nav.compare"], "url": links.page(site.paths.compare + "/")],
            ["key": "tags", "title": strings["nav.tags"], "url": links.page(site.paths.tags + "/")],
            ["key": "timeline", "title": strings["nav.timeline"], "url": links.page(site.paths.timeline + "/")],
            ["key": "lawReferences", "title": strings["nav.lawReferences"], "url": links.page(site.paths.lawReferences + "/")],
        ]
        nav += site.navigationPages.compactMap { page in graph.link(to: EntityRef(.page, page.id)).map { (page.id, $0) } }.map {
            ["key": $0.0, "title": $0.1.title, "url": links.page($0.1.path)]
        }
        for index in nav.indices where nav[index]["key"] as? String == navigation {
            nav[index]["current"] = true
        }
        var breadcrumbs: [[String: Any]] = []
        if !crumbs.isEmpty {
            breadcrumbs.append(["title": strings["nav.home"], "url": links.page("")])
            breadcrumbs += crumbs.map { crumb in
                ["title": crumb.title, "url": absent(crumb.path.map { links.page($0) })]
            }
        }
        var frame: [String: Any] = [
            "lang": site.language,
            "siteTitle": site.title,
            "title": title,
            "documentTitle": path.isEmpty ? site.title : "\(title) – \(site.title)",
            "metaDescription": site.description,
            "root": links.root,
            "homeURL": links.page(""),
            "searchURL": links.page(site.paths.search + "/"),
            "stylesheet": links.file(site.paths.assets + "/site.css"),
            "printStylesheet": links.file(site.paths.assets + "/print.css"),
            "icon": links.file(site.paths.assets + "/favicon.svg"),
            "nav": nav,
            "breadcrumbs": breadcrumbs,
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
            "footer": site.footerPages.compactMap { graph.link(to: EntityRef(.page, $0.id)) }
                .map { ["title": $0.title, "url": links.page($0.path)] },
            "strings": strings.tree,
        ]
        if let base = site.baseURL { frame["canonical"] = base + path }
        // Who publishes the portal, how to reach them and when the content last changed:
        // in the footer, and on paper in the line printed at the top of every page.
        frame["publisher"] = absent(site.publisher)
        frame["contactEmail"] = absent(site.contact.email)
        frame["contactEmailURL"] = absent(site.contact.email.map { "mailto:" + $0 })
        frame["contactPhone"] = absent(site.contact.phone)
        frame["contactPhoneURL"] = absent(site.contact.phone.map(telephoneURL))
        frame["hasContact"] = !site.contact.isEmpty
        frame["lastChanged"] = absent(site.updated.map(danishDate))
        frame["lastChangedISO"] = absent(site.updated.map(\.description))
        frame["printAddress"] = site.baseURL.map { $0 + path } ?? (path.isEmpty ? "index.html" : path)
        return frame
    }

    /// "25. november 2026", in the theme's words.
    func danishDate(_ date: CalendarDate) -> String {
        strings.format("date.format", ["day": String(date.day), "month": strings["date.months.\(date.month)"], "year": String(date.year)])
    }

    /// A `tel:` address: the number as dialled, without spaces or dashes.
    func telephoneURL(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isNumber || $0 == "+" }
    }

    /// HTML for content that stands under a heading of `level` on the page, with its
    /// references to Serviceloven linked to their paragraphs' pages.
    func html(_ text: String, under level: Int, _ links: Links) -> String {
        // Most texts cite nothing; they are rendered without looking for references.
        markdown.html(text, under: level, linking: text.unicodeScalars.contains("§") ? lawLinker(links) : nil)
    }

    /// HTML for a short Markdown text inside another element (a list entry, a table
    /// cell), with its references linked.
    func inline(_ text: String, _ links: Links) -> String {
        markdown.inlineHTML(text, linking: text.unicodeScalars.contains("§") ? lawLinker(links) : nil)
    }

    /// A one-line text that is not Markdown (a key figure, an administrative idea), as
    /// escaped HTML with its references linked; for `{{{…}}}` in the templates.
    func linkedText(_ text: String, _ links: Links) -> String {
        var html = ""
        var position = text.startIndex
        for link in lawLinker(links)(text) where link.range.lowerBound >= position {
            html += HTMLText.escaped(text[position..<link.range.lowerBound])
            html += "<a href=\"\(HTMLText.escaped(link.url))\">\(HTMLText.escaped(text[link.range]))</a>"
            position = link.range.upperBound
        }
        return html + HTMLText.escaped(text[position...])
    }

    /// Finds the references to Serviceloven in a run of text, with the same reader the
    /// graph counted them with, and links each paragraph to its page: a mention of one
    /// paragraph as a whole ("Servicelovens § 82"), a list paragraph by paragraph ("§§ 103"
    /// and "104" of "§§ 103/104"). Only a paragraph the graph has a page for is linked,
    /// and asking is recorded, so the page is made again when that changes.
    /// - Parameter own: a paragraph not to link, on its own page.
    func lawLinker(_ links: Links, except own: LawParagraph? = nil) -> TextLinker {
        let graph = self.graph
        let folder = graph.site.paths.lawReferences + "/"
        return { text in
            LawReferenceReader().mentions(in: text).flatMap { mention -> [TextLink] in
                let spans: [(LawParagraph, Range<String.Index>)] = mention.paragraphs.count == 1
                    ? [(mention.paragraphs[0], mention.range)]
                    : mention.numbers.enumerated().map { index, number in
                        (number.paragraph, index == 0 ? mention.range.lowerBound..<number.range.upperBound : number.range)
                    }
                return spans.compactMap { paragraph, range in
                    paragraph != own && graph.isCited(paragraph) ? TextLink(range: range, url: links.page(folder + paragraph.slug + "/")) : nil
                }
            }
        }
    }
}

/// The value for an optional in a template's list element: the value, or `false`.
///
/// Leaving the key out is not enough: Mustache looks a missing name up in the enclosing
/// contexts, so an item without a status would show the page's status, and a table
/// cell without a link would link to its row. `false` stops the lookup.
func absent(_ value: Any?) -> Any {
    value ?? false
}

/// Merges page values into the common frame.
func merge(_ frame: [String: Any], _ values: [String: Any]) -> [String: Any] {
    frame.merging(values) { _, new in new }
}
