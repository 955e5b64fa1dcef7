import Foundation
import PortalGraph
import PortalMarkdown
import PortalTestSupport
import Testing

/// Nothing is invented: every text the content gives an entity (titles, bodies,
/// fields, activities, goals, success criteria, milestones and their dates, status
/// texts, appendices) stands in the entity's own source document
/// (`../shared/seeds/<source_file>`), compared letter by letter with markup, spacing
/// and punctuation ignored, so re-joined line breaks and Markdown lists still match.
@Suite("Every text in the content stands in its source document")
struct SourceFidelityTests {
    /// Texts that are not in the source on purpose: the portal's visible marks for gaps.
    static let gapMarks = ["Ikke angivet", "ikke gengivet i kildeteksten"]

    /// Texts reconstructed from table cells the extraction split across lines, with the
    /// other column's text in between; each was checked by hand against the source.
    static let reconstructed: [(id: String, start: String)] = [
        ("rudersdal-indsats-09", "Der er høstet erfaringer med 2-4 konkrete samarbejder"),  // "orga- ... nisationen"
        ("rudersdal-indsats-16", "Tiltag til styrkelse af økonomistyringen er identificeret"),  // "identi- ... ficeret"
        ("slagelse-opfoelgning-2014-maal-03", "Borgernes deltagelse i det almene forenings- og kulturliv skal styrkes"),
        ("slagelse-opfoelgning-2014-maal-03", "Udarbejdelse af et katalog med borgernes egne ønsker"),
    ]

    static func letters(_ text: String) -> String {
        let withoutTags = text.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        return String(withoutTags.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "§" })
    }

    /// Each text of an entity, as plain text, one paragraph or list entry at a time.
    static func texts(of item: Item, _ markdown: MarkdownRenderer) -> [String] {
        var texts = [item.title, item.intro] + item.fields.map(\.markdown) + item.goals + item.successCriteria
        texts += item.milestones.flatMap { [$0.text, $0.when ?? ""] }
        texts += item.activities.flatMap { [$0.title ?? "", $0.text ?? "", $0.statusText ?? ""] }
        texts += [item.statusText ?? "", item.shortTitle ?? "", item.localThemesAsWritten ?? ""]
        texts += [item.labels.activities, item.labels.goals, item.labels.successCriteria, item.labels.milestones,
                  item.labels.evaluation].compactMap { $0 }
        return texts.flatMap { paragraphs($0, markdown) }
    }

    static func paragraphs(_ text: String, _ markdown: MarkdownRenderer) -> [String] {
        markdown.plainText(text).split(whereSeparator: \.isNewline).map(String.init)
    }

    @Test func everyTextOfTheRealContentIsInItsSource() async throws {
        let graph = try await RealSite.shared.build().report.graph
        let markdown = MarkdownRenderer()
        var sources: [String: String] = [:]
        for document in graph.documents {
            let file = try #require(document.sourceFile, "\(document.id) names no source_file")
            let text = try String(contentsOf: Repository.seeds.appendingPathComponent(file), encoding: .utf8)
            sources[document.id] = Self.letters(text)
        }
        var entries: [(id: String, documentID: String, text: String)] = []
        for item in graph.items {
            entries += Self.texts(of: item, markdown).map { (item.id, item.documentID, $0) }
        }
        for section in graph.sections {
            entries += ([section.title] + Self.paragraphs(section.body, markdown)).map { (section.id, section.documentID, $0) }
        }
        for appendix in graph.appendices {
            entries += ([appendix.title] + Self.paragraphs(appendix.body, markdown)).map { (appendix.id, appendix.documentID, $0) }
        }
        for document in graph.documents {
            var texts = [document.title] + Self.paragraphs(document.body, markdown)
            texts += document.localThemes.flatMap { [$0.title, $0.description ?? ""] }
            texts += document.administrativeIdeas.map(\.title) + [document.administrativeIdeasHeading ?? ""]
            texts += document.keyFacts.flatMap { group in [group.group] + group.facts.flatMap { [$0.label, $0.value ?? ""] } }
            entries += texts.map { (document.id, document.id, $0) }
        }
        var checked = 0
        for entry in entries {
            let letters = Self.letters(entry.text)
            guard letters.count >= 3 else { continue }
            if Self.gapMarks.contains(where: { entry.text.contains($0) }) { continue }
            if Self.reconstructed.contains(where: { $0.id == entry.id && entry.text.contains($0.start) }) { continue }
            checked += 1
            #expect(sources[entry.documentID]?.contains(letters) == true, "\(entry.id): not in its source: \(entry.text.prefix(100))")
        }
        #expect(checked > 600)
    }
}
