import Foundation

/// Where JSON lines go: stdout or a file, each line written through at once so a reader (or a
/// crash) never sees half a line.
struct LineOutput {
    private let handle: FileHandle

    /// Standard output.
    static let standardOutput = LineOutput(handle: .standardOutput)

    private init(handle: FileHandle) { self.handle = handle }

    /// Creates or truncates `path`.
    init(path: String) throws(CommandError) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw .cannotWrite(path)
        }
        self.handle = handle
    }

    /// Writes one complete line.
    func write(_ line: String) { handle.write(Data(line.utf8)) }
}
