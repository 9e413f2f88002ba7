import Foundation
import Geometry

/// `--boxes FILE`: one target per line as `x,y,w,h` (commas, spaces or tabs between the numbers);
/// blank lines and lines starting with `#` are skipped.
enum TargetBoxesFile {
    /// The boxes in the file, in order.
    ///
    /// - Throws: `CommandError.badBoxesFile` naming the file and the first bad line.
    static func read(_ path: String) throws(CommandError) -> [Box] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .badBoxesFile(path, "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw .badBoxesFile(path, "is not UTF-8 text") }
        var boxes: [Box] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            do {
                boxes.append(try BoxArgument.parse(trimmed))
            } catch {
                throw .badBoxesFile(path, "line \(number + 1) \"\(trimmed.prefix(40))\": \(error)")
            }
        }
        guard !boxes.isEmpty else { throw .badBoxesFile(path, "holds no box") }
        return boxes
    }
}
