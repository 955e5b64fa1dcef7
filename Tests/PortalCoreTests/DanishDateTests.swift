import PortalCore
import PortalTestSupport
import PropertyBased
import Testing

@Suite("Danish plan dates are read as spans, with the text kept as written")
struct DanishDateTests {
    typealias Point = DanishDate.Point

    @Test("primo, medio and ultimo are the 1st-10th, 11th-20th and 21st-last of the month", arguments: [
        ("Primo maj", Point(year: nil, month: 5, day: 1), Point(year: nil, month: 5, day: 10)),
        ("Medio marts", Point(year: nil, month: 3, day: 11), Point(year: nil, month: 3, day: 20)),
        ("Ultimo januar 2019", Point(year: 2019, month: 1, day: 21), Point(year: 2019, month: 1, day: 31)),
        ("Ultimo Juni", Point(year: nil, month: 6, day: 21), Point(year: nil, month: 6, day: 30)),
        ("Februar 2019", Point(year: 2019, month: 2, day: 1), Point(year: 2019, month: 2, day: 28)),
        ("Februar 2020", Point(year: 2020, month: 2, day: 1), Point(year: 2020, month: 2, day: 29)),
        ("Februar", Point(year: nil, month: 2, day: 1), Point(year: nil, month: 2, day: 29)),
        ("6. september", Point(year: nil, month: 9, day: 6), Point(year: nil, month: 9, day: 6)),
        ("Ultimo 2019", Point(year: 2019, month: 9), Point(year: 2019, month: 12)),
    ])
    func points(text: String, from: Point, to: Point) throws {
        let date = try #require(DanishDate(text))
        #expect(date.from == from)
        #expect(date.to == to)
        #expect(!date.ongoing)
    }

    @Test func spansAcrossYears() throws {
        let date = try #require(DanishDate("Primo august 2019 – ultimo marts 2020"))
        #expect(date.from == Point(year: 2019, month: 8, day: 1))
        #expect(date.to == Point(year: 2020, month: 3, day: 31))
        let months = try #require(DanishDate("September til december 2019"))
        #expect(months.from == Point(year: 2019, month: 9, day: 1))
        #expect(months.to == Point(year: 2019, month: 12, day: 31))
    }

    @Test func termsSeasonsAndOngoingWork() throws {
        let terms = try #require(DanishDate("Forårssemester og efterårssemester 2019"))
        #expect(terms.from.month == 2 && terms.from.year == 2019)
        #expect(terms.to.month == 12 && terms.to.year == 2019)
        let ongoing = try #require(DanishDate("Løbende gennem 2019"))
        #expect(ongoing.ongoing && ongoing.from.year == 2019)
        #expect(DanishDate("Løbende")?.ongoing == true)
    }

    @Test("text that is not a date", arguments: ["", "Snart", "Ultimo", "32. maj", "31. september", "30. februar 2020", "6. forår", "maj maj", "Efter behov", "2019 ultimo",
                                                     "Ultimo marts 2020 – primo august 2019"])
    func notADate(text: String) {
        #expect(DanishDate(text) == nil)
    }

    @Test func readingArbitraryTextNeverCrashes() async {
        await propertyCheck(count: 300, input: TextGen.anyText(0...40)) { text in
            _ = DanishDate(text)
        }
    }
}
