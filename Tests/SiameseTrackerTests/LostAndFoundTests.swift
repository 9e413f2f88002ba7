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
    /// The defaults: this scene's blocky background matches the patch at 0.11 to 0.19, over the
    /// fixed `absentBelow` (0.1) but under half the patch's usual match.
    private let configuration = TrackerConfiguration()

    func testATargetThatLeavesIsReportedAbsentAndFoundAgainWhereItComesBack() throws {
        var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
        for _ in 0..<10 { XCTAssertTrue(tracker.update(frame: scene.frame(patchAt: 30, 30)).isVisible) }

        let gone = (0..<40).map { _ in tracker.update(frame: scene.frame(patchAt: nil)) }
        XCTAssertEqual(gone.suffix(30).filter(\.isVisible).count, 0, "absent from at most 10 frames after it left: \(gone.map(\.score))")
        let lastSeen = try XCTUnwrap(gone.last { $0.isVisible }?.box)
        XCTAssertTrue(gone.filter { !$0.isVisible }.allSatisfy { $0.box == lastSeen }, "the last box seen is carried while absent")

        let back = (0..<30).map { _ in tracker.update(frame: scene.frame(patchAt: 180, 120)) }
        let found = try XCTUnwrap(back.firstIndex { $0.isVisible }, "found again: \(back.map(\.score))")
        XCTAssertLessThan(found, 15, "a sweep of the frame takes a few frames")
        XCTAssertGreaterThan(back.last!.box.intersectionOverUnion(scene.box(patchAt: 180, 120)), 0.5)
        XCTAssertTrue(back.suffix(5).allSatisfy(\.isVisible))
    }

    func testATargetJudgedAbsentIsPresentAgainAfterAsManyFramesAboveTheAbsenceLevelAsItTookToLoseIt() throws {
        // presentAbove 1 alone: no single match short of a perfect one brings the target back,
        // only frames that hold (two here, as the returning patch matches perfectly from the third).
        var patient = configuration
        (patient.presentAbove, patient.presentAboveUsual, patient.absentAfterFrames) = (1, 0, 2)
        var tracker = try SiamFCTracker(network: network, configuration: patient, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
        for _ in 0..<10 { _ = tracker.update(frame: scene.frame(patchAt: 30, 30)) }
        for _ in 0..<20 { _ = tracker.update(frame: scene.frame(patchAt: nil)) }
        XCTAssertFalse(tracker.isTargetVisible)

        let back = (0..<10).map { _ in tracker.update(frame: scene.frame(patchAt: 30, 30)) }
        let frames = patient.absentAfterFrames
        XCTAssertLessThan(back[frames - 1].score, patient.presentAbove, "back by holding, not by one match")
        XCTAssertTrue(back.prefix(frames - 1).allSatisfy { !$0.isVisible }, "\(back.map(\.score))")
        XCTAssertTrue(back.dropFirst(frames - 1).allSatisfy(\.isVisible), "\(back.map(\.isVisible))")
        XCTAssertGreaterThan(back.last!.box.intersectionOverUnion(scene.box(patchAt: 30, 30)), 0.7)
    }

    func testWithoutTheUsualLevelABackgroundThatMatchesOverTheFixedThresholdIsNeverJudgedAbsent() throws {
        var fixedOnly = configuration
        fixedOnly.absentBelowUsual = 0
        var tracker = try SiamFCTracker(network: network, configuration: fixedOnly, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
        for _ in 0..<10 { _ = tracker.update(frame: scene.frame(patchAt: 30, 30)) }
        let gone = (0..<40).map { _ in tracker.update(frame: scene.frame(patchAt: nil)) }
        XCTAssertTrue(gone.allSatisfy(\.isVisible), "the background's 0.11 to 0.19 pass the fixed 0.1: \(gone.map(\.score))")
    }

    func testATargetThatReappearsFarAwayIsFoundByTheSearchOfATrackerInDoubt() throws {
        // With the fixed threshold alone this scene's background (0.11 to 0.19) is never judged
        // absent; the running confidence falls under 0.3 and the whole frame is searched anyway.
        func run(widerSearchBelow: Double) throws -> [TrackingResult] {
            var configuration = TrackerConfiguration()
            configuration.absentBelowUsual = 0
            configuration.widerSearchBelow = widerSearchBelow
            var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
            for _ in 0..<10 { _ = tracker.update(frame: scene.frame(patchAt: 30, 30)) }
            return (0..<40).map { _ in tracker.update(frame: scene.frame(patchAt: 180, 120)) }
        }
        let target = scene.box(patchAt: 180, 120)
        let searching = try run(widerSearchBelow: TrackerConfiguration().widerSearchBelow)
        let found = try XCTUnwrap(searching.firstIndex { $0.box.intersectionOverUnion(target) > 0.5 }, "found: \(searching.map(\.score))")
        // The running mean falls under 0.3 within a few frames and a sweep of the frame takes a
        // few more (the bundled network: frame 10). The size drifts as the nearby search follows
        // background; sweeps that started over at every drift took until frame 37.
        XCTAssertLessThan(found, 15, "found within a sweep or two: \(searching.map(\.score))")
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

    func testANearCopyOfTheTargetSeenBesideItIsNotTakenForItWhenTheTargetIsGone() throws {
        // The twin (the patch with its bottom row of cells recoloured) matches the exemplar at
        // 0.73, over presentAbove; it is in view from the first frame, which is swept for look-alikes.
        func run(remembering: Bool) throws -> (gone: [TrackingResult], back: [TrackingResult]) {
            var configuration = self.configuration
            if !remembering { (configuration.lookAlikeAbove, configuration.lookAlikeFramesAfterLoss) = (0, 0) }
            var tracker = try SiamFCTracker(
                network: network, configuration: configuration, frame: scene.frame(patchAt: (30, 30), twinAt: (170, 110)), box: scene.box(patchAt: 30, 30))
            for _ in 0..<10 { _ = tracker.update(frame: scene.frame(patchAt: (30, 30), twinAt: (170, 110))) }
            let gone = (0..<40).map { _ in tracker.update(frame: scene.frame(patchAt: nil, twinAt: (170, 110))) }
            let back = (0..<20).map { _ in tracker.update(frame: scene.frame(patchAt: (100, 20), twinAt: (170, 110))) }
            return (gone, back)
        }
        let twin = scene.box(patchAt: 170, 110), target = scene.box(patchAt: 100, 20)

        let remembering = try run(remembering: true)
        XCTAssertTrue(remembering.gone.suffix(30).allSatisfy { !$0.isVisible }, "absent, not on the twin: \(remembering.gone.map(\.score))")
        XCTAssertTrue(remembering.gone.allSatisfy { $0.box.intersectionOverUnion(twin) < 0.1 })
        let found = try XCTUnwrap(remembering.back.firstIndex { $0.isVisible }, "found again: \(remembering.back.map(\.score))")
        XCTAssertLessThan(found, 5)
        XCTAssertGreaterThan(remembering.back.last!.box.intersectionOverUnion(target), 0.7)

        let forgetting = try run(remembering: false)
        XCTAssertGreaterThan(forgetting.gone.last!.box.intersectionOverUnion(twin), 0.7, "without the memory the twin is taken for the target")
        XCTAssertLessThan(forgetting.back.last!.box.intersectionOverUnion(target), 0.1, "and kept when the target returns")
    }

    func testANearCopyThatAppearsJustAfterTheTargetLeftIsTakenForALookAlike() throws {
        // The twin comes into view 3 frames after the target has gone, so no sweep saw it before.
        func run(framesAfterLoss: Int) throws -> (gone: [TrackingResult], back: [TrackingResult]) {
            var configuration = self.configuration
            configuration.lookAlikeFramesAfterLoss = framesAfterLoss
            var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
            for _ in 0..<10 { _ = tracker.update(frame: scene.frame(patchAt: 30, 30)) }
            for _ in 0..<3 { _ = tracker.update(frame: scene.frame(patchAt: nil)) }
            let gone = (0..<60).map { _ in tracker.update(frame: scene.frame(patchAt: nil, twinAt: (170, 110))) }
            let back = (0..<20).map { _ in tracker.update(frame: scene.frame(patchAt: (100, 20), twinAt: (170, 110))) }
            return (gone, back)
        }
        let twin = scene.box(patchAt: 170, 110), target = scene.box(patchAt: 100, 20)

        let wary = try run(framesAfterLoss: TrackerConfiguration().lookAlikeFramesAfterLoss)
        XCTAssertTrue(wary.gone.dropFirst(5).allSatisfy { !$0.isVisible }, "absent, not on the twin: \(wary.gone.map(\.score))")
        let found = try XCTUnwrap(wary.back.firstIndex { $0.isVisible }, "found again: \(wary.back.map(\.score))")
        XCTAssertLessThan(found, 5)
        XCTAssertGreaterThan(wary.back.last!.box.intersectionOverUnion(target), 0.7)

        let trusting = try run(framesAfterLoss: 0)
        XCTAssertGreaterThan(trusting.gone.last!.box.intersectionOverUnion(twin), 0.7, "taking what it finds at once, it takes the twin")
    }

    func testABriefFalseReturnDoesNotStartTheFramesAfterALossAgain() throws {
        // Gone for 30 frames, then a twin near the last box passes for the target for two frames
        // and goes: judged absent again. The target then comes back far away, 20 frames after that
        // second loss but over 50 after the first. Counted from the second loss, the whole-frame
        // search would take it for a look-alike (lookAlikeFramesAfterLoss, 25) and never find it.
        var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
        for _ in 0..<10 { _ = tracker.update(frame: scene.frame(patchAt: 30, 30)) }
        for _ in 0..<30 { _ = tracker.update(frame: scene.frame(patchAt: nil)) }
        XCTAssertFalse(tracker.isTargetVisible)
        let falseReturn = (0..<2).map { _ in tracker.update(frame: scene.frame(patchAt: nil, twinAt: (34, 30))) }
        XCTAssertTrue(falseReturn.contains(where: \.isVisible), "the twin passes for the target: \(falseReturn.map(\.score))")
        let goneAgain = (0..<20).map { _ in tracker.update(frame: scene.frame(patchAt: nil)) }
        XCTAssertFalse(goneAgain.last!.isVisible, "\(goneAgain.map(\.score))")

        let target = scene.box(patchAt: 180, 120)
        let back = (0..<20).map { _ in tracker.update(frame: scene.frame(patchAt: 180, 120)) }
        let found = try XCTUnwrap(back.firstIndex { $0.isVisible }, "found again: \(back.map(\.score))")
        XCTAssertLessThan(found, 10)
        XCTAssertGreaterThan(back.last!.box.intersectionOverUnion(target), 0.7)
    }

    func testAReturnOnSomethingWeakerThanTheTargetGivesWayToTheTargetAtItsUsualLevelElsewhere() throws {
        // Gone, then the twin (0.67 to 0.77) comes near the last box and passes for the target,
        // under its usual level: an unconfirmed return (confirmedAboveUsual 1 here). The target
        // comes back far away meanwhile. presentAbove 1 leaves no candidate short of a perfect
        // match the usual way to take over; a running mean under 0.8 is doubt, so the twin is
        // followed in doubt and the whole frame searched. absentBelow 0.25, over the background's
        // 0.11 to 0.19, holds the search at the last box while the target is gone, as the story
        // needs: otherwise it wanders from one background match to the next, and where it ends
        // (and the size it drifts to) decides the outcome, differently in float32 and int8.
        // float32, since the story hangs on scores to a hundredth: in AVX2's int8 (7-bit bytes)
        // the whole-frame search finds the target far away at 0.9 on its first frame back, over
        // the usual-level bar, before the twin is ever followed.
        func run(takeoverAboveUsual: Double) throws -> [TrackingResult] {
            var configuration = configuration
            configuration.precision = .float32
            configuration.absentBelow = 0.25
            (configuration.presentAbove, configuration.widerSearchBelow) = (1, 0.8)
            (configuration.confirmedAboveUsual, configuration.takeoverAboveUsual) = (1, takeoverAboveUsual)
            var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: scene.frame(patchAt: 30, 30), box: scene.box(patchAt: 30, 30))
            for _ in 0..<10 { _ = tracker.update(frame: scene.frame(patchAt: 30, 30)) }
            for _ in 0..<30 { _ = tracker.update(frame: scene.frame(patchAt: nil)) }
            XCTAssertFalse(tracker.isTargetVisible)
            return (0..<30).map { _ in tracker.update(frame: scene.frame(patchAt: (180, 120), twinAt: (34, 30))) }
        }
        let target = scene.box(patchAt: 180, 120), twin = Box(x: 34, y: 30, width: target.width, height: target.height)
        let confirming = try run(takeoverAboveUsual: 0.9)
        XCTAssertGreaterThan(confirming.first!.box.intersectionOverUnion(twin), 0.5, "back on the twin first: \(confirming.map(\.score))")
        let found = try XCTUnwrap(confirming.firstIndex { $0.box.intersectionOverUnion(target) > 0.5 }, "\(confirming.map(\.score))")
        XCTAssertLessThan(found, 20, "found within a sweep or two")
        XCTAssertTrue(confirming[found...].allSatisfy { $0.box.intersectionOverUnion(target) > 0.5 }, "and it stays found")

        let trusting = try run(takeoverAboveUsual: 0)
        XCTAssertTrue(trusting.allSatisfy { $0.box.intersectionOverUnion(target) < 0.1 }, "presentAbove alone: the twin is kept \(trusting.map(\.score))")
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

