import Evaluation
import Geometry
import XCTest

/// The long-term measures on made-up sequences whose answers are worked out by hand.
final class LongTermMetricsTests: XCTestCase {
    private let target = Box(x: 10, y: 10, width: 20, height: 20)

    private func metrics(predicted: [Box], groundTruth: [Box?]) -> LongTermMetrics {
        LongTermMetrics(
            predicted: predicted, presence: predicted.map { _ in FramePresence(confidence: 1, isVisible: true) }, groundTruth: groundTruth)
    }

    func testEachReturnIsTimedToTheFirstFrameBackOnTheTarget() {
        let away = target.moved(dx: 100, dy: 0), near = target.moved(dx: 8, dy: 0)  // IoU 12/28 < 0.5
        // Frames: 0 present, 1-2 gone, 3 back (tracker away), 4 near, 5 on it; 6 gone, 7 back and on it.
        let groundTruth: [Box?] = [target, nil, nil, target, target, target, nil, target]
        let predicted = [target, away, away, away, near, target, away, target]
        let result = metrics(predicted: predicted, groundTruth: groundTruth)
        XCTAssertEqual(result.reacquisitionDelays, [2, 0])
        XCTAssertEqual(result.reacquisitionSummary, "2/2 @0")
    }

    func testAReturnNeverReacquiredIsNilAndATargetThatNeverLeavesHasNoReturns() {
        let away = target.moved(dx: 100, dy: 0)
        let never = metrics(predicted: [target, away, away, away], groundTruth: [target, nil, target, target])
        XCTAssertEqual(never.reacquisitionDelays, [nil])
        XCTAssertEqual(never.reacquisitionSummary, "0/1")
        let always = metrics(predicted: [target, target], groundTruth: [target, target])
        XCTAssertEqual(always.reacquisitionDelays, [])
        XCTAssertEqual(always.reacquisitionSummary, "-")
    }

    func testTheDatasetsReturnsAreEverySequencesReturns() throws {
        let away = target.moved(dx: 100, dy: 0)
        let first = metrics(predicted: [target, away, target], groundTruth: [target, nil, target])
        let second = metrics(predicted: [target, away, away, target, target], groundTruth: [target, nil, target, target, nil])
        let mean = try XCTUnwrap(LongTermMetrics(meanOf: [first, second]))
        XCTAssertEqual(mean.reacquisitionDelays, [0, 1])
        XCTAssertEqual(mean.reacquisitionSummary, "2/2 @0")
    }
}
