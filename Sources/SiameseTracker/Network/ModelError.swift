/// Why a network file could not be used.
public enum ModelError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)
    /// The bytes are not a valid safetensors file.
    case malformed(path: String, reason: String)
    /// The file is valid safetensors but does not describe an embedding network we can run.
    case invalidNetwork(path: String, reason: String)

    /// One line naming the file and the problem.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read model \(path): \(reason)"
        case .unwritable(let path, let reason): "cannot write model \(path): \(reason)"
        case .malformed(let path, let reason): "model \(path) is not a valid safetensors file: \(reason)"
        case .invalidNetwork(let path, let reason): "model \(path) is not a usable embedding network: \(reason)"
        }
    }
}
