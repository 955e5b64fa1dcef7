import PortalGraph

// The fragment ids the generator makes from content. Each is checked against the theme's
// own ids before rendering (`SiteRenderer.anchorProblems`).

/// The fragment id of a municipality's part on theme, tag and comparison pages.
func anchor(for municipality: Municipality) -> String {
    municipality.path.split(separator: "/").last.map(String.init) ?? municipality.id
}

/// The fragment id of an item's field (`## Formål`) on its page: numbered, so that no
/// heading's wording can give two fields one id.
func fieldAnchor(_ index: Int) -> String {
    "felt-\(index + 1)"
}

/// The fragment id of a section in its document page's list of sections.
func sectionAnchor(_ index: Int) -> String {
    "afsnit-\(index + 1)"
}

/// The fragment id of a document on its municipality's page.
func documentAnchor(_ index: Int) -> String {
    "dokument-\(index + 1)"
}

/// The fragment id of a document's local theme on the document page.
func localThemeAnchor(_ number: Int) -> String {
    "lokalt-tema-\(number)"
}
