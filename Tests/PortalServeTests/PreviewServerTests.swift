import Foundation
import PortalBuild
import PortalServe
import PortalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The preview as an editor uses it: the real server on a free port, the content and
/// theme in a temporary folder that the tests edit, and HTTP on loopback.
@Suite("portal serve shows the site, follows every save and never serves what is not the site", .serialized)
struct PreviewServerTests {
    /// A running preview over a copy of the minimal content and the default theme.
    final class Preview: @unchecked Sendable {
        let folder: URL
        let probe: HTTPProbe
        private let task: Task<Void, Error>
        private let events: AsyncStream<PreviewServer.Event>

        var content: URL { folder.appendingPathComponent("content") }
        var theme: URL { folder.appendingPathComponent("theme") }

        private init(folder: URL, port: Int, task: Task<Void, Error>, events: AsyncStream<PreviewServer.Event>) {
            self.folder = folder
            probe = HTTPProbe(port: port)
            self.task = task
            self.events = events
        }

        /// - Parameter copyingContent: false when `folder/content` is already there.
        static func start(in folder: URL, copyingContent: Bool = true) async throws -> Preview {
            let content = folder.appendingPathComponent("content"), theme = folder.appendingPathComponent("theme")
            if copyingContent {
                try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("minimal"), to: content)
            }
            try FileManager.default.copyItem(at: Repository.theme, to: theme)
            var sources = SiteSources(contentDirectory: content, themeDirectory: theme, contentDisplay: "content", themeDisplay: "theme")
            sources.includeDrafts = true
            let server = PreviewServer(.init(sources: sources, host: "127.0.0.1", port: 0))
            let (events, continuation) = AsyncStream<PreviewServer.Event>.makeStream()
            let task = Task { try await server.run(stopOnSignals: false) { continuation.yield($0) } }
            for await event in events {
                if case .listening(let address, _) = event, let port = Int(address.split(separator: ":").last?.dropLast() ?? "") {
                    return Preview(folder: folder, port: port, task: task, events: events)
                }
            }
            throw PreviewError.didNotStart
        }

        func stop() async {
            task.cancel()
            _ = await task.result
        }

        func edit(_ path: String, in base: URL? = nil, replacing old: String, with new: String) throws {
            let url = (base ?? content).appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            try #require(text.contains(old), "\(path) does not contain \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
    }

    enum PreviewError: Error { case didNotStart }

    static let item = "kommuner/eksempel/handleplan-2024/indsatser/eksempel-indsats-01.md"

    func withPreview(_ body: (Preview) async throws -> Void) async throws {
        try await Repository.withTemporaryDirectory { folder in
            let preview = try await Preview.start(in: folder)
            do {
                try await body(preview)
            } catch {
                await preview.stop()
                throw error
            }
            await preview.stop()
        }
    }

    @Test func pagesAreServedWithTheLiveReloadScriptAndTheRightTypes() async throws {
        try await withPreview { preview in
            let home = try await preview.probe.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("<script src=\"/__portal/live.js\" defer></script>"))
            #expect(home.text.contains("script-src 'self'; connect-src 'self'"))
            #expect(!home.text.contains("script-src 'none'"))
            let css = try await preview.probe.get("/assets/site.css")
            #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
            let json = try await preview.probe.get("/data/portal.json")
            #expect(json.status == 200 && json.headers["content-type"] == "application/json; charset=utf-8")
            let csv = try await preview.probe.get("/data/portal.csv")
            #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
            let svg = try await preview.probe.get("/assets/favicon.svg")
            #expect(svg.headers["content-type"] == "image/svg+xml")
            let script = try await preview.probe.get("/__portal/live.js")
            #expect(script.status == 200 && script.text.contains("EventSource"))
            let folder = try await preview.probe.get("/temaer")
            #expect(folder.status == 301 && folder.headers["location"] == "/temaer/")
            #expect(try await preview.probe.get("/temaer/").status == 200)
            #expect(try await preview.probe.request("HEAD", "/").status == 200)
            #expect(try await preview.probe.request("POST", "/").status == 405)
        }
    }

    @Test("A request that tries to leave the site is not found, and gets the theme's page",
          arguments: ["/../Package.swift", "/..%2fcontent/site.yaml", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2F..%2Fetc%2Fpasswd",
                      "/temaer/%2e%2e/%2e%2e/theme/strings.yaml", "//etc/passwd", "/assets\\..\\..\\etc\\passwd",
                      "/%5c..%5cetc%5cpasswd", "/index.html%00.css", "/%ff%fe", "/findes-ikke/", "/content/site.yaml", "/.kommuneportal/x"])
    func traversalAndUnknownPathsAreNotFound(_ target: String) async throws {
        try await withPreview { preview in
            let reply = try await preview.probe.get(target)
            #expect(reply.status == 404, "\(target): \(reply.status)")
            #expect(reply.text.contains("Siden findes ikke"), "\(target): the theme's not-found page")
            #expect(!reply.text.contains("root:"), "\(target) reached a file outside the site")
        }
    }

    /// Requests no browser sends, written byte for byte: each gets an error status or a
    /// closed connection, never a file, and the preview goes on serving.
    static let malformedRequests: [(name: String, bytes: String)] = [
        ("a garbage request line", "HELLO THERE\r\n\r\n"),
        ("binary noise", "\u{01}\u{02}\u{7f}GET\u{00} /\r\n\r\n"),
        ("a request line with no version", "GET /\r\n\r\n"),
        ("an unknown HTTP version", "GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"),
        ("a lone percent sign", "GET /% HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        ("a broken percent escape", "GET /temaer/%zz/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        ("a relative target", "GET ../content/site.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        ("an absolute-form target", "GET http://127.0.0.1/../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        ("an asterisk target", "GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        ("a header of 200 kB", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n"),
        ("ten thousand headers", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\((0..<10_000).map { "X-\($0): 1\r\n" }.joined())\r\n"),
        ("a body announced but never sent", "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\nabc"),
        ("a header without a colon", "GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"),
        ("a request cut off in its head", "GET /temaer/ HTTP/1.1\r\nHost: 127.0"),
    ]

    @Test("A malformed request gets an error or a closed connection, never a file, and the preview goes on",
          arguments: PreviewServerTests.malformedRequests.indices)
    func malformedRequestsAreRefused(_ index: Int) async throws {
        let (name, bytes) = Self.malformedRequests[index]
        try await withPreview { preview in
            let reply = try await preview.probe.raw(bytes, timeout: .seconds(3))
            if let reply {
                #expect((400..<500).contains(reply.status) || [501, 505].contains(reply.status),
                        "\(name): \(reply.status)")
                #expect(!reply.text.contains("root:") && !reply.text.contains("title:"), "\(name) reached a file outside the site")
            }
            let home = try await preview.probe.get("/")
            #expect(home.status == 200, "after \(name) the preview no longer serves: \(home.status)")
        }
    }

    @Test func savingAFileReloadsTheTabAndServesTheNewText() async throws {
        try await withPreview { preview in
            let stream = try await preview.probe.events("/__portal/events")
            try await Task.sleep(for: .milliseconds(200))
            try preview.edit(Self.item, replacing: "Eksempeltekst om frivillige.", with: "Eksempeltekst om mange frivillige.")
            #expect(try await stream.next() == "reload")
            let page = try await preview.probe.get("/kommuner/eksempelkommune/handleplan-2024/faelles-cafe-en-gang-om-ugen/")
            #expect(page.text.contains("Eksempeltekst om mange frivillige."))
        }
    }

    @Test func aBrokenFileShowsItsProblemWhileTheLastGoodSiteStaysAndTheFixBringsItBack() async throws {
        try await withPreview { preview in
            let stream = try await preview.probe.events("/__portal/events")
            try await Task.sleep(for: .milliseconds(200))
            let before = try await preview.probe.get("/").text
            try preview.edit(Self.item, replacing: "tags: [frivillige]", with: "tags: [frivillig]")
            #expect(try await stream.next() == "errors")
            let problems = try await preview.probe.get("/__portal/problems")
            #expect(problems.status == 200)
            #expect(problems.text.contains("content/\(Self.item):13:8"), "\(problems.text)")
            #expect(problems.text.contains("tag &#39;frivillig&#39; does not exist") || problems.text.contains("tag 'frivillig' does not exist"))
            #expect(problems.text.contains("Siden kan ikke bygges"))
            #expect(problems.text.contains("tags: [frivillig]"), "the offending line is shown")
            #expect(try await preview.probe.get("/").text == before, "the last good site stays")
            // A tab opened now learns of the problems at once.
            let late = try await preview.probe.events("/__portal/events")
            #expect(try await late.next() == "errors")

            try preview.edit(Self.item, replacing: "tags: [frivillig]", with: "tags: [frivillige]")
            #expect(try await stream.next() == "reload")
            #expect(try await preview.probe.get("/__portal/problems").status == 204)
        }
    }

    @Test func aBurstOfSavesGivesOneRebuild() async throws {
        try await withPreview { preview in
            let stream = try await preview.probe.events("/__portal/events")
            try await Task.sleep(for: .milliseconds(200))
            // Editors save twice; tools write a temporary file and rename it over the file.
            try preview.edit(Self.item, replacing: "Eksempeltekst om frivillige.", with: "Første udgave.")
            try preview.edit(Self.item, replacing: "Første udgave.", with: "Anden udgave.")
            let url = preview.content.appendingPathComponent(Self.item)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".eksempel-indsats-01.md.tmp")
            try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "Anden udgave.", with: "Tredje udgave.").utf8)
                .write(to: temporary)
            #expect(rename(temporary.path, url.path) == 0)
            #expect(try await stream.next() == "reload")
            #expect(try await stream.next(timeout: .milliseconds(700)) == nil, "a second rebuild for the same burst")
            let page = try await preview.probe.get("/kommuner/eksempelkommune/handleplan-2024/faelles-cafe-en-gang-om-ugen/")
            #expect(page.text.contains("Tredje udgave."))
        }
    }

    @Test func aThemeEditRendersEveryPageAgain() async throws {
        try await withPreview { preview in
            let stream = try await preview.probe.events("/__portal/events")
            try await Task.sleep(for: .milliseconds(200))
            try preview.edit("templates/partials/footer.mustache", in: preview.theme,
                             replacing: "</footer>", with: "<p>Ny sidefod</p></footer>")
            #expect(try await stream.next() == "reload")
            for path in ["/", "/temaer/", "/tags/motion/", "/kommuner/eksempelkommune/"] {
                let page = try await preview.probe.get(path)
                #expect(page.status == 200 && page.text.contains("<p>Ny sidefod</p>"), "\(path)")
            }
        }
    }

    @Test func draftsAreShownByThePreview() async throws {
        try await withPreview { preview in
            let stream = try await preview.probe.events("/__portal/events")
            try await Task.sleep(for: .milliseconds(200))
            try preview.edit("tags/motion.md", replacing: "\ntitle:", with: "\ndraft: true\ntitle:")
            #expect(try await stream.next() == "reload")
            let page = try await preview.probe.get("/tags/motion/")
            #expect(page.status == 200)
            #expect(page.text.contains("draft-notice"))
        }
    }
}
