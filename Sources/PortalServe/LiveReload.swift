import Foundation

/// What the preview tells open tabs over Server-Sent Events.
public enum PreviewEvent: Sendable, Equatable {
    /// The site was rebuilt: reload the page.
    case reload
    /// The files have errors: show them over the page (the last good site stays).
    case errors
    /// Sent to keep the connection open and to notice tabs that have gone away.
    case heartbeat

    /// The event as a text/event-stream frame.
    var frame: String {
        switch self {
        case .reload: "event: reload\ndata: {}\n\n"
        case .errors: "event: errors\ndata: {}\n\n"
        case .heartbeat: ": heartbeat\n\n"
        }
    }
}

/// Hands each event to every open tab. Each tab's event stream registers here while it
/// is open and is removed when it closes.
final class LiveReload: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]

    /// A new tab's stream of events, starting with `first` (the site's current state).
    func subscribe(first: PreviewEvent?) -> AsyncStream<PreviewEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        if let first { continuation.yield(first) }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        lock.withLock { listeners[id] = continuation }
        return stream
    }

    func broadcast(_ event: PreviewEvent) {
        for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(event) }
    }

    /// Ends every stream, so that open connections close when the server stops.
    func finishAll() {
        for listener in lock.withLock({ Array(listeners.values) }) { listener.finish() }
    }

    var count: Int { lock.withLock { listeners.count } }

    private func remove(_ id: UUID) {
        _ = lock.withLock { listeners.removeValue(forKey: id) }
    }
}
