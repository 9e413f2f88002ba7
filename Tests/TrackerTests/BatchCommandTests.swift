import Foundation
import XCTest

/// `siamtrack batch`: the outputs equal `track`'s, shards add up to one run, a run cut short
/// resumes without redoing or leaving half a file, and bad entries are recorded or refused.
final class BatchCommandTests: XCTestCase {
    private let clips = [
        ("distractor", "76.32,89.22,60,60"), ("textured-square", "29.84,113.41,64.59,64.59"), ("occlusion-lighting", "20,20,40,40"),
    ]

    /// A manifest of the bundled clips (relative paths, from a folder that links to `clips`).
    private func manifest(in folder: URL, extra: [String] = []) throws -> URL {
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("clips"), withDestinationURL: URL(fileURLWithPath: SiamtrackProcess.path("clips")))
        let lines = clips.map { name, box in "{\"video\": \"clips/\(name)/video.mp4\", \"box\": [\(box)], \"name\": \"\(name)\"}" } + extra
        let url = folder.appendingPathComponent("manifest.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    private func summary(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func testEachOutputEqualsWhatTrackPrintsAndTwoJobsChangeNothing() throws {
        let folder = try temporaryDirectory()
        let list = try manifest(in: folder)

        let result = try SiamtrackProcess.run(["batch", list.path, "--out-dir", folder.appendingPathComponent("out").path, "--jobs", "2"])

        XCTAssertEqual(result.status, 0, result.summary)
        for (name, box) in clips {
            let alone = try SiamtrackProcess.run(["track", SiamtrackProcess.path("clips/\(name)/video.mp4"), "--box", box])
            XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("out/\(name).jsonl"), encoding: .utf8), alone.standardOutput, name)
        }
        let counts = try summary(folder.appendingPathComponent("out/summary.json"))
        XCTAssertEqual(counts["done"] as? Int, 3)
        XCTAssertEqual(try contents(of: folder.appendingPathComponent("out")), ([".siamtrack-batch", "summary.json"] + clips.map { "\($0.0).jsonl" }).sorted())
    }

    func testTwoShardsInTwoProcessesWriteTheFilesOfOneRun() throws {
        let folder = try temporaryDirectory()
        let list = try manifest(in: folder)
        let whole = folder.appendingPathComponent("whole"), shared = folder.appendingPathComponent("shared")

        XCTAssertEqual(try SiamtrackProcess.run(["batch", list.path, "-o", whole.path]).status, 0)
        for shard in ["0/2", "1/2"] {
            XCTAssertEqual(try SiamtrackProcess.run(["batch", list.path, "-o", shared.path, "--shard", shard]).status, 0)
        }

        for (name, _) in clips {
            XCTAssertEqual(
                try Data(contentsOf: whole.appendingPathComponent("\(name).jsonl")), try Data(contentsOf: shared.appendingPathComponent("\(name).jsonl")), name)
        }
        XCTAssertEqual(try summary(shared.appendingPathComponent("summary-0-of-2.json"))["entries"] as? Int, 2, "positions 0 and 2")
        XCTAssertEqual(try summary(shared.appendingPathComponent("summary-1-of-2.json"))["entries"] as? Int, 1, "position 1")
    }

    func testARunCutShortResumesWithoutRedoingFinishedEntries() throws {
        let folder = try temporaryDirectory()
        let list = try manifest(in: folder)
        let out = folder.appendingPathComponent("out")
        XCTAssertEqual(try SiamtrackProcess.run(["batch", list.path, "-o", out.path]).status, 0)
        // As a kill would leave it: one entry never finished (its output missing, a partial file
        // beside), another finished; the first's output is marked old to see that it stays.
        try FileManager.default.removeItem(at: out.appendingPathComponent("textured-square.jsonl"))
        try Data("{\"frame\":0,\"ti".utf8).write(to: out.appendingPathComponent(".textured-square.jsonl.2147483646.7.partial"))
        let kept = out.appendingPathComponent("distractor.jsonl")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: kept.path)

        let again = try SiamtrackProcess.run(["batch", list.path, "-o", out.path])

        XCTAssertEqual(again.status, 0, again.summary)
        let results = try XCTUnwrap(try summary(out.appendingPathComponent("summary.json"))["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["status"] as? String }, ["skipped", "done", "skipped"])
        let modified = try FileManager.default.attributesOfItem(atPath: kept.path)[.modificationDate] as? Date
        XCTAssertEqual(modified, Date(timeIntervalSince1970: 1_000_000), "a finished output is not rewritten")
        let redone = try String(contentsOf: out.appendingPathComponent("textured-square.jsonl"), encoding: .utf8)
        XCTAssertEqual(redone.split(separator: "\n").count, 120)
        XCTAssertFalse(try contents(of: out).contains { $0.contains("partial") }, "the half-written file became the output")
        // Other settings make other outputs: nothing is skipped.
        let changed = try SiamtrackProcess.run(["batch", list.path, "-o", out.path, "--scales", "1"])
        let statuses = try XCTUnwrap(try summary(out.appendingPathComponent("summary.json"))["results"] as? [[String: Any]]).map { $0["status"] as? String }
        XCTAssertEqual(changed.status, 0)
        XCTAssertEqual(statuses, ["done", "done", "done"])
    }

    func testAMissingVideoIsRecordedAndTheBatchGoesOnWhileABadLineRefusesTheManifest() throws {
        let folder = try temporaryDirectory()
        let list = try manifest(in: folder, extra: ["{\"video\": \"nowhere.mp4\", \"box\": [1, 2, 30, 40]}"])
        let out = folder.appendingPathComponent("out")

        let result = try SiamtrackProcess.run(["batch", list.path, "-o", out.path])

        XCTAssertEqual(result.status, 1, result.summary)
        XCTAssertTrue(result.standardError.contains("1 of 4 entries failed"), result.summary)
        let results = try XCTUnwrap(try summary(out.appendingPathComponent("summary.json"))["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["status"] as? String }, ["done", "done", "done", "failed"])
        XCTAssertTrue((results[3]["error"] as? String)?.contains("nowhere.mp4: no such file") == true, "\(results[3])")

        let badFolder = try temporaryDirectory()
        let bad = try manifest(in: badFolder, extra: ["{\"video\": \"x.mp4\", \"box\": [1, 2, 3]}"])
        assertFails(try SiamtrackProcess.run(["batch", bad.path, "-o", badFolder.appendingPathComponent("out").path]), status: 2,
                    mentioning: ["manifest", "line 4", "[x, y, w, h]"])
    }
}
