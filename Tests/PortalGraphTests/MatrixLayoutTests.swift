import PortalGraph
import Testing

/// A document's matrix is listed by column where it is a grouping (every row under
/// exactly one column) and kept as a table of marks otherwise; and a mark can say that
/// the source does not say.
@Suite("Document matrices: one-of-n groupings are lists, marks have three states")
struct MatrixLayoutTests {
    typealias Row = DocumentMatrix.Row

    static func matrix(_ marks: [[DocumentMatrix.Mark]], columns: Int = 3) -> DocumentMatrix {
        DocumentMatrix(
            axis: .sections,
            columns: (1...columns).map { DocumentMatrix.Column(key: "s\($0)", title: "Mål \($0)") },
            rows: marks.enumerated().map { Row(itemID: "i\($0.offset + 1)", marks: $0.element) })
    }

    @Test func aMatrixWhoseEveryRowHasExactlyOneMarkIsListedByColumnWithEveryRowOnce() {
        let matrix = Self.matrix([[.yes, .no, .no], [.no, .no, .yes], [.yes, .no, .no]])
        guard case .groups(let groups) = matrix.layout else {
            Issue.record("expected groups, got \(matrix.layout)")
            return
        }
        // Every column is a group, in column order, even one without rows; rows keep their order.
        #expect(groups.map(\.column) == [0, 1, 2])
        #expect(groups.map { $0.rows.map(\.itemID) } == [["i1", "i3"], [], ["i2"]])
        #expect(groups.flatMap(\.rows).count == matrix.rows.count)
    }

    @Test(arguments: [
        [[.yes, .yes, .no], [.no, .no, .yes]],       // a row under two columns
        [[.yes, .no, .no], [.no, .no, .no]],         // a row under none
        [[.yes, .no, .no], [.notStated, .notStated, .notStated]], // a row the source says nothing about
        [[.yes, .no], [.no, .yes]],                  // rows shorter than the columns
    ] as [[[DocumentMatrix.Mark]]])
    func anyOtherMatrixStaysATable(marks: [[DocumentMatrix.Mark]]) {
        #expect(Self.matrix(marks).layout == .table)
    }

    @Test func aMatrixWithoutRowsIsATable() {
        #expect(Self.matrix([]).layout == .table)
    }

    @Test func eksempelkommunesSectionsMatrixIsAGroupingAndItsLocalThemesMatrixATable() throws {
        let graph = try #require(GraphFixture().build().graph)
        let matrices = graph.documentMatrices["d"] ?? []
        #expect(matrices.map(\.axis) == [.localThemes, .sections, .themes])
        // i2 has no local theme: a row without a mark, so not a grouping.
        #expect(matrices[0].layout == .table)
        guard case .groups(let groups) = matrices[1].layout else {
            Issue.record("the sections matrix should be grouped")
            return
        }
        #expect(groups.map { $0.rows.map(\.itemID) } == [["i1"], ["i2"]])
    }

    @Test func anIdeaWhoseDescriptionIsMissingInTheSourceHasItsLocalThemesNotStated() throws {
        var fixture = GraphFixture()
        fixture.files["i3.md"] = """
        ---
        kind: item
        type: idea
        id: i3
        document: d
        section: s1
        number: "3"
        title: Tredje idé fra Eksempelkommune
        missing_description: true
        ---
        """
        // Missing in the source, but the table of contents gives it a theme: that one is known.
        fixture.files["i4.md"] = """
        ---
        kind: item
        type: idea
        id: i4
        document: d
        section: s2
        number: "4"
        title: Fjerde idé fra Eksempelkommune
        local_themes: [2]
        missing_description: true
        ---
        """
        let graph = try #require(fixture.build().graph)
        let local = try #require(graph.documentMatrices["d"]?.first { $0.axis == .localThemes })
        let marks = Dictionary(uniqueKeysWithValues: local.rows.map { ($0.itemID, $0.marks) })
        #expect(marks["i1"] == [.yes, .no])
        #expect(marks["i2"] == [.no, .no])
        #expect(marks["i3"] == [.notStated, .notStated])
        #expect(marks["i4"] == [.no, .yes])
        // The portal's own mappings (sections, common themes) are known for every item.
        let others = graph.documentMatrices["d"]?.filter { $0.axis != .localThemes } ?? []
        #expect(others.allSatisfy { matrix in matrix.rows.allSatisfy { !$0.marks.contains(.notStated) } })
    }
}
