import PortalGraph

extension ViewContext {
    /// The contents of a theme or tag page: its municipalities' parts.
    func municipalityContents(_ groups: [[String: Any]], body: String) -> PageContents {
        var contents = PageContents()
        contents.count(text: body.count)
        for group in groups {
            // Each unit is a title, its first sentence and a line of where it comes from.
            let count = (group["units"] as? [Any])?.count ?? 0
            contents.add(group["anchor"] as? String ?? "", group["title"] as? String ?? "", lines: 1 + 3 * count)
        }
        return contents
    }

    func themesPage() -> PreparedPage {
        let path = graph.site.paths.themes + "/"
        let links = Links(from: path)
        let title = strings["nav.themes"]
        let values: [String: Any] = [
            "themes": graph.themes.map { theme -> [String: Any] in
                [
                    "title": theme.title,
                    "url": links.page(theme.path),
                    "description": html(theme.body, under: 2, links),
                    "count": unitCount(graph.units(inTheme: theme.id)),
                ]
            },
            "matrix": themeMatrixTable(links),
        ]
        return PreparedPage(
            path: path, template: "themes", kind: "themes",
            context: merge(frame(path: path, title: title, section: "themes", crumbs: [Crumb(title: title)]), values))
    }

    /// A cross-municipality theme: its description, then each municipality's items under it.
    func themePage(_ theme: Topic) -> PreparedPage {
        let links = Links(from: theme.path)
        let units = graph.units(inTheme: theme.id)
        let groups = unitsByMunicipality(units, links)
        let values: [String: Any] = [
            "body": html(theme.body, under: 1, links),
            "municipalities": groups,
            "count": unitCount(units),
            "contentsList": municipalityContents(groups, body: theme.body).value,
            "compare": compareLink(theme.id, links) ?? false,
        ]
        return PreparedPage(
            path: theme.path, template: "theme", kind: "theme",
            context: merge(frame(path: theme.path, title: theme.title, section: "themes", crumbs: [
                Crumb(title: strings["nav.themes"], path: graph.site.paths.themes + "/"), Crumb(title: theme.title),
            ]), values))
    }

    func tagsPage() -> PreparedPage {
        let path = graph.site.paths.tags + "/"
        let links = Links(from: path)
        let title = strings["nav.tags"]
        let values: [String: Any] = [
            "tags": graph.tags.map { tag -> [String: Any] in
                ["title": tag.title, "url": links.page(tag.path), "count": unitCount(graph.units(withTag: tag.id))]
            },
        ]
        return PreparedPage(
            path: path, template: "tags", kind: "tags",
            context: merge(frame(path: path, title: title, section: "tags", crumbs: [Crumb(title: title)]), values))
    }

    func tagPage(_ tag: Topic) -> PreparedPage {
        let links = Links(from: tag.path)
        let units = graph.units(withTag: tag.id)
        let groups = unitsByMunicipality(units, links).filter { $0["hasUnits"] as? Bool == true }
        let values: [String: Any] = [
            "body": html(tag.body, under: 1, links),
            "municipalities": groups,
            "count": unitCount(units),
            "contentsList": municipalityContents(groups, body: tag.body).value,
        ]
        return PreparedPage(
            path: tag.path, template: "tag", kind: "tag",
            context: merge(frame(path: tag.path, title: tag.title, section: "tags", crumbs: [
                Crumb(title: strings["nav.tags"], path: graph.site.paths.tags + "/"), Crumb(title: tag.title),
            ]), values))
    }

    /// A free page (Om portalen, Tilgængelighedserklæring, Hent data).
    /// Every document with the internal file its content was taken from and the address of
    /// its original: the list of sources on the about page (`layouts/about`), the one
    /// page where those file names belong.
    func sourceDocuments(_ links: Links) -> [[String: Any]] {
        graph.documents.map { document in
            [
                "title": document.title,
                "url": links.page(document.path),
                "municipality": municipalityTitle(document.municipalityID),
                "when": document.period ?? document.date ?? strings["missing.notGiven"],
                "file": document.sourceFile ?? strings["missing.notGiven"],
                "original": absent(document.sourceURL),
            ]
        }
    }

    func freePage(_ page: Topic, dataFiles: [[String: Any]]) -> PreparedPage {
        let links = Links(from: page.path)
        let values: [String: Any] = [
            "body": html(page.body, under: 1, links),
            "dataFiles": dataFiles.map { file in
                file.merging(["url": links.file(file["path"] as? String ?? "")]) { _, new in new }
            },
            "license": absent(graph.site.license),
            "sourceDocuments": sourceDocuments(links),
            // The column of originals only when the content gives any address.
            "hasOriginals": graph.documents.contains { $0.sourceURL != nil },
            "accessibilityStatementURL": absent(graph.site.accessibilityStatementURL),
        ]
        return PreparedPage(
            path: page.path, template: Theme.template(ofLayout: page.layout ?? Theme.defaultLayout), kind: "page",
            context: merge(frame(path: page.path, title: page.title, section: page.id, crumbs: [Crumb(title: page.title)]), values))
    }
}
