import ArgumentParser

@main
struct Portal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Kommuneportal: builds a cross-linked website comparing Danish municipalities' social-policy plans.",
        discussion: """
        Content is Markdown with YAML front matter in content/ (see README.md, "Content format"); \
        the theme in themes/default/ holds the templates, styles and Danish UI strings.
        """,
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Schema.self],
        defaultSubcommand: Build.self)

    static func main() async {
        ProcessMemory.returnLargeBlocksWhenFreed()
        await main(nil)
    }
}
