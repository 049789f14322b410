import AccessSpecCore

/// One platform of the IR as one OpenAPI 3.1 document (as a `YAMLValue`, not yet text).
struct DocumentTranslator {
    static let openAPIVersion = "3.1.0"

    let platform: PlatformIR
    let settings: WorkspaceSettings
    let irVersion: Int

    func document() -> YAMLValue {
        let schemas = SchemaTranslator(platform: platform, settings: settings)
        let security = SecurityTranslator(settings: platform.areas.security?.settings)
        let envelope = BodyEnvelope(kind: platform.areas.security?.settings.envelope ?? .plain)
        let operations = OperationTranslator(platform: platform, schemas: schemas, envelope: envelope, security: security)
        let allOperations = platform.areas.allOperations
        let usedAreas = AccessArea.allCases.filter { area in allOperations.contains { $0.area == area } }
        var components: YAMLMapping = ["schemas": .mapping(schemas.componentSchemas(platform.types, adding: envelope.componentSchemas))]
        components["securitySchemes"] = security.schemes.map(YAMLValue.mapping)
        return [
            "openapi": .string(Self.openAPIVersion),
            "info": .mapping(info(transport: security.transport)),
            "servers": platform.environments.isEmpty ? nil
                : .sequence(platform.environments.map { ["url": .string($0.url), "description": .string($0.name)] }),
            "tags": .sequence(usedAreas.map { ["name": .string($0.rawValue), "description": .string("\($0.chineseName) (\($0.rawValue))")] }),
            "paths": .mapping(operations.paths(allOperations)),
            "components": .mapping(components),
        ]
    }

    private func info(transport: String?) -> YAMLMapping {
        let facts = [
            "- 平台 (platform): \(platform.id)",
            "- 层级 (level): \(platform.level.chineseName) (\(platform.level.rawValue))",
            "- 区划 (region): \(platform.region)",
            "- 运营单位 (operator): \(platform.operator.name), \(platform.operator.uscc)",
            "- 网络 (network): \(platform.network.rawValue)",
        ] + (transport.map { ["- 传输 (transport): \($0)"] } ?? []) + [
            "- 契约 (contract): \(platform.source)",
        ]
        let description = ([platform.description].compactMap { $0 } + [facts.joined(separator: "\n")]).joined(separator: "\n\n")
        return [
            "title": .string("\(platform.name) (\(platform.nameEn))"),
            "version": .string(String(irVersion)),
            "description": .string(description),
            "x-accessspec": [
                "platform": .string(platform.id),
                "level": .string(platform.level.rawValue),
                "levelName": .string(platform.level.chineseName),
                "region": .string(platform.region),
                "operator": ["name": .string(platform.operator.name), "uscc": .string(platform.operator.uscc)],
                "network": .string(platform.network.rawValue),
                "source": .string(platform.source),
            ],
        ]
    }
}
