import Geometry
import Imaging
import TestSupport
import XCTest

import SiameseTracker

/// The tracker says when the target is gone, holds its last box without learning from the
/// background, and finds the target again wherever it comes back.
final class LostAndFoundTests: XCTestCase {
    private let network = try! EmbeddingNetwork.bundledDefault()
    private let scene = SyntheticScene(seed: 3)
    /// The default judgement with a higher absence threshold. The default (0.1, under which 0.1%
    /// of on-target frames of shared/datasets/train fall) is reached by real backgrounds over a
    /// few frames (dev's lt_skiing: 189 of 228 absent frames reported absent), but not by this
    /// scene's blocky background, which matches the patch at 0.11 to 0.19.
    private var configuration: TrackerConfiguration {
        var configuration = TrackerConfiguration()
        configuration.absentBelow = 0.25
        return configuration
    }

    func testATargetThatLeavesIsReportedAbsentAndFoundAgainWhereItComesBack() throws {
        var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
        for _ in 0..<10 { XCTAssertTrue(tracker.update(frame: scene.frame(patchAt: 30, 30)).isVisible) }

        let gone = (0..<40).map { _ in tracker.update(frame: scene.frame(patchAt: nil)) }
        XCTAssertEqual(gone.suffix(30).filter(\.isVisible).count, 0, "absent from at most 10 frames after it left: \(gone.map(\.score))")
        XCTAssertTrue(gone.suffix(30).allSatisfy { $0.box == gone.last!.box }, "the last box is held while absent")

        let back = (0..<30).map { _ in tracker.update(frame: scene.frame(patchAt: 180, 120)) }
        let found = try XCTUnwrap(back.firstIndex { $0.isVisible }, "found again: \(back.map(\.score))")
        XCTAssertLessThan(found, 15, "a sweep of the frame takes a few frames")
        XCTAssertGreaterThan(back.last!.box.intersectionOverUnion(scene.box(patchAt: 180, 120)), 0.5)
        XCTAssertTrue(back.suffix(5).allSatisfy(\.isVisible))
    }

    func testATargetThatReappearsFarAwayIsFoundByTheSearchOfATrackerInDoubt() throws {
        // With the default thresholds this scene's background (0.11 to 0.19) is never judged
        // absent; the running confidence falls under 0.3 and the whole frame is searched anyway.
        func run(widerSearchBelow: Double) throws -> [TrackingResult] {
            var configuration = TrackerConfiguration()
            configuration.widerSearchBelow = widerSearchBelow
            var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
            for _ in 0..<10 { _ = tracker.update(frame: scene.frame(patchAt: 30, 30)) }
            return (0..<40).map { _ in tracker.update(frame: scene.frame(patchAt: 180, 120)) }
        }
        let target = scene.box(patchAt: 180, 120)
        let searching = try run(widerSearchBelow: TrackerConfiguration().widerSearchBelow)
        let found = try XCTUnwrap(searching.firstIndex { $0.box.intersectionOverUnion(target) > 0.5 }, "found: \(searching.map(\.score))")
        XCTAssertLessThan(found, 25, "the running confidence falls within a few frames and a sweep takes a few more")
        XCTAssertTrue(searching[found...].allSatisfy { $0.box.intersectionOverUnion(target) > 0.5 }, "and it stays found")
        XCTAssertGreaterThan(searching.last!.score, 0.6)

        let following = try run(widerSearchBelow: 0)
        XCTAssertLessThan(following.last!.box.intersectionOverUnion(target), 0.1, "without the wider search the target stays lost")
    }

    func testAStillTargetIsNeverReportedAbsent() throws {
        var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 100, 70), box: scene.box(patchAt: 100, 70))
        for index in 1...200 {
            let result = tracker.update(frame: scene.frame(patchAt: 100, 70))
            XCTAssertTrue(result.isVisible, "frame \(index): score \(result.score)")
        }
    }

    func testALookAlikeSeenWhileTheTargetIsHiddenTeachesTheTrackerNothing() throws {
        // Two trackers see the same frames, except that while the target is hidden one of them also
        // sees a look-alike; having learnt nothing from it, both track the returning target alike.
        func run(lookAlike: (Int, Int)?) throws -> [TrackingResult] {
            var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
            for _ in 0..<5 { _ = tracker.update(frame: scene.frame(patchAt: 30, 30)) }
            for _ in 0..<25 { _ = tracker.update(frame: scene.frame(patchAt: nil, lookAlikeAt: lookAlike)) }
            return (0..<20).map { _ in tracker.update(frame: scene.frame(patchAt: (40, 36))) }
        }
        let withLookAlike = try run(lookAlike: (170, 110)), without = try run(lookAlike: nil)

        XCTAssertEqual(withLookAlike, without)
        XCTAssertGreaterThan(withLookAlike.last!.box.intersectionOverUnion(scene.box(patchAt: 40, 36)), 0.5, "the target is found again")
    }

    func testABlankFirstFrameGivesNoConfidenceInsteadOfCertainty() throws {
        let black = RGBImage(width: 160, height: 120, pixels: [UInt8](repeating: 0, count: 160 * 120 * 3))
        var tracker = try SiamFCTracker(network: network, frame: black, box: Box(x: 40, y: 30, width: 40, height: 40))

        XCTAssertEqual(tracker.exemplarContrast, 0)
        let results = (0..<10).map { _ in tracker.update(frame: black) }
        XCTAssertTrue(results.allSatisfy { $0.score == 0 }, "\(results.map(\.score))")
        XCTAssertFalse(results.last!.isVisible, "nothing to follow is nothing seen")
    }
}
