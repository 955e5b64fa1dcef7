import PortalGraph

// The fragment ids the generator makes from content. Each is checked against the theme's
// own ids before rendering (`SiteRenderer.anchorProblems`).

/// The fragment id of a municipality's part on theme, tag and comparison pages.
func anchor(for municipality: Municipality) -> String {
    municipality.path.split(separator: "/").last.map(String.init) ?? municipality.id
}

/// The fragment id of a document's local theme on the document page.
func localThemeAnchor(_ number: Int) -> String {
    "lokalt-tema-\(number)"
}
