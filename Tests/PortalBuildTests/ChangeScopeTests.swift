import Foundation
@testable import PortalBuild
import Testing

// What one watcher event means to the site decides how much is read again: one file, or
// the whole content folder.

@Suite("Each file event is read as the least work that keeps the site true")
struct ChangeScopeTests {
    let sources = SiteSources(contentDirectory: URL(fileURLWithPath: "/sted/content"),
                              themeDirectory: URL(fileURLWithPath: "/sted/theme"), contentDisplay: "content")

    func scope(_ kind: FileChange.Kind, _ path: String, isFolder: Bool = false) -> ChangeScope {
        ChangeScope(of: FileChange(kind, URL(fileURLWithPath: "/sted/" + path), isFolder: isFolder), in: sources)
    }

    @Test("a content file is read again on its own")
    func contentFile() {
        let url = URL(fileURLWithPath: "/sted/content/kommuner/eksempel/plan/indsatser/cafe.md")
        #expect(scope(.modified, "content/kommuner/eksempel/plan/indsatser/cafe.md")
                == .contentFile(url, display: "content/kommuner/eksempel/plan/indsatser/cafe.md"))
    }

    @Test("the temporary files tools save through, and images, change nothing the site reads",
          arguments: ["sedAb12Cd", "4913", "billede.png", "noter.txt", "cafe.md.swp", "cafe.md~", ".cafe.md"])
    func unrelatedFiles(name: String) {
        for kind in [FileChange.Kind.created, .modified, .removed] {
            #expect(scope(kind, "content/kommuner/eksempel/plan/indsatser/" + name) == .unrelated)
        }
    }

    @Test("a file that looks meant as content makes the folder be read again, for its warning",
          arguments: ["cafe.MD", "cafe.markdown", "cafe.md.txt"])
    func misnamedContent(name: String) {
        #expect(scope(.created, "content/kommuner/eksempel/" + name) == .contentFolder)
        #expect(scope(.removed, "content/kommuner/eksempel/" + name) == .contentFolder)
    }

    @Test("folders, settings and the theme")
    func others() {
        #expect(scope(.created, "content/kommuner/ny", isFolder: true) == .contentFolder)
        #expect(scope(.modified, "content/site.yaml") == .settings)
        #expect(scope(.modified, "theme/templates/item.mustache") == .theme)
        #expect(scope(.modified, "andet/fil.md") == .unrelated)
    }
}
