import PortalRender
import Testing

@Suite("Links are relative and name index.html, so a site works from disk, / and a sub-path")
struct LinksTests {
    @Test func fromTheHomePage() {
        let links = Links(from: "")
        #expect(links.root == "")
        #expect(links.page("") == "index.html")
        #expect(links.page("temaer/sundhed/") == "temaer/sundhed/index.html")
        #expect(links.file("assets/site.css") == "assets/site.css")
    }

    @Test func fromAPageThreeFoldersDown() {
        let links = Links(from: "kommuner/rudersdal/virksomhedsplan-2019/")
        #expect(links.root == "../../../")
        #expect(links.page("") == "../../../index.html")
        #expect(links.page("temaer/sundhed/", anchor: "rudersdal") == "../../../temaer/sundhed/index.html#rudersdal")
        #expect(links.file("assets/site.css") == "../../../assets/site.css")
    }

    @Test func noLinkIsRootAbsoluteOrAFolder() {
        for path in ["", "a/", "a/b/", "a/b/c/d/"] {
            let link = Links(from: path).page("x/y/")
            #expect(!link.hasPrefix("/"))
            #expect(link.hasSuffix("/index.html"))
        }
    }
}
