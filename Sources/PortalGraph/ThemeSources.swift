import PortalContent

/// Where an item's cross-municipality themes come from (its own `themes:`, its section's,
/// its document's local themes), to tell whether all of them resolved.
///
/// When one did not (an unknown theme, a section or theme file that failed, a local theme
/// number the document lacks), that error is reported already; "item has no
/// cross-municipality theme" would then only follow from it, and may be false.
struct ThemeSources {
    private let sections: [String: SectionRecord]
    private let documents: [String: DocumentRecord]

    init(sections: [SectionRecord], documents: [DocumentRecord]) {
        self.sections = Dictionary(sections.map { ($0.header.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        self.documents = Dictionary(documents.map { ($0.header.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether every theme source of `record` resolved; `sectionID` is its section as resolved.
    func allResolve(for record: ItemRecord, sectionID: String?, in document: Document, resolver: Resolver) -> Bool {
        func resolve(_ themes: [Reference]) -> Bool { themes.allSatisfy { resolver.ids[.theme]?[$0.id] != nil } }
        guard resolve(record.themes) else { return false }
        // No section where the document has sections is an error of its own.
        if record.section != nil || !document.sectionIDs.isEmpty {
            guard let sectionID, resolver.sectionPosition[sectionID] != nil,
                  let section = sections[sectionID], resolve(section.themes) else { return false }
        }
        let localThemes = documents[document.id]?.localThemes ?? []
        for number in record.localThemes {
            guard let local = localThemes.first(where: { $0.number.value == number.value }), resolve(local.themes) else { return false }
        }
        return true
    }
}
