/// What the preview adds to each page it serves, and only the preview: `portal build`
/// output never contains it.
enum PreviewClient {
    static let scriptPath = "/__portal/live.js"
    static let eventsPath = "/__portal/events"
    static let problemsPath = "/__portal/problems"

    /// The live-reload script: listens for the server's events; reloads the page after a
    /// rebuild, and shows the problems over the page while the content has errors.
    static let script = """
        "use strict";
        (function () {
          var shown = null;
          function showProblems() {
            fetch("\(problemsPath)", { cache: "no-store" }).then(function (response) {
              return response.status === 200 ? response.text() : "";
            }).then(function (html) {
              if (shown) { shown.remove(); shown = null; }
              if (!html) { return; }
              var holder = document.createElement("div");
              holder.className = "preview-errors-holder";
              holder.innerHTML = html;
              document.body.prepend(holder);
              shown = holder;
              var heading = holder.querySelector("h2");
              if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
            });
          }
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", function () { location.reload(); });
          events.addEventListener("errors", showProblems);
        })();

        """

    /// A served page with the script added and its Content-Security-Policy widened just
    /// enough for it (the script from this server, its event stream); built pages keep
    /// `script-src 'none'`, or the search page its own scripts only.
    static func inject(into html: String) -> String {
        var page = html.replacingOccurrences(of: "script-src 'none'", with: "script-src 'self'; connect-src 'self'")
            .replacingOccurrences(of: "script-src 'self' file:;", with: "script-src 'self' file:; connect-src 'self';")
        let tag = "<script src=\"\(scriptPath)\" defer></script>\n"
        if let head = page.range(of: "</head>") {
            page.insert(contentsOf: tag, at: head.lowerBound)
        } else {
            page += tag
        }
        return page
    }
}
