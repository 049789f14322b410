/// A YAML node with the place it was written. Mappings keep their pairs in source order.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var span: SourceSpan
    /// One byte, not a string: every node carries it, and only the core tags mean anything
    /// (the loader reports any other).
    private var storedTag: StoredTag?

    /// An explicit core tag, e.g. `tag:yaml.org,2002:str`; nil when the node had none.
    public var tag: String? { storedTag?.text }

    public init(_ content: Content, span: SourceSpan, tag: String? = nil) {
        self.content = content
        self.span = span
        storedTag = tag.map(StoredTag.init)
    }

    private enum StoredTag: UInt8, Sendable {
        case string, int, float, bool, null, map, seq, nonSpecific, unsupported

        init(_ text: String) {
            self = switch text {
            case CoreTag.string: .string
            case CoreTag.int: .int
            case CoreTag.float: .float
            case CoreTag.bool: .bool
            case CoreTag.null: .null
            case CoreTag.map: .map
            case CoreTag.seq: .seq
            case CoreTag.nonSpecific: .nonSpecific
            default: .unsupported
            }
        }

        var text: String {
            switch self {
            case .string: CoreTag.string
            case .int: CoreTag.int
            case .float: CoreTag.float
            case .bool: CoreTag.bool
            case .null: CoreTag.null
            case .map: CoreTag.map
            case .seq: CoreTag.seq
            case .nonSpecific: CoreTag.nonSpecific
            // Reported where it was read; what it meant is unknown, so it resolves as text.
            case .unsupported: CoreTag.unsupported
            }
        }
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var kindName: LocalizedText {
        switch content {
        case .scalar(let scalar): scalar.resolved(tag: tag).kindName
        case .sequence: LocalizedText(en: "a list", zh: "列表")
        case .mapping: LocalizedText(en: "a mapping", zh: "映射")
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
}

public struct YAMLScalar: Sendable {
    public var text: String
    public var style: ScalarStyle

    public init(text: String, style: ScalarStyle) {
        self.text = text
        self.style = style
    }

    /// The value under the YAML 1.2 core schema: only plain, untagged scalars are resolved;
    /// quoted ones are always strings.
    public func resolved(tag: String? = nil) -> CoreValue {
        if let tag {
            switch tag {
            case CoreTag.string: return .string(text)
            case CoreTag.null: return .null
            case CoreTag.bool: return CoreValue.bool(text) ?? .string(text)
            case CoreTag.int: return CoreValue.integer(text) ?? .string(text)
            case CoreTag.float: return CoreValue.float(text) ?? CoreValue.integer(text) ?? .string(text)
            default: return .string(text)
            }
        }
        guard style == .plain else { return .string(text) }
        return CoreValue.resolvePlain(text)
    }
}

public enum CoreTag {
    public static let string = "tag:yaml.org,2002:str"
    public static let int = "tag:yaml.org,2002:int"
    public static let float = "tag:yaml.org,2002:float"
    public static let bool = "tag:yaml.org,2002:bool"
    public static let null = "tag:yaml.org,2002:null"
    public static let map = "tag:yaml.org,2002:map"
    public static let seq = "tag:yaml.org,2002:seq"
    /// The non-specific tag `!`, which asks for a string.
    public static let nonSpecific = "!"
    /// What a node keeps of a tag outside the core schema, once the loader has reported it.
    public static let unsupported = "tag:accessspec,2026:unsupported"

    public static let all: Set<String> = [string, int, float, bool, null, map, seq, nonSpecific]
}

/// A scalar's meaning under the YAML 1.2 core schema.
public enum CoreValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case string(String)

    public var kindName: LocalizedText {
        switch self {
        case .null: LocalizedText(en: "null", zh: "空值 null")
        case .bool: LocalizedText(en: "a boolean", zh: "布尔值")
        case .integer: LocalizedText(en: "an integer", zh: "整数")
        case .float: LocalizedText(en: "a number", zh: "数字")
        case .string: LocalizedText(en: "a string", zh: "字符串")
        }
    }

    static func resolvePlain(_ text: String) -> CoreValue {
        guard let first = text.utf8.first else { return .null }
        // Most plain scalars are words: only look closer when the first byte allows a non-string.
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if ["~", "null", "Null", "NULL"].contains(text) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let value = bool(text) { return value }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let value = integer(text) ?? float(text) { return value }
        default:
            break
        }
        return .string(text)
    }

    static func bool(_ text: String) -> CoreValue? {
        switch text {
        case "true", "True", "TRUE": .bool(true)
        case "false", "False", "FALSE": .bool(false)
        default: nil
        }
    }

    static func integer(_ text: String) -> CoreValue? {
        if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return .integer(value) }
        if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return .integer(value) }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        guard let value = Int(text) else { return nil }
        return .integer(value)
    }

    static func float(_ text: String) -> CoreValue? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        let mantissaDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(mantissaDigits)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
        }
        guard mantissaDigits + fractionDigits > 0 else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let exponentDigits = bytes.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return nil }
            bytes = bytes.dropFirst(exponentDigits)
        }
        guard bytes.isEmpty, let value = Double(text) else { return nil }
        return .float(value)
    }
}
