import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// Answers the preview's requests: the site's files from memory, the live-reload script
/// and event stream, the problems shown over pages, and the theme's not-found page.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let session: PreviewSession
    let files: PreviewFiles
    let reload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let response = try await answer(request.uri.path)
        guard request.method == .head else { return response }
        return Response(status: response.status, headers: response.headers)
    }

    private func answer(_ path: String) async throws -> Response {
        switch path {
        case PreviewClient.eventsPath: return events()
        case PreviewClient.scriptPath: return text(PreviewClient.script, type: "text/javascript; charset=utf-8")
        case PreviewClient.problemsPath:
            guard let problems = files.problems else { return Response(status: .noContent) }
            return text(problems, type: "text/html; charset=utf-8")
        default: break
        }
        guard let file = RequestPath.file(for: path[...]) else { return await notFound(path) }
        if let data = files.file(file) {
            let type = ContentType.of(file)
            if type.hasPrefix("text/html") {
                return text(PreviewClient.inject(into: String(decoding: data, as: UTF8.self)), type: type)
            }
            return Response(status: .ok, headers: headers(type), body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        switch await files.deferredFile(file) {
        case .success(let data):
            let type = ContentType.of(file)
            if type.hasPrefix("text/html") {
                return text(PreviewClient.inject(into: String(decoding: data, as: UTF8.self)), type: type)
            }
            return Response(status: .ok, headers: headers(type), body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case .failure(let diagnostic):
            var response = text(diagnostic.description, type: "text/plain; charset=utf-8")
            response.status = .internalServerError
            return response
        case nil: break
        }
        // A folder asked for without its final slash: its relative links need the slash.
        if !path.hasSuffix("/"), files.file(file + "/index.html") != nil {
            return Response(status: .movedPermanently, headers: [.location: path + "/"])
        }
        return await notFound(path)
    }

    private func notFound(_ path: String) async -> Response {
        // Links on the not-found page are relative to the folder that was asked for.
        let parts = path.split(separator: "/").dropLast(path.hasSuffix("/") ? 0 : 1)
        let safe = parts.allSatisfy { $0 != ".." && $0 != "." && !$0.contains("%") && !$0.contains("\\") }
        let folder = safe && !parts.isEmpty ? parts.joined(separator: "/") + "/" : ""
        let page = await session.notFoundPage(in: folder) ?? "Not found"
        var response = text(PreviewClient.inject(into: page), type: "text/html; charset=utf-8")
        response.status = .notFound
        return response
    }

    /// The stream of events for one tab: the current state first (so a tab opened while
    /// the content has errors shows them), then every event until the server stops.
    private func events() -> Response {
        let stream = reload.subscribe(first: files.problems == nil ? nil : .errors)
        var headers = headers("text/event-stream")
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.frame))
            }
            try await writer.finish(nil)
        })
    }

    private func text(_ body: String, type: String) -> Response {
        Response(status: .ok, headers: headers(type), body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private static let noSniff = HTTPField.Name("X-Content-Type-Options")

    private func headers(_ type: String) -> HTTPFields {
        var fields: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        if let noSniff = Self.noSniff { fields[noSniff] = "nosniff" }
        return fields
    }
}
