import PortalContent
import PortalTestSupport
import PropertyBased
import Testing

@Suite("Front matter is split from the body")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithTheirLines() throws {
        let split = try FrontMatter.split(SourceFile(path: "a.md", text: "---\nkind: tag\nid: x\n---\nTekst\n")).get()
        #expect(split.yaml == "kind: tag\nid: x")
        #expect(split.yamlLine == 2)
        #expect(split.body == "Tekst\n")
        #expect(split.bodyLine == 5)
    }

    @Test func aFileWithoutFrontMatterIsAnError() {
        guard case .failure(let diagnostic) = FrontMatter.split(SourceFile(path: "a.md", text: "# Bare tekst\n")) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.message.contains("must start with front matter"))
    }

    @Test func unclosedFrontMatterIsAnError() {
        guard case .failure(let diagnostic) = FrontMatter.split(SourceFile(path: "a.md", text: "---\nkind: tag\nTekst\n")) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.message.contains("not closed"))
    }

    @Test func aDashedLineInTheBodyIsJustText() throws {
        let split = try FrontMatter.split(SourceFile(path: "a.md", text: "---\nkind: tag\n---\nFør\n---\nEfter")).get()
        #expect(split.body == "Før\n---\nEfter")
    }

    @Test func splittingArbitraryTextNeverCrashesAndKeepsTheBody() async {
        await propertyCheck(count: 300, input: TextGen.contentText(), TextGen.anyText(0...100)) { yaml, body in
            let text = "---\n" + yaml.replacingOccurrences(of: "---", with: "- -") + "\n---\n" + body
            switch FrontMatter.split(SourceFile(path: "a.md", text: text)) {
            case .success(let split): #expect(split.body == body || text.components(separatedBy: "\n---\n").count > 2)
            case .failure: break
            }
        }
    }
}
