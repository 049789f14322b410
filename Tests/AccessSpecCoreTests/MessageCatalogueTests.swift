import AccessSpecCore
import AccessSpecSyntax
import Testing

/// Every code speaks both languages: a code added without its Chinese (or English) fails here.
struct MessageCatalogueTests {
    static func isChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test(arguments: DiagnosticCatalog.all.map(\.code.rawValue))
    func everyCodeHasBothTexts(_ code: String) throws {
        let descriptor = try #require(DiagnosticCatalog.descriptor(for: code))
        #expect(!descriptor.summary.isEmpty && !descriptor.explanation.isEmpty)
        #expect(Self.isChinese(descriptor.summaryZh), "\(code) has no Chinese summary")
        #expect(Self.isChinese(descriptor.explanationZh), "\(code) has no Chinese explanation")
        #expect(descriptor.summary(in: .zh) == descriptor.summaryZh && descriptor.summary(in: .en) == descriptor.summary)
    }

    @Test func codesAreUniqueAndTheTablesCoverTheSameCodes() {
        let codes = DiagnosticCatalog.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(DiagnosticCatalog.byCode.count == codes.count)
    }

    @Test func theSchemaDescribesEveryKeyInBothLanguages() {
        func walk(_ shape: ValueShape, _ path: String, seen: inout Set<String>) {
            switch shape {
            case .mapping(let mapping):
                guard seen.insert(mapping.name).inserted else { return }
                #expect(Self.isChinese(mapping.doc.zh) && !mapping.doc.en.isEmpty, "\(path)")
                for key in mapping.keys {
                    #expect(Self.isChinese(key.doc.zh) && !key.doc.en.isEmpty, "\(path).\(key.name)")
                    walk(key.value, "\(path).\(key.name)", seen: &seen)
                }
            case .list(let item), .named(_, let item), .keyedBy(_, let item): walk(item, path, seen: &seen)
            case .either(let first, let second):
                walk(first, path, seen: &seen)
                walk(second, path, seen: &seen)
            default: break
            }
        }
        var seen: Set<String> = []
        walk(.mapping(ContractSchema.contract), "contract", seen: &seen)
        walk(.mapping(ContractSchema.workspaceConfig), "workspace", seen: &seen)
        #expect(seen.count > 30)
    }

    @Test func schemaPathsFindShapes() {
        guard case .choice(let levels)? = ContractSchema.shape(at: ["platform", "level"]) else { Issue.record("platform.level"); return }
        #expect(levels.contains("provincial"))
        guard case .mapping(let operation)? = ContractSchema.shape(at: ["license", "operations"]) else { Issue.record("operations"); return }
        #expect(operation.key("response") != nil)
        guard case .either(.text, .mapping(let field))? = ContractSchema.shape(at: ["types", "Holder", "fields", "name"]) else { Issue.record("field"); return }
        #expect(field.key("required") != nil)
        #expect(ContractSchema.shape(at: ["platform", "nonsense"]) == nil)
    }
}
