import Foundation
import XCTest

/// A fresh directory under the system's temporary folder, removed when the test ends.
struct TemporaryDirectory {
    let path: String

    init(for test: XCTestCase) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("EvaluationTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let path = self.path
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The absolute path of `relative` inside the directory.
    func path(_ relative: String) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(relative).path
    }

    /// Writes `text` to `relative`, creating the directories above it.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        let file = path(relative)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Creates empty frame images `1...count` in `directory`, named with `digits` digits
    /// (`0001.jpg`); the loader lists frames without decoding them.
    func touchFrames(_ count: Int, in directory: String, digits: Int = 4) throws {
        for frame in 1...count {
            let name = String(repeating: "0", count: max(digits - String(frame).count, 0)) + "\(frame).jpg"
            try write("", to: directory.isEmpty ? name : "\(directory)/\(name)")
        }
    }
}
