import Foundation
import Geometry
import XCTest

/// `siamtrack eval` end to end: one-pass evaluation of the bundled clips and of each dataset
/// layout, its results folder, and its failures. Runs stay a few frames long (`--max-frames`),
/// since a debug build tracks at about 4 frames per second.
final class EvalCommandTests: XCTestCase {
    private static let clips = ["distractor", "occlusion-lighting", "textured-square"]

    func testTheHeaderNamesTheNetworksFormat() throws {
        let output = try temporaryDirectory().appendingPathComponent("siamtrack").path
        let result = try SiamtrackProcess.run([
            "eval", SiamtrackProcess.path("clips"), "--max-frames", "2", "--precision", "float32", "--output", output,
        ])
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(result.outputLines.first, "siamtrack: one-pass evaluation of 3 sequences, 1 thread(s), network in float32")
    }

    func testEvalOnBundledClipsWritesOTBBoxesTimingsReportAndPlots() throws {
        let output = try temporaryDirectory().appendingPathComponent("siamtrack").path

        let result = try SiamtrackProcess.run(["eval", SiamtrackProcess.path("clips"), "--max-frames", "6", "--output", output])

        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(result.standardError, "")
        let rows = result.outputLines
        let header = try XCTUnwrap(rows.first)
        XCTAssertTrue(
            ["float32", "bfloat16", "int8"].contains { header.hasSuffix("1 thread(s), network in \($0)") },
            "the header says what the network computed in: \(header)")
        XCTAssertTrue(rows.contains { $0.hasPrefix("sequence") && $0.contains("AUC") && $0.contains("P@20") && $0.contains("fps") })
        for clip in Self.clips {
            XCTAssertTrue(rows.contains { $0.hasPrefix(clip) }, "no row for \(clip): \(result.standardOutput)")
            let boxes = try lines(of: "\(output)/\(clip).txt").map { try XCTUnwrap(Box(parsing: $0)) }
            XCTAssertEqual(boxes.count, 6, "one box per frame run")
            let truth = try groundTruthBoxes(at: SiamtrackProcess.path("clips/\(clip)/groundtruth.txt"))
            XCTAssertEqual(boxes.first, truth.first, "frame 0 reports the initial box")
            let seconds = try lines(of: "\(output)/\(clip)_time.txt").map { try XCTUnwrap(Double($0)) }
            XCTAssertEqual(seconds.count, 6)
            XCTAssertTrue(seconds.allSatisfy { $0 > 0 }, "\(seconds)")
            let trace = try lines(of: "\(output)/\(clip)_trace.csv")
            XCTAssertEqual(trace.first, "frame,iou,center_error,score")
            XCTAssertEqual(trace.count, 7, "a header and one row per frame")
            XCTAssertEqual(trace[1], "0,1.0000,0.00,1.0000", "frame 0 is the initial box, with score 1")
            for row in trace.dropFirst() {
                let fields = row.split(separator: ",").map { Double($0) }
                XCTAssertEqual(fields.count, 4, row)
                XCTAssertTrue(fields.allSatisfy { $0 != nil }, row)
            }
        }
        let meanRow = try XCTUnwrap(rows.first { $0.hasPrefix("mean") })
        XCTAssertTrue(meanRow.contains(" 0 lost "), "no clip lost in 6 frames: \(meanRow)")
        XCTAssertTrue(meanRow.hasSuffix(" -"), "no frame out of view, so no absent count: \(meanRow)")
        for clip in Self.clips {
            let presence = try lines(of: "\(output)/\(clip)_presence.txt")
            XCTAssertEqual(presence.count, 6, "a confidence and a visibility per frame")
            XCTAssertEqual(presence.first, "1.0,1")
        }

        let report = try jsonObject(at: "\(output)/report.json")
        XCTAssertEqual(report["tracker"] as? String, "siamtrack")
        let sequences = try XCTUnwrap(report["sequences"] as? [[String: Any]])
        XCTAssertEqual(sequences.compactMap { $0["name"] as? String }, Self.clips)
        let mean = try XCTUnwrap(report["mean"] as? [String: Any])
        for key in ["successAUC", "precisionAt20Pixels", "normalizedPrecisionAUC", "successRateAtHalfOverlap"] {
            let value = try XCTUnwrap(mean[key] as? Double, key)
            XCTAssertTrue((0...1).contains(value), "\(key) = \(value)")
        }
        XCTAssertTrue(sequences.allSatisfy { $0["firstLostFrame"] == nil }, "no clip lost in 6 frames")
        let longTerm = try XCTUnwrap(report["longTerm"] as? [String: Any])
        XCTAssertEqual(longTerm["absentFrames"] as? Int, 0)
        XCTAssertTrue((0...1).contains(try XCTUnwrap(longTerm["fScore"] as? Double)))
        XCTAssertGreaterThan(try XCTUnwrap(report["trackingFramesPerSecond"] as? Double), 0)
        XCTAssertGreaterThan(try XCTUnwrap(report["endToEndFramesPerSecond"] as? Double), 0)

        let success = try String(contentsOfFile: "\(output)/success.svg", encoding: .utf8)
        XCTAssertTrue(success.contains("<svg") && success.contains("Success plots of OPE on clips"))
        XCTAssertTrue(success.contains("siamtrack ["), "the legend names the run")
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(output)/precision.svg"))
    }

    func testComparedResultsFolderIsScoredOnTheSameFramesAndDrawnOnThePlots() throws {
        let folder = try temporaryDirectory()
        let clip = SiamtrackProcess.path("clips/textured-square")
        // An oracle that reports the ground truth: IoU 1 everywhere, so AUC is 20/21 (no IoU > 1).
        let oracle = folder.appendingPathComponent("oracle")
        try FileManager.default.createDirectory(at: oracle, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(clip)/groundtruth.txt", toPath: oracle.appendingPathComponent("textured-square.txt").path)
        let output = folder.appendingPathComponent("mine").path

        let result = try SiamtrackProcess.run([
            "eval", clip, "--max-frames", "4", "--tracker-name", "mine", "--output", output, "--compare", oracle.path,
        ])

        XCTAssertEqual(result.status, 0, result.summary)
        let oracleRow = try XCTUnwrap(result.outputLines.first { $0.hasPrefix("oracle") }, result.standardOutput)
        XCTAssertEqual(oracleRow.split(separator: " ").dropFirst().prefix(4), ["0.952", "1.000", "1.000", "1.000"])
        XCTAssertTrue(result.outputLines.contains { $0.hasPrefix("mine") })
        let success = try String(contentsOfFile: "\(output)/success.svg", encoding: .utf8)
        XCTAssertTrue(success.contains("oracle [0.952]"), "the compared tracker is on the plot")
        XCTAssertTrue(success.contains("mine ["))
        XCTAssertEqual(try jsonObject(at: "\(output)/report.json")["tracker"] as? String, "mine")
    }

    func testScoreOnlyScoresTheBoxesInTheOutputFolderWithoutTracking() throws {
        let clip = SiamtrackProcess.path("clips/textured-square")
        let oracle = try temporaryDirectory().appendingPathComponent("oracle")
        try FileManager.default.createDirectory(at: oracle, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(clip)/groundtruth.txt", toPath: oracle.appendingPathComponent("textured-square.txt").path)

        let result = try SiamtrackProcess.run(["eval", clip, "--score-only", "-o", oracle.path, "--tracker-name", "truth"])

        XCTAssertEqual(result.status, 0, result.summary)
        let report = try jsonObject(at: oracle.appendingPathComponent("report.json").path)
        XCTAssertEqual(report["tracker"] as? String, "truth")
        XCTAssertEqual(try XCTUnwrap((report["mean"] as? [String: Any])?["successAUC"] as? Double), 20.0 / 21.0, accuracy: 1e-12)
        XCTAssertFalse(FileManager.default.fileExists(atPath: oracle.appendingPathComponent("textured-square_time.txt").path), "nothing tracked")
    }

    func testListSequencesGivesEachSequencesFramesAndFirstBoxAsJSONLines() throws {
        let result = try SiamtrackProcess.run(["eval", SiamtrackProcess.path("clips"), "--list-sequences", "--max-frames", "7"])

        XCTAssertEqual(result.status, 0, result.summary)
        let listings = try result.outputLines.map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
        }
        XCTAssertEqual(listings.compactMap { $0["name"] as? String }, Self.clips)
        for listing in listings {
            XCTAssertEqual(listing["frames"] as? Int, 7)
            XCTAssertTrue((listing["video"] as? String)?.hasSuffix("/video.mp4") == true, "\(listing)")
            XCTAssertEqual((listing["initialBox"] as? [Double])?.count, 4)
        }
    }

    func testOTBVOTAndGOT10kLayoutsAreTrackedFromTheirImagesAndAbsentFramesSkipped() throws {
        let dataset = try temporaryDirectory().appendingPathComponent("mixed")
        let images = (1...4).map { SiamtrackProcess.path("Tests/Fixtures/seq/000\($0).jpg") }
        try place(images, in: dataset.appendingPathComponent("otb/img"), names: { String(format: "%04d.jpg", $0) })
        try write("8\t8\t48\t36\n9\t8\t48\t36\n10\t8\t48\t36\n11\t8\t48\t36\n", to: dataset.appendingPathComponent("otb/groundtruth_rect.txt"))
        try place(images, in: dataset.appendingPathComponent("vot/color"), names: { String(format: "%08d.jpg", $0) })
        try write(String(repeating: "8,8,56,8,56,44,8,44\n", count: 4), to: dataset.appendingPathComponent("vot/groundtruth.txt"))
        try place(images, in: dataset.appendingPathComponent("got"), names: { String(format: "%08d.jpg", $0) })
        try write(String(repeating: "8,8,48,36\n", count: 4), to: dataset.appendingPathComponent("got/groundtruth.txt"))
        try write("0\n0\n1\n0\n", to: dataset.appendingPathComponent("got/absence.label"))
        let output = dataset.deletingLastPathComponent().appendingPathComponent("results").path

        let result = try SiamtrackProcess.run(["eval", dataset.path, "--output", output])

        XCTAssertEqual(result.status, 0, result.summary)
        for name in ["got", "otb", "vot"] {
            let boxes = try lines(of: "\(output)/\(name).txt").map { try XCTUnwrap(Box(parsing: $0)) }
            XCTAssertEqual(boxes.count, 4, name)
            XCTAssertEqual(boxes.first, Box(x: 8, y: 8, width: 48, height: 36), "\(name) starts from its first box")
        }
        let sequences = try XCTUnwrap(try jsonObject(at: "\(output)/report.json")["sequences"] as? [[String: Any]])
        let got = try XCTUnwrap(sequences.first { $0["name"] as? String == "got" })
        XCTAssertEqual(got["frameCount"] as? Int, 4)
        XCTAssertEqual((got["metrics"] as? [String: Any])?["scorableFrameCount"] as? Int, 3, "the absent frame is not scored")
    }

    func testVideoLongerThanItsGroundTruthFailsNamingTheSequence() throws {
        let sequence = try temporaryDirectory().appendingPathComponent("short-truth")
        try FileManager.default.createDirectory(at: sequence, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: sequence.appendingPathComponent("video.mp4").path, withDestinationPath: SiamtrackProcess.path("Tests/Fixtures/h264.mp4"))
        try write(String(repeating: "32,24,96,72\n", count: 3), to: sequence.appendingPathComponent("groundtruth.txt"))

        let result = try SiamtrackProcess.run(["eval", sequence.path, "--output", sequence.appendingPathComponent("out").path])

        XCTAssertEqual(result.status, 1, result.summary)
        XCTAssertEqual(result.errorLines.count, 2, result.summary)
        XCTAssertTrue(result.errorLines[0].contains("sequence short-truth"), result.summary)
        XCTAssertTrue(result.errorLines[0].contains("more frames than the 3 rows"), result.summary)
        XCTAssertEqual(result.errorLines[1], "siamtrack: error: all 1 of 1 sequences cannot be scored (listed above)")
    }

    func testVideoShorterThanItsGroundTruthFailsNamingTheSequenceAndCounts() throws {
        let sequence = try temporaryDirectory().appendingPathComponent("long-truth")
        try FileManager.default.createDirectory(at: sequence, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: sequence.appendingPathComponent("video.mp4").path, withDestinationPath: SiamtrackProcess.path("Tests/Fixtures/h264.mp4"))
        try write(String(repeating: "32,24,96,72\n", count: 21), to: sequence.appendingPathComponent("groundtruth.txt"))

        let result = try SiamtrackProcess.run(["eval", sequence.path, "--output", sequence.appendingPathComponent("out").path])

        XCTAssertEqual(result.status, 1, result.summary)
        XCTAssertTrue(result.standardError.contains("sequence long-truth"), result.summary)
        XCTAssertTrue(result.standardError.contains("has 20 frames but its ground truth has 21 rows"), result.summary)
    }

    func testComparedFolderMissingASequenceFailsBeforeTracking() throws {
        let empty = try temporaryDirectory().appendingPathComponent("KCF")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)

        let result = try SiamtrackProcess.run(["eval", SiamtrackProcess.path("clips"), "--compare", empty.path])

        assertFails(result, status: 1, mentioning: ["KCF", "distractor.txt"])
    }

    func testFolderWithoutSequencesFailsWithOneLine() throws {
        let folder = try temporaryDirectory()

        assertFails(try SiamtrackProcess.run(["eval", folder.path]), status: 1, mentioning: ["holds no sequence"])
    }

    func testMaxFramesBelowOneIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["eval", SiamtrackProcess.path("clips"), "--max-frames", "0"])

        assertFails(result, status: 2, mentioning: ["--max-frames"])
    }

    // MARK: - Helpers

    /// Copies `files` into `folder`, the i-th (from 1) named `names(i)`.
    private func place(_ files: [String], in folder: URL, names: (Int) -> String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, file) in files.enumerated() {
            try FileManager.default.copyItem(atPath: file, toPath: folder.appendingPathComponent(names(index + 1)).path)
        }
    }

    private func write(_ text: String, to file: URL) throws {
        try Data(text.utf8).write(to: file)
    }

    private func lines(of path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    private func jsonObject(at path: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }
}
