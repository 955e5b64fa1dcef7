import Foundation
import PortalBuild
import PortalCore

/// The preview's site, held in memory: every file the last good build wrote, by its
/// path. Written by the rebuild (from several threads while pages render) and read by
/// requests at the same time, so every access takes the lock.
final class PreviewFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var problemsFragment: String?
    private var deferred: [MadeOnRequest] = []

    /// The problems shown over every page, as HTML from the theme; nil when there are none.
    var problems: String? {
        get { lock.withLock { problemsFragment } }
        set { lock.withLock { problemsFragment = newValue } }
    }

    @Sendable func write(_ file: OutputFile) {
        lock.withLock { files[file.path] = file.data }
    }

    func remove(_ path: String) {
        lock.withLock { files[path] = nil }
    }

    func file(_ path: String) -> Data? {
        lock.withLock { files[path] }
    }

    /// Serves `deferred` (the data files and search index of the site as last rendered)
    /// from now on, each group made on the first request for one of its files.
    /// - Returns: what was served before, for the caller to let go of when it suits it
    ///   (it may hold the last reference to the previous graph, which takes a while to free).
    @discardableResult
    func serve(_ deferred: DeferredFiles?) -> (any Sendable)? {
        let made = deferred.map { files in
            [MadeOnRequest(files.paths.contains, files.make),
             MadeOnRequest({ $0.hasPrefix(files.searchIndexFolder) }, files.makeSearchIndex),
             MadeOnRequest({ files.pages[$0] != nil }, files.makePages)]
        }
        return lock.withLock {
            // A deferred page's file as last written shows the site before the change.
            if let deferred { for path in deferred.pages.keys { self.files[path] = nil } }
            defer { self.deferred = made ?? [] }
            return self.deferred
        }
    }

    /// One of the deferred files, made if it was not yet; nil for another path.
    func deferredFile(_ path: String) async -> Result<Data, Diagnostic>? {
        guard let group = lock.withLock({ deferred.first { $0.holds(path) } }) else { return nil }
        switch await group.made() {
        case .success(let files): return files[path].map { .success($0) }
        case .failure(let diagnostic): return .failure(diagnostic)
        }
    }

    var count: Int { lock.withLock { files.count } }
}

/// A group of deferred files, made once, by the first request that needs one of them, on
/// a thread of its own (making them at 10,000 items takes seconds, which would hold up
/// the server's threads); later requests wait for the same making.
private final class MadeOnRequest: @unchecked Sendable {
    let holds: @Sendable (String) -> Bool
    private let make: @Sendable () -> Result<[OutputFile], Diagnostic>
    private let lock = NSLock()
    private var making: Task<Result<[String: Data], Diagnostic>, Never>?

    init(_ holds: @escaping @Sendable (String) -> Bool, _ make: @escaping @Sendable () -> Result<[OutputFile], Diagnostic>) {
        self.holds = holds
        self.make = make
    }

    func made() async -> Result<[String: Data], Diagnostic> {
        let task = lock.withLock {
            if let making { return making }
            let make = self.make
            let task = Task { await Self.run(make) }
            making = task
            return task
        }
        return await task.value
    }

    private static func run(_ make: @escaping @Sendable () -> Result<[OutputFile], Diagnostic>) async -> Result<[String: Data], Diagnostic> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: make().map { made in
                    Dictionary(made.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
                })
            }
        }
    }
}
