import PortalCore
import Testing

@Suite("Text that shows nothing is told from text a reader can see")
struct VisibleTextTests {
    @Test("Visible text, however short or foreign", arguments: ["Sundhed", "å", " x ", "\u{200B}Sundhed", "١", "🙂", "‑"])
    func visibleText(_ text: String) {
        #expect(VisibleText.classify(text) == .visible)
    }

    @Test("Empty or only spaces and line breaks is blank", arguments: ["", " ", "\t\n", "\u{00A0}", "\u{3000}"])
    func blankText(_ text: String) {
        #expect(VisibleText.classify(text) == .blank)
    }

    @Test("Only zero-width, direction, format or control characters is invisible, naming the first", arguments: [
        ("\u{200B}", 0x200B), ("\u{200C}\u{200D}", 0x200C), (" \u{2060} ", 0x2060), ("\u{FEFF}", 0xFEFF),
        ("\u{202E}", 0x202E), ("\u{2066}\u{2069}", 0x2066), ("\u{200E}\u{200F}", 0x200E), ("\u{061C}", 0x061C),
        ("\u{0007}", 0x0007), ("\u{00AD}", 0x00AD), ("\u{3164}", 0x3164), ("\u{2800}", 0x2800),
    ])
    func invisibleText(_ text: String, _ first: UInt32) {
        #expect(VisibleText.classify(text) == .invisible(Unicode.Scalar(first)!))
    }

    @Test func directionControlsAreFoundAnywhereButMarksAreNot() {
        #expect(VisibleText.firstDirectionControl(in: "Sundhed \u{202E}og trivsel") == "\u{202E}")
        #expect(VisibleText.firstDirectionControl(in: "\u{2067}Sundhed") == "\u{2067}")
        #expect(VisibleText.firstDirectionControl(in: "Sundhed\u{200F}") == nil)
        #expect(VisibleText.firstDirectionControl(in: "Sundhed og trivsel") == nil)
    }

    @Test func codePointsAreNamedTheUnicodeWay() {
        #expect(VisibleText.codePoint("\u{200B}") == "U+200B")
        #expect(VisibleText.codePoint("\u{7}") == "U+0007")
        #expect(VisibleText.codePoint("\u{1F642}") == "U+1F642")
    }
}
