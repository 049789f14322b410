import AccessSpecCore
import Foundation

extension Commands {
    /// `accessc schema [contract|workspace]`: the language as a JSON Schema, for editors.
    public func schema(_ document: ContractSchema.Document) -> CommandStatus {
        console.out(Self.schemaJSON(document))
        return .success
    }

    /// The schema's bytes as committed under docs/: sorted keys, two-space indents.
    public static func schemaJSON(_ document: ContractSchema.Document) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(ContractSchema.jsonSchema(document))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
