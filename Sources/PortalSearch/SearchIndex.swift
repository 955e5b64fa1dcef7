import Foundation
import PortalCore

/// The inverted index of a corpus: for every term, the documents that hold it anywhere
/// and those that hold it in their title, and for every facet value, its documents.
/// Documents are numbered by their place in `corpus.documents`.
public struct SearchIndex: Sendable {
    /// One term with its documents, ascending.
    public struct Entry: Sendable, Hashable {
        public var term: String
        /// Documents with the term in their title or text.
        public var documents: [Int32]
        /// Documents with the term in their title (a subset of `documents`).
        public var titleDocuments: [Int32]
    }

    /// One facet: its values in site order, and each value's documents, ascending.
    public struct FacetTable: Sendable, Hashable {
        public var facet: SearchFacet
        public var values: [SearchFacetValue]
        public var documents: [[Int32]]
    }

    public var corpus: SearchCorpus
    /// Every term, sorted by UTF-16 code units: the order in which the search page's
    /// script compares strings, so that it can find a term's chunk by bisection.
    public var entries: [Entry]
    /// In the order of `SearchFacet.allCases`.
    public var facets: [FacetTable]

    public init(_ corpus: SearchCorpus) {
        self.corpus = corpus
        entries = Self.invert(corpus.documents)
        facets = SearchFacet.allCases.map { facet in
            let values = corpus.facetValues[facet] ?? []
            let position = Dictionary(values.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            var documents = [[Int32]](repeating: [], count: values.count)
            for (number, document) in corpus.documents.enumerated() {
                for id in document.facets[facet] ?? [] {
                    guard let index = position[id], documents[index].last != Int32(number) else { continue }
                    documents[index].append(Int32(number))
                }
            }
            return FacetTable(facet: facet, values: values, documents: documents)
        }
    }

    /// Terms of every document, made in parallel batches (each with its own stemmer),
    /// merged in document order so that every list comes out ascending.
    ///
    /// Two batches per core: each batch's table holds most of the vocabulary, so more
    /// batches cost memory (32 of them were 27 MB at 10,000 items) for no more speed.
    private static func invert(_ documents: [SearchDocument]) -> [Entry] {
        let batchSize = max(64, documents.count / (2 * ProcessInfo.processInfo.activeProcessorCount))
        let batches = stride(from: 0, to: documents.count, by: batchSize).map { $0..<min($0 + batchSize, documents.count) }
        let partial = batches.concurrentMap { range -> [String: Entry] in
            let maker = TermMaker()
            var entries: [String: Entry] = [:]
            for number in range {
                let document = documents[number]
                let title = Set(maker.terms(in: document.title))
                var all = title
                for part in document.text { all.formUnion(maker.terms(in: part)) }
                for term in all {
                    entries[term, default: Entry(term: term, documents: [], titleDocuments: [])].documents.append(Int32(number))
                }
                for term in title { entries[term]?.titleDocuments.append(Int32(number)) }
            }
            return entries
        }
        var merged: [String: Entry] = [:]
        for batch in partial {
            for (term, entry) in batch {
                if merged[term] == nil {
                    merged[term] = entry
                } else {
                    merged[term]?.documents += entry.documents
                    merged[term]?.titleDocuments += entry.titleDocuments
                }
            }
        }
        return merged.values.sorted { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
    }
}
