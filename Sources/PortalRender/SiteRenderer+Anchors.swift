import PortalCore
import PortalGraph

extension SiteRenderer {
    /// An element id the generator makes from content, as the page's values hand it to
    /// the templates under `anchor`.
    struct ContentAnchor {
        var value: String
        /// What it is made from, for messages ("municipality 'Eksempelkommune'").
        var what: String
        /// Where the content can change it; nil when only the theme can (an id made from a number).
        var location: SourceLocation?
        var hint: String
    }

    /// Content-made ids that equal one of the theme's own ids on the same page, or each
    /// other: a municipality with the slug `indhold` would take the skip link's target.
    /// Each is an error where it can be changed.
    func anchorProblems(_ graph: SiteGraph) -> [Diagnostic] {
        let municipalities = graph.municipalities.map { municipality in
            ContentAnchor(value: anchor(for: municipality), what: "municipality '\(municipality.title)'",
                          location: municipality.pathLocation, hint: "give the municipality its own 'slug:'")
        }
        var problems = problems(municipalities, on: theme.elementIDs.page(["theme", "tag"]), pages: "theme and tag pages")
        // The comparison pages give municipalities ids of their own too; an id that is
        // already a problem on the theme pages is said once.
        let reported = Set(problems.map(\.location))
        problems += self.problems(municipalities, on: theme.elementIDs.page(["compare"]), pages: "the comparison pages")
            .filter { !reported.contains($0.location) }
        if !graph.lawParagraphs.isEmpty {
            problems += self.problems(municipalities, on: theme.elementIDs.page(["law-paragraph"]), pages: "the pages of the § index")
        }
        let documentPage = theme.elementIDs.page(["document"])
        for document in graph.documents {
            let appendices = document.appendixIDs.compactMap(graph.appendix).map { appendix in
                ContentAnchor(value: appendix.anchor, what: "appendix '\(appendix.title)'", location: appendix.anchorLocation,
                              hint: "give the appendix its own 'slug:'")
            }
            let localThemes = document.localThemes.map { localTheme in
                ContentAnchor(value: localThemeAnchor(localTheme.number), what: "local theme \(localTheme.number)", location: nil,
                              hint: "rename the theme's id: the generator gives local themes the ids 'lokalt-tema-N'")
            }
            let sections = document.sectionIDs.compactMap(graph.section).enumerated().map { index, section in
                ContentAnchor(value: sectionAnchor(index), what: "section '\(section.title)'", location: nil,
                              hint: "rename the theme's id: the generator gives a document's sections the ids 'afsnit-N'")
            }
            problems += self.problems(appendices + localThemes + sections, on: documentPage, pages: "the page of document '\(document.title)'")
        }
        return problems
    }

    private func problems(_ anchors: [ContentAnchor], on page: ElementIDs.Page, pages: String) -> [Diagnostic] {
        let fixed = page.fixed
        var madeFrom: [String: ContentAnchor] = [:]
        var problems: [Diagnostic] = []
        for anchor in anchors {
            for id in page.ids(madeFrom: anchor.value, named: "anchor") {
                if let theirs = fixed[id] {
                    if let location = anchor.location {
                        problems.append(.error(
                            at: location, "\(anchor.what) gets the element id '\(id)' on \(pages), which the theme already uses (\(theirs.path):\(theirs.line))",
                            hint: anchor.hint))
                    } else {
                        problems.append(.error(
                            at: theirs, "the theme's element id '\(id)' is also the id the generator gives \(anchor.what) on \(pages)",
                            hint: anchor.hint))
                    }
                    break
                }
                if let other = madeFrom[id] {
                    problems.append(.error(
                        at: anchor.location ?? SourceLocation(path: theme.location), "\(anchor.what) gets the element id '\(id)' on \(pages), which \(other.what) gets too",
                        hint: anchor.hint))
                    break
                }
                madeFrom[id] = anchor
            }
        }
        return problems
    }
}
