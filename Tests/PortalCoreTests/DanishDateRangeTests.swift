import Foundation
import PortalCore
import PortalTestSupport
import PropertyBased
import Testing

/// A Danish date becomes the days it covers, with the document's year where it names none.
@Suite("Danish plan dates become date ranges, with the document's year where the text names none")
struct DanishDateRangeTests {
    static let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                         "september", "oktober", "november", "december"]
    /// The first and last day primo, medio, ultimo or no part cover; nil is the month's last day.
    static let parts: [(word: String, first: Int, last: Int?)] = [("", 1, nil), ("primo", 1, 10), ("medio", 11, 20), ("ultimo", 21, nil)]

    /// The days of a month by the Gregorian calendar: the oracle for the reader's own count.
    static func days(inMonth month: Int, of year: Int) -> Int {
        let calendar = Calendar(identifier: .gregorian)
        let date = calendar.date(from: DateComponents(year: year, month: month, day: 1))!
        return calendar.range(of: .day, in: .month, for: date)!.count
    }

    /// "Ultimo maj", "primo Februar", "September": a month with or without a part, in any case.
    static func text(part: Int, month: Int, capitalised: Bool) -> String {
        let words = [parts[part].word, months[month]].filter { !$0.isEmpty }
        let text = words.joined(separator: " ")
        return capitalised ? text.prefix(1).uppercased() + text.dropFirst() : text
    }

    static let part = Gen.int(in: 0...3)
    static let month = Gen.int(in: 0...11)
    static let year = Gen.int(in: 1990...2100)

    @Test func aMonthWithItsYearCoversThePartOfThatMonth() async throws {
        await propertyCheck(count: 400, input: Self.part, Self.month, Self.year, Gen.bool) { part, month, year, capitalised in
            let text = Self.text(part: part, month: month, capitalised: capitalised) + " \(year)"
            guard let range = DanishDate(text)?.range(year: nil) else {
                Issue.record("'\(text)' was not read")
                return
            }
            let last = Self.parts[part].last ?? Self.days(inMonth: month + 1, of: year)
            #expect(range.start == CalendarDay(year: year, month: month + 1, day: Self.parts[part].first), "\(text)")
            #expect(range.end == CalendarDay(year: year, month: month + 1, day: last), "\(text)")
            #expect(!range.ongoing)
        }
    }

    @Test func aDateWithoutAYearTakesTheDocumentsYearAndHasNoRangeWithoutOne() async {
        await propertyCheck(count: 400, input: Self.part, Self.month, Self.year, Gen.bool) { part, month, year, capitalised in
            let text = Self.text(part: part, month: month, capitalised: capitalised)
            guard let date = DanishDate(text) else {
                Issue.record("'\(text)' was not read")
                return
            }
            #expect(!date.namesYear)
            #expect(date.range(year: nil) == nil, "'\(text)' has no year and none was given")
            #expect(date.range(year: year) == DanishDate("\(text) \(year)")?.range(year: nil), "\(text) in \(year)")
        }
    }

    @Test func aYearWrittenInTheTextWinsOverTheDocumentsYear() async {
        await propertyCheck(count: 300, input: Self.part, Self.month, Self.year, Self.year) { part, month, written, document in
            let text = Self.text(part: part, month: month, capitalised: true) + " \(written)"
            let date = DanishDate(text)
            #expect(date?.namesYear == true)
            #expect(date?.range(year: document) == date?.range(year: nil), "\(text) in a document of \(document)")
        }
    }

    @Test func aSpanRunsFromItsFirstDateToItsLastAndNeverBackwards() async {
        let separator = Gen.int(in: 0...3).map { ["–", "-", "til", "og"][$0] }
        await propertyCheck(count: 500, input: zip(Self.part, Self.month), zip(Self.part, Self.month), Self.year, separator) { first, last, year, separator in
            let start = Self.text(part: first.0, month: first.1, capitalised: true)
            let end = Self.text(part: last.0, month: last.1, capitalised: false) + " \(year)"
            let text = "\(start) \(separator) \(end)"
            guard let range = DanishDate(text)?.range(year: nil) else {
                Issue.record("'\(text)' was not read")
                return
            }
            // The end is the last date's end; the start is the first date's, in the end's
            // year or, where it would come after the end, in the year before.
            #expect(range.end == DanishDate(end)?.range(year: nil)?.end, "\(text)")
            #expect(range.start <= range.end, "\(text)")
            let lastDay = Self.parts[last.0].last ?? Self.days(inMonth: last.1 + 1, of: year)
            let startYear = (first.1, Self.parts[first.0].first) > (last.1, lastDay) ? year - 1 : year
            #expect(range.start == DanishDate(start)?.range(year: startYear)?.start, "\(text)")
        }
    }

    @Test func aSpanWhoseStartNamesTheYearCarriesItToTheEnd() throws {
        let range = try #require(DanishDate("Primo august 2019 – ultimo marts")?.range(year: nil))
        #expect(range.start == CalendarDay(year: 2019, month: 8, day: 1))
        #expect(range.end == CalendarDay(year: 2020, month: 3, day: 31))
        let winter = try #require(DanishDate("Vinter")?.range(year: 2023))
        #expect(winter.start == CalendarDay(year: 2023, month: 12, day: 1))
        #expect(winter.end == CalendarDay(year: 2024, month: 2, day: 29))
    }

    /// Words a plan's dates are made of, in any order: what the reader accepts must be a
    /// range of real days, start first, whatever year the document gives.
    @Test func everyReadableDateIsARangeOfRealDaysStartFirst() async {
        let words = ["primo", "medio", "ultimo", "løbende", "gennem", "i", "-", "–", "til", "og", "6.", "31.", "29.", "1.",
                     "februar", "maj", "september", "december", "forår", "efterår", "vinter", "sommer",
                     "forårssemester", "efterårssemester", "2019", "2020", "2024"]
        let text = Gen.int(in: 0...(words.count - 1)).array(of: 1...6).map { $0.map { words[$0] }.joined(separator: " ") }
        await propertyCheck(count: 1000, input: text, Self.year) { text, year in
            guard let date = DanishDate(text) else { return }
            guard let range = date.range(year: year) else {
                Issue.record("'\(text)' was read but has no range in \(year)")
                return
            }
            #expect(range.start <= range.end, "\(text)")
            for day in [range.start, range.end] {
                #expect((1...12).contains(day.month) && (1...Self.days(inMonth: day.month, of: day.year)).contains(day.day), "\(text): \(day)")
            }
            if date.namesYear { #expect(date.range(year: nil) == range, "\(text)") }
        }
    }

    @Test("The dates of the issue and the real plans", arguments: [
        ("Ultimo maj", 2019, CalendarDay(year: 2019, month: 5, day: 21), CalendarDay(year: 2019, month: 5, day: 31), false),
        ("Primo august 2019 – ultimo marts 2020", nil, CalendarDay(year: 2019, month: 8, day: 1), CalendarDay(year: 2020, month: 3, day: 31), false),
        ("Forårssemester og efterårssemester 2019", nil, CalendarDay(year: 2019, month: 2, day: 1), CalendarDay(year: 2019, month: 12, day: 31), false),
        ("Løbende gennem 2019", nil, CalendarDay(year: 2019, month: 1, day: 1), CalendarDay(year: 2019, month: 12, day: 31), true),
        ("6. september", 2019, CalendarDay(year: 2019, month: 9, day: 6), CalendarDay(year: 2019, month: 9, day: 6), false),
        ("April 2020", 2019, CalendarDay(year: 2020, month: 4, day: 1), CalendarDay(year: 2020, month: 4, day: 30), false),
        ("Ultimo 2019", nil, CalendarDay(year: 2019, month: 9, day: 1), CalendarDay(year: 2019, month: 12, day: 31), false),
        ("Løbende", 2019, CalendarDay(year: 2019, month: 1, day: 1), CalendarDay(year: 2019, month: 12, day: 31), true),
    ] as [(String, Int?, CalendarDay, CalendarDay, Bool)])
    func namedDates(text: String, year: Int?, start: CalendarDay, end: CalendarDay, ongoing: Bool) throws {
        let range = try #require(DanishDate(text)?.range(year: year))
        #expect(range == DateRange(start: start, end: end, ongoing: ongoing))
        #expect(range.end.quarter == (end.month - 1) / 3 + 1)
    }
}
