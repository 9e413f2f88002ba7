import Geometry
import TestSupport
import XCTest

@testable import SiameseTracker

/// Several networks track as one: their score maps, each relative to its own exemplar, averaged.
final class EnsembleTrackingTests: XCTestCase {
    private let scene = SyntheticScene(seed: 42)

    private func track(_ networks: [EmbeddingNetwork], frames: Int = 12) throws -> [TrackingResult] {
        var tracker = try SiamFCTracker(networks: networks, frame: scene.frame(patchAt: 40, 40), box: scene.box(patchAt: 40, 40))
        return (1...frames).map { step in tracker.update(frame: scene.frame(patchAt: 40 + step * 6, 40 + step * 4)) }
    }

    func testAnEnsembleOfOneNetworkTwiceTracksExactlyAsThatNetwork() throws {
        let network = try EmbeddingNetwork.bundledDefault()
        XCTAssertEqual(try track([network, network]), try track([network]))
    }

    func testTheBundledEnsembleFollowsAMovingPatchAndDiffersFromEitherNetwork() throws {
        let networks = try EmbeddingNetwork.bundledEnsemble()
        XCTAssertEqual(networks.count, 3)
        let results = try track(networks)
        for (step, result) in results.enumerated() {
            let (x, y) = (40 + (step + 1) * 6, 40 + (step + 1) * 4)
            XCTAssertGreaterThan(result.box.intersectionOverUnion(scene.box(patchAt: x, y)), 0.6, "frame \(step + 1)")
        }
        // The averaged maps give their own peaks: neither member's boxes and scores come out.
        for network in networks { XCTAssertNotEqual(results, try track([network])) }
    }

    func testNoNetworkIsAClearError() {
        XCTAssertThrowsError(try SiamFCTracker(networks: [], frame: scene.frame(patchAt: 40, 40), box: scene.box(patchAt: 40, 40))) { error in
            guard case TrackerError.invalidConfiguration(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("no network"), message)
        }
    }
}
