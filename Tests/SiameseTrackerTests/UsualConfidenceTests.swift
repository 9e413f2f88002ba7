import XCTest

@testable import SiameseTracker

/// The absence judgement's levels follow how well the target usually matches.
final class UsualConfidenceTests: XCTestCase {
    private let configuration = TrackerConfiguration()

    func testBeforeAnyFrameTheFixedThresholdsApply() {
        let usual = UsualConfidence()
        XCTAssertNil(usual.level)
        XCTAssertEqual(usual.absentLevel(configuration), configuration.absentBelow)
        XCTAssertEqual(usual.presentLevel(configuration), configuration.presentAbove)
    }

    func testAWellMatchingTargetIsJudgedAbsentAtAHigherConfidenceThanAPoorlyMatchingOne() {
        var good = UsualConfidence(), poor = UsualConfidence()
        for _ in 0..<100 {
            good.learn(0.8, rate: configuration.usualConfidenceAveraging)
            poor.learn(0.3, rate: configuration.usualConfidenceAveraging)
        }
        XCTAssertEqual(try XCTUnwrap(good.level), 0.8, accuracy: 1e-9)
        XCTAssertEqual(good.absentLevel(configuration), 0.4, accuracy: 1e-9, "half the usual 0.8")
        XCTAssertEqual(poor.absentLevel(configuration), 0.15, accuracy: 1e-9, "half the usual 0.3")
        XCTAssertEqual(good.presentLevel(configuration), 0.48, accuracy: 1e-9, "0.6 of the usual, under presentAbove")
        XCTAssertEqual(poor.presentLevel(configuration), 0.18, accuracy: 1e-9)
    }

    func testTheLevelsNeverCrossTheFixedThresholds() {
        var faint = UsualConfidence(), perfect = UsualConfidence()
        faint.learn(0.05, rate: 1)
        perfect.learn(1, rate: 1)
        XCTAssertEqual(faint.absentLevel(configuration), configuration.absentBelow, "never under absentBelow")
        XCTAssertEqual(faint.presentLevel(configuration), configuration.absentBelow, "never under the absence level")
        XCTAssertEqual(perfect.presentLevel(configuration), configuration.presentAbove, "never over presentAbove")
    }

    func testTheLevelMovesTowardEachFrameAtTheAveragingRate() {
        var usual = UsualConfidence()
        usual.learn(0.6, rate: 0.05)
        XCTAssertEqual(usual.level, 0.6, "the first frame sets it")
        usual.learn(0.2, rate: 0.05)
        XCTAssertEqual(try XCTUnwrap(usual.level), 0.58, accuracy: 1e-12)
        usual.learn(.nan, rate: 0.05)
        XCTAssertEqual(try XCTUnwrap(usual.level), 0.58, accuracy: 1e-12, "a non-finite confidence is ignored")
    }

    func testSharesOfZeroLeaveTheFixedThresholds() {
        var configuration = TrackerConfiguration()
        (configuration.absentBelowUsual, configuration.presentAboveUsual) = (0, 0)
        var usual = UsualConfidence()
        usual.learn(0.9, rate: 1)
        XCTAssertEqual(usual.absentLevel(configuration), configuration.absentBelow)
        XCTAssertEqual(usual.presentLevel(configuration), configuration.presentAbove)
    }

    func testASuddenDropHoldsTheLevelUntilTheTargetMatchesAtThePresentLevelAgain() {
        var usual = UsualConfidence()
        usual.learn(0.8, rate: 1)
        usual.watch(0.4, recentMean: 0.8, configuration: configuration)
        XCTAssertTrue(usual.isHeld, "0.4 is under 0.6 of the recent 0.8")
        for _ in 0..<50 { usual.learn(0.42, rate: configuration.usualConfidenceAveraging) }
        XCTAssertEqual(usual.level, 0.8, "a match left behind by a target that went does not lower the level")
        XCTAssertEqual(usual.absentLevel(configuration), 0.4, accuracy: 1e-9)
        usual.watch(0.45, recentMean: 0.42, configuration: configuration)
        XCTAssertTrue(usual.isHeld, "0.45 is under the present level 0.48")
        usual.watch(0.5, recentMean: 0.43, configuration: configuration)
        XCTAssertFalse(usual.isHeld, "0.5 reaches the present level")
        usual.learn(0.5, rate: 0.5)
        XCTAssertEqual(try XCTUnwrap(usual.level), 0.65, accuracy: 1e-12)
    }

    func testAGradualDeclineIsFollowed() {
        var usual = UsualConfidence()
        var (confidence, recentMean) = (0.9, 0.9)
        usual.learn(confidence, rate: 1)
        for _ in 0..<200 {
            confidence *= 0.99
            usual.watch(confidence, recentMean: recentMean, configuration: configuration)
            XCTAssertFalse(usual.isHeld)
            usual.learn(confidence, rate: configuration.usualConfidenceAveraging)
            recentMean += configuration.confidenceAveraging * (confidence - recentMean)
        }
        XCTAssertLessThan(try XCTUnwrap(usual.level), 0.2, "the level follows a target whose match fades slowly (0.9 to 0.12), never held")
    }

    func testAShareOfZeroNeverHolds() {
        var configuration = TrackerConfiguration()
        configuration.usualHeldBelow = 0
        var usual = UsualConfidence()
        usual.learn(0.8, rate: 1)
        usual.watch(0.01, recentMean: 0.8, configuration: configuration)
        XCTAssertFalse(usual.isHeld)
    }

    func testAReturnIsUnconfirmedUntilAFrameReachesTheConfirmationShareOfTheUsualLevel() {
        var usual = UsualConfidence()
        usual.learn(0.5, rate: 1)
        XCTAssertEqual(usual.takeoverLevel(configuration), configuration.presentAbove, "never lost: candidates need presentAbove")
        usual.noteAbsent()
        XCTAssertEqual(usual.takeoverLevel(configuration), 0.45, accuracy: 1e-9, "0.9 of the usual 0.5, under presentAbove")
        usual.notePresent(0.35, configuration: configuration)
        XCTAssertFalse(usual.isReturnConfirmed, "0.35 is under 0.8 of the usual 0.5: back on something weaker than the target")
        usual.notePresent(0.4, configuration: configuration)
        XCTAssertTrue(usual.isReturnConfirmed)
        XCTAssertEqual(usual.takeoverLevel(configuration), configuration.presentAbove)
    }

    func testTheTakeoverLevelIsNeverOverPresentAboveAndAShareOfZeroLeavesIt() {
        var usual = UsualConfidence(), off = configuration
        usual.learn(0.9, rate: 1)
        usual.noteAbsent()
        XCTAssertEqual(usual.takeoverLevel(configuration), configuration.presentAbove, "0.9 of 0.9 is over presentAbove")
        off.takeoverAboveUsual = 0
        var poor = UsualConfidence()
        poor.learn(0.4, rate: 1)
        poor.noteAbsent()
        XCTAssertEqual(poor.takeoverLevel(off), configuration.presentAbove)
    }
}
