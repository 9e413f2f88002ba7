import Foundation
import XCTest

/// `siamtrack train` refuses what would make it fail late: a run is long, so an output it could
/// not write must stop it before the clips are loaded and the first epoch is trained.
final class TrainBadInputTests: XCTestCase {
    func testAMissingOutputFolderFailsBeforeTraining() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("siamtrack-no-such-folder-\(UUID().uuidString)")
        let model = folder.appendingPathComponent("model.safetensors").path
        let result = try SiamtrackProcess.run([
            "train", "--data", SiamtrackProcess.path("clips"), "-o", model, "--epochs", "1", "--pairs-per-epoch", "8", "--no-progress",
        ])
        assertFails(result, status: 1, mentioning: [folder.path, "cannot write the model"])
        XCTAssertEqual(result.standardOutput, "", "nothing trained or logged")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testTrainingThroughTheFilterNeedsAPositiveWeight() throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("siamtrack-filter-\(UUID().uuidString).safetensors").path
        let base = ["train", "--data", SiamtrackProcess.path("clips"), "-o", model, "--epochs", "1", "--pairs-per-epoch", "8", "--no-progress"]
        assertFails(try SiamtrackProcess.run(base + ["--filter-weight", "0"]), status: 2, mentioning: ["--filter-weight", "positive"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: model))
    }

    func testSharesOutsideZeroToOneAreUsageErrors() throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("siamtrack-share-\(UUID().uuidString).safetensors").path
        let base = ["train", "--data", SiamtrackProcess.path("clips"), "-o", model, "--epochs", "1", "--pairs-per-epoch", "8", "--no-progress"]
        for option in ["--look-alike-negatives", "--motion-blur"] {
            for share in ["0", "1.5", "nan"] {
                assertFails(try SiamtrackProcess.run(base + [option, share]), status: 2, mentioning: [option, "(0, 1]"])
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: model))
    }
}
