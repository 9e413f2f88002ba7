import Foundation

/// Lists the frame images of a sequence.
package enum ImageFolder {
    /// File extensions taken as images (frames, training photos), compared without regard to case.
    package static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "bmp"]

    /// Paths of the image files directly inside `directory`, in natural order of their names
    /// (`2.jpg` before `10.jpg`), or an empty list when there are none or it cannot be read.
    static func imagePaths(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let folder = URL(fileURLWithPath: directory)
        return names
            .filter { !$0.hasPrefix(".") && imageExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
            .map { folder.appendingPathComponent($0).path }
    }
}
