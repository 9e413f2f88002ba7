import Foundation
import Geometry
import SafeFiles

/// A batch's list of videos: JSON Lines, one entry per line, `{"video": "path", "box": [x, y, w, h]}`
/// with optional `"boxes"` (several targets), `"start_frame"` and `"name"` (the output's stem;
/// by default the video's file name without extension, then its folder's name if that is taken).
/// Relative video paths are relative to the manifest's folder; blank lines are skipped.
struct BatchManifest {
    /// One video to track.
    struct Entry: Equatable {
        /// 0-based position among the manifest's entries (blank lines not counted): what `--shard` divides.
        let position: Int
        /// The line it came from, for messages.
        let line: Int
        let name: String
        let video: String
        let boxes: [Box]
        /// Whether the entry gave `"boxes"`: its lines then carry `"target"`, as with `track --boxes`.
        let numbersTargets: Bool
        let startFrame: Int?
    }

    let entries: [Entry]

    /// Reads the manifest at `path`.
    ///
    /// - Throws: `BatchError.badManifest` naming the first bad line and why.
    init(path: String) throws(BatchError) {
        let text: String
        do {
            text = try FileContents.readText(path)
        } catch {
            throw .badManifest(path: path, line: 0, reason: error.reason)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var entries: [Entry] = [], names = Set<String>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            func bad(_ reason: String) -> BatchError { .badManifest(path: path, line: index + 1, reason: reason) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw bad("not a JSON object")
            }
            let known: Set<String> = ["video", "box", "boxes", "start_frame", "name"]
            if let unknown = object.keys.first(where: { !known.contains($0) }) { throw bad("unknown key \"\(unknown)\"") }
            guard let video = object["video"] as? String, !video.isEmpty else { throw bad("\"video\" must be a path") }
            let single = try object["box"].map { value throws(BatchError) in [try Self.box(value, bad)] } ?? []
            let several = try (object["boxes"] as Any?).map { value throws(BatchError) -> [Box] in
                guard let list = value as? [Any], !list.isEmpty else { throw bad("\"boxes\" must be a list of [x, y, w, h]") }
                return try list.map { item throws(BatchError) in try Self.box(item, bad) }
            } ?? []
            guard !single.isEmpty || !several.isEmpty else { throw bad("give \"box\": [x, y, w, h] or \"boxes\"") }
            var startFrame: Int?
            if let start = object["start_frame"] {
                guard let number = start as? NSNumber, !Self.isBoolean(number),
                    let frame = Int(exactly: number.doubleValue), frame >= 0
                else { throw bad("\"start_frame\" must be a whole number, 0 or more") }
                startFrame = frame
            }
            let resolved = video.hasPrefix("/") ? video : folder.appendingPathComponent(video).path
            let name = try Self.name(given: object["name"], video: resolved, taken: names, bad)
            names.insert(name)
            entries.append(Entry(
                position: entries.count, line: index + 1, name: name, video: resolved, boxes: single + several,
                numbersTargets: !several.isEmpty, startFrame: startFrame))
        }
        guard !entries.isEmpty else { throw .badManifest(path: path, line: 0, reason: "it holds no entry") }
        self.entries = entries
    }

    /// Characters that have no place in a file name: NUL, newlines, tabs and the like.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .control }

    /// Whether JSONSerialization read `number` from `true` or `false` (they come back as NSNumber too).
    private static func isBoolean(_ number: NSNumber) -> Bool { type(of: number) == type(of: NSNumber(value: true)) }

    private static func box(_ value: Any, _ bad: (String) -> BatchError) throws(BatchError) -> Box {
        guard let numbers = value as? [NSNumber], numbers.count == 4,
            !numbers.contains(where: isBoolean)
        else { throw bad("a box must be [x, y, w, h], four numbers") }
        let box = Box(x: numbers[0].doubleValue, y: numbers[1].doubleValue, width: numbers[2].doubleValue, height: numbers[3].doubleValue)
        guard box.isFinite, !box.isEmpty else { throw bad("a box must be finite with a positive width and height") }
        return box
    }

    /// The given name, checked, or one made from the video's path that no earlier entry has.
    private static func name(given: Any?, video: String, taken: Set<String>, _ bad: (String) -> BatchError) throws(BatchError) -> String {
        if let given {
            guard let name = given as? String, !name.isEmpty, !name.hasPrefix("."), !name.contains("/"),
                !name.unicodeScalars.contains(where: isControl)
            else { throw bad("\"name\" must be a file name stem, without '/', a leading '.' or control characters") }
            guard !taken.contains(name) else { throw bad("the name \"\(name)\" is already used by an earlier entry") }
            return name
        }
        let url = URL(fileURLWithPath: video)
        // A video's own name may hold a newline or such; its output's name does not.
        let stem = String(String.UnicodeScalarView(url.deletingPathExtension().lastPathComponent.unicodeScalars.map { isControl($0) ? "_" : $0 }))
        var candidates = [stem, "\(url.deletingLastPathComponent().lastPathComponent)_\(stem)"]
        candidates += (2...).lazy.prefix(taken.count + 1).map { "\(stem)_\($0)" }
        return candidates.first { !taken.contains($0) && !$0.hasPrefix(".") && !$0.isEmpty } ?? "entry_\(taken.count)"
    }
}
