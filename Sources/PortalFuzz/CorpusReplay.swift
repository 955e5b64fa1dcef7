import Foundation

/// Runs `ContentExercise` once on every file of a corpus: what the fuzz target is when
/// it is not built for libFuzzer. Replays a saved finding (`PortalFuzz crash-…`) in an
/// ordinary debug build, and shows that the seeds themselves pass.
struct CorpusReplay {
    static let defaultSources = ["Tests/Fuzz/corpus", "Tests/Fixtures"]

    /// - Returns: the exit status: 0 when every input ran, 1 when an argument is unreadable.
    static func run(_ arguments: [String], exercise: ContentExercise) -> Int32 {
        let sources = arguments.isEmpty
            ? defaultSources.map { FixtureSite.repository.appendingPathComponent($0).path }
            : arguments
        var count = 0
        for source in sources {
            guard let files = inputs(at: source) else {
                FileHandle.standardError.write(Data("PortalFuzz: cannot read \(source)\n".utf8))
                return 1
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                exercise.run(data)
                count += 1
            }
        }
        print("PortalFuzz: ran \(count) inputs without a finding")
        return 0
    }

    /// The file itself, or every content-like file below a folder, in sorted order.
    private static func inputs(at path: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return nil }
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") || !$0.contains(".") }
            .map { path + "/" + $0 }
            .filter { var folder: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue }
            .sorted()
    }
}
