import Foundation
import SiameseTracker

/// A batch's output folder: `NAME.jsonl` per entry, written as `.NAME.jsonl.partial` and
/// renamed when complete, `.siamtrack-batch/NAME.json` recording what made it, and the summary.
struct BatchFolder: Sendable {
    let path: String

    /// The full path of `name` inside the folder.
    func path(_ name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }

    private var recordFolder: String { path(".siamtrack-batch") }

    /// Creates the folder and its record folder if needed.
    func create() throws(CommandError) {
        do {
            try FileManager.default.createDirectory(atPath: recordFolder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path, error.localizedDescription)
        }
    }

    /// Tracks `entry` unless its output is already complete for the same inputs; never throws:
    /// a failure is the result's status, with its one-line error. `frameDone` hears each frame.
    func run(
        _ entry: BatchManifest.Entry, networks: [EmbeddingNetwork], configuration: TrackerConfiguration,
        identity: BatchEntryRecord.Identity, frameDone: () -> Void
    ) -> BatchEntryResult {
        let output = path("\(entry.name).jsonl"), recordPath = URL(fileURLWithPath: recordFolder).appendingPathComponent("\(entry.name).json").path
        let record = BatchEntryRecord(entry, identity: identity)
        if let record, FileManager.default.fileExists(atPath: output), let data = FileManager.default.contents(atPath: recordPath),
            (try? JSONDecoder().decode(BatchEntryRecord.self, from: data)) == record {
            let lines = (FileManager.default.contents(atPath: output) ?? Data()).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return BatchEntryResult(
                name: entry.name, video: entry.video, status: .skipped, frames: lines / max(entry.boxes.count, 1), framesPerSecond: nil, error: nil)
        }
        // One name per entry: shards never share an entry, and a rerun after a kill truncates what
        // the killed run left and renames it when complete.
        let partial = path(".\(entry.name).jsonl.partial")
        let started = ContinuousClock.now
        do {
            unlink(recordPath)
            var range = FrameRange()
            range.start = entry.startFrame.map(FrameRange.Bound.frame)
            let job = TrackJob(video: entry.video, boxes: entry.boxes, numbersTargets: entry.numbersTargets, range: range, configuration: configuration)
            let frames = try job.run(networks: networks, openOutput: { try LineOutput(path: partial) }, progress: { _, _ in frameDone() })
            guard rename(partial, output) == 0 else { throw CommandError.cannotWrite(output, String(cString: strerror(errno))) }
            if let record {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                try encoder.encode(record).write(to: URL(fileURLWithPath: recordPath))
            }
            return BatchEntryResult(
                name: entry.name, video: entry.video, status: .done, frames: frames,
                framesPerSecond: Double(frames) / max(started.secondsElapsed, 1e-9), error: nil)
        } catch {
            unlink(partial)
            let message = "\(error)".split(separator: "\n").first.map(String.init) ?? "failed"
            return BatchEntryResult(name: entry.name, video: entry.video, status: .failed, frames: nil, framesPerSecond: nil, error: message)
        }
    }

    /// Writes the results, in manifest order, as pretty JSON to `name`.
    func writeSummary(_ results: [BatchEntryResult], named name: String) throws(CommandError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let counts = Dictionary(grouping: results, by: \.status).mapValues(\.count)
        let summary = BatchSummary(
            entries: results.count, done: counts[.done] ?? 0, skipped: counts[.skipped] ?? 0, failed: counts[.failed] ?? 0, results: results)
        do {
            try encoder.encode(summary).write(to: URL(fileURLWithPath: path(name)))
        } catch {
            throw .cannotWrite(path(name), error.localizedDescription)
        }
    }
}

/// `summary.json`: the counts and every entry's result.
private struct BatchSummary: Codable {
    let entries: Int, done: Int, skipped: Int, failed: Int
    let results: [BatchEntryResult]
}
