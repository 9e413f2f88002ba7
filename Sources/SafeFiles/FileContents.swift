import Foundation

/// Reading whole files with the system's reasons in plain words, never Foundation's error domains.
public enum FileContents {
    /// The bytes of the file at `path`.
    ///
    /// - Throws: `FileError`: no such file, a folder, or the system's reason.
    public static func read(_ path: String) throws(FileError) -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else { throw FileError(.read, path: path, reason: errno == ENOENT ? "no such file" : FileError.currentReason()) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw FileError(.read, path: path, reason: "it is a folder, not a file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(.read, path: path, reason: FileError.currentReason()) }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw FileError(.read, path: path, reason: FileError.currentReason()) }
            if count == 0 { return data }
            data.append(contentsOf: buffer[..<count])
        }
    }

    /// The file at `path` as UTF-8 text.
    ///
    /// - Throws: `FileError` as `read`, or when the bytes are not UTF-8 text.
    public static func readText(_ path: String) throws(FileError) -> String {
        guard let text = String(data: try read(path), encoding: .utf8) else {
            throw FileError(.read, path: path, reason: "it is not UTF-8 text")
        }
        return text
    }

    /// The names in the folder at `path`.
    ///
    /// - Throws: `FileError`: no such folder, a file, or the system's reason.
    public static func names(inFolder path: String) throws(FileError) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw FileError(.read, path: path, reason: errno == ENOENT ? "no such folder" : FileError.currentReason()) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw FileError(.read, path: path, reason: "it is a file, not a folder") }
        guard let folder = opendir(path) else { throw FileError(.read, path: path, reason: FileError.currentReason()) }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
