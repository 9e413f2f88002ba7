import Foundation
import SafeFiles
import SiameseTracker
import VideoIO

/// A batch's output folder: `NAME.jsonl` per entry, written aside and renamed when complete,
/// `.siamtrack-batch/NAME.json` recording what made it, the lock, and the summary.
struct BatchFolder: Sendable {
    let path: String

    /// The full path of `name` inside the folder.
    func path(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Where the records of what made each output, and the locks, live.
    var recordFolder: String { path(".siamtrack-batch") }

    /// The output of `entry`.
    func outputPath(of entry: BatchManifest.Entry) -> String { path("\(entry.name).jsonl") }

    private func recordPath(of entry: BatchManifest.Entry) -> String {
        (recordFolder as NSString).appendingPathComponent("\(entry.name).json")
    }

    /// Creates the folder and its record folder if needed.
    ///
    /// - Throws: `CommandError.unusableFolder` naming what is in the way, e.g. a file where the
    ///   folder should be.
    func create() throws(CommandError) {
        do {
            try FolderCreation.create(path)
            try FolderCreation.create(recordFolder)
        } catch {
            throw .unusableFolder(option: "--out-dir", path: path, error)
        }
    }

    /// Tracks `entry` unless its output is already complete for the same inputs; never throws:
    /// a failure is the result's status, with its one-line error. `frameDone` hears each frame.
    func run(
        _ entry: BatchManifest.Entry, networks: [EmbeddingNetwork], configuration: TrackerConfiguration,
        identity: BatchEntryRecord.Identity, damagedData: DamagedDataHandling, frameDone: () -> Void
    ) -> BatchEntryResult {
        let output = outputPath(of: entry), recordPath = recordPath(of: entry)
        let record = BatchEntryRecord(entry, identity: identity)
        if let record, FileManager.default.fileExists(atPath: output), let data = FileManager.default.contents(atPath: recordPath),
            (try? JSONDecoder().decode(BatchEntryRecord.self, from: data)) == record {
            let lines = (FileManager.default.contents(atPath: output) ?? Data()).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return BatchEntryResult(
                name: entry.name, video: entry.video, status: .skipped, frames: lines / max(entry.boxes.count, 1), framesPerSecond: nil,
                damagedFrames: nil, error: nil)
        }
        let partial = PartialFile(beside: output)
        let started = ContinuousClock.now
        let outcome: TrackJob.Outcome
        do {
            unlink(recordPath)
            var range = FrameRange()
            range.start = entry.startFrame.map(FrameRange.Bound.frame)
            var job = TrackJob(video: entry.video, boxes: entry.boxes, numbersTargets: entry.numbersTargets, range: range, configuration: configuration)
            job.damagedData = damagedData
            outcome = try job.run(networks: networks, openOutput: { try LineOutput(path: partial.path) }, progress: { _, _ in frameDone() })
            try partial.commit()
        } catch {
            partial.discard()
            let message: String =
                switch error {
                case CommandError.writeFailed(_, let reason), CommandError.cannotWrite(_, let reason):
                    "cannot write \(output): \(reason); nothing of this entry was kept, a rerun tracks it again"
                case let error as FileError:
                    "\(error); nothing of this entry was kept, a rerun tracks it again"
                default:
                    "\(error)".split(separator: "\n").first.map(String.init) ?? "failed"
                }
            return BatchEntryResult(
                name: entry.name, video: entry.video, status: .failed, frames: nil, framesPerSecond: nil, damagedFrames: nil, error: message)
        }
        var note: String?
        if let record {
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                try PartialFile.write(try encoder.encode(record), to: recordPath)
            } catch {
                note = "the output is complete, but \(error); a rerun tracks this entry again"
            }
        }
        return BatchEntryResult(
            name: entry.name, video: entry.video, status: .done, frames: outcome.frames,
            framesPerSecond: Double(outcome.frames) / max(started.secondsElapsed, 1e-9),
            damagedFrames: outcome.damage.isEmpty ? nil : outcome.damage.frameCount,
            error: note ?? (outcome.damage.isEmpty ? nil : "damaged video: \(outcome.damage.summary)"))
    }

    /// Writes the results, in manifest order, as pretty JSON to `name`, aside and renamed, so a
    /// run that cannot finish leaves the last complete summary.
    func writeSummary(_ results: [BatchEntryResult], named name: String) throws(FileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let counts = Dictionary(grouping: results, by: \.status).mapValues(\.count)
        let summary = BatchSummary(
            entries: results.count, done: counts[.done] ?? 0, skipped: counts[.skipped] ?? 0, failed: counts[.failed] ?? 0,
            damaged: results.filter { $0.damagedFrames != nil }.count, results: results)
        // Encoding plain numbers and strings cannot fail.
        let data = (try? encoder.encode(summary)) ?? Data()
        try PartialFile.write(data, to: path(name))
    }
}

/// `summary.json`: the counts and every entry's result.
private struct BatchSummary: Codable {
    let entries: Int, done: Int, skipped: Int, failed: Int
    /// Entries tracked from a damaged video (their frames that could not be decoded were skipped).
    let damaged: Int
    let results: [BatchEntryResult]
}
