import Testing
@testable import PortalRender

@Suite("Theme strings: lookup by dotted key and placeholders")
struct StringsTests {
    let strings = Strings(tree: [
        "units": ["activity": ["one": "{count} aktivitet", "other": "{count} aktiviteter"]],
        "pair": "{a} og {b}",
        "open": "{a} {ukendt} {",
        "plain": "Ingen pladsholdere",
    ])

    @Test("a dotted key finds the string below its mappings; a missing key shows itself")
    func lookup() {
        #expect(strings["units.activity.other"] == "{count} aktiviteter")
        #expect(strings["units.activity"] == "units.activity")
        #expect(strings["units.nothing.one"] == "units.nothing.one")
        #expect(strings.missingKeys(["pair", "units.activity.one", "units", "nope"]) == ["units", "nope"])
    }

    @Test("placeholders are filled in one pass: a value holding braces is not read again")
    func placeholders() {
        #expect(strings.format("units.activity.other", ["count": "25"]) == "25 aktiviteter")
        #expect(strings.format("pair", ["a": "{b}", "b": "x"]) == "{b} og x")
        #expect(strings.format("pair", ["b": "x"]) == "{a} og x")
    }

    @Test("a placeholder without a value, and a brace that opens nothing, stay as written")
    func unknownPlaceholders() {
        #expect(strings.format("open", ["a": "1"]) == "1 {ukendt} {")
        #expect(strings.format("plain", ["a": "1"]) == "Ingen pladsholdere")
        #expect(strings.format("pair", [:]) == "{a} og {b}")
    }
}
