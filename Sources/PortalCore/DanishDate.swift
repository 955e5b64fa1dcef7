import Foundation

/// A date as Danish plans write them: "Ultimo maj", "Primo august 2019 – ultimo marts
/// 2020", "Forårssemester og efterårssemester 2019", "Løbende gennem 2019", "6. september".
///
/// Plans are vague on purpose, so a date is a span (`from`...`to`) of possibly unknown
/// year, not a day. The text as written is always what the portal shows; this reading
/// lets a build warn about dates it cannot read, and later orders milestones on a
/// timeline.
public struct DanishDate: Hashable, Sendable {
    /// One end of the span. `year` is nil when the text does not say ("Ultimo maj").
    public struct Point: Hashable, Sendable, Comparable {
        public var year: Int?
        public var month: Int?
        public var day: Int?

        public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }

        public static func < (lhs: Point, rhs: Point) -> Bool {
            (lhs.year ?? 0, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year ?? 0, rhs.month ?? 0, rhs.day ?? 0)
        }
    }

    public var from: Point
    public var to: Point
    /// "Løbende": the work goes on through the span.
    public var ongoing: Bool

    static let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                         "september", "oktober", "november", "december"]
    static let monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// The days of `month`; February has 29 when the year is unknown (the span then
    /// reaches as far as it can) and in leap years.
    static func daysIn(month: Int, year: Int?) -> Int {
        guard month == 2, let year else { return monthDays[month - 1] }
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    }
    /// Seasons and terms as month spans.
    static let seasons: [String: (Int, Int)] = [
        "forår": (3, 5), "sommer": (6, 8), "efterår": (9, 11), "vinter": (12, 2),
        "forårssemester": (2, 6), "efterårssemester": (8, 12), "foråret": (3, 5), "efteråret": (9, 11),
    ]

    /// Reads `text`; nil when it is not a date the portal understands.
    public init?(_ text: String) {
        let words = text.lowercased()
            .replacingOccurrences(of: "–", with: " - ").replacingOccurrences(of: "—", with: " - ")
            .split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return nil }
        var ongoing = false
        var rest = words[...]
        if rest.first == "løbende" {
            ongoing = true
            rest = rest.dropFirst()
            if rest.first == "gennem" || rest.first == "i" { rest = rest.dropFirst() }
            if rest.isEmpty {
                self.init(from: Point(), to: Point(), ongoing: true)
                return
            }
        }
        // A span: "A - B", "A til B", "A og B".
        if let separator = rest.firstIndex(where: { $0 == "-" || $0 == "til" || $0 == "og" }) {
            guard var first = Self.span(rest[..<separator]), let second = Self.span(rest[(separator + 1)...]) else { return nil }
            // "Primo august – ultimo marts 2020": the year written at the end is the end's;
            // the start takes it too, unless that would put the start after the end.
            if first.from.year == nil, let year = second.to.year {
                first.from.year = year
                if Point(month: first.from.month, day: first.from.day) > Point(month: second.to.month, day: second.to.day) {
                    first.from.year = year - 1
                }
            }
            // A span that ends before it starts is not a date ("Ultimo 2020 – primo 2019").
            if first.from.year != nil, second.to.year != nil, first.from > second.to {
                return nil
            }
            self.init(from: first.from, to: second.to, ongoing: ongoing)
            return
        }
        guard let span = Self.span(rest) else { return nil }
        self.init(from: span.from, to: span.to, ongoing: ongoing)
    }

    init(from: Point, to: Point, ongoing: Bool) {
        self.from = from
        self.to = to
        self.ongoing = ongoing
    }

    /// One date without a separator: `[primo|medio|ultimo] [day.] [month|season] [year]`.
    static func span(_ words: ArraySlice<String>) -> (from: Point, to: Point)? {
        var rest = words
        var part: String?
        if let first = rest.first, ["primo", "medio", "ultimo"].contains(first) {
            part = first
            rest = rest.dropFirst()
        }
        var day: Int?
        if let first = rest.first, first.hasSuffix("."), let number = Int(first.dropLast()), (1...31).contains(number) {
            day = number
            rest = rest.dropFirst()
        }
        var months: (Int, Int)?
        var namesMonth = false
        if let first = rest.first {
            if let index = Self.months.firstIndex(of: first) {
                months = (index + 1, index + 1)
                namesMonth = true
                rest = rest.dropFirst()
            } else if let season = Self.seasons[first] {
                months = season
                rest = rest.dropFirst()
            }
        }
        var year: Int?
        if let first = rest.first, let number = Int(first), (1900...2200).contains(number) {
            year = number
            rest = rest.dropFirst()
        }
        // A day needs a month it exists in ("6. september", not "31. september" or "6. forår").
        guard rest.isEmpty, months != nil || year != nil else { return nil }
        if let day {
            guard namesMonth, part == nil, let month = months?.0, day <= daysIn(month: month, year: year) else { return nil }
        }
        guard let (firstMonth, lastMonth) = months else {
            // "Ultimo 2019": the part applies to the year.
            switch part {
            case "primo": return (Point(year: year, month: 1), Point(year: year, month: 4))
            case "medio": return (Point(year: year, month: 5), Point(year: year, month: 8))
            case "ultimo": return (Point(year: year, month: 9), Point(year: year, month: 12))
            default: return (Point(year: year, month: 1), Point(year: year, month: 12))
            }
        }
        let endYear = lastMonth < firstMonth ? year.map { $0 + 1 } : year
        let lastDay = daysIn(month: lastMonth, year: endYear)
        switch (part, day) {
        case (_, let day?):
            return (Point(year: year, month: firstMonth, day: day), Point(year: year, month: firstMonth, day: day))
        case ("primo", nil):
            return (Point(year: year, month: firstMonth, day: 1), Point(year: year, month: firstMonth, day: 10))
        case ("medio", nil):
            return (Point(year: year, month: firstMonth, day: 11), Point(year: year, month: firstMonth, day: 20))
        case ("ultimo", nil):
            return (Point(year: endYear, month: lastMonth, day: 21), Point(year: endYear, month: lastMonth, day: lastDay))
        default:
            return (Point(year: year, month: firstMonth, day: 1), Point(year: endYear, month: lastMonth, day: lastDay))
        }
    }
}
