@testable import PortalRender
import Testing

@Suite("The CSV for Danish Excel quotes what it must and defuses formulas")
struct DataExportTests {
    @Test("fields", arguments: [
        ("Ultimo maj", "Ultimo maj"),
        ("a;b", "\"a;b\""),
        ("Han sagde \"ja\"", "\"Han sagde \"\"ja\"\"\""),
        ("to\nlinjer", "\"to\nlinjer\""),
        // "\r\n" is one Character: a test on characters would leave it unquoted.
        ("to\r\nlinjer", "\"to\r\nlinjer\""),
        ("slut\r", "\"slut\r\""),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("+45 12", "'+45 12"),
        ("@navn", "'@navn"),
    ])
    func csvField(value: String, expected: String) {
        #expect(SpreadsheetTable.field(value) == expected)
    }

    @Test("sizes", arguments: [(999, "999 B"), (12_345, "12 kB"), (1_449_999, "1,4 MB"), (28_200_000, "28,2 MB")])
    func sizesAreWrittenAsDanishReadersWriteThem(bytes: Int, expected: String) {
        #expect(DataExport.size(bytes) == expected)
    }

    @Test func xmlIsEscapedInTheSitemap() {
        #expect(DataExport.xmlEscape("a&b<c>\"") == "a&amp;b&lt;c&gt;&quot;")
    }
}
