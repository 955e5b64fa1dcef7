import Foundation
import PortalContent
import PortalCore

/// The small valid site (`Tests/Fixtures/minimal`) that every fuzzed file is laid over,
/// so that a fuzzed record meets real references: its document, section, themes and
/// tags exist, and a file that replaces one of the fixture's files is resolved exactly
/// as in a build of the minimal site with that file changed.
///
/// Read once per process; the fuzz loop only copies it.
struct FixtureSite: Sendable {
    /// The fixture's settings and records, free of errors.
    let content: LoadedContent

    /// The repository this source file belongs to; the fuzz target is a developer tool
    /// that always runs on the machine that built it.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let minimal = repository.appendingPathComponent("Tests/Fixtures/minimal")

    /// Loads the minimal site; nil (with the reason) when it is missing or has errors,
    /// because fuzzing against a broken base would report the base, not the input.
    static func load() -> Result<FixtureSite, FixtureError> {
        let content = ContentLoader().load(from: minimal, displayPrefix: "fixture")
        let errors = content.diagnostics.filter { $0.severity == .error }
        guard content.site != nil, errors.isEmpty else {
            return .failure(FixtureError(folder: minimal.path, diagnostics: errors))
        }
        return .success(FixtureSite(content: content))
    }

    /// The fixture with `record` in place of the fixture's record of the same kind and
    /// id (or added beside them when it is new).
    func overlaid(with record: ContentRecord) -> LoadedContent {
        var overlay = content
        overlay.records.removeAll { $0.header.kind == record.header.kind && $0.header.id.value == record.header.id.value }
        overlay.records.append(record)
        return overlay
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var folder: String
    var diagnostics: [Diagnostic]

    var description: String {
        (["PortalFuzz: the fixture site \(folder) must load without errors"] + diagnostics.map(\.description))
            .joined(separator: "\n")
    }
}
