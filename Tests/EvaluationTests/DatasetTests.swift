import Evaluation
import Foundation
import Geometry
import XCTest

final class DatasetTests: XCTestCase {
    func testReadsOurClipLayout() throws {
        let root = try TemporaryDirectory(for: self)
        try root.write("", to: "bird/video.mp4")
        try root.write("1,2,3,4\nnan,nan,nan,nan\n5,6,7,8\n", to: "bird/groundtruth.txt")

        let sequences = try Dataset(contentsOf: root.path).sequences

        XCTAssertEqual(sequences.count, 1)
        let bird = try XCTUnwrap(sequences.first)
        XCTAssertEqual(bird.name, "bird")
        XCTAssertEqual(bird.layout, .clip)
        XCTAssertEqual(bird.frames, .video(path: root.path("bird/video.mp4")))
        XCTAssertEqual(bird.groundTruth, [Box(x: 1, y: 2, width: 3, height: 4), nil, Box(x: 5, y: 6, width: 7, height: 8)])
        XCTAssertEqual(bird.initialBox, Box(x: 1, y: 2, width: 3, height: 4))
        XCTAssertEqual(bird.groundTruthPath, root.path("bird/groundtruth.txt"))
    }

    func testReadsOTBLayoutWithTabSeparatedRows() throws {
        let root = try TemporaryDirectory(for: self)
        try root.touchFrames(3, in: "Basketball/img")
        try root.write("1\t2\t3\t4\n2\t3\t4\t5\n3\t4\t5\t6\n", to: "Basketball/groundtruth_rect.txt")

        let sequence = try XCTUnwrap(Dataset(contentsOf: root.path).sequences.first)

        XCTAssertEqual(sequence.layout, .otb)
        XCTAssertEqual(sequence.frames, .images((1...3).map { root.path("Basketball/img/000\($0).jpg") }))
        XCTAssertEqual(sequence.groundTruth.count, 3)
    }

    func testOTBMultiTargetSequenceGivesOneSequencePerTarget() throws {
        let root = try TemporaryDirectory(for: self)
        try root.touchFrames(2, in: "Jogging/img")
        try root.write("1,2,3,4\n1,2,3,4\n", to: "Jogging/groundtruth_rect.1.txt")
        try root.write("5,6,7,8\n5,6,7,8\n", to: "Jogging/groundtruth_rect.2.txt")

        let sequences = try Dataset(contentsOf: root.path).sequences

        XCTAssertEqual(sequences.map(\.name), ["Jogging-1", "Jogging-2"])
        XCTAssertEqual(sequences.map(\.initialBox.x), [1, 5])
    }

    func testImageCountDifferentFromGroundTruthRowsFailsWithClearError() throws {
        let root = try TemporaryDirectory(for: self)
        try root.touchFrames(4, in: "David/img")
        let groundTruth = try root.write("1,2,3,4\n1,2,3,4\n", to: "David/groundtruth_rect.txt")

        XCTAssertThrowsError(try Dataset(contentsOf: root.path)) { error in
            XCTAssertEqual(
                error as? DatasetError,
                .frameCountMismatch(groundTruthPath: groundTruth, rows: 2, framesDirectory: root.path("David/img"), images: 4))
            XCTAssertTrue("\(error)".hasPrefix("ground truth \(groundTruth) has 2 rows but \(root.path("David/img")) holds 4 images"))
        }
    }

    func testReadsVOTColorFolderWithPolygons() throws {
        let root = try TemporaryDirectory(for: self)
        try root.touchFrames(2, in: "bag/color", digits: 8)
        try root.write("10,0,20,10,10,20,0,10\nnan,nan,nan,nan,nan,nan,nan,nan\n", to: "bag/groundtruth.txt")

        let sequence = try XCTUnwrap(Dataset(contentsOf: root.path("bag")).sequences.first)

        XCTAssertEqual(sequence.layout, .vot)
        XCTAssertEqual(sequence.groundTruth, [Box(x: 0, y: 0, width: 20, height: 20), nil])
        XCTAssertEqual(sequence.frames, .images([root.path("bag/color/00000001.jpg"), root.path("bag/color/00000002.jpg")]))
    }

    func testReadsVOTImagesBesideGroundTruth() throws {
        let root = try TemporaryDirectory(for: self)
        try root.touchFrames(2, in: "ball", digits: 8)
        try root.write("1,2,3,4\n0,0,0,0\n", to: "ball/groundtruth.txt")

        let sequence = try XCTUnwrap(Dataset(contentsOf: root.path("ball")).sequences.first)

        XCTAssertEqual(sequence.layout, .vot)
        XCTAssertEqual(sequence.groundTruth, [Box(x: 1, y: 2, width: 3, height: 4), nil])
    }

    func testReadsGOT10kAndHidesFramesItsLabelsMarkUnseen() throws {
        let root = try TemporaryDirectory(for: self)
        try root.touchFrames(4, in: "GOT-10k_Val_000001", digits: 8)
        try root.write("1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n", to: "GOT-10k_Val_000001/groundtruth.txt")
        try root.write("0\n1\n0\n0\n", to: "GOT-10k_Val_000001/absence.label")
        try root.write("8\n0\n0\n5\n", to: "GOT-10k_Val_000001/cover.label")

        let sequence = try XCTUnwrap(Dataset(contentsOf: root.path).sequences.first)

        XCTAssertEqual(sequence.layout, .got10k)
        let box = Box(x: 1, y: 2, width: 3, height: 4)
        XCTAssertEqual(sequence.groundTruth, [box, nil, nil, box])
    }

    func testGOT10kLabelFileOfWrongLengthFailsWithClearError() throws {
        let root = try TemporaryDirectory(for: self)
        try root.touchFrames(2, in: "seq", digits: 8)
        try root.write("1,2,3,4\n1,2,3,4\n", to: "seq/groundtruth.txt")
        let label = try root.write("0\n", to: "seq/absence.label")

        XCTAssertThrowsError(try Dataset(contentsOf: root.path("seq"))) { error in
            XCTAssertEqual(error as? DatasetError, .labelCountMismatch(path: label, labels: 1, rows: 2))
        }
    }

    func testDatasetOfMixedLayoutsIsReadInNaturalOrderSkippingFoldersWithoutGroundTruth() throws {
        let root = try TemporaryDirectory(for: self)
        try root.write("", to: "seq10/video.mp4")
        try root.write("1,2,3,4\n", to: "seq10/groundtruth.txt")
        try root.touchFrames(1, in: "seq2/img")
        try root.write("1,2,3,4\n", to: "seq2/groundtruth_rect.txt")
        try root.write("notes", to: "anno/readme.txt")
        try root.write("seq2\nseq10\n", to: "list.txt")

        let sequences = try Dataset(contentsOf: root.path).sequences

        XCTAssertEqual(sequences.map(\.name), ["seq2", "seq10"])
        XCTAssertEqual(sequences.map(\.layout), [.otb, .clip])
    }

    func testFramesAreOrderedNumericallyNotAlphabetically() throws {
        let root = try TemporaryDirectory(for: self)
        for frame in [1, 2, 10] { try root.write("", to: "seq/color/\(frame).jpg") }
        try root.write("1,2,3,4\n1,2,3,4\n1,2,3,4\n", to: "seq/groundtruth.txt")

        let sequence = try XCTUnwrap(Dataset(contentsOf: root.path).sequences.first)

        XCTAssertEqual(sequence.frames, .images(["1.jpg", "2.jpg", "10.jpg"].map { root.path("seq/color/\($0)") }))
    }

    func testSequenceWithGroundTruthButNoFramesFailsWithClearError() throws {
        let root = try TemporaryDirectory(for: self)
        try root.write("1,2,3,4\n", to: "lonely/groundtruth.txt")

        XCTAssertThrowsError(try Dataset(contentsOf: root.path)) { error in
            XCTAssertEqual(error as? DatasetError, .noFrames(directory: root.path("lonely")))
        }
    }

    func testDirectoryWithoutSequencesFailsWithClearError() throws {
        let root = try TemporaryDirectory(for: self)
        try root.write("notes", to: "readme.txt")

        XCTAssertThrowsError(try Dataset(contentsOf: root.path)) { error in
            XCTAssertEqual(error as? DatasetError, .noSequences(directory: root.path))
        }
    }

    func testTargetAbsentOnFirstFrameFailsSinceTrackingCannotStart() throws {
        let root = try TemporaryDirectory(for: self)
        try root.write("", to: "seq/video.mp4")
        let groundTruth = try root.write("nan,nan,nan,nan\n1,2,3,4\n", to: "seq/groundtruth.txt")

        XCTAssertThrowsError(try Dataset(contentsOf: root.path)) { error in
            XCTAssertEqual(error as? DatasetError, .targetAbsentOnFirstFrame(path: groundTruth))
        }
    }

    func testEmptyGroundTruthInDatasetFailsNamingTheFile() throws {
        let root = try TemporaryDirectory(for: self)
        try root.write("", to: "seq/video.mp4")
        let groundTruth = try root.write("", to: "seq/groundtruth.txt")

        XCTAssertThrowsError(try Dataset(contentsOf: root.path)) { error in
            XCTAssertEqual(error as? DatasetError, .emptyGroundTruth(path: groundTruth))
        }
    }

    func testReadsSharedDevClips() throws {
        let dev = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/datasets/dev").path
        guard FileManager.default.fileExists(atPath: dev) else {
            throw XCTSkip("shared dev clips not found at \(dev); they sit beside the project checkout")
        }

        let sequences = try Dataset(contentsOf: dev).sequences

        // Every NAME/ with video.mp4 and groundtruth.txt is one clip, read in our layout, whose
        // first row is a usable box; the split's size is the data's business, not this test's.
        let folders = try FileManager.default.contentsOfDirectory(atPath: dev).filter { name in
            ["video.mp4", "groundtruth.txt"].allSatisfy { FileManager.default.fileExists(atPath: "\(dev)/\(name)/\($0)") }
        }
        XCTAssertFalse(folders.isEmpty, "no NAME/video.mp4 + groundtruth.txt in \(dev)")
        XCTAssertEqual(sequences.map(\.name).sorted(), folders.sorted())
        for sequence in sequences {
            XCTAssertEqual(sequence.layout, .clip, sequence.name)
            XCTAssertGreaterThan(sequence.groundTruth.count, 1, sequence.name)
            XCTAssertTrue(sequence.initialBox.isFinite && !sequence.initialBox.isEmpty, "\(sequence.name) starts from a box")
        }
    }
}
