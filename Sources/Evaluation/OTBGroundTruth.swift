import Foundation

/// The ground-truth files of an OTB sequence directory.
enum OTBGroundTruth {
    /// The sequences an OTB directory annotates, as (sequence name, ground-truth path) pairs.
    ///
    /// `groundtruth_rect.txt` gives one sequence named after the directory; the multi-target
    /// sequences (Jogging, Skating2) have `groundtruth_rect.1.txt`, `.2.txt`, ... instead, and
    /// give `Jogging-1`, `Jogging-2`, as pysot names them.
    static func files(in directory: String) -> [(name: String, path: String)] {
        let folder = URL(fileURLWithPath: directory)
        let sequenceName = folder.lastPathComponent
        let single = folder.appendingPathComponent("groundtruth_rect.txt").path
        if FileManager.default.fileExists(atPath: single) { return [(sequenceName, single)] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let targets = names.compactMap { name -> Int? in
            guard name.hasPrefix("groundtruth_rect."), name.hasSuffix(".txt") else { return nil }
            return Int(name.dropFirst("groundtruth_rect.".count).dropLast(".txt".count))
        }
        return targets.sorted().map { target in
            ("\(sequenceName)-\(target)",
             folder.appendingPathComponent("groundtruth_rect.\(target).txt").path)
        }
    }
}
