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

    func testWiderCompactNetworkScalesEveryConvolutionAndKeepsTheGeometry() throws {
        XCTAssertEqual(NetworkArchitecture.compact(width: 1), .compact)
        let wide = try EmbeddingNetwork(file: .untrainedNetwork(.compact(width: 1.5), seed: 2), path: "wide")
        let narrow = try EmbeddingNetwork(file: .untrainedNetwork(.compact, seed: 2), path: "narrow")
        XCTAssertEqual(wide.totalStride, narrow.totalStride)
        XCTAssertEqual(wide.outputChannels, 48)
        XCTAssertEqual(wide.outputSize(for: 255), narrow.outputSize(for: 255))
        XCTAssertGreaterThan(Double(wide.parameterCount), 2 * Double(narrow.parameterCount))
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

    // MARK: Crafted files (hostile input)

    /// A file of one tensor whose header says `shape` and `offsets`, with 16 bytes of data.
    private func crafted(shape: String, offsets: String) -> Data {
        let header = Data("{\"t\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":\(offsets)}}".utf8)
        var length = UInt64(header.count).littleEndian
        return Data(bytes: &length, count: 8) + header + Data(count: 16)
    }

    func testHeadersThatWouldOverflowAreRefusedNotTrapped() {
        let cases = [
            ("[4294967296,4294967296,16]", "[0,16]"), ("[4,1]", "[9223372036854775000,9223372036854775807]"),
            ("[2]", "[8,0]"), ("[-1,4]", "[0,16]"), ("[4]", "[0,16000000000000000000]"),
        ]
        for (shape, offsets) in cases {
            XCTAssertThrowsError(try SafeTensors(data: crafted(shape: shape, offsets: offsets), path: "c")) { error in
                guard case ModelError.malformed = error else { return XCTFail("\(shape) \(offsets): \(error)") }
            }
        }
        XCTAssertNoThrow(try SafeTensors(data: crafted(shape: "[4]", offsets: "[0,16]"), path: "c"))
    }

    func testAbsurdLayerSizesAndOverflowingWeightsAreRefusedAtLoad() throws {
        var file = SafeTensors.untrainedNetwork(.compact, seed: 1)
        var architecture = NetworkArchitecture.compact
        architecture.layers[3] = .maxPool(kernel: 1 << 62, stride: 1 << 62)
        file.metadata[NetworkArchitecture.metadataKey] = architecture.metadataJSON
        XCTAssertThrowsError(try EmbeddingNetwork(file: file, path: "m")) { error in
            XCTAssertTrue("\(error)".contains("kernel size 4611686018427387904; at most 64"), "\(error)")
        }
        file = SafeTensors.untrainedNetwork(.compact, seed: 1)
        for name in file.tensors.keys where name.hasSuffix(".weight") {
            file.tensors[name]!.values = file.tensors[name]!.values.map { _ in 1e18 }
        }
        XCTAssertThrowsError(try EmbeddingNetwork(file: file, path: "m")) { error in
            XCTAssertTrue("\(error)".contains("overflow"), "\(error)")
        }
    }
}
