import Foundation
import PortalContent
import PortalCore
import PortalTestSupport
import Testing
import Yams

/// The schemas editors' tools check files with say what the reader accepts: they are
/// made from the field catalog, the committed copies are what the generator makes, and
/// the schemas accept exactly the values the reader accepts, field by field, and every
/// file of the real content and the fixtures.
@Suite("The front-matter schemas are generated from the catalog and agree with the reader")
struct FrontMatterSchemaTests {
    static let folder = Repository.root.appendingPathComponent(FrontMatterSchema.folder)

    @Test func theCommittedSchemasAreWhatTheGeneratorMakes() throws {
        for file in FrontMatterSchema.files {
            let committed = try String(contentsOf: Self.folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(committed == file.text, "\(file.name) differs from what the catalog makes: run 'portal schema' and commit the result")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names == FrontMatterSchema.files.map(\.name).sorted(), "the folder holds only the generated schemas")
    }

    @Test func everySchemaIsJSONWithTheKindItIsFor() throws {
        for kind in EntityKind.allCases {
            let schema = try Self.schema(FrontMatterSchema.text(for: kind))
            #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
            #expect(schema["additionalProperties"] as? Bool == false)
            let properties = try #require(schema["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(FieldCatalog.fields(for: kind).names))
            #expect((properties["kind"] as? [String: Any])?["const"] as? String == kind.rawValue)
            #expect(schema["required"] as? [String] == FieldCatalog.fields(for: kind).filter(\.isRequired).names)
            for (name, property) in properties {
                #expect(((property as? [String: Any])?["description"] as? String)?.isEmpty == false, "\(kind).\(name) has a description")
            }
        }
    }

    @Test func readmeHoldsTheGeneratedTableOfFields() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- fields:begin -->\n"), "README marks where the table starts")
        let end = try #require(readme.range(of: "<!-- fields:end -->"), "README marks where the table ends")
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == FieldTable.markdown,
                "README's table of fields differs from the catalog: paste the output of 'portal schema --markdown' between the markers")
    }

    // MARK: The schemas accept what the reader accepts

    @Test(arguments: EntityKind.allCases)
    func theSchemaJudgesEveryFieldAsTheReaderDoes(kind: EntityKind) throws {
        let schema = try Self.schema(FrontMatterSchema.text(for: kind))
        let fields = FieldCatalog.fields(for: kind)
        let full = Sample.mapping(fields, kind: kind)
        #expect(try Self.problems(Sample.render(full), schema).isEmpty, "every field filled with its type")
        for path in Sample.paths(fields) {
            let shown = "\(kind): \(path.names.joined(separator: "."))"
            if path.spec.type != .kind {
                let wrong = Sample.replacing(path.names, in: full, with: Sample.wrongValue(for: path.spec.type))
                #expect(try !Self.problems(Sample.render(wrong), schema).isEmpty, "\(shown) with a value of another type")
            }
            let null = Sample.replacing(path.names, in: full, with: .scalar("null"))
            #expect(try Self.problems(Sample.render(null), schema).isEmpty == path.spec.acceptsNull, "\(shown): null")
            if path.spec.isRequired {
                let left = Sample.replacing(path.names, in: full, with: nil)
                #expect(try !Self.problems(Sample.render(left), schema).isEmpty, "\(shown) left out")
            }
        }
        var unknown = full
        unknown.append(("not_a_field", .scalar("1")))
        #expect(try !Self.problems(Sample.render(unknown), schema).isEmpty, "an unknown field")
    }

    @Test func theSiteSchemaJudgesEverySettingAsTheReaderDoes() throws {
        let schema = try Self.schema(FrontMatterSchema.siteText)
        let full = Sample.mapping(FieldCatalog.site, kind: nil)
        #expect(try Self.problems(Sample.render(full), schema).isEmpty)
        for path in Sample.paths(FieldCatalog.site) {
            let wrong = Sample.replacing(path.names, in: full, with: Sample.wrongValue(for: path.spec.type))
            #expect(try !Self.problems(Sample.render(wrong), schema).isEmpty, "\(path.names) with a value of another type")
            let null = Sample.replacing(path.names, in: full, with: .scalar("null"))
            #expect(try Self.problems(Sample.render(null), schema).isEmpty == path.spec.acceptsNull, "\(path.names): null")
        }
    }

    @Test func everyFileOfTheContentAndTheFixturesMeetsItsSchema() throws {
        var checked = 0
        for root in [Repository.content, Repository.fixtures.appendingPathComponent("minimal")] {
            let folder = ContentReader().readFolder(in: root, displayPrefix: root.lastPathComponent)
            for file in folder.files {
                guard case .success(let frontMatter) = FrontMatter.split(file),
                      let kindName = (try Yams.load(yaml: frontMatter.yaml) as? [String: Any])?["kind"] as? String,
                      let kind = EntityKind(rawValue: kindName) else {
                    Issue.record("\(file.path) has no kind")
                    continue
                }
                let problems = try Self.problems(frontMatter.yaml, Self.schema(FrontMatterSchema.text(for: kind)))
                #expect(problems.isEmpty, "\(file.path): \(problems)")
                checked += 1
            }
            let site = try String(contentsOf: root.appendingPathComponent(SiteConfig.fileName), encoding: .utf8)
            #expect(try Self.problems(site, Self.schema(FrontMatterSchema.siteText)).isEmpty, "\(root.lastPathComponent)/site.yaml")
        }
        #expect(checked > 100)
    }

    // MARK: Checking YAML against a schema

    static func schema(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func problems(_ yaml: String, _ schema: [String: Any]) throws -> [String] {
        SchemaCheck.problems(try Yams.load(yaml: yaml), schema, at: "")
    }
}

/// A check of values against the part of JSON Schema the generated schemas use (type,
/// const, enum, pattern, required, additionalProperties, properties, items): enough to
/// test them without a validator library. Values are read by Yams as YAML 1.1 does.
enum SchemaCheck {
    static func problems(_ value: Any?, _ schema: [String: Any], at path: String) -> [String] {
        var problems: [String] = []
        let isNull = value == nil || value is NSNull
        if let types = schema["type"].map({ $0 as? [String] ?? [$0 as? String ?? ""] }),
           !types.contains(where: { matches(value, type: $0, isNull: isNull) }) {
            return ["\(path): \(String(describing: value)) is not \(types.joined(separator: " or "))"]
        }
        if let constant = schema["const"] as? String, value as? String != constant {
            problems.append("\(path): not '\(constant)'")
        }
        if let allowed = schema["enum"] as? [Any] {
            let ok = allowed.contains { ($0 is NSNull && isNull) || ($0 as? String != nil && $0 as? String == value as? String) }
            if !ok { problems.append("\(path): \(String(describing: value)) is not one of \(allowed)") }
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any], let properties = schema["properties"] as? [String: Any] {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(path): '\(name)' is required")
            }
            for (name, inner) in object {
                if let property = properties[name] as? [String: Any] {
                    problems += Self.problems(inner, property, at: path + "." + name)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): '\(name)' is not allowed")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() { problems += Self.problems(element, items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    private static func matches(_ value: Any?, type: String, isNull: Bool) -> Bool {
        switch type {
        case "null": isNull
        case "string": value is String
        case "boolean": value is Bool
        case "integer": value is Int && !(value is Bool)
        case "array": value is [Any]
        case "object": value is [String: Any]
        default: false
        }
    }
}
