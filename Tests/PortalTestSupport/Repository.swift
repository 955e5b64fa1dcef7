import Foundation

/// Paths in this repository, for tests that build the real content with the real theme.
public enum Repository {
    /// The repository root, found from this file's place in `Tests/PortalTestSupport/`.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var content: URL { root.appendingPathComponent("content") }
    public static var theme: URL { root.appendingPathComponent("themes/default") }
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }
    public static var seeds: URL { root.deletingLastPathComponent().appendingPathComponent("shared/seeds") }

    /// A fresh empty folder that is removed when `body` returns.
    public static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async rethrows -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("portal-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }
}
