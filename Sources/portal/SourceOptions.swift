import ArgumentParser
import Foundation
import PortalBuild

/// Where the content and the theme are: the options every command that reads the site
/// shares (`build`, `check`, `serve`), declared once.
struct SourceOptions: ParsableArguments {
    @OptionGroup var location: ContentOption

    @Option(name: .long, help: ArgumentHelp("Folder with the theme (templates, strings.yaml, assets).", valueName: "dir"))
    var theme = "themes/default"

    var content: String { location.content }

    func validate() throws {
        try location.validate()
        try PathOption.requireNonEmpty(theme, "--theme")
    }

    var siteSources: SiteSources {
        SiteSources(contentDirectory: URL(fileURLWithPath: content), themeDirectory: URL(fileURLWithPath: theme),
                    contentDisplay: content, themeDisplay: theme)
    }
}

/// Where the content is: shared by the commands that read the site and by `new`, which
/// reads only the content.
struct ContentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with the content files.", valueName: "dir"))
    var content = "content"

    func validate() throws {
        try PathOption.requireNonEmpty(content, "--content")
    }
}

/// Checks on paths given as options.
enum PathOption {
    /// An empty path would silently mean the current folder.
    static func requireNonEmpty(_ value: String, _ name: String) throws {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("\(name) needs a path; an empty one would mean the current folder")
        }
    }
}
