import AccessSpecCore

/// What the SVG drawings share: fonts, colours by level and direction, escaping and numbers.
enum SVGStyle {
    static let fontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

    /// Arrow colours by direction, dark enough to read in print.
    static func color(_ direction: Direction) -> String {
        switch direction {
        case .up: "#1f4e8c"
        case .down: "#1d6b4f"
        case .both: "#9a4a00"
        }
    }

    static func palette(_ level: PlatformLevel) -> (fill: String, stroke: String) {
        switch level {
        case .national: ("#fdeeee", "#a61b1b")
        case .provincial: ("#eaf2fb", "#1f4e8c")
        case .departmental: ("#f1edf9", "#5b3f8c")
        case .municipal: ("#e9f6ef", "#1d6b4f")
        case .county: ("#fbf5e6", "#86630f")
        case .thirdParty: ("#f3f3f3", "#555555")
        }
    }

    /// Text and attribute values, through the site's one escaper.
    static func e(_ text: String) -> String { HTMLEscaper.escape(text) }

    /// A coordinate with at most one decimal, the same on every run.
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(Double(tenths) / 10)
    }
}
