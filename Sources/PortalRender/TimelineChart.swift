import Foundation
import PortalCore
import PortalGraph

/// The drawing of a timeline, as coordinates for the theme's SVG partial: quarters as
/// columns under their years, one lane per document or section, a square for each
/// milestone in the quarter it is due in, and a bar for a milestone that spans quarters,
/// from its first day to its last.
///
/// The drawing is a picture of the table beside it, which is the real content: it
/// holds no text or link the table does not.
struct TimelineChart {
    /// One row of the drawing.
    struct Lane {
        var label: String
        var marks: [Mark]
    }

    /// One milestone as drawn.
    struct Mark {
        var range: DateRange
        var url: String
        /// What a pointer over the milestone shows.
        var title: String
    }

    /// A drawn shape's place, in the drawing's own units.
    struct Box: Equatable {
        var x: Double, y: Double, width: Double, height: Double
    }

    let quarters: [Timeline.Quarter]
    /// The width of a quarter: wide enough for a quarter's label and six squares, and
    /// wider for a short axis, so that a few quarters fill the page.
    let column: Double
    /// How many squares stand side by side in a quarter.
    let squaresPerRow: Int

    init(quarters: [Timeline.Quarter]) {
        self.quarters = quarters
        column = min(Self.widestColumn, max(Self.narrowestColumn, (Self.preferredWidth / Double(max(quarters.count, 1))).rounded(.down)))
        squaresPerRow = max(1, Int((column - Self.gap * 3) / (Self.square + Self.gap)))
    }

    static let narrowestColumn = 108.0
    static let widestColumn = 168.0
    static let preferredWidth = 960.0
    static let square = 12.0
    static let gap = 4.0
    static let margin = 8.0
    static let axisHeight = 48.0
    static let laneLabelHeight = 26.0
    static let barHeight = 8.0

    var width: Double { Self.margin * 2 + Double(quarters.count) * column }

    /// The x of the start of `day` (or of its end, the day after), on the axis.
    func x(_ day: CalendarDay, end: Bool = false) -> Double {
        let index = quarters.firstIndex(of: Timeline.Quarter(day)) ?? 0
        let month = Double((day.month - 1) % 3)
        let part = (Double(day.day) - (end ? 0 : 1)) / Double(day.daysInMonth)
        return Self.margin + (Double(index) + (month + part) / 3) * column
    }

    /// Whether a milestone is drawn as a bar: it starts and ends in different quarters.
    static func isBar(_ range: DateRange) -> Bool {
        Timeline.Quarter(range.start) != Timeline.Quarter(range.end)
    }

    /// The boxes of one lane's milestones, below `top`, and the lane's height. Bars come
    /// first, one row each; then the squares, stacked in rows in their quarter's column.
    func layout(_ lane: Lane, top: Double) -> (bars: [Box], squares: [Box], height: Double) {
        var bars: [Box] = [], squares: [Box] = []
        var y = top + Self.laneLabelHeight
        for mark in lane.marks where Self.isBar(mark.range) {
            let start = x(mark.range.start), end = x(mark.range.end, end: true)
            bars.append(Box(x: start, y: y, width: max(end - start, Self.square), height: Self.barHeight))
            y += Self.barHeight + Self.gap
        }
        var inColumn: [Int: Int] = [:]
        var rows = 0
        for mark in lane.marks where !Self.isBar(mark.range) {
            let index = quarters.firstIndex(of: Timeline.Quarter(mark.range.end)) ?? 0
            let count = inColumn[index, default: 0]
            inColumn[index] = count + 1
            let row = count / squaresPerRow, place = count % squaresPerRow
            rows = max(rows, row + 1)
            squares.append(Box(x: Self.margin + Double(index) * column + Self.gap * 2 + Double(place) * (Self.square + Self.gap),
                               y: y + Double(row) * (Self.square + Self.gap), width: Self.square, height: Self.square))
        }
        y += Double(rows) * (Self.square + Self.gap)
        return (bars, squares, y - top + Self.gap * 2)
    }

    /// The values the SVG partial reads; `quarterLabel` names a quarter on the axis.
    func values(_ lanes: [Lane], quarterLabel: (Timeline.Quarter) -> String) -> [String: Any] {
        var lanesValues: [[String: Any]] = []
        var top = Self.axisHeight
        for lane in lanes {
            let (bars, squares, height) = layout(lane, top: top)
            let barMarks = lane.marks.filter { Self.isBar($0.range) }, squareMarks = lane.marks.filter { !Self.isBar($0.range) }
            func shapes(_ boxes: [Box], _ marks: [Mark]) -> [[String: Any]] {
                zip(boxes, marks).map { box, mark in
                    ["x": Self.number(box.x), "y": Self.number(box.y), "width": Self.number(box.width), "height": Self.number(box.height),
                     "url": mark.url, "title": mark.title, "ongoing": mark.range.ongoing]
                }
            }
            lanesValues.append([
                "label": Self.shortened(lane.label, to: Int((width - Self.margin * 2) / 8)),
                "labelY": Self.number(top + 17),
                "lineY": Self.number(top),
                "bars": shapes(bars, barMarks),
                "squares": shapes(squares, squareMarks),
            ])
            top += height
        }
        var years: [[String: Any]] = []
        for (index, quarter) in quarters.enumerated() where index == 0 || quarter.number == 1 {
            years.append(["label": String(quarter.year), "x": Self.number(Self.margin + Double(index) * column + 4),
                          "lineX": Self.number(Self.margin + Double(index) * column)])
        }
        let columns = quarters.enumerated().map { index, quarter -> [String: Any] in
            ["label": quarterLabel(quarter), "x": Self.number(Self.margin + Double(index) * column + 4),
             "lineX": Self.number(Self.margin + Double(index) * column), "even": index % 2 == 0,
             "width": Self.number(column)]
        }
        return [
            "width": Self.number(width),
            "height": Self.number(top + Self.margin),
            "bottom": Self.number(top),
            "columnHeight": Self.number(top - 22),
            "axisBottom": Self.number(Self.axisHeight),
            "years": years,
            "columns": columns,
            "lanes": lanesValues,
        ]
    }

    /// A coordinate as SVG writes it: at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// A lane's label cut to what fits on one line of the drawing; the table has it whole.
    static func shortened(_ text: String, to length: Int) -> String {
        guard text.count > length, length > 1 else { return text }
        return String(text.prefix(length - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
