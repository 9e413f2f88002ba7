import Geometry
import XCTest

@testable import SiameseTracker

/// The online correlation filter learns how the target looks now; cross-correlation with the
/// first frame alone prefers whatever looks like the target did then.
final class AdaptiveTrackingTests: XCTestCase {
    private let network = try! EmbeddingNetwork.bundledDefault()
    private let scene = ChangingTargetScene(seed: 11)

    func testFilterKeepsAChangedTargetWherePlainCrossCorrelationJumpsToALookAlike() throws {
        var plain = TrackerConfiguration(), filtered = TrackerConfiguration()
        (plain.filterInfluence, plain.colourInfluence) = (0, 0)
        (filtered.filterInfluence, filtered.filterLearningRate, filtered.colourInfluence) = (0.5, 0.01, 0)
        let adaptive = try overlapsAfterTheDistractorAppears(filtered)
        let withoutFilter = try overlapsAfterTheDistractorAppears(plain)
        XCTAssertGreaterThan(adaptive.min()!, 0.5, "the adaptive tracker stays on the target (measured 0.81 or more)")
        XCTAssertGreaterThan(withoutFilter.first!, 0.5, "plain SiamFC is on the changed target before the look-alike comes")
        XCTAssertLessThan(withoutFilter.last!, 0.1, "plain SiamFC ends on the look-alike (measured 0)")
    }

    /// IoU with the target on each frame from the one before the distractor's arrival to 30 frames later.
    private func overlapsAfterTheDistractorAppears(_ configuration: TrackerConfiguration) throws -> [Double] {
        var tracker = try SiamFCTracker(
            network: network, configuration: configuration, frame: scene.frame(0), box: scene.targetBox(frame: 0))
        var overlaps: [Double] = []
        for index in 1..<(scene.distractorStart + 30) {
            let box = tracker.update(frame: scene.frame(index)).box
            if index >= scene.distractorStart - 1 { overlaps.append(box.intersectionOverUnion(scene.targetBox(frame: index))) }
        }
        return overlaps
    }
}
