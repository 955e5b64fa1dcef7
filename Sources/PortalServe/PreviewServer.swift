import Foundation
import Hummingbird
import Logging
import PortalBuild
import ServiceLifecycle

/// `portal serve`: the long-lived site served over HTTP from memory, rebuilt as files
/// change, with every open tab reloaded (or shown the problems) after each rebuild.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var sources: SiteSources
        public var host: String
        public var port: Int

        public init(sources: SiteSources, host: String = "127.0.0.1", port: Int = 8080) {
            self.sources = sources
            self.host = host
            self.port = port
        }
    }

    /// What the server tells the person who started it.
    public enum Event: Sendable {
        case loaded(pages: Int, errors: Int, seconds: Double)
        case listening(address: String, watching: String)
        case rebuilt(pages: Int, removed: Int, errors: Int, milliseconds: Int)
        case stopped
    }

    let options: Options

    public init(_ options: Options) {
        self.options = options
    }

    /// Serves until SIGINT or SIGTERM (Ctrl-C), or until the task is cancelled; then stops
    /// watching, closes the event streams so that open tabs let go, and returns.
    /// - Parameter stopOnSignals: false for tests, which stop the server by cancelling.
    public func run(stopOnSignals: Bool = true, report: @escaping @Sendable (Event) -> Void) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        // Watching starts before the site is read, so that a save made while it loads, or
        // as soon as the address is printed, is applied as the first rebuild, not lost.
        let watcher = FileWatcher([options.sources.contentDirectory, options.sources.themeDirectory])
        watcher.start()
        defer { watcher.stop() }
        let session = await PreviewSession.start(options.sources)
        let loaded = await session.status
        report(.loaded(pages: loaded.pages, errors: loaded.errors, seconds: (clock.now - start).seconds))
        let responder = PreviewResponder(session: session, files: session.files, reload: session.reload)
        var logger = Logger(label: "portal.serve")
        logger.logLevel = .warning
        let host = options.host
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: options.port), serverName: "portal serve"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                report(.listening(address: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/", watching: watcher.method))
            },
            logger: logger)
        // Services stop in reverse order: the rebuilder first, which ends every open event
        // stream, so that the server's own graceful stop does not wait for open tabs.
        let group = ServiceGroup(configuration: .init(
            services: [app, Rebuilder(session: session, watcher: watcher, report: report)],
            gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [], logger: logger))
        try await group.run()
        report(.stopped)
    }
}

/// Applies each burst of file changes to the session, and beats the heart of the open
/// event streams; on graceful shutdown it stops the watcher and ends every stream.
struct Rebuilder: Service {
    let session: PreviewSession
    let watcher: FileWatcher
    let report: @Sendable (PreviewServer.Event) -> Void

    /// The watcher is already started (see `PreviewServer.run`).
    func run() async throws {
        let reload = session.reload
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                reload.broadcast(.heartbeat)
            }
        }
        await withGracefulShutdownHandler {
            for await burst in watcher.bursts() {
                let rebuild = await session.apply(burst)
                report(.rebuilt(pages: rebuild.rendered, removed: rebuild.removed, errors: rebuild.errors,
                                milliseconds: Int((rebuild.seconds * 1000).rounded())))
            }
        } onGracefulShutdown: {
            watcher.stop()
            reload.finishAll()
        }
        heartbeat.cancel()
        reload.finishAll()
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
