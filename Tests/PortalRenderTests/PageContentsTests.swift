@testable import PortalRender
import Testing

/// One rule decides which pages get "Indhold på siden": more than a few screens of text,
/// in at least two parts.
@Suite("A page is long by what it holds")
struct PageContentsTests {
    @Test func aShortPageHasNoContentsList() {
        var contents = PageContents()
        contents.add("a", "Aktiviteter", text: 800)
        contents.add("b", "Mål", lines: 5)
        #expect(!contents.isLong)
        #expect(contents.value as? Bool == false)
    }

    @Test func morethanAFewScreensInTwoPartsIsLong() {
        var contents = PageContents()
        contents.count(text: 1_000)
        contents.add("a", "Aktiviteter", text: PageContents.screenCharacters * PageContents.longPageScreens)
        contents.add("b", "Mål", lines: 3)
        #expect(contents.isLong)
        let parts = (contents.value as? [String: Any])?["parts"] as? [[String: String]]
        #expect(parts == [["id": "a", "title": "Aktiviteter"], ["id": "b", "title": "Mål"]])
    }

    @Test func onePartHasNothingToJumpBetween() {
        var contents = PageContents()
        contents.add("a", "Tekst", text: 100_000)
        #expect(!contents.isLong)
    }
}
