/// A sentence for people in both languages accessc speaks. There is deliberately no string
/// literal conversion: a message without its Chinese does not compile.
public struct LocalizedText: Sendable, Hashable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(in language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

}

/// An error people read, in both languages: what a command prints after "error:".
public protocol LocalizedFailure: Error, CustomStringConvertible {
    var message: LocalizedText { get }
}

extension LocalizedFailure {
    public var description: String { message.en }
}
