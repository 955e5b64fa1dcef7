import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, for talking to the preview server on
/// loopback exactly as written (a path with `..` or `%2e` is sent as it is, which
/// URLSession would normalise away), and for reading an event stream as it arrives.
///
/// Every call waits on a thread of its own, never on one of the tasks' shared threads:
/// the server answers on those, and on a loaded two-core machine a test blocking them
/// while it waits for the answer starves the very server it waits for.
struct HTTPProbe: Sendable {
    let port: Int

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum ProbeError: Error { case connect(Int32), malformed(String), timeout }

    /// Sends one request with `Connection: close` and reads the whole reply.
    func request(_ method: String, _ target: String, timeout: Duration = .seconds(60)) async throws -> Reply {
        try await Self.offThePool { try requestBlocking(method, target, timeout: timeout) }
    }

    func get(_ target: String) async throws -> Reply { try await request("GET", target) }

    /// Sends `bytes` exactly as given and reads until the server closes the connection or
    /// `timeout` passes: for requests no well-behaved client would send. The reply is nil
    /// when the server closed without answering.
    func raw(_ bytes: String, timeout: Duration = .seconds(10)) async throws -> Reply? {
        try await Self.offThePool { try rawBlocking(bytes, timeout: timeout) }
    }

    /// Opens an event stream; read it with `next(timeout:)`.
    func events(_ target: String) async throws -> EventStream {
        try await Self.offThePool {
            let socket = try connect()
            try send(socket, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            return EventStream(socket: socket)
        }
    }

    /// Runs `body` on a new thread and returns what it gave.
    static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result(catching: body)) }
        }
    }

    private func requestBlocking(_ method: String, _ target: String, timeout: Duration) throws -> Reply {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = Data()
        let deadline = ContinuousClock.now + timeout
        while true {
            guard ContinuousClock.now < deadline else { throw ProbeError.timeout }
            guard let chunk = try Self.receive(socket, waiting: 200) else { continue }
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        return try Self.parse(data, method: method)
    }

    private func rawBlocking(_ bytes: String, timeout: Duration) throws -> Reply? {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, bytes)
        var data = Data()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let chunk = try Self.receive(socket, waiting: 200) else {
                // A complete reply to a request without `Connection: close` may leave the
                // connection open: stop once the head and the announced body are in.
                if let reply = try? Self.parse(data, method: "GET"), Self.isComplete(reply, in: data) { return reply }
                continue
            }
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        return data.isEmpty ? nil : try Self.parse(data, method: "GET")
    }

    private static func isComplete(_ reply: Reply, in data: Data) -> Bool {
        guard let length = reply.headers["content-length"].flatMap(Int.init) else { return false }
        return reply.body.count >= length
    }

    /// An open event stream; `next` returns the name of each event as it arrives. Read by
    /// one test at a time.
    final class EventStream: @unchecked Sendable {
        private let socket: Int32
        private var buffer = ""

        init(socket: Int32) { self.socket = socket }
        deinit { close(socket) }

        /// The next event's name (`reload`, `errors`); nil when none came in time.
        func next(timeout: Duration = .seconds(30)) async throws -> String? {
            try await HTTPProbe.offThePool { try self.nextBlocking(timeout: timeout) }
        }

        private func nextBlocking(timeout: Duration) throws -> String? {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if let range = buffer.range(of: "\n\n") {
                    let frame = buffer[..<range.lowerBound]
                    buffer.removeSubrange(..<range.upperBound)
                    if let line = frame.split(separator: "\n").first(where: { $0.hasPrefix("event: ") }) {
                        return String(line.dropFirst("event: ".count))
                    }
                    continue
                }
                guard let chunk = try HTTPProbe.receive(socket, waiting: 100) else { continue }
                if chunk.isEmpty { return nil }
                buffer += String(decoding: chunk, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            }
            return nil
        }
    }

    // MARK: Sockets

    private func connect() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ProbeError.connect(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw ProbeError.connect(errno)
        }
        return socket
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ProbeError.connect(errno) }
            offset += sent
        }
    }

    /// Bytes that arrived within `waiting` ms; nil when none did, empty at the end.
    static func receive(_ socket: Int32, waiting milliseconds: Int32) throws -> Data? {
        var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { return Data() }
        return Data(buffer[..<count])
    }

    private static func parse(_ data: Data, method: String) throws -> Reply {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { throw ProbeError.malformed(String(decoding: data, as: UTF8.self)) }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw ProbeError.malformed(String(head.first ?? ""))
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Reply(status: status, headers: headers, body: method == "HEAD" ? Data() : body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.firstRange(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let stop = rest.index(start, offsetBy: size, limitedBy: rest.endIndex) ?? rest.endIndex
            result.append(rest[start..<stop])
            rest = rest[min(rest.endIndex, rest.index(stop, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return result
    }
}
