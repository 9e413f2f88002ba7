import Foundation
import XCTest

@testable import SiameseTracker

final class ModelFileTests: XCTestCase {
    private func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("siamtrack-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
    }

    func testSafeTensorsRoundTripKeepsTensorsAndMetadata() throws {
        let file = SafeTensors.untrainedNetwork(.compact, seed: 3)
        let url = temporaryURL("roundtrip.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)
        XCTAssertEqual(try SafeTensors(contentsOf: url), file)
    }

    func testSameSeedGivesSameFileAndOtherSeedDiffers() {
        XCTAssertEqual(SafeTensors.untrainedNetwork(.compact, seed: 5).serialized(), SafeTensors.untrainedNetwork(.compact, seed: 5).serialized())
        XCTAssertNotEqual(SafeTensors.untrainedNetwork(.compact, seed: 5), SafeTensors.untrainedNetwork(.compact, seed: 6))
    }

    func testBundledDefaultNetworkLoads() throws {
        let network = try EmbeddingNetwork.bundledDefault()
        XCTAssertEqual(network.totalStride, 8)
        XCTAssertGreaterThan(network.parameterCount, 10_000)
    }

    func testMissingFileFailsClearly() {
        XCTAssertThrowsError(try EmbeddingNetwork(contentsOf: URL(fileURLWithPath: "/nonexistent/model.safetensors"))) { error in
            XCTAssertEqual("\(error)", "cannot read model /nonexistent/model.safetensors: cannot read the file")
        }
    }

    func testTruncatedAndGarbageFilesFailClearly() throws {
        let good = SafeTensors.untrainedNetwork(.compact, seed: 1).serialized()
        for (name, bytes) in [("short", Data([1, 2, 3])), ("garbage", Data("hello, this is not a model file".utf8)), ("truncated", good.prefix(good.count / 2))] {
            XCTAssertThrowsError(try SafeTensors(data: bytes, path: name)) { error in
                guard case ModelError.malformed(let path, _) = error else { return XCTFail("\(name): \(error)") }
                XCTAssertEqual(path, name)
            }
        }
    }

    func testMissingTensorAndWrongShapeAreReportedByName() {
        var file = SafeTensors.untrainedNetwork(.compact, seed: 1)
        file.tensors["conv3.weight"] = nil
        XCTAssertThrowsError(try EmbeddingNetwork(file: file, path: "m")) { error in
            XCTAssertEqual("\(error)", "model m is not a usable embedding network: missing tensor conv3.weight")
        }
        file = SafeTensors.untrainedNetwork(.compact, seed: 1)
        file.tensors["bn2.running_var"] = .init(shape: [3], values: [1, 1, 1])
        XCTAssertThrowsError(try EmbeddingNetwork(file: file, path: "m")) { error in
            XCTAssertTrue("\(error)".contains("bn2.running_var has shape [3], expected [24]"), "\(error)")
        }
    }

    func testFileWithoutArchitectureIsRejected() {
        XCTAssertThrowsError(try EmbeddingNetwork(file: SafeTensors(), path: "m")) { error in
            XCTAssertTrue("\(error)".contains("no siamtrack.architecture"), "\(error)")
        }
    }
}
