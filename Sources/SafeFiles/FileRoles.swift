/// The files one command reads and writes, each with the words that name it for the user
/// ("--render out.mp4", "the input video v.mp4"), checked against each other before anything is
/// opened for writing: an output may not be an input, nor another output.
public struct FileRoles: Sendable {
    /// A path and how the user gave it.
    public struct Named: Sendable {
        /// How a message names it, e.g. "-o out.jsonl".
        public let role: String
        let identity: FileIdentity
    }

    private var inputs: [Named] = []
    private var outputs: [Named] = []

    /// No files yet.
    public init() {}

    /// Adds a file the command reads, named `role` in messages; nil paths and devices are ignored.
    public mutating func read(_ path: String?, as role: String) {
        if let path, let identity = FileIdentity(path: path) { inputs.append(Named(role: role, identity: identity)) }
    }

    /// Adds a file the command writes, named `role` in messages; nil paths and devices are ignored.
    public mutating func write(_ path: String?, as role: String) {
        if let path, let identity = FileIdentity(path: path) { outputs.append(Named(role: role, identity: identity)) }
    }

    /// Checks that no output is an input or another output.
    ///
    /// - Throws: `FileCollision` naming the first two that meet.
    public func check() throws(FileCollision) {
        var inputByIdentity: [FileIdentity: String] = [:]
        for input in inputs where inputByIdentity[input.identity] == nil { inputByIdentity[input.identity] = input.role }
        var outputByIdentity: [FileIdentity: String] = [:]
        for output in outputs {
            if let input = inputByIdentity[output.identity] { throw .overwritesInput(output: output.role, input: input) }
            if let other = outputByIdentity.updateValue(output.role, forKey: output.identity) {
                throw .sameOutput(first: other, second: output.role)
            }
        }
    }
}

/// Two paths of one command that are the same file where they must not be.
public enum FileCollision: Error, CustomStringConvertible, Equatable, Sendable {
    /// An output would replace a file the command reads.
    case overwritesInput(output: String, input: String)
    /// Two outputs would be written to one file, the second replacing the first.
    case sameOutput(first: String, second: String)

    /// One line naming both and what to do.
    public var description: String {
        switch self {
        case .overwritesInput(let output, let input):
            "\(output) is \(input): siamtrack never writes over what it reads; choose another path"
        case .sameOutput(let first, let second):
            "\(first) and \(second) are the same file; give each output its own path"
        }
    }
}
