import Foundation

/// Reads GOT-10k's per-frame label files: one integer per row (`absence.label`: 1 where the
/// target is absent; `cover.label`: 0 to 8, how much of the target is visible, 0 for none).
enum FrameLabelFile {
    /// The labels in the file at `path`, one per row.
    static func read(path: String) throws(DatasetError) -> [Int] {
        let lines = GroundTruthFile.rows(of: try GroundTruthFile.readText(path: path))
        var labels: [Int] = []
        for (index, line) in lines.enumerated() {
            let field = line.trimmingCharacters(in: .whitespaces)
            guard let label = Int(field) else {
                throw .notANumber(path: path, line: index + 1, field: field)
            }
            labels.append(label)
        }
        return labels
    }
}
