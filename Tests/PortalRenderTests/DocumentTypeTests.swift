import Foundation
import PortalContent
import PortalTestSupport
import PortalRender
import Testing

@Suite("Document types are one closed list, shared by the content, the theme's labels and the data schema")
struct DocumentTypeTests {
    @Test func theDataSchemaListsExactlyTheDocumentTypes() throws {
        let data = try Data(contentsOf: Repository.root.appendingPathComponent("schemas/portal.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entity = try #require((schema["$defs"] as? [String: Any])?["entity"] as? [String: Any])
        let property = try #require((entity["properties"] as? [String: Any])?["documentType"] as? [String: Any])
        #expect(property["enum"] as? [String] == DocumentType.allCases.map(\.rawValue))
    }

    @Test func theDefaultThemeHasALabelForEveryDocumentType() async throws {
        let (theme, diagnostics) = await ThemeLoader().load(from: Repository.theme, displayPrefix: "theme")
        let strings = try #require(theme?.strings, "\(diagnostics)")
        for type in DocumentType.allCases {
            #expect(strings.value(at: "documentType.\(type.rawValue)") is String, "no label for \(type.rawValue)")
        }
    }
}
