@testable import PortalRender
import Testing

@Suite("The CSV for Danish Excel quotes what it must and defuses formulas")
struct DataExportTests {
    @Test("fields", arguments: [
        ("Ultimo maj", "Ultimo maj"),
        ("a;b", "\"a;b\""),
        ("Han sagde \"ja\"", "\"Han sagde \"\"ja\"\"\""),
        ("to\nlinjer", "\"to\nlinjer\""),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("+45 12", "'+45 12"),
        ("@navn", "'@navn"),
    ])
    func csvField(value: String, expected: String) {
        #expect(DataExport.csvField(value) == expected)
    }

    @Test func xmlIsEscapedInTheSitemap() {
        #expect(DataExport.xmlEscape("a&b<c>\"") == "a&amp;b&lt;c&gt;&quot;")
    }
}
