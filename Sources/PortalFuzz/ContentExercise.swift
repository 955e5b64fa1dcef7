import Foundation
import PortalContent
import PortalCore
import PortalGraph
import PortalMarkdown

/// One fuzz input run through the stages a build runs on a content file, through their
/// public entry points: reading the bytes, splitting the front matter, decoding the
/// record, resolving it against the fixture site, rendering its Markdown, and reading
/// the same bytes as `site.yaml`. Crashes, traps and sanitizer reports are findings;
/// so is any broken `Invariants` property.
struct ContentExercise: Sendable {
    /// Where the input stands in diagnostics: a new item file in the fixture's document.
    static let path = "fixture/kommuner/eksempel/handleplan-2024/indsatser/fuzz.md"
    static let siteConfigPath = "fixture/site.yaml"

    let fixture: FixtureSite
    let renderer = MarkdownRenderer()

    func run(_ data: Data) {
        switch ContentReader.decode(data, display: Self.path) {
        case .failure(let diagnostic):
            // The reader counts lines and columns after a byte-order mark.
            let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
            Invariants.locationsExist([diagnostic], in: SourceFile(path: Self.path, text: String(decoding: bytes, as: UTF8.self)))
        case .success(let file):
            decodeAndResolve(file)
            readAsSiteConfig(file.text)
            datesAndSlugs(in: file.text)
        }
    }

    private func decodeAndResolve(_ file: SourceFile) {
        let decoded = RecordDecoder().decode(file)
        Invariants.locationsExist(decoded.diagnostics, in: file)
        guard let record = decoded.record else {
            // An editor preview renders the text even when its front matter is broken.
            markdown(file.text)
            if let salvaged = decoded.salvaged {
                var content = fixture.content
                content.unusable.add(salvaged)
                _ = SiteGraphBuilder().build(content)
            }
            return
        }
        markdown(record.header.body)
        let (graph, diagnostics) = SiteGraphBuilder().build(fixture.overlaid(with: record))
        Invariants.locationsExist(diagnostics, in: file)
        if let graph { renderResolved(record.header, in: graph) }
    }

    /// Everything a page shows as Markdown for the resolved entity.
    private func renderResolved(_ header: RecordHeader, in graph: SiteGraph) {
        let id = header.id.value
        switch header.kind {
        case .item:
            guard let item = graph.item(id) else { return }
            _ = checked(renderer.html(item.intro, under: 1))
            for field in item.fields {
                Invariants.slug(of: field.label)
                _ = checked(renderer.html(field.markdown, under: 2))
            }
            for activity in item.activities {
                activity.title.map(inline)
                activity.text.map(inline)
            }
            item.goals.forEach(inline)
            item.successCriteria.forEach(inline)
            for milestone in item.milestones {
                inline(milestone.text)
                if let when = milestone.when { _ = DanishDate(when) }
            }
        case .document:
            guard let document = graph.document(id) else { return }
            document.contact.map { _ = checked(renderer.html($0, under: 2)) }
            document.localThemes.compactMap(\.description).forEach(inline)
            _ = renderer.plainText(document.summary ?? "")
        default:
            break
        }
    }

    /// The renderings a page and the data export make of one text.
    private func markdown(_ text: String) {
        _ = checked(renderer.html(text))
        _ = checked(renderer.html(text, under: 3))
        _ = renderer.plainText(text)
        lawReferences(text)
        let fields = MarkdownFields(splitting: text)
        _ = checked(renderer.html(fields.intro))
        for field in fields.fields { _ = checked(renderer.html(field.markdown, under: 2)) }
    }

    /// The § reader on each text block, and its links in the rendered page.
    private func lawReferences(_ text: String) {
        let reader = LawReferenceReader()
        for block in renderer.textBlocks(text) { Invariants.lawMentions(reader.mentions(in: block), in: block, reader: reader) }
        let linker: TextLinker = { run in reader.mentions(in: run).map { TextLink(range: $0.range, url: "../lov/index.html") } }
        _ = checked(renderer.html(text, linking: linker))
        _ = checked(renderer.inlineHTML(text, linking: linker))
    }

    private func inline(_ text: String) {
        _ = checked(renderer.inlineHTML(text))
        Invariants.plainLineRendersAsItself(text, renderer: renderer)
    }

    private func checked(_ html: String) -> String {
        Invariants.safeHTML(html)
        return html
    }

    /// The same bytes as the portal's settings file, resolved against the fixture's records.
    private func readAsSiteConfig(_ text: String) {
        let file = SourceFile(path: Self.siteConfigPath, text: text)
        let (config, diagnostics) = SiteConfig.parse(file)
        Invariants.locationsExist(diagnostics, in: file)
        guard let config else { return }
        var content = fixture.content
        content.site = config
        let (_, graphDiagnostics) = SiteGraphBuilder().build(content)
        Invariants.locationsExist(graphDiagnostics, in: file)
    }

    /// Milestone dates and slugs are made from single lines of editors' text.
    private func datesAndSlugs(in text: String) {
        for line in text.split(separator: "\n", maxSplits: 32) {
            _ = DanishDate(String(line))
            Invariants.slug(of: String(line))
        }
    }
}
