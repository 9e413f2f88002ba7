import Evaluation
import Geometry
import XCTest

/// Scoring another tracker's OTB results folder against a dataset, as `siamtrack eval --compare` does.
final class ResultsFolderScoringTests: XCTestCase {
    private let target = Box(x: 0, y: 0, width: 10, height: 10)
    private let faraway = Box(x: 100, y: 0, width: 10, height: 10)

    private func sequence(_ name: String, frames: Int) throws -> TrackingSequence {
        try TrackingSequence(
            name: name, layout: .clip, frames: .video(path: "\(name)/video.mp4"),
            groundTruth: Array(repeating: target, count: frames), groundTruthPath: "\(name)/groundtruth.txt")
    }

    func testFolderIsScoredAsAReportNamedAfterItWithoutSpeeds() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path("KCF"))
        try folder.writeBoxes([target, target], sequence: "a")
        try folder.writeBoxes([target, faraway], sequence: "b")

        let report = try folder.report(on: [sequence("a", frames: 2), sequence("b", frames: 2)])

        XCTAssertEqual(report.tracker, "KCF")
        XCTAssertEqual(report.sequences.map(\.name), ["a", "b"])
        XCTAssertEqual(report.mean.successAUC, (20.0 / 21 + 10.0 / 21) / 2, accuracy: 1e-12)
        XCTAssertNil(report.trackingFramesPerSecond)
    }

    func testFrameLimitScoresOnlyThePrefixOfBoxesAndGroundTruth() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path("KCF"))
        try folder.writeBoxes([target, faraway, faraway], sequence: "a")

        let report = try folder.report(on: [sequence("a", frames: 3)], frameLimit: 1)

        XCTAssertEqual(report.sequences.first?.frameCount, 1)
        XCTAssertEqual(report.mean.successAUC, 20.0 / 21, accuracy: 1e-12)
    }

    func testMissingSequenceFileFailsNamingFolderAndSequence() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path)

        XCTAssertThrowsError(try folder.report(on: [sequence("car", frames: 1)])) { error in
            XCTAssertEqual(error as? ResultsError, .missingSequence(folder: folder.path, sequence: "car"))
        }
    }

    func testBoxCountOtherThanTheGroundTruthsFails() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path)
        try folder.writeBoxes([target], sequence: "car")

        XCTAssertThrowsError(try folder.report(on: [sequence("car", frames: 2)])) { error in
            XCTAssertEqual(error as? ScoringError, .frameCountMismatch(sequence: "car", predicted: 1, groundTruth: 2))
        }
    }
}
