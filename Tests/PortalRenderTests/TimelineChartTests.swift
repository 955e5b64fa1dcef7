import PortalCore
import PortalGraph
@testable import PortalRender
import Testing

@Suite("The timeline drawing places each milestone in its quarter, and a span as a bar over the quarters it covers")
struct TimelineChartTests {
    typealias Quarter = Timeline.Quarter

    static let quarters = [Quarter(year: 2019, number: 1), Quarter(year: 2019, number: 2), Quarter(year: 2019, number: 3),
                           Quarter(year: 2019, number: 4), Quarter(year: 2020, number: 1)]

    static func mark(_ start: CalendarDay, _ end: CalendarDay, ongoing: Bool = false) -> TimelineChart.Mark {
        TimelineChart.Mark(range: DateRange(start: start, end: end, ongoing: ongoing), url: "x/index.html#milepael-1", title: "Eksempel")
    }

    @Test func theAxisRunsThroughEveryQuarterAtOneWidthEach() {
        let chart = TimelineChart(quarters: Self.quarters)
        #expect(chart.column == 168)
        #expect(chart.width == TimelineChart.margin * 2 + 5 * 168)
        // The first day of a quarter is its column's left edge; the last day's end its right.
        #expect(chart.x(CalendarDay(year: 2019, month: 4, day: 1)) == TimelineChart.margin + 168)
        #expect(chart.x(CalendarDay(year: 2019, month: 6, day: 30), end: true) == TimelineChart.margin + 2 * 168)
        // Many quarters get narrower columns, never narrower than a quarter's label needs.
        let long = TimelineChart(quarters: (0..<40).map { Quarter(year: 2019 + $0 / 4, number: $0 % 4 + 1) })
        #expect(long.column == TimelineChart.narrowestColumn)
    }

    @Test func milestonesInOneQuarterAreSquaresInItsColumnAndWrapIntoRows() throws {
        let chart = TimelineChart(quarters: Self.quarters)
        let may = Self.mark(CalendarDay(year: 2019, month: 5, day: 21), CalendarDay(year: 2019, month: 5, day: 31))
        let lane = TimelineChart.Lane(label: "Eksempel", marks: Array(repeating: may, count: chart.squaresPerRow + 1))
        let (bars, squares, height) = chart.layout(lane, top: 0)
        #expect(bars.isEmpty)
        #expect(squares.count == chart.squaresPerRow + 1)
        let column = TimelineChart.margin + chart.column
        #expect(squares.allSatisfy { $0.x >= column && $0.x + $0.width <= column + chart.column })
        // The square after a full row starts the next row.
        #expect(squares.last?.x == squares.first?.x)
        #expect(try #require(squares.last?.y) > (squares.first?.y ?? 0))
        #expect(height > (squares.last.map { $0.y + $0.height } ?? 0))
    }

    @Test func aMilestoneOverSeveralQuartersIsABarFromItsFirstDayToItsLast() throws {
        let chart = TimelineChart(quarters: Self.quarters)
        let span = Self.mark(CalendarDay(year: 2019, month: 8, day: 1), CalendarDay(year: 2020, month: 3, day: 31))
        let (bars, squares, _) = chart.layout(TimelineChart.Lane(label: "Eksempel", marks: [span]), top: 0)
        let bar = try #require(bars.first)
        #expect(squares.isEmpty)
        #expect(bar.x == chart.x(CalendarDay(year: 2019, month: 8, day: 1)))
        #expect(bar.x + bar.width == TimelineChart.margin + 5 * chart.column)
    }

    @Test func theValuesHaveAYearAtEachNewYearAndALabelForEachQuarter() throws {
        let chart = TimelineChart(quarters: Self.quarters)
        let values = chart.values([TimelineChart.Lane(label: String(repeating: "Lang titel ", count: 40), marks: [])]) { "\($0.number). kvt." }
        let years = try #require(values["years"] as? [[String: Any]])
        #expect(years.compactMap { $0["label"] as? String } == ["2019", "2020"])
        let columns = try #require(values["columns"] as? [[String: Any]])
        #expect(columns.compactMap { $0["label"] as? String } == ["1. kvt.", "2. kvt.", "3. kvt.", "4. kvt.", "1. kvt."])
        // A lane's label that would run off the drawing is cut, with an ellipsis.
        let label = try #require((values["lanes"] as? [[String: Any]])?.first?["label"] as? String)
        #expect(label.hasSuffix("…") && label.count < 440)
    }

    @Test("Coordinates are written with at most one decimal", arguments: [(12.0, "12"), (12.34, "12.3"), (0.05, "0.1"), (99.96, "100")])
    func coordinates(value: Double, written: String) {
        #expect(TimelineChart.number(value) == written)
    }
}
