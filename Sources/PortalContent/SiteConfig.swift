import Foundation
import PortalCore
import Yams

/// The portal's own settings, from `content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    /// The portal's name, shown in the header and in every page title.
    public var title: String
    /// One paragraph on what the portal is, for the home page and metadata.
    public var description: String
    /// The language of the content, for `<html lang>`.
    public var language: String
    /// Ids of the pages linked in the footer, in order.
    public var footerPages: [Reference]
    /// Ids of the pages linked in the main navigation after the built-in entries.
    public var navigationPages: [Reference]
    /// Ids of documents the home page offers as shortcuts (Kalundborg's idea catalogue).
    public var featuredDocuments: [Reference]
    /// Address where the site is published, for sitemap and canonical links; nil when unknown.
    public var baseURL: String?
    /// The first part of the address of each kind of generated listing.
    public var paths: Paths
    /// Publisher and contact point for the dataset's DCAT-AP-DK metadata.
    public var publisher: String?
    public var contactPoint: String?
    /// Keywords for the dataset.
    public var keywords: [String]
    /// The licence under which the data files are published.
    public var license: String?
    /// How related units of other municipalities are found (`related:`).
    public var related: Related = .standard

    public static let fileName = "site.yaml"

    /// Reads `site.yaml` from the content folder, reporting problems like any content file.
    public static func load(from directory: URL, displayPrefix: String) -> (SiteConfig?, [Diagnostic]) {
        let url = directory.appendingPathComponent(fileName)
        let display = displayPrefix.isEmpty ? fileName : displayPrefix + "/" + fileName
        guard FileManager.default.fileExists(atPath: url.path) else {
            return (nil, [.error(at: SourceLocation(path: display), "the portal's settings file is missing",
                                 hint: "create \(display) with at least 'title:'")])
        }
        switch ContentReader().read(url, display: display) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let file): return parse(file)
        }
    }

    public static func parse(_ file: SourceFile) -> (SiteConfig?, [Diagnostic]) {
        if let deep = RecordDecoder.excessiveNesting(in: file.text) {
            return (nil, [.error(at: file.location(line: deep.line, column: deep.column),
                                 "the settings file is nested more than \(RecordDecoder.maximumNesting) levels deep")])
        }
        let node: Node
        do {
            guard let root = try Yams.compose(yaml: file.text) else {
                return (nil, [.error(at: file.location(line: 1), "settings file is empty", hint: "add at least 'title:'")])
            }
            node = root
        } catch {
            return (nil, [RecordDecoder.diagnostic(for: error, file: file, yaml: file.text, lineOffset: 0, what: "the settings file")])
        }
        let sink = DiagnosticSink()
        guard let fields = YAMLFields(node, file: file, lineOffset: 0, sink: sink, allowed: FieldCatalog.site.names, what: "the settings file") else {
            return (nil, sink.diagnostics)
        }
        let title = fields.label("title", required: true)
        var paths = Paths.standard
        if fields.isWritten("paths") {
            paths = Paths.read(fields, sink: sink)
        }
        var baseURL: String?
        if let written = fields.located("base_url"), !written.value.isEmpty {
            switch BaseURL.parse(written.value) {
            case .success(let url): baseURL = url
            case .failure(let problem):
                sink.error(written.location, "base_url '\(written.value)' \(problem)",
                           hint: "write the address the site is published at, such as https://intranet.example.dk/portal/, or null")
            }
        }
        var related = Related.standard
        if fields.isWritten("related") {
            related = Related.read(fields, sink: sink)
        }
        var config = SiteConfig(
            title: title ?? "", description: fields.string("description") ?? "",
            language: fields.string("language") ?? "da",
            footerPages: fields.references("footer_pages"), navigationPages: fields.references("navigation_pages"),
            featuredDocuments: fields.references("featured_documents"),
            baseURL: baseURL, paths: paths,
            publisher: fields.string("publisher"), contactPoint: fields.string("contact_point"),
            keywords: fields.strings("keywords"), license: fields.string("license"))
        config.related = related
        let hasErrors = sink.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : config, sink.diagnostics)
    }
}
