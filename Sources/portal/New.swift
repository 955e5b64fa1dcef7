import ArgumentParser
import Foundation
import PortalBuild
import PortalContent

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new content file: its required fields filled, every other field a comment on what belongs there.",
        discussion: """
        Writes the file where README's convention puts it (kommuner/<kommune>/<dokument>/ \
        sektioner/, indsatser/, bilag/; temaer/, tags/, sider/, lovhenvisninger/), beside the file of the \
        municipality or document it belongs to, with the id made from the title \
        (æ→ae, ø→oe, å→aa). Nothing is invented: fill in the rest from the source. An \
        existing file is never replaced, and an id already used by that kind is refused. \
        Examples: portal new tag "Frivillige"; portal new item "Bedre trivsel" --section \
        eksempel-maal-1 --type initiative.
        """)

    @Argument(help: ArgumentHelp(
        "What to make: " + EntityKind.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "kind"))
    var kind: EntityKind

    @Argument(help: ArgumentHelp("The title, as the source writes it (in quotes).", valueName: "title"))
    var title: String

    @OptionGroup var location: ContentOption

    @Option(name: .long, help: ArgumentHelp("The id, when the one made from the title will not do.", valueName: "id"))
    var id: String?

    @Option(name: .long, help: ArgumentHelp("For a document: the id of its municipality.", valueName: "id"))
    var municipality: String?

    @Option(name: .long, help: ArgumentHelp("For a section, item or appendix: the id of its document.", valueName: "id"))
    var document: String?

    @Option(name: .long, help: ArgumentHelp(
        "For an item: the id of its section (its document is then the section's).", valueName: "id"))
    var section: String?

    @Option(name: .long, help: ArgumentHelp(
        "For an item: " + ItemType.allCases.map(\.rawValue).joined(separator: " or ") + ".", valueName: "type"))
    var type: String?

    @Option(name: .customLong("document-type"), help: ArgumentHelp(
        "For a document: " + DocumentType.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "type"))
    var documentType: String?

    @Option(name: .long, help: ArgumentHelp(
        "For a law-paragraph: the paragraph of Serviceloven, without '§' (85, 82a).", valueName: "number"))
    var paragraph: String?

    @Option(name: .long, help: ArgumentHelp(
        "Folder of the front-matter schemas; when the kind's schema is there, the file names it for editors' YAML tools.",
        valueName: "dir"))
    var schemas = FrontMatterSchema.folder

    func validate() throws {
        try location.validate()
        let given: [(String, String?)] = [("--municipality", municipality), ("--document", document), ("--section", section),
                                          ("--type", type), ("--document-type", documentType), ("--paragraph", paragraph)]
        let allowed = Set(FieldCatalog.fields(for: kind).map { "--" + $0.name.replacingOccurrences(of: "_", with: "-") })
        for (option, value) in given where value != nil && !allowed.contains(option) {
            throw ValidationError("\(option) is not a field of \(kind.article) \(kind.rawValue) file")
        }
    }

    func run() throws {
        let values = [("municipality", municipality), ("document", document), ("section", section),
                      ("type", type), ("document_type", documentType), ("paragraph", paragraph)]
            .reduce(into: [String: String]()) { values, pair in if let value = pair.1 { values[pair.0] = value } }
        let request = NewContentFile(kind: kind, title: title, id: id, values: values)
        do {
            let written = try request.write(into: URL(fileURLWithPath: location.content), contentDisplay: location.content,
                                            schemaFolder: URL(fileURLWithPath: schemas))
            print("Wrote \(written.path) (\(kind.rawValue) '\(written.id)'). Fill in the rest from the source, then run portal check.")
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}

extension EntityKind: ExpressibleByArgument {}
