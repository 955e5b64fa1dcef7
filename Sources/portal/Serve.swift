import ArgumentParser
import Foundation
import PortalBuild
import PortalServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site while you edit: serve it, rebuild on every save, reload the browser.",
        discussion: """
        Builds the site into memory and serves it. Every save of a content or theme file \
        rebuilds only the pages it touches and reloads every open tab; while a file has an \
        error the last good site stays and the tabs show the problems over it. Drafts \
        (draft: true) are shown here and never published by build. Stop with Ctrl-C.
        """)

    @OptionGroup var sources: SourceOptions

    @Option(name: .long, help: ArgumentHelp("Address to listen on; others on the network can see the preview if it is not 127.0.0.1.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "port"))
    var port = 8080

    func validate() throws {
        try sources.validate()
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        try PathOption.requireNonEmpty(host, "--host")
    }

    func run() async throws {
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            printError("warning: listening on \(host): others on the network can see the preview, drafts included")
        }
        var siteSources = sources.siteSources
        siteSources.includeDrafts = true
        let server = PreviewServer(.init(sources: siteSources, host: host, port: port))
        try await server.run { event in
            switch event {
            case .loaded(let pages, let errors, let seconds):
                say("Built \(pages) pages in \(Int((seconds * 1000).rounded())) ms" + (errors > 0 ? "; \(errors) errors, shown in the browser" : ""))
            case .listening(let address, let watching):
                say("Preview at \(address) (watching \(sources.content) and \(sources.theme) by \(watching); Ctrl-C stops)")
            case .rebuilt(let pages, let removed, let errors, let milliseconds):
                if errors > 0 {
                    say("Not rebuilt: \(errors) error\(errors == 1 ? "" : "s"), shown in the browser (\(milliseconds) ms)")
                } else {
                    say("Rebuilt \(pages) page\(pages == 1 ? "" : "s")" + (removed > 0 ? ", removed \(removed)" : "") + " in \(milliseconds) ms")
                }
            case .stopped:
                say("Stopped.")
            }
        }
    }
}

/// Prints a line at once (not buffered), so that a log or a pipe shows each rebuild as it happens.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
