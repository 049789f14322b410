import AccessSpecFormats
import Foundation

/// Generated models check their fields before anything is sent, with the same format checks
/// the compiler applies to examples (AccessSpecFormats).
public protocol AccessValidatable {
    /// Throws `AccessRuntimeError.invalidField` naming the first field that is wrong.
    func accessValidate(at path: String) throws
}

/// The checks generated `accessValidate` methods call, one per kind of constraint.
public enum FieldCheck {
    public enum Format: Sendable {
        case uscc, residentId, divisionCode, licenseId, date, datetime, url, email, phone, base64
        case itemCode(pattern: String)
    }

    public static func format(_ value: String, _ format: Format, at path: String) throws {
        let problem: String? = switch format {
        case .uscc: DomainFormats.checkUSCC(value)
        case .residentId: DomainFormats.checkResidentID(value)
        case .divisionCode: DomainFormats.checkDivisionCode(value)
        case .licenseId: DomainFormats.checkLicenseID(value)
        case .date: DomainFormats.checkDate(value)
        case .datetime: DomainFormats.checkDateTime(value)
        case .url: DomainFormats.checkURL(value)
        case .email: DomainFormats.checkEmail(value)
        case .phone: DomainFormats.checkPhone(value)
        case .base64: DomainFormats.checkBase64(value)
        case .itemCode(let pattern): matches(value, pattern) ? nil : "does not match the item code pattern \(pattern)"
        }
        if let problem { throw AccessRuntimeError.invalidField(path: path, reason: problem) }
    }

    public static func length(_ value: String, min: Int?, max: Int?, at path: String) throws {
        let count = value.count
        if let min, count < min { throw AccessRuntimeError.invalidField(path: path, reason: "\(count) characters, fewer than \(min)") }
        if let max, count > max { throw AccessRuntimeError.invalidField(path: path, reason: "\(count) characters, more than \(max)") }
    }

    public static func pattern(_ value: String, _ pattern: String, at path: String) throws {
        guard matches(value, pattern) else { throw AccessRuntimeError.invalidField(path: path, reason: "does not match \(pattern)") }
    }

    public static func range(_ value: Int, minimum: Double?, maximum: Double?, at path: String) throws {
        try range(Double(value), minimum: minimum, maximum: maximum, at: path)
    }

    public static func range(_ value: Double, minimum: Double?, maximum: Double?, at path: String) throws {
        if let minimum, value < minimum { throw AccessRuntimeError.invalidField(path: path, reason: "\(value) is less than \(minimum)") }
        if let maximum, value > maximum { throw AccessRuntimeError.invalidField(path: path, reason: "\(value) is greater than \(maximum)") }
    }

    public static func count(_ count: Int, min: Int?, max: Int?, at path: String) throws {
        if let min, count < min { throw AccessRuntimeError.invalidField(path: path, reason: "\(count) items, fewer than \(min)") }
        if let max, count > max { throw AccessRuntimeError.invalidField(path: path, reason: "\(count) items, more than \(max)") }
    }

    private static func matches(_ value: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }
}

extension Array: AccessValidatable where Element: AccessValidatable {
    public func accessValidate(at path: String) throws {
        for (index, element) in enumerated() { try element.accessValidate(at: "\(path)[\(index)]") }
    }
}

extension Dictionary: AccessValidatable where Key == String, Value: AccessValidatable {
    public func accessValidate(at path: String) throws {
        for key in keys.sorted() { try self[key]!.accessValidate(at: "\(path).\(key)") }
    }
}

extension Optional: AccessValidatable where Wrapped: AccessValidatable {
    public func accessValidate(at path: String) throws {
        try self?.accessValidate(at: path)
    }
}
