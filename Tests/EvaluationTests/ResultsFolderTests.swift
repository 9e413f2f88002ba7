import Evaluation
import Foundation
import Geometry
import XCTest

final class ResultsFolderTests: XCTestCase {
    private let boxes = [
        Box(x: 1.5, y: 2, width: 30.25, height: 40),
        Box(x: 0.1 + 0.2, y: 1e-3, width: 123.456789, height: 7),
    ]

    func testBoxesRoundTripExactlyThroughOTBFormat() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path("results/siamtrack"))

        try folder.writeBoxes(boxes, sequence: "Bird2")

        XCTAssertEqual(try folder.readBoxes(sequence: "Bird2"), boxes)
        let text = try String(contentsOfFile: folder.boxesPath(sequence: "Bird2"), encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").first, "1.5,2.0,30.25,40.0")
        XCTAssertEqual(folder.trackerName, "siamtrack")
    }

    func testLostTargetIsWrittenAsNaNAndReadBack() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path)

        try folder.writeBoxes([Box(x: .nan, y: .nan, width: .nan, height: .nan)], sequence: "car")

        XCTAssertEqual(try String(contentsOfFile: folder.boxesPath(sequence: "car"), encoding: .utf8), "nan,nan,nan,nan\n")
        XCTAssertFalse(try XCTUnwrap(folder.readBoxes(sequence: "car").first).isFinite)
    }

    func testReadsOtherToolkitsTabAndSpaceSeparatedResults() throws {
        let root = try TemporaryDirectory(for: self)
        try root.write("1\t2\t3\t4\n5 6 7 8\n", to: "KCF/Bird2.txt")

        let read = try ResultsFolder(path: root.path("KCF")).readBoxes(sequence: "Bird2")

        XCTAssertEqual(read, [Box(x: 1, y: 2, width: 3, height: 4), Box(x: 5, y: 6, width: 7, height: 8)])
    }

    func testMissingSequenceFailsNamingFolderAndSequence() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path)
        XCTAssertThrowsError(try folder.readBoxes(sequence: "car")) { error in
            XCTAssertEqual(error as? ResultsError, .missingSequence(folder: folder.path, sequence: "car"))
        }
    }

    func testMalformedLineFailsNamingFileAndLine() throws {
        let root = try TemporaryDirectory(for: self)
        let file = try root.write("1,2,3,4\n1,2,3\n", to: "car.txt")
        XCTAssertThrowsError(try ResultsFolder(path: root.path).readBoxes(sequence: "car")) { error in
            XCTAssertEqual(error as? ResultsError, .malformedLine(path: file, line: 2, text: "1,2,3"))
        }
    }

    func testFrameTimesAreWrittenOnePerLine() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path)

        try folder.writeFrameTimes([0.5, 0.025], sequence: "car")

        XCTAssertEqual(try String(contentsOfFile: folder.frameTimesPath(sequence: "car"), encoding: .utf8), "0.5\n0.025\n")
        XCTAssertTrue(folder.frameTimesPath(sequence: "car").hasSuffix("/car_time.txt"))
    }

    func testReportRoundTripsThroughJSON() throws {
        let folder = ResultsFolder(path: try TemporaryDirectory(for: self).path)
        let target = Box(x: 0, y: 0, width: 10, height: 10)
        let result = try SequenceResult(
            name: "car", predicted: [target, target.moved(dx: 5, dy: 0)], groundTruth: [target, target],
            trackingFramesPerSecond: 120, endToEndFramesPerSecond: 80)
        let report = try Report(tracker: "siamtrack", sequences: [result])

        try folder.writeReport(report)

        let data = try Data(contentsOf: URL(fileURLWithPath: folder.reportPath))
        XCTAssertEqual(try JSONDecoder().decode(Report.self, from: data), report)
        let json = String(decoding: data, as: UTF8.self)
        for key in ["successAUC", "precisionAt20Pixels", "normalizedPrecisionAUC", "successRateAtHalfOverlap",
                    "trackingFramesPerSecond", "endToEndFramesPerSecond", "thresholds", "rates"] {
            XCTAssertTrue(json.contains("\"\(key)\""), key)
        }
    }

    func testAnotherTrackersFolderScoresLikeItsBoxesInMemory() throws {
        let root = try TemporaryDirectory(for: self)
        try root.write("", to: "data/car/video.mp4")
        try root.write("0,0,10,10\nnan,nan,nan,nan\n0,0,10,10\n", to: "data/car/groundtruth.txt")
        let sequences = try Dataset(contentsOf: root.path("data")).sequences
        let predicted = [Box(x: 0, y: 0, width: 10, height: 10), Box(x: 3, y: 3, width: 5, height: 5), Box(x: 5, y: 0, width: 10, height: 10)]
        let other = ResultsFolder(path: root.path("results/CSRT"))
        try other.writeBoxes(predicted, sequence: "car")

        let fromFolder = try Report(
            tracker: other.trackerName,
            sequences: sequences.map { try SequenceResult(sequence: $0, predicted: other.readBoxes(sequence: $0.name)) })
        let inMemory = try Report(tracker: "CSRT", sequences: [SequenceResult(sequence: sequences[0], predicted: predicted)])

        XCTAssertEqual(fromFolder, inMemory)
        XCTAssertEqual(fromFolder.mean.scorableFrameCount, 2)
    }
}
