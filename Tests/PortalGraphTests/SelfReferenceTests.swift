import PortalContent
import PortalCore
import PortalGraph
import Testing

@Suite("Following 'implements:' from any section ends, and no document is related to itself")
struct SelfReferenceTests {
    /// The fixture with sections `a`, `b`, ... of document p, each implementing what `links` says.
    func errors(_ links: [String: String]) -> [Diagnostic] {
        var fixture = GraphFixture()
        for (id, target) in links {
            fixture.files["\(id).md"] = "---\nkind: section\nid: \(id)\ndocument: p\ntitle: Afsnit \(id)\nimplements: \(target)\n---\n"
        }
        for target in Set(links.values) where links[target] == nil && fixture.files["\(target).md"] == nil {
            fixture.files["\(target).md"] = "---\nkind: section\nid: \(target)\ndocument: p\ntitle: Afsnit \(target)\n---\n"
        }
        return fixture.errors()
    }

    @Test func aChainThatEndsIsFine() {
        #expect(errors(["a": "b", "b": "s1"]).isEmpty)
    }

    @Test func aSectionImplementingItselfIsOneErrorAtItsImplementsLine() {
        let errors = errors(["a": "a"])
        #expect(errors.map(\.message) == ["section 'a' implements itself"])
        #expect(errors.first?.location == SourceLocation(path: "a.md", line: 6, column: 13))
    }

    @Test func everySectionOnACircleIsReportedWithTheCircleFromItself() {
        let errors = errors(["a": "b", "b": "c", "c": "a"]).sorted { $0.location < $1.location }
        #expect(errors.map(\.location.path) == ["a.md", "b.md", "c.md"])
        #expect(errors.map(\.message) == [
            "sections implement each other in a circle: a → b → c → a",
            "sections implement each other in a circle: b → c → a → b",
            "sections implement each other in a circle: c → a → b → c",
        ])
    }

    @Test func aSectionLeadingIntoACircleIsNotPartOfIt() {
        let errors = errors(["x": "a", "a": "b", "b": "a"])
        #expect(Set(errors.map(\.location.path)) == ["a.md", "b.md"])
    }

    @Test func aLongChainIsCheckedInOneWalk() {
        // 3,000 sections in a row and one circle at the end: reported once per member, quickly.
        var links: [String: String] = [:]
        for index in 0..<3_000 { links["k\(index)"] = "k\(index + 1)" }
        links["k3000"] = "k2999"
        let errors = errors(links)
        #expect(Set(errors.map(\.location.path)) == ["k2999.md", "k3000.md"])
    }

    @Test func aDocumentRelatedToItselfIsAnErrorAtTheReference() {
        var fixture = GraphFixture()
        fixture.files["p.md"] = "---\nkind: document\nid: p\nmunicipality: m\ntitle: Politik\ndocument_type: politik\nrelated: [d, p]\n---\n"
        let errors = fixture.errors()
        #expect(errors.map(\.message) == ["document 'p' is related to itself"])
        #expect(errors.first?.location == SourceLocation(path: "p.md", line: 7, column: 14))
    }
}
