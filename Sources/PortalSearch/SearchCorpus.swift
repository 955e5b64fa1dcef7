import PortalCore
import PortalContent
import PortalGraph
import PortalMarkdown

/// Everything a search can find, read from the resolved graph: one `SearchDocument` per
/// page (and per appendix), and the values of each facet in site order.
///
/// Documents are in the order of the site's tree: each municipality followed by its
/// documents, each document by its sections, items and appendices, then the themes, tags
/// and free pages. A municipality's or a document's documents are then one unbroken
/// range of numbers, which keeps the facets' lists of numbers short (see `PostingCodec`),
/// and a search without words lists its results in reading order.
public struct SearchCorpus: Sendable {
    public var documents: [SearchDocument]
    public var facetValues: [SearchFacet: [SearchFacetValue]]

    public init(documents: [SearchDocument], facetValues: [SearchFacet: [SearchFacetValue]]) {
        self.documents = documents
        self.facetValues = facetValues
    }

    /// The corpus of `graph`, with Markdown turned into plain text.
    public init(graph: SiteGraph, labels: SearchLabels, markdown: MarkdownRenderer = MarkdownRenderer()) {
        let reader = CorpusReader(graph: graph, labels: labels, markdown: markdown)
        var work: [CorpusReader.Work] = []
        for municipality in graph.municipalities {
            work.append(.municipality(municipality))
            for document in municipality.documentIDs.compactMap(graph.document) {
                work.append(.document(document))
                work += document.sectionIDs.map(CorpusReader.Work.section)
                work += document.itemIDs.map(CorpusReader.Work.item)
                work += document.appendixIDs.map(CorpusReader.Work.appendix)
            }
        }
        work += graph.themes.map { .topic($0, .theme) } + graph.tags.map { .topic($0, .tag) } + graph.pages.map { .topic($0, .page) }
        documents = work.concurrentMap(reader.document).compactMap { $0 }
        facetValues = [
            .municipality: graph.municipalities.map { SearchFacetValue(id: $0.id, label: $0.title) },
            .theme: graph.themes.map { SearchFacetValue(id: $0.id, label: $0.title) },
            .tag: graph.tags.map { SearchFacetValue(id: $0.id, label: $0.title) },
            .kind: SearchDocument.Kind.allCases.map { SearchFacetValue(id: $0.rawValue, label: labels.kind($0)) },
            .documentType: DocumentType.allCases.map { SearchFacetValue(id: $0.rawValue, label: labels.documentType($0)) },
            .status: Status.allCases.map { SearchFacetValue(id: $0.rawValue, label: labels.status($0)) },
            .lawReference: graph.lawParagraphs.map { SearchFacetValue(id: $0.slug, label: labels.lawParagraph($0)) },
        ]
    }
}

/// Reads one entity of the graph as a search document.
private struct CorpusReader: Sendable {
    let graph: SiteGraph
    let labels: SearchLabels
    let markdown: MarkdownRenderer

    enum Work: Sendable {
        case municipality(Municipality)
        case document(Document)
        case section(String)
        case item(String)
        case appendix(String)
        case topic(Topic, SearchDocument.Kind)
    }

    func document(_ work: Work) -> SearchDocument? {
        switch work {
        case .municipality(let municipality): return self.municipality(municipality)
        case .document(let document): return self.document(document)
        // A section shown by its only item is found as that item.
        case .section(let id): return graph.section(id).flatMap { $0.shownByItemID == nil ? section($0) : nil }
        case .item(let id): return graph.item(id).map { item($0) }
        case .appendix(let id): return graph.appendix(id).flatMap { appendix($0) }
        case .topic(let topic, let kind):
            return SearchDocument(kind: kind, title: topic.title, text: plain([topic.body]), path: topic.path,
                                  facets: [.kind: [kind.rawValue]])
        }
    }

    private func plain(_ texts: [String?]) -> [String] {
        texts.compactMap { $0 }.map(markdown.plainText).filter { !$0.isEmpty }
    }

    /// The facets every part of a municipality's document shares.
    private func placed(_ document: Document, kind: SearchDocument.Kind) -> [SearchFacet: [String]] {
        [.municipality: [document.municipalityID], .documentType: [document.documentType.rawValue], .kind: [kind.rawValue]]
    }

    /// The paragraphs an entity's own text cites, as facet value ids.
    private func cited(_ entity: EntityRef) -> [String] {
        graph.lawReferences(in: entity).map(\.slug)
    }

    private func municipalityTitle(_ id: String) -> String? {
        graph.municipality(id)?.title
    }

    private func municipality(_ municipality: Municipality) -> SearchDocument {
        let text = plain([municipality.shortTitle == municipality.title ? nil : municipality.shortTitle, municipality.body])
        return SearchDocument(kind: .municipality, title: municipality.title, text: text, path: municipality.path,
                              municipality: municipality.title,
                              facets: [.municipality: [municipality.id], .kind: [SearchDocument.Kind.municipality.rawValue]])
    }

    private func document(_ document: Document) -> SearchDocument {
        var parts: [String?] = [document.organisation, document.period, document.date, document.summary, document.body]
        for local in document.localThemes { parts += [local.title, local.description] }
        for group in document.keyFacts {
            parts.append(group.group)
            parts += group.facts.map { fact in fact.value.map { "\(fact.label): \($0)" } ?? fact.label }
        }
        parts.append(document.administrativeIdeasHeading)
        parts.append(document.appendicesHeading)
        parts += document.administrativeIdeas.map(\.title)
        parts.append(document.contact)
        var facets = placed(document, kind: .document)
        facets[.lawReference] = cited(EntityRef(.document, document.id))
        return SearchDocument(kind: .document, title: document.title, text: plain(parts), path: document.path,
                              municipality: municipalityTitle(document.municipalityID), document: document.title,
                              facets: facets)
    }

    private func section(_ section: Section) -> SearchDocument? {
        let document = graph.document(section.documentID)
        var facets = document.map { placed($0, kind: .section) } ?? [.kind: [SearchDocument.Kind.section.rawValue]]
        facets[.theme] = section.themeIDs
        facets[.lawReference] = cited(EntityRef(.section, section.id))
        return SearchDocument(kind: .section, title: section.title, text: plain([section.body]), path: section.path,
                              municipality: municipalityTitle(section.municipalityID), document: document?.title, facets: facets)
    }

    private func item(_ item: Item) -> SearchDocument {
        let kind: SearchDocument.Kind = item.type == .idea ? .idea : .initiative
        var parts: [String?] = [item.shortTitle, item.intro]
        for activity in item.activities {
            parts += [activity.title, activity.text, activity.status.map(labels.status), activity.statusText]
        }
        parts += item.goals + item.successCriteria
        parts += item.milestones.map { milestone in milestone.when.map { "\(milestone.text) (\($0))" } ?? milestone.text }
        for field in item.fields { parts += [field.label, field.markdown] }
        parts += item.evaluation.map { field in field.value.map { "\(field.label): \($0)" } ?? field.label }
        parts += [item.localThemesAsWritten, item.status.map(labels.status), item.statusText]
        let document = graph.document(item.documentID)
        var facets = document.map { placed($0, kind: kind) } ?? [.kind: [kind.rawValue]]
        facets[.theme] = item.themeIDs
        facets[.tag] = item.tagIDs
        var statuses: [String] = []
        for status in [item.status] + item.activities.map(\.status) {
            if let status, !statuses.contains(status.rawValue) { statuses.append(status.rawValue) }
        }
        facets[.status] = statuses
        facets[.lawReference] = cited(EntityRef(.item, item.id))
        return SearchDocument(kind: kind, title: item.title, text: plain(parts), path: item.path,
                              municipality: municipalityTitle(item.municipalityID), document: document?.title, facets: facets)
    }

    private func appendix(_ appendix: Appendix) -> SearchDocument? {
        guard let document = graph.document(appendix.documentID) else { return nil }
        return SearchDocument(kind: .appendix, title: appendix.title, text: plain([appendix.body]),
                              path: document.path + "#" + appendix.anchor,
                              municipality: municipalityTitle(document.municipalityID), document: document.title,
                              facets: placed(document, kind: .appendix))
    }
}
