import AccessSpecCore

/// Tables and cells more than one page shows.
enum DocsTables {
    /// Platforms in the docs' order (`NetworkOutline.precedes`).
    static func ordered(_ platforms: [PlatformIR]) -> [PlatformIR] {
        // Positions are sorted, not platforms: moving whole platforms cost seconds at national scale.
        let refs = platforms.map(PlatformRef.init)
        return platforms.indices.sorted { NetworkOutline.precedes(refs[$0], refs[$1]) }.map { platforms[$0] }
    }

    /// One row per connection. A long table (more than `compactAbove` rows, the hub's) lists
    /// each connection's areas on one line rather than one a line.
    static func connections(_ connections: [ConnectionIR], text: ContractText, caption: [Inline]?) -> DocTable {
        let separator: [Inline] = connections.count > compactAbove ? [.text(" · ")] : [.lineBreak]
        return DocTable(
            caption: caption,
            columns: [[.label("接入方", "From")], [.label("被接入方", "To")],
                      [.label("接入内容与方向", "Areas and directions"), .text(" (→ "), .label("接入方提供或上报", "from provides or reports"),
                       .text(", ← "), .label("被接入方提供", "to provides"), .text(", ↔ "), .label("双向", "both ways"), .text(")")]],
            rows: connections.map { connection in
                [text.platformLink(connection.from), text.platformLink(connection.to), flows(connection, separator: separator)]
            },
            rowHeaders: false,
            style: "connections")
    }

    static let compactAbove = 20

    static func flows(_ connection: ConnectionIR, separator: [Inline] = [.lineBreak]) -> [Inline] {
        .joined(connection.areas.sorted { $0.area < $1.area }.map { flow in
            let arrow = switch flow.direction { case .up: "→"; case .down: "←"; case .both: "↔" }
            return [.link([Labels.area(flow.area)], DocTarget(.area(flow.area))), .text(" \(arrow) "), Labels.direction(flow.direction)]
        }, separator: separator)
    }

    static func declaredAreas(_ platform: PlatformIR) -> [Inline] {
        let declared = AccessArea.allCases.filter { platform.areas.declares($0) }
        guard !declared.isEmpty else { return [Labels.none] }
        return .joined(declared.map { [.link([.text(Labels.areaShort($0).zh)], DocTarget(.platform(platform.id), SitePaths.areaFragment($0)))] }, separator: [.text(" ")])
    }

    /// "✓ 通过 passed 30 · – 不适用 not applicable 8", worst first.
    static func complianceCounts(_ records: [ComplianceResult]) -> [Inline] {
        complianceCounts(ComplianceTally(records))
    }

    static func complianceCounts(_ tally: ComplianceTally, separator: [Inline] = [.lineBreak]) -> [Inline] {
        let order: [ComplianceStatus] = [.failed, .warning, .passed, .off, .notApplicable]
        let parts: [[Inline]] = order.compactMap { status in
            let count = tally.count(status)
            return count == 0 ? nil : [.status(status), .text(" \(count)")]
        }
        return parts.isEmpty ? [Labels.none] : .joined(parts, separator: separator)
    }

    /// Platforms by their worst outcome: "✗ 未通过 failed 2 · ! 警告 warning 5 · ✓ 通过 passed 80".
    static func platformOutcomes(_ tallies: [ComplianceTally]) -> [Inline] {
        var worst = ComplianceTally()
        for tally in tallies {
            switch tally.worst {
            case .failed: worst.failed += 1
            case .warning: worst.warning += 1
            case .passed: worst.passed += 1
            default: worst.notApplicable += 1
            }
        }
        return complianceCounts(worst, separator: [.text(" · ")])
    }

    /// A platform as a link by its name, with its id.
    static func platformCell(_ platform: PlatformRef) -> [Inline] {
        [.link([.text(platform.name)], DocTarget(.platform(platform.id))), .lineBreak, .code(platform.id)]
    }

    static func ruleArea(_ area: String) -> [Inline] {
        if let area = AccessArea(rawValue: area) { return [.link([Labels.area(area)], DocTarget(.area(area)))] }
        if area == "topology" { return [Labels.topologyArea] }
        return [.code(area)]
    }
}
