import Foundation
import PortalSearch
import Testing

@Suite("The index files: chunks found by bisection, facets in the manifest, one file per result")
struct SearchIndexFilesTests {
    let index = SearchIndex(HandCorpus.corpus)

    /// The data a file hands to `portalSearch.register`, read as JSON.
    func data(_ file: (path: String, text: String)) throws -> Any {
        let prefix = "portalSearch.register("
        #expect(file.text.hasPrefix(prefix) && file.text.hasSuffix(");\n"), "\(file.path)")
        let inner = file.text.dropFirst(prefix.count).dropLast(3)
        let comma = try #require(inner.firstIndex(of: ","))
        return try JSONSerialization.jsonObject(with: Data(inner[inner.index(after: comma)...].utf8), options: [.fragmentsAllowed])
    }

    func files(_ limits: SearchIndexFiles.Limits = .init()) -> [(path: String, text: String)] {
        SearchIndexFiles(index, limits: limits).files(in: "soeg/index/").map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }
    }

    /// The data of the file at `path` among `files`, as a JSON object.
    func object(_ path: String, in files: [(path: String, text: String)]) throws -> [String: Any] {
        guard let file = files.first(where: { $0.path == path }) else {
            Issue.record("no file \(path)")
            return [:]
        }
        return try data(file) as? [String: Any] ?? [:]
    }

    /// What every document's result shows, in document order, read from the files of results.
    func results(in files: [(path: String, text: String)]) throws -> [[String: Any]] {
        var groups: [(Int, [[String: Any]])] = []
        for file in files where file.path.contains("r/") {
            let number = Int(file.path.split(separator: "/").last?.dropLast(3) ?? "") ?? -1
            groups.append((number, (try data(file) as? [String: Any])?["d"] as? [[String: Any]] ?? []))
        }
        return groups.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }

    /// The chunk a term falls in, found as the script finds it.
    func chunk(of term: String, firstTerms: [String]) -> Int {
        var low = 0, high = firstTerms.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if !term.utf16.lexicographicallyPrecedes(firstTerms[middle].utf16) { low = middle } else { high = middle - 1 }
        }
        return low
    }

    @Test func everyTermIsInTheChunkBisectionFindsForIt() throws {
        let written = files(.init(chunkBytes: 120))
        let manifest = try object("soeg/index/manifest.js", in: written)
        let firstTerms = try #require(manifest["chunks"] as? [String])
        #expect(firstTerms.count > 3, "small chunks make several")
        #expect(manifest["documents"] as? Int == HandCorpus.documents.count)
        for entry in index.entries {
            let number = chunk(of: entry.term, firstTerms: firstTerms)
            let terms = try object("soeg/index/t/\(number).js", in: written)
            #expect(terms[entry.term] != nil, "\(entry.term) not in chunk \(number)")
        }
        let chunkFiles = written.filter { $0.path.hasPrefix("soeg/index/t/") }
        #expect(chunkFiles.count == firstTerms.count)
    }

    @Test func aChunkClosesBeforeItPassesItsBudget() {
        for file in files(.init(chunkBytes: 300)) where file.path.hasPrefix("soeg/index/t/") {
            // One term's lists may make a larger chunk; these are small.
            #expect(file.text.utf8.count < 300 + 80, "\(file.path)")
        }
    }

    @Test func termsCarryTheirDocumentsAndTitleDocuments() throws {
        let written = files()
        let chunk = try object("soeg/index/t/0.js", in: written)
        let friends = try #require(chunk["besoegsven"] as? [String])
        #expect(friends.map(PostingCodec.decode) == [[0], [0]])
        let friend = try #require(chunk["besoegsv"] as? String)
        #expect(PostingCodec.decode(friend) == [0])
    }

    @Test func theManifestHoldsEveryFacetWithItsValuesAndDocuments() throws {
        let manifest = try object("soeg/index/manifest.js", in: files())
        let facets = try #require(manifest["facets"] as? [[String: Any]])
        #expect(facets.compactMap { $0["facet"] as? String } == SearchFacet.allCases.map(\.rawValue))
        let municipality = try #require(facets.first { $0["facet"] as? String == "municipality" }?["values"] as? [[String]])
        #expect(municipality.map { $0[0] } == ["eksempel", "anden"])
        #expect(municipality.map { $0[1] } == ["Eksempel Kommune", "Anden Kommune"])
        #expect(municipality.map { PostingCodec.decode($0[2]) } == [[0, 1], [2]])
    }

    @Test func eachDocumentsResultIsInTheFileOfResultsTheManifestNames() throws {
        let written = files()
        let shown = try results(in: written)
        #expect(shown.count == HandCorpus.documents.count)
        let first = shown[0]
        #expect(first["t"] as? String == "Besøgsvenner som supplement til §85")
        #expect(first["u"] as? String == "k/a/")
        #expect(first["m"] as? String == "Eksempel Kommune" && first["d"] as? String == "Plan")
        #expect(first["k"] as? Int == SearchDocument.Kind.allCases.firstIndex(of: .initiative))
        #expect(first["x"] as? String == "Borger og besøgsven mødes.")
        #expect(shown[3]["m"] == nil && shown[3]["d"] == nil)
        let manifest = try object("soeg/index/manifest.js", in: written)
        #expect(PostingCodec.decode(manifest["results"] as? String ?? "!") == [0])
    }

    @Test func neighboursShareAFileOfResultsUpToItsBudget() throws {
        let written = files(.init(resultBytes: 250))
        let groups = written.filter { $0.path.hasPrefix("soeg/index/r/") }
        #expect(groups.count > 1 && groups.count < HandCorpus.documents.count)
        let manifest = try object("soeg/index/manifest.js", in: written)
        let starts = try #require(PostingCodec.decode(manifest["results"] as? String ?? "!"))
        #expect(starts.count == groups.count && starts.first == 0)
        // The files, read in order from the starts, give every document once, in order.
        let shown = try results(in: written)
        #expect(shown.map { $0["u"] as? String } == HandCorpus.documents.map(\.path))
        for (number, start) in starts.enumerated() {
            let group = try object("soeg/index/r/\(number).js", in: written)["d"] as? [[String: Any]] ?? []
            #expect(group.first?["u"] as? String == HandCorpus.documents[Int(start)].path)
        }
    }

    @Test func textIsEscapedForJavaScriptAndCutAtItsLimit() throws {
        let text = "Citat: \"Se\\her\"\nNy linje\u{2028}og\u{0007} " + String(repeating: "ord ", count: 100)
        let corpus = SearchCorpus(documents: [SearchDocument(kind: .page, title: "</script>", text: [text], path: "side/")], facetValues: [:])
        let written = SearchIndexFiles(SearchIndex(corpus), limits: .init(textCharacters: 50)).files(in: "")
            .map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }
        let document = try results(in: written).first ?? [:]
        let file = written.first { $0.0 == "r/0.js" }?.1 ?? ""
        #expect(!file.contains("\u{2028}") && !file.contains("\u{0007}"))
        #expect(document["t"] as? String == "</script>")
        let shown = try #require(document["x"] as? String)
        #expect(shown.hasPrefix("Citat: \"Se\\her\"\nNy linje\u{2028}og\u{0007} ord"))
        #expect(shown.count <= 52 && shown.hasSuffix(" …"))
    }

    @Test func theVersionFollowsTheContent() throws {
        func version(_ documents: [SearchDocument]) throws -> String? {
            let files = SearchIndexFiles(SearchIndex(SearchCorpus(documents: documents, facetValues: [:]))).files(in: "")
            return try object("manifest.js", in: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })["version"] as? String
        }
        let original = try version(HandCorpus.documents)
        #expect(try version(HandCorpus.documents) == original)
        var changed = HandCorpus.documents
        changed[1].text = ["Et andet ord."]
        #expect(try version(changed) != original)
    }

    @Test func writingHandsOnEachFileAsItIsMadeAndTheManifestLast() {
        let limits = SearchIndexFiles.Limits(chunkBytes: 64, resultBytes: 64)
        var handed: [String] = []
        SearchIndexFiles(index, limits: limits).write(in: "soeg/index/") { handed.append($0.path) }
        #expect(handed.last == "soeg/index/manifest.js")
        #expect(handed.count > 3, "small limits make several chunks and result files")
        #expect(Set(handed) == Set(files(limits).map(\.path)))
        #expect(files(limits).first?.path == "soeg/index/manifest.js", "files(in:) puts the manifest first")
    }
}
