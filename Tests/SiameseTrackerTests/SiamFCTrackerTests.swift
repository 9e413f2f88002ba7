import Foundation
import Geometry
import Imaging
import TestSupport
import XCTest

@testable import SiameseTracker

final class SiamFCTrackerTests: XCTestCase {
    private let network = try! EmbeddingNetwork.bundledDefault()
    private let scene = SyntheticScene(seed: 42)

    func testTrackingAStillFrameDoesNotDrift() throws {
        let frame = scene.frame(patchAt: 100, 70)
        let start = scene.box(patchAt: 100, 70)
        var tracker = try SiamFCTracker(network: network, frame: frame, box: start)
        // One score-map cell is 8 search pixels, about 5 frame pixels here: stay within a third of one
        // over many frames, so small sub-cell offsets do not add up into drift.
        var result = TrackingResult(box: start, score: 1)
        for frameIndex in 1...40 {
            result = tracker.update(frame: frame)
            XCTAssertLessThan(result.box.centerDistance(to: start), 1.7, "frame \(frameIndex)")
        }
        XCTAssertEqual(result.box.width, start.width, accuracy: 2)
        XCTAssertGreaterThan(result.score, 0.85, "measured 0.90 with the bundled model")
    }

    func testFollowsAPatchMovingOverTexture() throws {
        var tracker = try SiamFCTracker(network: network, frame: scene.frame(patchAt: 40, 40), box: scene.box(patchAt: 40, 40))
        for step in 1...20 {
            let (x, y) = (40 + step * 6, 40 + step * 4)
            let result = tracker.update(frame: scene.frame(patchAt: x, y))
            XCTAssertGreaterThan(result.box.intersectionOverUnion(scene.box(patchAt: x, y)), 0.6, "frame \(step)")
        }
    }

    func testSameInputGivesSameBoxes() throws {
        func run() throws -> [Box] {
            var tracker = try SiamFCTracker(network: network, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
            return (1...5).map { tracker.update(frame: scene.frame(patchAt: 30 + $0 * 5, 30)).box }
        }
        XCTAssertEqual(try run(), try run())
    }

    func testACopiedTrackerFollowsOnItsOwnAsAValue() throws {
        var original = try SiamFCTracker(network: network, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
        _ = original.update(frame: scene.frame(patchAt: 35, 30))
        var copy = original
        // Interleaved updates on different frames: a shared buffer would mix the two tracks.
        var copyBoxes: [Box] = [], originalBoxes: [Box] = []
        for step in 2...6 {
            copyBoxes.append(copy.update(frame: scene.frame(patchAt: 30 + step * 5, 30)).box)
            originalBoxes.append(original.update(frame: scene.frame(patchAt: 30, 30 + step * 5)).box)
        }
        var alone = try SiamFCTracker(network: network, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
        _ = alone.update(frame: scene.frame(patchAt: 35, 30))
        XCTAssertEqual(copyBoxes, (2...6).map { alone.update(frame: scene.frame(patchAt: 30 + $0 * 5, 30)).box })
        XCTAssertGreaterThan(originalBoxes.last!.intersectionOverUnion(scene.box(patchAt: 30, 60)), 0.5, "the original went down")
    }

    func testRejectsSettingsThatAreNotFiniteOrOutOfRange() {
        let frame = scene.frame(patchAt: 0, 0)
        for change in [{ (c: inout TrackerConfiguration) in c.scaleStep = .infinity }, { $0.scaleStep = 1e308 }, { $0.threads = 10_000 },
                       { $0.contextAmount = .nan }, { $0.searchSize = 100_000 }] {
            var configuration = TrackerConfiguration()
            change(&configuration)
            XCTAssertThrowsError(try SiamFCTracker(network: network, configuration: configuration, frame: frame, box: scene.box(patchAt: 0, 0))) {
                XCTAssertTrue("\($0)".hasPrefix("invalid tracker configuration: "), "\($0)")
            }
        }
    }

    func testRejectsEmptyNegativeNaNAndOutsideBoxes() {
        let frame = scene.frame(patchAt: 0, 0)
        let cases: [(Box, String)] = [
            (Box(x: 10, y: 10, width: 0, height: 5), "invalid start box: 10.0,10.0,0.0,5.0 has a width or height that is not positive"),
            (Box(x: 10, y: 10, width: -4, height: 5), "invalid start box: 10.0,10.0,-4.0,5.0 has a width or height that is not positive"),
            (Box(x: .nan, y: 10, width: 4, height: 5), "invalid start box: nan,10.0,4.0,5.0 is not four finite numbers"),
            (Box(x: 500, y: 10, width: 4, height: 5), "invalid start box: 500.0,10.0,4.0,5.0 lies outside the 240x180 frame"),
            (Box(x: 10, y: 10, width: 0.001, height: 5), "invalid start box: 10.0,10.0,0.001,5.0 is smaller than a pixel"),
            (Box(x: 10, y: 10, width: 1e20, height: 1e20),
             "invalid start box: 10.0,10.0,1e+20,1e+20 is more than 4 times as large as the 240x180 frame"),
        ]
        for (box, message) in cases {
            XCTAssertThrowsError(try SiamFCTracker(network: network, frame: frame, box: box)) { XCTAssertEqual("\($0)", message) }
        }
    }
}
