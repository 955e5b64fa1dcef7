import PortalContent
import PortalCore
import PortalGraph

/// The § index: every paragraph of Serviceloven the text cites, with the number of
/// citing places per municipality, and one page per paragraph listing each place with
/// the sentence it stands in. Both read the references through the graph reader.
extension ViewContext {
    /// The folder of the § index (`lovhenvisninger/`).
    func lawReferencesPath() -> String {
        graph.site.paths.lawReferences + "/"
    }

    /// The folder of a paragraph's page (`lovhenvisninger/85/`).
    func lawParagraphPath(_ paragraph: LawParagraph) -> String {
        lawReferencesPath() + paragraph.slug + "/"
    }

    /// "§ 85", as the theme writes a paragraph.
    func paragraphName(_ paragraph: LawParagraph) -> String {
        strings.format("lawReferences.paragraph", ["paragraph": paragraph.description])
    }

    func lawReferencesPage() -> PreparedPage {
        let path = lawReferencesPath()
        let links = Links(from: path)
        let title = strings["nav.lawReferences"]
        let counts = graph.lawParagraphCounts
        let values: [String: Any] = [
            "hasParagraphs": !counts.isEmpty,
            "table": lawReferencesTable(counts, links),
        ]
        return PreparedPage(
            path: path, template: "law-references", kind: "law-references",
            context: merge(frame(path: path, title: title, section: "lawReferences", crumbs: [Crumb(title: title)]), values))
    }

    /// Paragraphs × municipalities, each cell the number of citing places, linking to the
    /// municipality's part of the paragraph's page; a column for the places outside any
    /// municipality only when there are some.
    func lawReferencesTable(_ counts: [LawParagraphCount], _ links: Links) -> [String: Any] {
        let municipalities = graph.municipalities
        let hasOthers = counts.contains { $0.places[nil] != nil }
        var columns: [[String: Any]] = municipalities.map { ["title": $0.shortTitle, "url": links.page($0.path)] }
        if hasOthers { columns.append(["title": strings["lawReferences.otherPlaces"], "url": false]) }
        columns.append(["title": strings["lawReferences.total"], "url": false])
        return [
            "id": "lovhenvisninger",
            "caption": strings["lawReferences.caption"],
            "corner": strings["lawReferences.paragraphColumn"],
            "numeric": true,
            "columns": columns,
            "rows": counts.map { count -> [String: Any] in
                let name = paragraphName(count.paragraph)
                let page = lawParagraphPath(count.paragraph)
                func cell(_ number: Int, _ place: String, anchor: String?) -> [String: Any] {
                    [
                        "text": String(number),
                        "marked": false,
                        "label": strings.format(number == 1 ? "lawReferences.countLabelOne" : "lawReferences.countLabel",
                                                ["count": String(number), "paragraph": name, "place": place]),
                        "url": number == 0 ? false : links.page(page, anchor: anchor),
                    ]
                }
                var cells = municipalities.map { municipality in
                    cell(count.places[municipality.id] ?? 0, municipality.shortTitle, anchor: anchor(for: municipality))
                }
                if hasOthers { cells.append(cell(count.places[nil] ?? 0, strings["lawReferences.otherPlaces"], anchor: Self.otherPlacesAnchor)) }
                cells.append(cell(count.total, strings["lawReferences.everywhere"], anchor: nil))
                return ["title": name, "url": links.page(page), "cells": cells]
            },
        ]
    }

    /// The fragment id of the places outside any municipality on a paragraph's page, as
    /// the theme's template writes it (a literal id, so the anchor check keeps a
    /// municipality from taking it).
    static let otherPlacesAnchor = "oevrige-steder"

    /// One paragraph: what the sources say it is about (if an editor wrote it down), and
    /// every place that cites it, by municipality, then document, each with its sentence.
    func lawParagraphPage(_ paragraph: LawParagraph) -> PreparedPage? {
        let references = graph.lawReferences(to: paragraph)
        guard !references.isEmpty else { return nil }
        let path = lawParagraphPath(paragraph)
        let links = Links(from: path)
        let title = strings.format("lawReferences.heading", ["paragraph": paragraph.description])
        let groups: [[String: Any]] = graph.municipalities.compactMap { municipality in
            let own = references.filter { $0.municipalityID == municipality.id }
            guard !own.isEmpty else { return nil }
            let documents = municipality.documentIDs.compactMap(graph.document).compactMap { document -> [String: Any]? in
                let cited = own.filter { $0.documentID == document.id }
                guard !cited.isEmpty else { return nil }
                return ["title": document.title, "url": links.page(document.path), "places": cited.compactMap { place($0, links) }]
            }
            let places = own.filter { $0.documentID == nil }.compactMap { place($0, links) }
            return [
                "title": municipality.title,
                "anchor": anchor(for: municipality),
                "url": links.page(municipality.path),
                "count": String(own.count),
                "places": places,
                "hasPlaces": !places.isEmpty,
                "documents": documents,
            ]
        }
        let others = references.filter { $0.municipalityID == nil }
        var values: [String: Any] = [
            "kicker": strings["lawReferences.kicker"],
            "count": String(references.count),
            "municipalities": groups,
        ]
        if !others.isEmpty {
            values["others"] = ["count": String(others.count), "places": others.compactMap { place($0, links) }]
        }
        if let text = graph.lawParagraphText(for: paragraph) {
            values["about"] = ["title": text.title, "body": markdown.html(text.body, under: 2, linking: lawLinker(links, except: paragraph))]
            // The preview shows a draft text, marked as one.
            if graph.isDraft(EntityRef(.lawParagraph, text.id)) { values["isDraft"] = true }
        }
        return PreparedPage(
            path: path, template: "law-paragraph", kind: "law-paragraph",
            context: merge(frame(path: path, title: title, section: "lawReferences", crumbs: [
                Crumb(title: strings["nav.lawReferences"], path: lawReferencesPath()), Crumb(title: paragraphName(paragraph)),
            ]), values))
    }

    /// One citing place: a link to where it stands, the field, and the sentence with the
    /// paragraph marked.
    func place(_ reference: LawReference, _ links: Links) -> [String: Any]? {
        guard let target = citingPlace(reference, links) else { return nil }
        return [
            "title": target.title,
            "url": target.url,
            "field": absent(fieldLabel(reference)),
            "parts": reference.sentence.parts.map { ["text": $0.text, "isMention": $0.isMention] },
        ]
    }

    /// The title and address of the entity a reference stands in, at its anchor if it has one.
    func citingPlace(_ reference: LawReference, _ links: Links) -> (title: String, url: String)? {
        let id = reference.place.id
        switch reference.place.kind {
        case .municipality:
            return graph.municipality(id).map { ($0.title, links.page($0.path)) }
        case .document:
            guard let document = graph.document(id) else { return nil }
            if case .localTheme(let number) = reference.field {
                return (document.title, links.page(document.path, anchor: localThemeAnchor(number)))
            }
            return (document.title, links.page(document.path))
        case .section:
            guard let section = graph.section(id) else { return nil }
            let label = section.number.map { number in
                [graph.document(section.documentID)?.sectionLabel ?? strings["section.label"], number].joined(separator: " ")
            }
            return ([label, section.title].compactMap { $0 }.joined(separator: ": "), links.page(section.path))
        case .item:
            return graph.item(id).map { item in
                ([numberLabel(item), item.title].compactMap { $0 }.joined(separator: ": "), links.page(item.path))
            }
        case .appendix:
            guard let appendix = graph.appendix(id), let document = graph.document(appendix.documentID) else { return nil }
            return (appendix.title, links.page(document.path, anchor: appendix.anchor))
        case .theme, .tag, .page:
            return graph.link(to: reference.place).map { ($0.title, links.page($0.path)) }
        case .lawParagraph:
            return nil
        }
    }

    /// What the field a reference stands in is called, in the source's words where the
    /// item has its own headings; nil for a title, which the link already shows.
    func fieldLabel(_ reference: LawReference) -> String? {
        let labels = reference.place.kind == .item ? graph.item(reference.place.id)?.labels : nil
        let document = reference.place.kind == .document ? graph.document(reference.place.id) : nil
        switch reference.field {
        case .title: return nil
        case .body: return strings["lawReferences.field.body"]
        case .shortTitle: return strings["item.shortTitle"]
        case .summary, .organisation, .period, .date, .sectionLabel, .itemLabel, .number, .listLabel:
            return strings["lawReferences.field.details"]
        case .statusText: return strings["item.statusText"]
        case .localThemesAsWritten: return strings["item.localThemes"]
        case .contact: return strings["document.contact"]
        case .field(let label): return label
        case .activity: return labels?.activities ?? strings["item.activities"]
        case .goal: return labels?.goals ?? strings["item.goals"]
        case .successCriterion: return labels?.successCriteria ?? strings["item.successCriteria"]
        case .milestone: return labels?.milestones ?? strings["item.milestones"]
        case .evaluation: return labels?.evaluation ?? strings["item.evaluation"]
        case .localTheme: return strings["document.localThemes"]
        case .keyFacts: return strings["document.keyFacts"]
        case .administrativeIdea, .administrativeIdeasHeading:
            return document?.administrativeIdeasHeading ?? strings["document.administrativeIdeas"]
        }
    }
}
