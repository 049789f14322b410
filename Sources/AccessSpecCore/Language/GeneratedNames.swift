/// Every name the generated Swift code declares next to the contract's names, or names itself.
/// The Swift client and conformance generators emit these, and the checker (S016) refuses a
/// contract name that would fold to one of them where the two would meet, so this is the one
/// list: a name added to generated code is added here, and the checker learns of it.
///
/// Internals that share a scope with operations (the area structs' caller and descriptors) are
/// spelt with a leading underscore followed by a letter, which folding never makes, so no
/// operation can reach them and nothing needs refusing for them.
public enum GeneratedNames {
    // MARK: Modules

    /// The module that compiles the clients of `specs/`, which the conformance suites import
    /// unless the workspace names another (`generate: swift: module`).
    public static let defaultClientModule = "AccessClients"
    /// How many files a platform's Swift models are split into: a fixed number, so the build
    /// plugin (Plugins/AccessSpecGenerate) can name the outputs before they exist, and enough
    /// for the compiler to spread a large contract's models over several processes.
    public static let swiftModelFiles = 8

    /// Modules generated code qualifies names with (`Swift.String`,
    /// `AccessSpecFormats.ValueConstraints(...)`, `Testing.__checkValue` inside `#expect`). A
    /// platform namespace or a type of the same name would hide the module from that code.
    public static let modules: Set<String> = [
        "Swift", "Foundation", "AccessRuntime", "AccessSpecFormats", "AccessVectors", "Testing", "AccessConformance",
        "AccessMock", defaultClientModule,
    ]

    /// Type names Swift itself refuses as members of a type (`X.Type`, `X.Self`, `X.Protocol`
    /// mean something else) or at the top level.
    public static let swiftReservedTypeNames: Set<String> = ["Type", "Self", "Protocol", "Any"]

    /// Names Swift Testing's `@Test` and `@Suite` expand to without a module, inside the
    /// generated suites, which extend the namespace and import every namespace: a platform or a
    /// type of this name would hide Swift's.
    public static let unqualifiedInTestingMacros: Set<String> = ["Void"]

    // MARK: A platform's namespace

    public static let platformID = "platformID"
    public static let environments = "environments"
    public static let profile = "profile"
    public static let client = "Client"
    public static let contractError = "ContractError"
    /// The generated conformance suite, declared in an extension of the namespace.
    public static let conformanceSuite = "ConformanceTests"

    /// The type that groups an area's operations, e.g. `LicenseArea`.
    public static func areaType(_ area: AccessArea) -> String {
        IdentifierFolding.upperCamel(area.rawValue) + "Area"
    }

    /// Types generated code declares inside a platform's namespace; a contract type of the same
    /// name would be declared twice.
    public static let namespaceTypes: Set<String> = Set([client, contractError, conformanceSuite] + AccessArea.allCases.map(areaType))

    // MARK: Inside the generated types

    /// The `Client`'s stored caller; area structs hold theirs as `_caller`.
    public static let clientCaller = "caller"
    public static let areaCaller = "_caller"
    public static let areaDescriptors = "_Descriptors"

    /// The case an enum decodes a value it does not know into.
    public static let enumFallbackCase = "unrecognized"
    public static let declaredCases = "declaredCases"
    public static let rawValue = "rawValue"
    /// Members of a generated enum that an enum value folding to the same name would declare
    /// twice. The others (`rawValue`, `init(rawValue:)`, `hashValue`) have other full names
    /// than a case's, and Swift tells them apart.
    public static var enumMembers: Set<String> { [enumFallbackCase, declaredCases] }

    /// The case an error enum maps a code outside its catalogue to.
    public static let errorFallbackCase = "undeclared"
    public static let errorCode = "code"
    public static let errorMessage = "message"
    public static let declaredMessage = "declaredMessage"
    /// Members of `ContractError` an error folding to the same name would declare twice. Its
    /// cases carry `(message:)`, so `code`, `message` and `declaredMessage` differ from them.
    public static var errorMembers: Set<String> { [errorFallbackCase] }

    /// A record's validation method (AccessRuntime.AccessValidatable).
    public static let accessValidate = "accessValidate"
    /// Field names a generated record cannot hold: a member named `self` hides the instance
    /// from the record's own initialisers and checks. (Records write their coding out through
    /// AccessRuntime.FieldKey, so no synthesised `CodingKeys` is in the way.)
    public static var recordMembers: Set<String> { ["self"] }
}

/// The names the generated Java clients (`java/<platform>/`) declare or use next to the
/// contract's, beside the Swift ones above: Java has no backticks, so a contract name that is a
/// reserved word gets a final `_` (which folding never writes, so no two names meet that way),
/// and the few places where a contract name would still meet generated code are refused by the
/// checker (S016) with its location.
public enum GeneratedJavaNames {
    /// Java's keywords, its literals, the contextual words that cannot name everything, and the
    /// methods of `java.lang.Object` that a record component or an operation method would clash with.
    public static let reservedWords: Set<String> = [
        "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue", "default",
        "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import",
        "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public", "return",
        "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
        "void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits",
        "clone", "equals", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait",
    ]

    /// A Java identifier for a contract name: itself, or with a final `_` when Java reserves it.
    public static func identifier(_ name: String) -> String {
        reservedWords.contains(name) ? name + "_" : name
    }

    /// The Java package segment of a platform: its id in lower case without dashes.
    public static func packageSegment(_ platformID: String) -> String {
        identifier(platformID.lowercased().replacingOccurrences(of: "-", with: ""))
    }

    /// The exception class of a catalogue error, e.g. `InvalidTokenException`, top level in the
    /// platform's package beside the contract's types.
    public static func exceptionType(_ errorName: String) -> String {
        IdentifierFolding.upperCamel(errorName) + "Exception"
    }

    /// The exception for a code the catalogue does not list.
    public static let undeclaredException = "UndeclaredException"

    /// Field names that would hide the packages generated records name in expressions
    /// (`org.accessspec.runtime.FieldCheck.text(...)`, `java.util.List.of(...)`): in Java a
    /// field's name wins over a package's.
    public static let recordMembers: Set<String> = ["org", "java"]
}
