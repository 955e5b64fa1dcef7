import Foundation
import PortalTestSupport
import Testing

/// `portal new` as an editor uses it: a file for every kind, each beside what it belongs
/// to, and the result builds; nothing is ever replaced, guessed or written outside the
/// content folder.
@Suite("portal new writes a file for every kind that builds, and never replaces or guesses")
struct NewCommandTests {
    /// A folder with `content/` (a copy of the minimal fixture) and the schemas `portal schema` writes.
    func withProject(_ body: (URL) async throws -> Void) async throws {
        try await Repository.withTemporaryDirectory { folder in
            try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"),
                                             to: folder.appendingPathComponent("content"))
            try await body(folder)
        }
    }

    func portal(_ arguments: [String], in folder: URL) async throws -> PortalRun {
        try await PortalBinary.start(arguments, in: folder).finish()
    }

    @Test func aFileOfEveryKindInTurnBuildsWithNoError() async throws {
        try await withProject { folder in
            let schema = try await portal(["schema"], in: folder)
            #expect(schema.status == 0, "\(schema.stderr)")
            let steps: [(arguments: [String], path: String)] = [
                (["municipality", "Prøvekommune"], "kommuner/proevekommune/kommune.md"),
                (["document", "Plan for trivsel 2025", "--municipality", "proevekommune", "--document-type", "politik"],
                 "kommuner/proevekommune/plan-for-trivsel-2025/dokument.md"),
                (["section", "Alle skal have et godt liv", "--document", "plan-for-trivsel-2025"],
                 "kommuner/proevekommune/plan-for-trivsel-2025/sektioner/alle-skal-have-et-godt-liv.md"),
                (["item", "Motion: for alle", "--section", "alle-skal-have-et-godt-liv", "--type", "initiative"],
                 "kommuner/proevekommune/plan-for-trivsel-2025/indsatser/motion-for-alle.md"),
                (["item", "En idé i eksemplet", "--document", "eksempel-handleplan-2024", "--section", "eksempel-maal-2", "--type", "idea"],
                 "kommuner/eksempel/handleplan-2024/indsatser/en-ide-i-eksemplet.md"),
                (["appendix", "Principper", "--document", "plan-for-trivsel-2025"],
                 "kommuner/proevekommune/plan-for-trivsel-2025/bilag/principper.md"),
                (["theme", "Åben dialog"], "temaer/aaben-dialog.md"),
                (["tag", "Nye venner"], "tags/nye-venner.md"),
                (["page", "Om data", "--id", "data-om-portalen"], "sider/data-om-portalen.md"),
            ]
            for step in steps {
                let run = try await portal(["new"] + step.arguments, in: folder)
                #expect(run.status == 0, "portal new \(step.arguments): \(run.stderr)")
                #expect(run.stdout.contains("Wrote content/\(step.path)"), "\(run.stdout)")
                let file = folder.appendingPathComponent("content/" + step.path)
                let text = try String(contentsOf: file, encoding: .utf8)
                // The modeline names the kind's schema by a path from the file's folder.
                let modeline = try #require(text.split(separator: "\n").dropFirst().first)
                let prefix = "# yaml-language-server: $schema="
                #expect(modeline.hasPrefix(prefix))
                let schema = file.deletingLastPathComponent().appendingPathComponent(String(modeline.dropFirst(prefix.count))).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: schema.path), "\(modeline) names \(schema.path)")
                #expect(schema.lastPathComponent == "\(step.arguments[0]).schema.json")
            }
            let check = try await portal(["check", "--theme", Repository.theme.path], in: folder)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.contains("check passed: 0 errors"), "\(check.stdout)")
            #expect(!check.stderr.contains("error:"), "\(check.stderr)")
        }
    }

    @Test func anExistingFileIsNeverReplaced() async throws {
        try await withProject { folder in
            let existing = folder.appendingPathComponent("content/tags/ny-tag.md")
            try Data("---\nkind: tag\nid: en-anden-tag\ntitle: En anden tag\n---\nEgen tekst.\n".utf8).write(to: existing)
            let before = try FolderSnapshot(folder)
            let run = try await portal(["new", "tag", "Ny tag"], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.contains("error: content/tags/ny-tag.md already exists; it is never replaced"), "\(run.stderr)")
            #expect(try FolderSnapshot(folder).differences(from: before).isEmpty)
        }
    }

    @Test func anIdTheKindAlreadyHasIsRefusedNamingItsFileButAnotherKindMayHaveIt() async throws {
        try await withProject { folder in
            let before = try FolderSnapshot(folder)
            let taken = try await portal(["new", "tag", "Motion"], in: folder)
            #expect(taken.status == 1)
            #expect(taken.stderr.contains("error: a tag with the id 'motion' already exists: content/tags/motion.md"), "\(taken.stderr)")
            #expect(try FolderSnapshot(folder).differences(from: before).isEmpty)
            let theme = try await portal(["new", "theme", "Motion"], in: folder)
            #expect(theme.status == 0, "ids are unique per kind: \(theme.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/temaer/motion.md").path))
        }
    }

    @Test func aFolderThatLeadsOutOfTheContentIsNotWrittenThrough() async throws {
        try await withProject { folder in
            let elsewhere = folder.appendingPathComponent("elsewhere")
            try FileManager.default.moveItem(at: folder.appendingPathComponent("content/tags"), to: elsewhere)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("content/tags").path, withDestinationPath: "../elsewhere")
            let before = try FolderSnapshot(elsewhere)
            let run = try await portal(["new", "tag", "Ny tag"], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.contains("error: refusing to write through content/tags: it is a symbolic link to"), "\(run.stderr)")
            #expect(try FolderSnapshot(elsewhere).differences(from: before).isEmpty)
        }
    }

    @Test func whatTheSourceDecidesIsNeverGuessed() async throws {
        try await withProject { folder in
            let before = try FolderSnapshot(folder)
            let refusals: [(arguments: [String], message: String)] = [
                (["item", "Ny", "--section", "eksempel-maal-1"], "error: an item needs --type (hint: one of: initiative, idea)"),
                (["document", "Ny plan", "--municipality", "eksempel"], "error: a document needs --document-type"),
                (["item", "Ny", "--document", "eksempel-handleplan-2024", "--type", "idea"],
                 "error: document 'eksempel-handleplan-2024' is organised in sections; the item needs --section (hint: give one of: eksempel-maal-1, eksempel-maal-2)"),
                (["section", "Ny", "--document", "eksempel-handleplan-2042"],
                 "error: there is no document with the id 'eksempel-handleplan-2042' (given by --document) (hint: did you mean 'eksempel-handleplan-2024'?"),
                (["item", "Ny", "--section", "eksempel-maal-1", "--type", "initiativ"], "did you mean 'initiative'?"),
                (["tag", "!!!"], "error: no id can be made from the title '!!!'"),
            ]
            for refusal in refusals {
                let run = try await portal(["new"] + refusal.arguments, in: folder)
                #expect(run.status == 1, "\(refusal.arguments)")
                #expect(run.stderr.contains(refusal.message), "\(refusal.arguments): \(run.stderr)")
            }
            #expect(try FolderSnapshot(folder).differences(from: before).isEmpty, "nothing is written when something is missing")
        }
    }
}
