/// A day of the calendar: what each end of a Danish date becomes once its year is known,
/// so that milestones can be ordered and placed on a timeline.
public struct CalendarDay: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The quarter of the year the day is in, 1 to 4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The number of days in the day's month.
    public var daysInMonth: Int { DanishDate.daysIn(month: month, year: year) }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// The days a Danish date covers, from its first to its last day: "Ultimo maj 2019" is
/// 21 to 31 May 2019.
public struct DateRange: Hashable, Sendable {
    public var start: CalendarDay
    public var end: CalendarDay
    /// "Løbende": the work goes on through the whole range.
    public var ongoing: Bool

    public init(start: CalendarDay, end: CalendarDay, ongoing: Bool = false) {
        self.start = start
        self.end = end
        self.ongoing = ongoing
    }
}

extension DanishDate {
    /// Whether the text names the year of both ends of its span ("Ultimo maj" does not).
    public var namesYear: Bool { from.year != nil && to.year != nil }

    /// The days the date covers, taking `year` for the ends whose year the text does not
    /// name; nil when it names none and `year` is nil, since a plan's "Ultimo maj" may be
    /// any May.
    ///
    /// A year given for the start only ("Primo august 2019 – ultimo marts") carries on to
    /// the end, into the next year where the end would otherwise come first, as does a
    /// year taken from `year`. Ends without a month are the year's first and last month;
    /// without a day, the month's first and last day.
    public func range(year: Int?) -> DateRange? {
        let startMonth = from.month ?? 1, endMonth = to.month ?? 12
        let startYear: Int
        if let written = from.year {
            startYear = written
        } else if let written = to.year {
            // Only the end names its year: the start is in it, or in the year before.
            startYear = Point(month: startMonth, day: from.day) > Point(month: endMonth, day: to.day) ? written - 1 : written
        } else if let year {
            startYear = year
        } else {
            return nil
        }
        var endYear = to.year ?? startYear
        if to.year == nil, Point(month: endMonth, day: to.day) < Point(month: startMonth, day: from.day) { endYear += 1 }
        let start = CalendarDay(year: startYear, month: startMonth,
                                day: min(from.day ?? 1, Self.daysIn(month: startMonth, year: startYear)))
        let end = CalendarDay(year: endYear, month: endMonth,
                              day: min(to.day ?? 31, Self.daysIn(month: endMonth, year: endYear)))
        return DateRange(start: start, end: end, ongoing: ongoing)
    }
}
