import PortalContent
import PortalCore

extension Resolver {
    /// What editors write about paragraphs of Serviceloven: one file per paragraph.
    mutating func resolveLawParagraphs() {
        var first: [LawParagraph: LawParagraphRecord] = [:]
        for record in lawParagraphRecords {
            let paragraph = record.paragraph.value
            if let other = first[paragraph] {
                diagnostics.append(.error(
                    at: record.paragraph.location,
                    "§ \(paragraph) already has a text: \(other.header.file.path):\(other.paragraph.location.line)",
                    hint: "a paragraph's page shows one text; move this text into that file, or correct the paragraph number"))
                continue
            }
            first[paragraph] = record
            lawParagraphTexts.append(LawParagraphText(
                id: record.header.id.value, paragraph: paragraph, title: record.header.title, body: record.header.body))
        }
    }

    /// A text about a paragraph that no text of the site cites is shown nowhere: the
    /// § index has a page only for the paragraphs the content cites.
    mutating func warnAboutUncitedParagraphs(_ graph: SiteGraph) {
        for record in lawParagraphRecords where !graph.isCited(record.paragraph.value) {
            guard graph.lawParagraph(record.header.id.value)?.paragraph == record.paragraph.value else { continue }
            diagnostics.append(.warning(
                at: record.paragraph.location,
                "no text in the content cites § \(record.paragraph.value), so this text is shown nowhere",
                hint: "check the number against the texts that cite the paragraph, or delete the file"))
        }
    }
}
