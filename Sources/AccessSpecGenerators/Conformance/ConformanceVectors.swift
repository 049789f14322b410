import AccessSpecCore
import AccessVectors

/// The vectors of one platform, for runners that compile the workspace themselves.
public enum ConformanceVectors {
    public static func vectors(for platform: PlatformIR, settings: WorkspaceSettings) throws -> VectorFile {
        try VectorBuilder(platform: platform, settings: settings).build()
    }
}
