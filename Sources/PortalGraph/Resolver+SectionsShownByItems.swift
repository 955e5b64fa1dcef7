import PortalCore

extension Resolver {
    /// A section whose only unit has the section's own title is one thing to a reader:
    /// Hillerød's plan gives each ambition one initiative of the same name. Two pages
    /// for it would read "…fællesskaber › …fællesskaber" in the breadcrumbs and show
    /// two tabs with the same title, the section's page saying nothing the item's does
    /// not. So the item's page stands for the section: the section gets the item's
    /// address, and every link to the section (from the document, the municipality,
    /// the policy it carries out, a matrix) leads to the one page. The section keeps
    /// its place in the graph, its themes and its relations; the item page shows them.
    mutating func letItemsStandForTheirSections() {
        let itemPosition = Dictionary(items.indices.map { (items[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in sections.indices {
            guard sections[index].itemIDs.count == 1, let position = itemPosition[sections[index].itemIDs[0]] else { continue }
            let item = items[position]
            guard Self.sameTitle(item.title, sections[index].title) else { continue }
            sections[index].shownByItemID = item.id
            sections[index].path = item.path
        }
    }

    /// Titles that read the same: equal but for case and runs of white space.
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        func normal(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return normal(a) == normal(b)
    }
}
