import Foundation
import PortalBuild
import Testing

// A section that comes to have its only unit's title loses its page to the unit's (and
// gets it back when the titles part): the long-lived site must follow, byte for byte.
extension IncrementalSiteTests {
    static let sectionShownByItemEdits: [Edit] = [
        Edit(name: "a section retitled as its only unit, whose page then stands for it") { content, _ in
            [try replace("title: Borgerne deltager i fællesskaber", with: "title: Fælles café en gang om ugen\nslug: maal-1", in: content, section)]
        },
        Edit(name: "the only unit of a section retitled as the section") { content, _ in
            [try replace("number: \"1\"\ntitle: Fælles café en gang om ugen", with: "number: \"1\"\ntitle: Borgerne deltager i fællesskaber\nslug: cafe",
                         in: content, item)]
        },
    ]

    @Test("Incremental equals full rebuild when a section comes to be shown by its unit", arguments: sectionShownByItemEdits)
    func aSectionShownByItsUnit(_ edit: Edit) async throws {
        try await anEditGivesTheSameFilesAsAFullBuild(edit)
    }
}
