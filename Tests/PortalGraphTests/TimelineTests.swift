import PortalContent
import PortalCore
import PortalGraph
import Testing

@Suite("Milestones are placed in time by quarter, with the document's year, and none is dropped")
struct TimelineTests {
    /// A plan of one year with milestones in two items, and a plan of several years.
    static func fixture(period: String = "\"2024\"", milestones: String? = nil, otherMilestones: String? = nil) -> GraphFixture {
        var fixture = GraphFixture()
        fixture.files["d.md"] = """
        ---
        kind: document
        id: d
        municipality: m
        title: Plan 2024
        document_type: udviklingsplan
        period: \(period)
        ---
        """
        fixture.files["i1.md"] = """
        ---
        kind: item
        type: initiative
        id: i1
        document: d
        section: s1
        number: "1"
        title: Første indsats
        themes: [sundhed]
        milestones:
        \(milestones ?? """
          - text: Eksempel på en milepæl i maj.
            when: Ultimo maj
          - text: Eksempel på en milepæl uden tidspunkt.
          - text: Eksempel på en milepæl, der ikke kan læses.
            when: Når det passer
          - text: Eksempel på en milepæl over årsskiftet.
            when: Primo november – ultimo februar
        """)
        ---
        Tekst.
        """
        fixture.files["i2.md"] = """
        ---
        kind: item
        type: initiative
        id: i2
        document: d
        section: s2
        number: "2"
        title: Anden indsats
        themes: [sundhed]
        milestones:
        \(otherMilestones ?? """
          - text: Eksempel på en milepæl i marts året efter.
            when: Marts 2025
          - text: Eksempel på en milepæl, der også er i maj.
            when: Medio maj
          - text: Eksempel på løbende arbejde.
            when: Løbende
        """)
        ---
        Tekst.
        """
        return fixture
    }

    @Test func datesWithoutAYearTakeTheDocumentsYearAndAreOrderedByWhenTheyAreDue() throws {
        let graph = try #require(Self.fixture().build().graph)
        let dated = graph.timeline.dated.map { "\($0.itemID)#\($0.index) \($0.milestone.when ?? "")" }
        #expect(dated == [
            "i2#1 Medio maj", "i1#0 Ultimo maj", "i2#2 Løbende", "i1#3 Primo november – ultimo februar", "i2#0 Marts 2025",
        ])
        let may = try #require(graph.timeline.dated.first?.range)
        #expect(may.start == CalendarDay(year: 2024, month: 5, day: 11))
        let winter = try #require(graph.timeline.dated.first { $0.index == 3 }?.range)
        #expect(winter.start == CalendarDay(year: 2024, month: 11, day: 1))
        #expect(winter.end == CalendarDay(year: 2025, month: 2, day: 28))
        #expect(graph.timeline.dated.first { $0.milestone.when == "Løbende" }?.range?.ongoing == true)
    }

    @Test func milestonesAreGroupedByTheQuarterTheyAreDueInAndTheAxisHasNoGaps() throws {
        let graph = try #require(Self.fixture().build().graph)
        let groups = graph.timeline.groups.map { group in
            "\(group.quarter.number). \(group.quarter.year): " + group.entries.map { "\($0.itemID)#\($0.index)" }.joined(separator: " ")
        }
        #expect(groups == ["2. 2024: i2#1 i1#0", "4. 2024: i2#2", "1. 2025: i1#3 i2#0"])
        // "Løbende" starts in the first quarter of 2024: the axis starts there.
        #expect(graph.timeline.quarters.map { "\($0.number). \($0.year)" } == ["1. 2024", "2. 2024", "3. 2024", "4. 2024", "1. 2025"])
    }

    @Test func milestonesWithoutAPlaceAreKeptWithTheReason() throws {
        let graph = try #require(Self.fixture().build().graph)
        let unplaced = graph.timeline.unplaced.map { "\($0.itemID)#\($0.index)" }
        #expect(unplaced == ["i1#1", "i1#2"])
        #expect(graph.timeline.unplaced.map(\.placement) == [.undated, .unreadable])
        #expect(graph.timeline.count == 7)
    }

    @Test func eachDocumentHasItsOwnTimelineInTheSameOrder() throws {
        var fixture = Self.fixture()
        fixture.files["i3.md"] = """
        ---
        kind: item
        type: idea
        id: i3
        document: p
        title: En idé i politikken
        themes: [sundhed]
        milestones:
          - text: Eksempel på en milepæl i politikken.
            when: Juni 2024
        ---
        Tekst.
        """
        let graph = try #require(fixture.build().graph)
        #expect(graph.documentTimelines["d"]?.dated.map(\.itemID) == graph.timeline.dated.filter { $0.documentID == "d" }.map(\.itemID))
        #expect(graph.documentTimelines["p"]?.dated.map(\.itemID) == ["i3"])
        #expect(graph.timeline.dated.map(\.itemID).contains("i3"))
    }

    @Test("A document's year comes from a period of one year, never from several or from its date", arguments: [
        ("\"2019\"", 2019), ("Forår 2019", 2019), ("2019-2021", nil), ("null\ndate: 11. juli 2023", nil),
    ] as [(String, Int?)])
    func documentYear(period: String, year: Int?) throws {
        let graph = try #require(Self.fixture(period: period).build().graph)
        #expect(graph.document("d")?.year == year)
    }

    @Test func aDateThatCannotBeReadIsAWarningAtItsPlace() throws {
        let diagnostics = Self.fixture().build().diagnostics.filter { $0.severity == .warning }
        let warning = try #require(diagnostics.first { $0.message.contains("Når det passer") })
        #expect(warning.location.path == "i1.md")
        #expect(warning.location.line == 15 && warning.location.column == 11)
        #expect(warning.message == "cannot read 'Når det passer' as a date; it is shown as written, without a place on the timeline")
    }

    @Test func aDateWithoutAYearInADocumentOfSeveralYearsIsAWarningAtItsPlace() throws {
        let (graph, diagnostics) = Self.fixture(period: "2024-2026").build()
        let warnings = diagnostics.filter { $0.severity == .warning && $0.message.contains("names no year") }
        #expect(warnings.map(\.message) == [
            "'Ultimo maj' names no year, and its document gives none; it is shown as written, without a place on the timeline",
            "'Primo november – ultimo februar' names no year, and its document gives none; it is shown as written, without a place on the timeline",
            "'Medio maj' names no year, and its document gives none; it is shown as written, without a place on the timeline",
            "'Løbende' names no year, and its document gives none; it is shown as written, without a place on the timeline",
        ])
        #expect(warnings.first?.location.line == 12)
        #expect(warnings.first?.hint == "the document's period '2024-2026' is not one year, so write the year in the date (such as 'Ultimo maj 2020')")
        let timeline = try #require(graph?.timeline)
        #expect(timeline.dated.map(\.milestone.when) == ["Marts 2025"])
        #expect(timeline.unplaced.filter { $0.placement == .withoutYear }.count == 4)
    }

    @Test func aDateWithoutAYearInADocumentWithoutAPeriodSaysWhereToGiveOne() throws {
        let diagnostics = Self.fixture(period: "null", otherMilestones: "  - text: Eksempel.\n    when: Marts 2025").build().diagnostics
        let warning = try #require(diagnostics.first { $0.message.hasPrefix("'Ultimo maj' names no year") })
        #expect(warning.hint == "write the year in the date (such as 'Ultimo maj 2020'), or give document 'd' a 'period:' of the year the source names")
    }
}
