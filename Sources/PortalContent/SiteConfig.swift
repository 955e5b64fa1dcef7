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
    /// The publisher's written and phone contact, for the accessibility statement and the footer.
    public var contact = Contact()
    /// The warning to give while the contact lacks an e-mail address or a phone number, at
    /// `contact:` (or the top of the file): given by the stage that knows a page shows the
    /// contact (the accessibility statement), since only then is it true.
    public var contactWarning: Diagnostic?
    /// The publisher's official accessibility statement (was.digst.dk), an https address.
    public var accessibilityStatementURL: String?
    /// The date the content was last changed, as the editors state it in `updated:`.
    public var updated: CalendarDate?
    /// Keywords for the dataset.
    public var keywords: [String]
    /// The licence under which the data files are published.
    public var license: String?
    /// How related units of other municipalities are found (`related:`).
    public var related: Related = .standard

    public static let fileName = "site.yaml"

    /// How readers reach the publisher; either may be missing, and the pages then say so.
    public struct Contact: Sendable, Hashable {
        public var email: String?
        public var phone: String?

        public init(email: String? = nil, phone: String? = nil) {
            self.email = email
            self.phone = phone
        }

        public var isEmpty: Bool { email == nil && phone == nil }
    }

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
        let contact = readContact(fields, sink: sink)
        let statement = fields.webAddress("accessibility_statement_url", secureOnly: true,
                                          hint: "write the https address of the publisher's statement on was.digst.dk, or leave the line out")
        var updated: CalendarDate?
        if let written = fields.located("updated"), !written.value.isEmpty {
            updated = CalendarDate(iso: written.value)
            if updated == nil {
                sink.error(written.location, "updated '\(written.value)' is not a date written YYYY-MM-DD",
                           hint: "write the day the content was last changed, such as 2026-11-25, or leave 'updated:' out")
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
        config.contact = contact.contact
        config.contactWarning = contact.warning
        config.accessibilityStatementURL = statement
        config.updated = updated
        config.related = related
        let hasErrors = sink.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : config, sink.diagnostics)
    }

    /// `contact: {email, phone}`. The accessibility statement must give readers a written
    /// and a phone contact, so each one left out makes a warning at `contact:` (or at the
    /// top of the file when there is no `contact:`), and the statement shows the gap.
    private static func readContact(_ settings: YAMLFields, sink: DiagnosticSink) -> (contact: Contact, warning: Diagnostic?) {
        var contact = Contact()
        if let node = settings.node("contact"),
           let fields = YAMLFields(node, file: settings.file, lineOffset: settings.lineOffset, sink: sink,
                                   allowed: FieldCatalog.site.subfields(of: "contact").names, what: "contact") {
            contact = Contact(email: fields.label("email"), phone: fields.label("phone"))
        }
        let missing = [contact.email == nil ? "no e-mail address ('email:')" : nil, contact.phone == nil ? "no phone number ('phone:')" : nil]
            .compactMap { $0 }
        if !missing.isEmpty {
            let written = settings.isWritten("contact")
            let location = written ? settings.keyLocation(of: "contact") : settings.file.location(line: 1)
            let what = written ? "'contact:' gives \(missing.joined(separator: " and "))" : "there is no 'contact:' with the publisher's e-mail address and phone number"
            return (contact, .warning(at: location, "the accessibility statement has no contact: \(what)",
                                      hint: "add the publisher's contact for feedback, such as 'contact: {email: redaktion@eksempel.dk, phone: \"+45 12 34 56 78\"}'; until then the statement shows the contact as missing"))
        }
        return (contact, nil)
    }
}
