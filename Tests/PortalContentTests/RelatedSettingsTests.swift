import PortalContent
import PortalCore
import Testing

@Suite("related: in site.yaml sets the weights, threshold and count of related units")
struct RelatedSettingsTests {
    static func parse(_ related: String) -> (SiteConfig?, [Diagnostic]) {
        SiteConfig.parse(SourceFile(path: "content/site.yaml", text: "title: Portal\n" + related))
    }

    static func errors(_ related: String) -> [String] {
        parse(related).1.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func leftOutItIsTheStandardSetting() {
        #expect(Self.parse("").0?.related == .standard)
    }

    @Test func eachSettingWrittenReplacesItsDefaultAndTheRestKeepTheirs() {
        let (config, diagnostics) = Self.parse("related:\n  threshold: 40\n  weights:\n    tags: 50\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let related = config?.related
        #expect(related?.threshold == 40)
        #expect(related?.limit == SiteConfig.Related.standard.limit)
        #expect(related?.weights.tags == 50)
        #expect(related?.weights.themes == SiteConfig.Related.standard.weights.themes)
        #expect(related?.weights.lawReferences == SiteConfig.Related.standard.weights.lawReferences)
    }

    @Test func theFlowStyleOfTheReadmeParses() {
        let (config, diagnostics) = Self.parse("related: { threshold: 45, limit: 3, weights: { themes: 20, tags: 50, law_references: 60 } }\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config?.related == SiteConfig.Related(threshold: 45, limit: 3, weights: .init(themes: 20, tags: 50, lawReferences: 60)))
    }

    @Test func aNegativeOrHugeNumberIsAnErrorAtItsValue() {
        #expect(Self.errors("related:\n  threshold: -1\n") == ["3:14: 'threshold' is -1, but must be from 0 to 1000000"])
        #expect(Self.errors("related:\n  limit: 500\n") == ["3:10: 'limit' is 500, but must be from 0 to 100"])
        #expect(Self.errors("related:\n  weights:\n    tags: 1001\n") == ["4:11: 'tags' is 1001, but must be from 0 to 1000"])
    }

    @Test func aValueThatIsNoWholeNumberIsAnError() {
        #expect(Self.errors("related:\n  limit: fem\n") == ["3:10: field 'limit' must be a whole number, not 'fem'"])
        #expect(Self.errors("related:\n  weights:\n    themes: 0.5\n") == ["4:13: field 'themes' must be a whole number, not '0.5'"])
    }

    @Test func anEmptySettingIsAnErrorAtItsName() {
        #expect(Self.errors("related:\n") == ["2:1: 'related:' has no value"])
        #expect(Self.errors("related:\n  limit:\n") == ["3:3: 'limit:' has no value"])
        #expect(Self.errors("related:\n  weights: null\n") == ["3:3: 'weights:' has no value"])
    }

    @Test func anUnknownSettingNamesTheAllowedOnes() {
        let unknown = Self.parse("related:\n  weights:\n    local_themes: 10\n").1.first
        #expect(unknown?.message == "unknown field 'local_themes' in related.weights")
        #expect(unknown?.hint?.hasSuffix("allowed fields here: themes, tags, law_references") == true)
        #expect(Self.errors("related:\n  treshold: 40\n").first?.hasPrefix("3:3: unknown field 'treshold' in related") == true)
    }

    @Test func aSettingsErrorKeepsTheSiteFromBuilding() {
        #expect(Self.parse("related:\n  limit: -2\n").0 == nil)
    }
}
