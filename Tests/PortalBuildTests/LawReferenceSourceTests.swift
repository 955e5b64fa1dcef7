import Foundation
import PortalCore
import PortalGraph
import PortalTestSupport
import Testing

/// The § index against the sources: every § mention in the five source documents is
/// counted independently of the portal's reader (a plain regular expression over the
/// text), and the places the graph found in the content must be the same, paragraph by
/// paragraph and municipality by municipality. The sources are read where the other
/// fidelity tests read them (`../shared/seeds`).
@Suite("Every § mention of the sources is a citing place of the § index, and no more")
struct LawReferenceSourceTests {
    /// A § sign, or two, and a number, perhaps with a letter, perhaps a list ("§§ 103/104",
    /// "§§103 og 104"): all the five sources write.
    static let mention = try! NSRegularExpression(pattern: #"§{1,2}\s*(\d{1,3}[a-z]?(?:\s*(?:/|,|og|eller|-)\s*\d{1,3}[a-z]?)*)"#)
    static let number = try! NSRegularExpression(pattern: #"\d{1,3}[a-z]?"#)

    /// A source line as the text it holds: without a table of contents' dots and page
    /// number, an "Indsats N:" prefix or the "Hvad er Ideen" label cell, so that a title in
    /// the table of contents and the same title over its text are one place.
    static func normalised(_ line: String) -> String {
        let cells = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.allSatisfy(\.isNumber) && $0 != "Hvad er Ideen" }
        var text = cells.joined(separator: " ")
        for pattern in [#"\.{3,}\s*\d*$"#, #"^Indsats \d+:\s*"#] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return String(text.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "§" })
    }

    static func matches(_ regex: NSRegularExpression, in text: String, group: Int = 0) -> [String] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    @Test func theGraphFindsEveryPlaceTheSourcesCite() async throws {
        let graph = try await RealSite.shared.build().report.graph
        // Oracle: paragraph → municipality → the distinct source lines that cite it.
        var oracle: [String: [String: Set<String>]] = [:]
        var mentions = 0
        var files: [String: String] = [:]  // source file → municipality
        for document in graph.documents {
            if let file = document.sourceFile { files[file] = document.municipalityID }
        }
        #expect(files.count == 5)
        for (file, municipality) in files {
            let text = try String(contentsOf: Repository.seeds.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline).map(String.init) {
                for list in Self.matches(Self.mention, in: line, group: 1) {
                    mentions += 1
                    for paragraph in Set(Self.matches(Self.number, in: list)) {
                        oracle[paragraph, default: [:]][municipality, default: []].insert(Self.normalised(line))
                    }
                }
            }
        }
        #expect(mentions == 28, "the five sources hold 28 § mentions")
        let counted = oracle.mapValues { $0.mapValues(\.count) }
        var found: [String: [String: Int]] = [:]
        for count in graph.lawParagraphCounts {
            found[count.paragraph.description] = Dictionary(uniqueKeysWithValues: count.places.compactMap { key, value in key.map { ($0, value) } })
            #expect(count.places[nil] == nil, "§ \(count.paragraph) is cited outside the municipalities' documents")
        }
        #expect(found == counted)
        #expect(counted == [
            "82": ["rudersdal": 4], "82a": ["rudersdal": 4], "82b": ["rudersdal": 4],
            "85": ["rudersdal": 1, "kalundborg": 4],
            "103": ["hilleroed": 1, "rudersdal": 2, "kalundborg": 3],
            "104": ["hilleroed": 1, "kalundborg": 3],
            "141": ["kalundborg": 1],
        ])
    }

    /// What the content says about a paragraph is the sources' words: every quote (»…«)
    /// of a law-paragraph text stands in a source, letter for letter.
    @Test func whatTheContentSaysAboutAParagraphIsQuotedFromTheSources() async throws {
        let graph = try await RealSite.shared.build().report.graph
        var sources = ""
        for document in graph.documents {
            guard let file = document.sourceFile else { continue }
            sources += SourceFidelityTests.letters(try String(contentsOf: Repository.seeds.appendingPathComponent(file), encoding: .utf8))
        }
        #expect(!graph.lawParagraphTexts.isEmpty)
        for text in graph.lawParagraphTexts {
            let quotes = Self.matches(try NSRegularExpression(pattern: "»([^«]*)«"), in: text.body, group: 1)
            #expect(!quotes.isEmpty, "\(text.id) quotes its source")
            for quote in quotes {
                let letters = SourceFidelityTests.letters(quote)
                #expect(sources.contains(letters), "\(text.id): »\(quote)« is not in the sources")
            }
            #expect(sources.contains(SourceFidelityTests.letters(text.title)), "\(text.id): the title '\(text.title)' is not the sources' words")
        }
    }
}
