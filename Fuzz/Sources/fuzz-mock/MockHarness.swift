import Foundation

/// Raw HTTP/1.1 requests through one platform's MockPlatform, as MockFuzzInput.swift (shared
/// with the regression tests) describes the input. The server's sockets and Hummingbird are
/// not fuzzed here; the contract logic behind them is.
enum MockHarness {
    static let platforms: MockFuzzPlatforms = {
        let root = ProcessInfo.processInfo.environment["ACCESSSPEC_ROOT"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized.path
        do { return try MockFuzzPlatforms(root: root) } catch {
            fatalError("fuzz-mock: \(error); set ACCESSSPEC_ROOT to the repository")
        }
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        let (_, problems) = try MockHarness.platforms.run(Array(UnsafeBufferPointer(start: data, count: size)))
        if !problems.isEmpty { fatalError("fuzz-mock: \(problems.joined(separator: "; "))") }
    } catch {
        fatalError("fuzz-mock: the mock does not start: \(error)")
    }
    return 0
}
