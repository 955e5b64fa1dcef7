import ArgumentParser
import Foundation
import PortalContent
import PortalOutput

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the JSON Schemas of each kind's front matter and of site.yaml, for editors' YAML tools.",
        discussion: """
        The schemas are made from the same field catalog the reader uses, so they say \
        exactly which fields each kind has, what they hold and which are required. A file \
        in the output folder is only replaced when portal schema wrote it. With --markdown, \
        prints README's table of required and optional fields instead and writes nothing.
        """)

    @Option(name: .long, help: ArgumentHelp("Folder to write the schemas into.", valueName: "dir"))
    var output = FrontMatterSchema.folder

    @Flag(name: .long, help: "Print the table of required and optional fields per kind (Markdown) and write nothing.")
    var markdown = false

    func validate() throws {
        try PathOption.requireNonEmpty(output, "--output")
    }

    func run() throws {
        if markdown {
            print(FieldTable.markdown, terminator: "")
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            printError("error: cannot make the folder \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        do {
            let writer = try ContainedWriter(root: URL(fileURLWithPath: output), display: output)
            let marker = Data(FrontMatterSchema.generatedNote.utf8)
            for file in FrontMatterSchema.files {
                try writer.replace(file.name, contents: Data(file.text.utf8), isOwn: { $0.range(of: marker) != nil })
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        print("Wrote \(FrontMatterSchema.files.count) schemas to \(output)/")
    }
}
