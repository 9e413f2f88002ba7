import Foundation
import XCTest

/// `siamtrack bench`: warm-up, repetitions and the median time of every stage, for people and as
/// JSON. Runs a few frames only: timings of a debug build say nothing, their presence does.
final class BenchCommandTests: XCTestCase {
    func testBenchOnTheBundledClipReportsEveryStageAndTheSpeedsAsJSON() throws {
        let result = try SiamtrackProcess.run(["bench", "--max-frames", "3", "--repetitions", "2", "--warmup-frames", "1", "--json"])

        XCTAssertEqual(result.status, 0, result.summary)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        XCTAssertTrue((report["video"] as? String)?.hasSuffix("clips/distractor/video.mp4") == true, "\(report)")
        XCTAssertEqual(report["threads"] as? Int, 1)
        XCTAssertEqual(report["repetitions"] as? Int, 2)
        XCTAssertEqual(report["warmUpFrames"] as? Int, 1)
        XCTAssertEqual(report["trackedFramesPerRepetition"] as? Int, 2, "3 frames: 1 to start, 2 timed updates")
        let stages = try XCTUnwrap(report["medianMilliseconds"] as? [String: Double])
        XCTAssertEqual(
            Set(stages.keys),
            ["decodeAndColourConversion", "crops", "embedding", "correlation", "onlineModels", "postProcessing", "tracking", "endToEnd"])
        XCTAssertTrue(stages.values.allSatisfy { $0 > 0 }, "\(stages)")
        let tracking = try XCTUnwrap(stages["tracking"]), embedding = try XCTUnwrap(stages["embedding"])
        XCTAssertGreaterThanOrEqual(tracking, embedding, "the embedding is part of the update")
        XCTAssertEqual(try XCTUnwrap(report["trackingFramesPerSecond"] as? Double), 1000 / tracking, accuracy: 1e-6)
        XCTAssertGreaterThan(try XCTUnwrap(report["embeddingGigaflopsPerFrame"] as? Double), 0)
        XCTAssertGreaterThan(try XCTUnwrap(report["embeddingGigaflopsPerSecond"] as? Double), 0)
    }

    func testBenchOnASequenceFolderPrintsAStageTableWithTheThreadCount() throws {
        let clip = SiamtrackProcess.path("clips/textured-square")

        let result = try SiamtrackProcess.run(["bench", clip, "--max-frames", "2", "--repetitions", "1", "--warmup-frames", "0"])

        XCTAssertEqual(result.status, 0, result.summary)
        for stage in ["decode + colour conversion", "crops", "embedding", "correlation", "post-processing", "GFLOP/s"] {
            XCTAssertTrue(result.standardOutput.contains(stage), "no \(stage) in \(result.standardOutput)")
        }
        XCTAssertTrue(result.outputLines.contains { $0.hasPrefix("tracking: ") && $0.contains("fps") && $0.contains("(1 thread)") })
    }

    func testVideoFileWithoutBoxIsAUsageError() throws {
        let result = try SiamtrackProcess.run(["bench", SiamtrackProcess.path("clips/distractor/video.mp4")])

        assertFails(result, status: 2, mentioning: ["--box"])
    }
}
