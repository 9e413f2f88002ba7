import Foundation
import Geometry
import TestSupport
import XCTest

@testable import SiameseTracker

/// The size head: what it reads, how model files carry it, and how the tracker follows it.
final class SizeHeadTests: XCTestCase {
    private let scene = SyntheticScene(seed: 42)

    /// The shipped first network's file with a head that always estimates `bias`.
    private func networkFile(headBias: [Float]) throws -> SafeTensors {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SiameseTracker/Resources/default.safetensors")
        var file = try SafeTensors(contentsOf: path)
        var head = SizeHead(channels: 32, side: 8)
        head.bias = headBias
        file.tensors.merge(head.tensors) { $1 }
        return file
    }

    func testTheWindowIsTheSearchEmbeddingUnderTheExemplarAtTheCell() {
        let exemplar = TestData.randomMap(channels: 2, batch: 1, height: 3, width: 3, seed: 1)
        let search = TestData.randomMap(channels: 2, batch: 2, height: 7, width: 7, seed: 2)
        let window = SizeHead.Window(exemplar: exemplar, exemplarItem: 0, search: search, searchItem: 1, row: 4, column: 2)
        XCTAssertEqual(window.exemplar, exemplar.values)
        // Channel 1, window row 2, column 1: search row 6, column 3 of item 1.
        XCTAssertEqual(window.search[9 + 2 * 3 + 1], search[1, 1, 6, 3])
        XCTAssertEqual(window.search[0], search[0, 1, 4, 2])
    }

    func testTheEstimateIsBiasPlusMeanWeightedProductsOverTheExemplarsEnergy() {
        var head = SizeHead(channels: 1, side: 2)
        head.bias = [0.5, -0.25]
        XCTAssertEqual(head.logSizeChange(.init(exemplar: [1, 2, 3, 4], search: [4, 3, 2, 1])).width, 0.5)
        head.matchWeights = [1, 1, 1, 1, 0, 0, 0, 0]
        head.searchWeights = [0, 0, 0, 0, 0, 0, 0, 2]
        // Energy: (1 + 4 + 9 + 16) / 4 = 7.5 (plus the floor); products sum to 4 + 6 + 6 + 4 = 20.
        let estimate = head.logSizeChange(.init(exemplar: [1, 2, 3, 4], search: [4, 3, 2, 1]))
        XCTAssertEqual(estimate.width, 0.5 + 20 / (4 * 7.5), accuracy: 1e-5)
        XCTAssertEqual(estimate.height, -0.25 + 2 / (4 * Float(7.5).squareRoot()), accuracy: 1e-5)
    }

    func testAModelFileCarriesItsSizeHeadAndOneThatDoesNotFitIsRefused() throws {
        let file = try networkFile(headBias: [0.1, 0.2])
        XCTAssertEqual(try EmbeddingNetwork(file: file, path: "with head").sizeHead?.bias, [0.1, 0.2])
        var plain = file
        for name in SizeHead.tensorNames { plain.tensors[name] = nil }
        XCTAssertNil(try EmbeddingNetwork(file: plain, path: "plain").sizeHead)
        XCTAssertNotEqual(
            try EmbeddingNetwork(file: file, path: "with head").fingerprint, try EmbeddingNetwork(file: plain, path: "plain").fingerprint,
            "batch runs tell a network with a head from one without")
        var misfit = plain
        misfit.tensors.merge(SizeHead(channels: 16, side: 8).tensors) { $1 }
        XCTAssertThrowsError(try EmbeddingNetwork(file: misfit, path: "misfit")) { error in
            XCTAssertTrue("\(error)".contains("size head reads 16 channels"), "\(error)")
        }
        var broken = file
        broken.tensors[SizeHead.biasName] = .init(shape: [3], values: [0, 0, 0])
        XCTAssertThrowsError(try EmbeddingNetwork(file: broken, path: "broken"))
    }

    func testTheTrackerMovesWidthAndHeightTowardTheHeadsEstimate() throws {
        let network = try EmbeddingNetwork(file: try networkFile(headBias: [Float(log(1.2)), Float(log(0.9))]), path: "head")
        let start = scene.box(patchAt: 40, 40)
        func aspectAfterOneFrame(rate: Double) throws -> Double {
            var configuration = TrackerConfiguration()
            configuration.sizeHeadRate = rate
            var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 40, 40), box: start)
            let box = tracker.update(frame: scene.frame(patchAt: 42, 41)).box
            return (box.width / box.height) / (start.width / start.height)
        }
        // At rate 1 the shape is the head's, whatever scale won; at 0.5 half of it in logs; at 0 untouched.
        XCTAssertEqual(try aspectAfterOneFrame(rate: 1), 1.2 / 0.9, accuracy: 1e-6)
        XCTAssertEqual(try aspectAfterOneFrame(rate: 0.5), (1.2 / 0.9).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(try aspectAfterOneFrame(rate: 0), 1, accuracy: 1e-12)
    }
}
