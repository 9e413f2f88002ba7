import Foundation
import XCTest

/// `siamtrack eval` checks every sequence before tracking any: each bad one is named, and the
/// run stops with nothing written unless `--skip-bad` asks it to score the rest.
final class EvalCheckTests: XCTestCase {
    /// The three bundled clips as a dataset, the second with its ground truth cut to 60 rows and
    /// the third with a row that does not parse.
    private func datasetWithTwoBadSequences() throws -> URL {
        let dataset = try temporaryDirectory().appendingPathComponent("data")
        try FileManager.default.createDirectory(at: dataset, withIntermediateDirectories: true)
        for name in ["distractor", "occlusion-lighting", "textured-square"] {
            try FileManager.default.copyItem(atPath: SiamtrackProcess.path("clips/\(name)"), toPath: dataset.appendingPathComponent(name).path)
        }
        let cut = dataset.appendingPathComponent("occlusion-lighting/groundtruth.txt")
        let rows = try String(contentsOf: cut, encoding: .utf8).split(separator: "\n").prefix(60)
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: cut)
        let bad = dataset.appendingPathComponent("textured-square/groundtruth.txt")
        try Data((try String(contentsOf: bad, encoding: .utf8) + "1,2,x,4\n").utf8).write(to: bad)
        return dataset
    }

    func testEveryBadSequenceIsNamedBeforeAnythingIsTracked() throws {
        let dataset = try datasetWithTwoBadSequences()
        let results = dataset.deletingLastPathComponent().appendingPathComponent("results")

        let result = try SiamtrackProcess.run(["eval", dataset.path, "-o", results.path, "--no-progress"])

        XCTAssertEqual(result.status, 1, result.summary)
        XCTAssertEqual(result.standardOutput, "")
        XCTAssertEqual(result.errorLines.count, 3, result.standardError)
        XCTAssertTrue(result.errorLines[0].contains("textured-square/groundtruth.txt line 121: 'x' is not a number"), result.errorLines[0])
        XCTAssertTrue(result.errorLines[1].contains("sequence occlusion-lighting: \(dataset.path)/occlusion-lighting/video.mp4 has more frames than the 60 rows"),
                      result.errorLines[1])
        XCTAssertEqual(result.errorLines[2], "siamtrack: error: 2 of 3 sequences cannot be scored (listed above); fix them, or pass --skip-bad to score the others")
        XCTAssertFalse(FileManager.default.fileExists(atPath: results.path))
    }

    func testSkipBadScoresTheRestWithAWarningForEachLeftOut() throws {
        let dataset = try datasetWithTwoBadSequences()
        let results = dataset.deletingLastPathComponent().appendingPathComponent("results")

        let result = try SiamtrackProcess.run(["eval", dataset.path, "-o", results.path, "--no-progress", "--skip-bad"])

        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(result.errorLines.filter { $0.hasPrefix("siamtrack: warning: left out: ") }.count, 2, result.standardError)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: results.appendingPathComponent("report.json"))) as? [String: Any])
        XCTAssertEqual((report["sequences"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["distractor"])
    }
}

/// The report says what made its numbers: the settings as resolved and each model's fingerprint.
final class EvalReportRunTests: XCTestCase {
    func testTheReportHoldsTheSettingsAndEachModelsFingerprint() throws {
        let folder = try temporaryDirectory()
        let model = SiamtrackProcess.path("Sources/SiameseTracker/Resources/default.safetensors")
        let result = try SiamtrackProcess.run([
            "eval", SiamtrackProcess.path("clips/textured-square"), "-o", folder.path, "--model", model, "--scales", "1", "--max-frames", "10",
            "--no-progress",
        ])
        XCTAssertEqual(result.status, 0, result.summary)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as? [String: Any])
        let run = try XCTUnwrap(report["run"] as? [String: Any])
        XCTAssertEqual((run["settings"] as? [String: Any])?["scaleCount"] as? Int, 1)
        XCTAssertEqual(run["maxFrames"] as? Int, 10)
        let models = try XCTUnwrap(run["models"] as? [[String: Any]])
        XCTAssertEqual(models.count, 1)
        XCTAssertEqual(models.first?["file"] as? String, model)
        XCTAssertFalse(((models.first?["fingerprint"] as? String) ?? "").isEmpty)
    }
}
