import Foundation
import TestSupport
import XCTest

/// `siamtrack batch` never lets two runs write one folder, writes its summary aside so a full disk
/// leaves the last complete one, and says what is wrong with a manifest or folder in plain words.
final class BatchSafetyTests: XCTestCase {
    private let box = "29.84,113.41,64.59,64.59"

    /// A manifest of `count` entries of the bundled textured-square clip, in `folder`.
    private func manifest(in folder: URL, count: Int, name: String = "manifest.jsonl") throws -> String {
        let video = SiamtrackProcess.path("clips/textured-square/video.mp4")
        let lines = (0..<count).map { "{\"video\": \"\(video)\", \"box\": [\(box)], \"name\": \"e\($0)\"}" }
        let path = folder.appendingPathComponent(name).path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Starts `siamtrack` with `arguments` without waiting for it.
    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try SiamtrackProcess.executable()
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func testASecondRunOnTheSameFolderOrShardIsRefusedNamingTheFirstWhichFinishesAlone() throws {
        let folder = try temporaryDirectory()
        let list = try manifest(in: folder, count: 12)
        let out = folder.appendingPathComponent("out").path
        let first = try start(["batch", list, "--out-dir", out, "--jobs", "1", "--no-progress"])
        let lock = out + "/.siamtrack-batch/lock"
        let deadline = Date().addingTimeInterval(60)
        while (FileManager.default.contents(atPath: lock) ?? Data()).isEmpty, Date() < deadline { usleep(20_000) }

        for extra in [[], ["--shard", "0/2"]] {
            let second = try SiamtrackProcess.run(["batch", list, "--out-dir", out] + extra)
            assertFails(second, status: 1, mentioning: ["another siamtrack batch (process \(first.processIdentifier)) is writing to \(out)"])
        }
        XCTAssertTrue(first.isRunning, "the first run must still be going for this test to mean anything")
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
        XCTAssertEqual(summary["done"] as? Int, 12)
        XCTAssertEqual(try contents(of: URL(fileURLWithPath: out)).filter { $0.hasSuffix(".partial") }, [])
    }

    func testTwoShardsRunSideBySide() throws {
        let folder = try temporaryDirectory()
        let list = try manifest(in: folder, count: 4)
        let out = folder.appendingPathComponent("out").path
        let other = try start(["batch", list, "--out-dir", out, "--shard", "1/2", "--no-progress"])
        let shard = try SiamtrackProcess.run(["batch", list, "--out-dir", out, "--shard", "0/2", "--no-progress"])
        other.waitUntilExit()
        XCTAssertEqual(shard.status, 0, shard.summary)
        XCTAssertEqual(other.terminationStatus, 0)
        XCTAssertEqual(try contents(of: URL(fileURLWithPath: out)).filter { $0.hasSuffix(".jsonl") }, ["e0.jsonl", "e1.jsonl", "e2.jsonl", "e3.jsonl"])
    }

    func testAFullDiskLeavesTheLastCompleteSummaryAndSaysSoInPlainWords() throws {
        let folder = try temporaryDirectory()
        guard let small = SmallDisk(at: folder.appendingPathComponent("disk").path, kibibytes: 96) else {
            throw XCTSkip("cannot mount a small tmpfs here (needs root)")
        }
        defer { withExtendedLifetime(small) {} }
        let disk = small.path, out = disk + "/out"
        XCTAssertEqual(try SiamtrackProcess.run(["batch", try manifest(in: folder, count: 1), "--out-dir", out]).status, 0)
        let summary = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))
        // Fill the disk, then ask for more.
        let filler = open(disk + "/filler", O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0, count: 4096)
        while write(filler, block, block.count) > 0 {}
        close(filler)

        let result = try SiamtrackProcess.run(["batch", try manifest(in: folder, count: 3, name: "more.jsonl"), "--out-dir", out])

        XCTAssertEqual(result.errorLines.count, 1, result.standardError)
        XCTAssertTrue(result.standardError.contains("No space left on device"), result.standardError)
        XCTAssertFalse(result.standardError.contains("Domain"), result.standardError)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")), summary, "the last complete summary stays")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: summary))
        XCTAssertEqual(try contents(of: URL(fileURLWithPath: out)).filter { $0.hasSuffix(".partial") }, [])
    }

    func testAFailedEntrysErrorDoesNotClaimLinesItRemoved() throws {
        let folder = try temporaryDirectory()
        guard let small = SmallDisk(at: folder.appendingPathComponent("disk").path, kibibytes: 8) else {
            throw XCTSkip("cannot mount a small tmpfs here (needs root)")
        }
        defer { withExtendedLifetime(small) {} }
        let disk = small.path
        let result = try SiamtrackProcess.run(["batch", try manifest(in: folder, count: 1), "--out-dir", disk])
        XCTAssertEqual(result.status, 1, result.summary)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: disk + "/summary.json"))) as? [String: Any])
        let entry = try XCTUnwrap((summary["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(entry["error"] as? String, "cannot write \(disk)/e0.jsonl: No space left on device; nothing of this entry was kept, a rerun tracks it again")
    }

    func testManifestAndFolderProblemsAreNamedInPlainWords() throws {
        let folder = try temporaryDirectory()
        let list = try manifest(in: folder, count: 1)
        let file = folder.appendingPathComponent("file").path
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data()))
        let cases: [([String], Int32, String)] = [
            (["batch", folder.path + "/none.jsonl", "--out-dir", folder.path + "/o"], 2, "manifest \(folder.path)/none.jsonl: no such file"),
            (["batch", folder.path, "--out-dir", folder.path + "/o"], 2, "manifest \(folder.path): it is a folder, not a file"),
            (["batch", list, "--out-dir", file], 1, "cannot use --out-dir \(file): it is a file, not a folder"),
            (["batch", list, "--out-dir", file + "/sub"], 1, "cannot use --out-dir \(file)/sub: \(file): it is a file, not a folder"),
        ]
        for (arguments, status, message) in cases {
            assertFails(try SiamtrackProcess.run(arguments), status: status, mentioning: [message])
        }
    }

    func testNamesWithControlCharactersAreRefused() throws {
        let folder = try temporaryDirectory()
        let video = SiamtrackProcess.path("clips/textured-square/video.mp4")
        for name in ["a\\nb", "a\\u0000b"] {
            let list = folder.appendingPathComponent("m.jsonl")
            try Data("{\"video\": \"\(video)\", \"box\": [\(box)], \"name\": \"\(name)\"}\n".utf8).write(to: list)
            let result = try SiamtrackProcess.run(["batch", list.path, "--out-dir", folder.appendingPathComponent("o").path])
            assertFails(result, status: 2, mentioning: ["line 1", "control characters"])
        }
    }
}
