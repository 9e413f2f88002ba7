import ArgumentParser
import Dispatch
import Foundation
import SafeFiles
import SiameseTracker
import VideoIO

/// `siamtrack batch MANIFEST --out-dir DIR`: many videos, each tracked as `track` would, resumably,
/// in parallel, and shardable across machines.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Track every video of a JSON Lines manifest into DIR/NAME.jsonl, resumably and in parallel.",
        discussion: """
            Manifest lines: {"video": "path", "box": [x, y, w, h]} with optional "boxes" (several \
            targets), "start_frame" and "name" (the output's stem). Relative paths are relative to \
            the manifest's folder. Each entry's DIR/NAME.jsonl holds exactly what `track` prints, \
            written aside and renamed when complete. An entry already done for the same video \
            (path, size, modification time), boxes, start, model and settings is skipped: \
            DIR/.siamtrack-batch/NAME.json records what made each output. A failed entry is \
            recorded with its error and the batch goes on; a damaged video is tracked through, \
            its skipped frames counted. DIR/summary.json (summary-I-of-N.json with --shard) lists \
            every entry. One run at a time writes DIR (or a shard of it): a second one is refused. \
            No output may be the manifest, a video or a model. Exit 0 when all succeeded, 1 when \
            some failed, 2 for a bad manifest.
            """)

    @Argument(help: "The manifest: JSON Lines, one video per line.")
    var manifest: String

    @Option(name: [.customShort("o"), .customLong("out-dir"), .customLong("output")], help: ArgumentHelp("Folder for the outputs.", valueName: "dir"))
    var outDir: String

    // Measured on 2 cores over the 27 dev clips: 2 entries at once of 1 thread each took 13.2 and
    // 13.8 s, one entry at a time 20.1 and 21.7 s, and one at a time on 2 threads 21.2 s.
    @Option(help: ArgumentHelp("Entries tracked at once, each with --threads threads (default: one per processor).", valueName: "n"))
    var jobs = min(ProcessInfo.processInfo.activeProcessorCount, 256)

    @Option(help: ArgumentHelp("Take only the entries whose position modulo N is I (0-based), for N machines sharing one manifest.", valueName: "I/N"),
            transform: BatchShard.parse)
    var shard: BatchShard?

    @Flag(help: "Fail an entry at its video's first damaged frame instead of skipping what cannot be decoded.")
    var strict = false

    @OptionGroup var progress: ProgressOption
    @OptionGroup var model: ModelOption
    @OptionGroup(title: "Tracker settings") var settings: TrackerOptions

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must lie in 1...256") }
    }

    func run() throws {
        let entries: [BatchManifest.Entry]
        do {
            entries = try BatchManifest(path: manifest).entries.filter { shard?.takes($0.position) ?? true }
        } catch {
            throw ValidationError("\(error)")
        }
        let folder = BatchFolder(path: outDir)
        let summaryName = shard.map { "summary-\($0.index)-of-\($0.count).json" } ?? "summary.json"
        try checkPaths(entries, folder: folder, summary: summaryName)
        try folder.create()
        let folderLock = try BatchLock(folder: folder, shard: shard)
        defer { withExtendedLifetime(folderLock) {} }
        if let reason = folderLock.unlockedReason {
            FileDescriptorWriting.writeToStandardError(
                "siamtrack: warning: cannot lock \(folder.path) (\(reason)); a second batch run on it at once would not be refused\n")
        }
        // This run's outputs, records and summary that killed runs were writing, in one listing each.
        PartialFile.removeStale(in: folder.path, for: Set(entries.map { "\($0.name).jsonl" } + [summaryName]))
        PartialFile.removeStale(in: folder.recordFolder, for: Set(entries.map { "\($0.name).json" }))
        let networks = try model.load()
        let configuration = settings.configuration
        let identity = BatchEntryRecord.Identity(model: networks.map(\.fingerprint).joined(separator: "+"), settings: configuration.metadataJSON)
        let line = progress.line(unit: "frames")
        let state = BatchProgress(total: entries.count, line: line)
        var results = [BatchEntryResult?](repeating: nil, count: entries.count)
        let lock = NSLock()
        var next = 0
        let workers = min(jobs, entries.count)
        let work = { () -> Void in
            while true {
                let index: Int? = lock.withLock {
                    defer { next += 1 }
                    return next < entries.count ? next : nil
                }
                guard let index else { return }
                let result = folder.run(
                    entries[index], networks: networks, configuration: configuration, identity: identity,
                    damagedData: strict ? .stop : .conceal
                ) { state.frameDone() }
                lock.withLock { results[index] = result }
                state.entryDone()
            }
        }
        if workers <= 1 {
            work()
        } else {
            let box = UncheckedWork(work: work)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in box.work() }
        }
        line.clear()
        let finished = results.compactMap { $0 }
        try folder.writeSummary(finished, named: summaryName)
        let failed = finished.filter { $0.status == .failed }.count
        if failed > 0 { throw BatchError.entriesFailed(failed: failed, of: finished.count, summary: folder.path(summaryName)) }
    }

    /// Refuses a batch whose outputs would replace the manifest, a video, a model or each other.
    private func checkPaths(_ entries: [BatchManifest.Entry], folder: BatchFolder, summary: String) throws {
        var roles = FileRoles()
        roles.read(manifest, as: "the manifest \(manifest)")
        for file in model.model { roles.read(file, as: "the model \(file)") }
        for entry in entries { roles.read(entry.video, as: "the video \(entry.video) of manifest line \(entry.line)") }
        for entry in entries { roles.write(folder.outputPath(of: entry), as: "the output \(folder.outputPath(of: entry)) of manifest line \(entry.line)") }
        roles.write(folder.path(summary), as: "the summary \(folder.path(summary))")
        do {
            try roles.check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The worker closure, shared with Dispatch's threads; its state is guarded by the lock.
    private struct UncheckedWork: @unchecked Sendable { let work: () -> Void }
}

/// `--shard I/N`.
struct BatchShard: Equatable {
    let index: Int, count: Int

    /// Whether the entry at `position` belongs to this shard.
    func takes(_ position: Int) -> Bool { position % count == index }

    /// Parses `I/N` with 0 <= I < N.
    static func parse(_ text: String) throws -> BatchShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else {
            throw ValidationError("must be I/N with 0 <= I < N, e.g. 0/4")
        }
        return BatchShard(index: index, count: count)
    }
}

/// Entries and frames done over the whole batch, for the progress line.
private final class BatchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let line: ProgressLine
    private var entries = 0, frames = 0

    init(total: Int, line: ProgressLine) {
        self.total = total
        self.line = line
    }

    func frameDone() { lock.withLock { frames += 1; draw() } }
    func entryDone() { lock.withLock { entries += 1; draw() } }
    private func draw() { line.update(done: frames, total: nil, label: "entries \(entries)/\(total)") }
}
