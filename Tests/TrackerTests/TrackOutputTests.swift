import Foundation
import Geometry
import XCTest

/// `siamtrack track` on a bundled clip: one JSON object per line, one line per frame, following
/// the target. Runs the built executable, as a user would.
final class TrackOutputTests: XCTestCase {
    private static let clip = "clips/textured-square"

    /// Mean IoU of the bundled network's track with the ground truth over the whole clip: measured
    /// 0.69 (debug and release give the same boxes), with margin for other CPUs' float rounding.
    private static let minimumMeanIntersectionOverUnion = 0.55

    func testTrackingTheTexturedSquareClipPrintsOneValidLinePerFrameWithMeanIoUAbove0_55() throws {
        let (lines, truth) = try trackClip()
        XCTAssertEqual(lines.count, truth.count, "one line per frame of the clip")
        XCTAssertEqual(lines.map(\.frame), Array(0..<lines.count))
        assertFirstLineIsTheStartBox(lines, try XCTUnwrap(truth.first))
        for (earlier, later) in zip(lines, lines.dropFirst()) {
            XCTAssertLessThan(earlier.timeSeconds, later.timeSeconds, "times must increase at frame \(later.frame)")
        }
        for line in lines {
            XCTAssertTrue((0...1).contains(line.score), "score \(line.score) at frame \(line.frame)")
            XCTAssertFalse(line.box.isEmpty, "empty box at frame \(line.frame)")
        }
        XCTAssertGreaterThan(meanIntersectionOverUnion(lines, truth), Self.minimumMeanIntersectionOverUnion, "mean IoU with the ground truth")
    }

    /// The narrower network kept in models/ (README, MODEL.md) loads and tracks the clip on its
    /// own: measured mean IoU 0.81, held to the same bound as the default.
    func testTheNarrowNetworkInModelsTracksTheTexturedSquareClipWithMeanIoUAbove0_55() throws {
        let (lines, truth) = try trackClip(["--model", SiamtrackProcess.path("models/narrow-seed3.safetensors")])
        XCTAssertEqual(lines.count, truth.count, "one line per frame of the clip")
        XCTAssertGreaterThan(meanIntersectionOverUnion(lines, truth), Self.minimumMeanIntersectionOverUnion, "mean IoU with the ground truth")
    }

    /// Tracks the clip from its first ground-truth box, the user's way (--box "$(head -1 groundtruth.txt)").
    private func trackClip(_ options: [String] = []) throws -> (lines: [TrackLine], truth: [Box]) {
        let (rows, truth) = try groundTruth(at: SiamtrackProcess.path("\(Self.clip)/groundtruth.txt"))
        let result = try SiamtrackProcess.run(["track", SiamtrackProcess.path("\(Self.clip)/video.mp4"), "--box", rows[0]] + options)
        try assertSucceeds(result)
        return (try parseTrackLines(result.outputLines), truth)
    }

    private func meanIntersectionOverUnion(_ lines: [TrackLine], _ truth: [Box]) -> Double {
        let overlaps = zip(lines, truth).map { $0.box.intersectionOverUnion($1) }
        return overlaps.reduce(0, +) / Double(max(overlaps.count, 1))
    }

    func testOutputOptionWritesTheLinesStdoutWouldShow() throws {
        // A 20-frame fixture keeps this quick; the clip test above covers tracking quality.
        let video = SiamtrackProcess.path("Tests/Fixtures/h264.mp4")
        let box = "32,24,96,72"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("siamtrack-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputFile = folder.appendingPathComponent("track.jsonl")

        let toStdout = try SiamtrackProcess.run(["track", video, "--box", box])
        let toFile = try SiamtrackProcess.run(["track", video, "--box", box, "--output", outputFile.path])

        try assertSucceeds(toStdout)
        XCTAssertFalse(toFile.killedBySignal, toFile.summary)
        XCTAssertEqual(toFile.status, 0, toFile.summary)
        XCTAssertEqual(toFile.standardOutput, "", "with --output nothing goes to stdout")
        XCTAssertEqual(toFile.standardError, "")
        let written = try String(contentsOf: outputFile, encoding: .utf8)
        XCTAssertEqual(written, toStdout.standardOutput)
        let lines = try parseTrackLines(written.split(separator: "\n").map(String.init))
        XCTAssertEqual(lines.map(\.frame), Array(0..<20), "one line per frame of the 20-frame fixture")
    }

    func testOutputOptionReplacesAnExistingFile() throws {
        // Five JPEGs read through an image pattern: the quickest successful run.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("siamtrack-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputFile = folder.appendingPathComponent("track.jsonl")
        try String(repeating: "stale line that is longer than any track line will be\n", count: 100)
            .write(to: outputFile, atomically: true, encoding: .utf8)

        let result = try SiamtrackProcess.run([
            "track", SiamtrackProcess.path("Tests/Fixtures/seq/%04d.jpg"), "--box", "32,24,96,72", "--output", outputFile.path,
        ])

        XCTAssertFalse(result.killedBySignal, result.summary)
        XCTAssertEqual(result.status, 0, result.summary)
        let written = try String(contentsOf: outputFile, encoding: .utf8)
        XCTAssertFalse(written.contains("stale"), "the old contents must be gone")
        let lines = try parseTrackLines(written.split(separator: "\n").map(String.init))
        XCTAssertEqual(lines.map(\.frame), Array(0..<5), "one line per image")
    }

    func testTheSameVideoAndThreadCountGiveTheSameBoxes() throws {
        let video = SiamtrackProcess.path("clips/distractor/video.mp4"), box = "76.32,89.22,60.00,60.00"
        for threads in ["1", "2"] {
            let first = try SiamtrackProcess.run(["track", video, "--box", box, "--threads", threads])
            let second = try SiamtrackProcess.run(["track", video, "--box", box, "--threads", threads])
            try assertSucceeds(first)
            try assertSucceeds(second)
            XCTAssertGreaterThan(first.outputLines.count, 100)
            XCTAssertEqual(first.outputLines, second.outputLines, "\(threads) thread(s)")
        }
    }

    func testTheDefaultTracksWithTheThreeBundledNetworksAndRepeatedModelOptionsMakeAnEnsemble() throws {
        let video = SiamtrackProcess.path("Tests/Fixtures/h264.mp4"), box = "32,24,96,72"
        let files = ["default", "default-seed2", "default-seed3"].map { SiamtrackProcess.path("Sources/SiameseTracker/Resources/\($0).safetensors") }
        let first = files[0]
        let byDefault = try SiamtrackProcess.run(["track", video, "--box", box])
        let ensemble = try SiamtrackProcess.run(["track", video, "--box", box] + files.flatMap { ["--model", $0] })
        let alone = try SiamtrackProcess.run(["track", video, "--box", box, "--model", first])
        let twice = try SiamtrackProcess.run(["track", video, "--box", box, "--model", first, "--model", first])
        for result in [byDefault, ensemble, alone, twice] { try assertSucceeds(result) }
        XCTAssertEqual(byDefault.outputLines, ensemble.outputLines, "the default is the three bundled networks")
        XCTAssertNotEqual(byDefault.outputLines, alone.outputLines)
        XCTAssertEqual(twice.outputLines, alone.outputLines, "a network averaged with itself is that network")
    }

    func testABoxPartlyOffTheTopLeftCornerIsAcceptedWithOrWithoutAnEqualsSign() throws {
        let video = SiamtrackProcess.path("clips/distractor/video.mp4")
        let spaced = try SiamtrackProcess.run(["track", video, "--box", "-5,-5,40,40"])
        let joined = try SiamtrackProcess.run(["track", video, "--box=-5,-5,40,40"])
        try assertSucceeds(spaced)
        XCTAssertEqual(spaced.outputLines, joined.outputLines)
        assertFirstLineIsTheStartBox(try spaced.outputLines.map { try TrackLine(parsing: $0) }, Box(x: -5, y: -5, width: 40, height: 40))
    }

    private func assertFirstLineIsTheStartBox(_ lines: [TrackLine], _ start: Box, file: StaticString = #filePath, line: UInt = #line) {
        guard let first = lines.first else { return XCTFail("no lines", file: file, line: line) }
        XCTAssertEqual(first.frame, 0, file: file, line: line)
        XCTAssertEqual(first.timeSeconds, 0, accuracy: 1e-6, file: file, line: line)
        XCTAssertEqual(first.score, 1, file: file, line: line)
        // Coordinates are printed with two decimals.
        XCTAssertEqual(first.box.x, start.x, accuracy: 0.005, file: file, line: line)
        XCTAssertEqual(first.box.y, start.y, accuracy: 0.005, file: file, line: line)
        XCTAssertEqual(first.box.width, start.width, accuracy: 0.005, file: file, line: line)
        XCTAssertEqual(first.box.height, start.height, accuracy: 0.005, file: file, line: line)
    }
}
