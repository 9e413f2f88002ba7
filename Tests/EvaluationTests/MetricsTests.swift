import Evaluation
import Geometry
import XCTest

final class MetricsTests: XCTestCase {
    private let target = Box(x: 0, y: 0, width: 10, height: 10)
    private let shiftedByHalf = Box(x: 5, y: 0, width: 10, height: 10)  // IoU 50 / 150 = 1/3
    private let faraway = Box(x: 100, y: 0, width: 10, height: 10)

    func testThresholdsAreThoseOfTheOTBAndLaSOTToolkits() {
        XCTAssertEqual(Curve.overlapThresholds.count, 21)
        XCTAssertEqual(Curve.overlapThresholds[3], 0.15)
        XCTAssertEqual(Curve.overlapThresholds.last, 1)
        XCTAssertEqual(Curve.centerErrorThresholdsInPixels, (0...50).map(Double.init))
        XCTAssertEqual(Curve.normalizedCenterErrorThresholds.count, 51)
        XCTAssertEqual(Curve.normalizedCenterErrorThresholds[20], 0.2)
        XCTAssertEqual(Curve.normalizedCenterErrorThresholds.last, 0.5)
    }

    func testPerfectTrackingScoresTwentyOverTwentyOneSinceNoFrameHasIoUAboveOne() throws {
        let metrics = try XCTUnwrap(SequenceMetrics(FrameErrors(predicted: [target, target], groundTruth: [target, target])))

        XCTAssertEqual(metrics.success.rates, Array(repeating: 1, count: 20) + [0])
        XCTAssertEqual(metrics.successAUC, 20.0 / 21, accuracy: 1e-12)
        XCTAssertEqual(metrics.successRateAtHalfOverlap, 1)
        XCTAssertEqual(metrics.precisionAt20Pixels, 1)
        XCTAssertEqual(metrics.precision.areaUnderCurve, 1)
        XCTAssertEqual(metrics.normalizedPrecisionAUC, 1)
        XCTAssertEqual(metrics.scorableFrameCount, 2)
    }

    func testDisjointBoxesScoreZero() throws {
        let metrics = try XCTUnwrap(SequenceMetrics(FrameErrors(predicted: [faraway], groundTruth: [target])))

        XCTAssertEqual(metrics.successAUC, 0)
        XCTAssertEqual(metrics.successRateAtHalfOverlap, 0)
        XCTAssertEqual(metrics.precisionAt20Pixels, 0)  // centre error 100 px
        XCTAssertEqual(metrics.precision.areaUnderCurve, 0)
        XCTAssertEqual(metrics.normalizedPrecisionAUC, 0)  // normalized error 10
    }

    func testBoxesOffsetByHalfTheirWidthOverlapByOneThird() throws {
        let errors = FrameErrors(predicted: [shiftedByHalf], groundTruth: [target])
        XCTAssertEqual(errors.overlaps[0], 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(errors.centerErrorsInPixels, [5])
        XCTAssertEqual(errors.normalizedCenterErrors, [0.5])

        let metrics = try XCTUnwrap(SequenceMetrics(errors))
        // IoU 1/3 > t for t = 0, 0.05, ..., 0.30: 7 of 21 points.
        XCTAssertEqual(metrics.successAUC, 7.0 / 21, accuracy: 1e-12)
        XCTAssertEqual(metrics.successRateAtHalfOverlap, 0)
        // Error 5 px <= t for t = 5...50: 46 of 51 points.
        XCTAssertEqual(metrics.precision.areaUnderCurve, 46.0 / 51, accuracy: 1e-12)
        XCTAssertEqual(metrics.precisionAt20Pixels, 1)
        // Normalized error 0.5 <= t only at t = 0.5: 1 of 51 points.
        XCTAssertEqual(metrics.normalizedPrecisionAUC, 1.0 / 51, accuracy: 1e-12)
        XCTAssertEqual(metrics.normalizedPrecision.rate(atThreshold: 0.5), 1)
        XCTAssertEqual(metrics.normalizedPrecision.rate(atThreshold: 0.49), 0)
    }

    func testNormalizedCentreErrorDividesEachAxisByTheGroundTruthSize() {
        let tall = Box(x: 0, y: 0, width: 10, height: 40)
        let errors = FrameErrors(predicted: [tall.moved(dx: 3, dy: 4)], groundTruth: [tall])
        XCTAssertEqual(errors.centerErrorsInPixels, [5])
        XCTAssertEqual(errors.normalizedCenterErrors[0], (0.3 * 0.3 + 0.1 * 0.1).squareRoot(), accuracy: 1e-12)
    }

    func testFramesWithoutGroundTruthAreSkipped() throws {
        let absent = Box(x: .nan, y: .nan, width: .nan, height: .nan)
        let errors = FrameErrors(
            predicted: [target, shiftedByHalf, faraway, target, target],
            groundTruth: [target, target, target, nil, absent])
        XCTAssertEqual(errors.count, 3)

        let metrics = try XCTUnwrap(SequenceMetrics(errors))
        XCTAssertEqual(metrics.success.rate(atThreshold: 0.3) ?? -1, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(metrics.successRateAtHalfOverlap, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(metrics.precisionAt20Pixels, 2.0 / 3, accuracy: 1e-12)
    }

    func testLostTargetCountsAsNoOverlapAndInfiniteCentreError() {
        let lost = [Box(x: .nan, y: .nan, width: .nan, height: .nan), Box(x: 0, y: 0, width: 0, height: 0)]
        let errors = FrameErrors(predicted: lost, groundTruth: [target, target])
        XCTAssertEqual(errors.overlaps, [0, 0])
        XCTAssertEqual(errors.centerErrorsInPixels, [.infinity, .infinity])
        XCTAssertEqual(errors.normalizedCenterErrors, [.infinity, .infinity])
    }

    func testAllFramesAbsentGivesNoMetricsAndFailsClearlyWhenScored() {
        XCTAssertNil(SequenceMetrics(FrameErrors(predicted: [target, target], groundTruth: [nil, nil])))
        XCTAssertThrowsError(try SequenceResult(name: "empty", predicted: [target, target], groundTruth: [nil, nil])) { error in
            XCTAssertEqual(error as? ScoringError, .noScorableFrames(sequence: "empty"))
            XCTAssertEqual("\(error)", "sequence empty: the target is absent on every frame, so there is nothing to score")
        }
    }

    func testFrameCountMismatchFailsWithClearError() {
        XCTAssertThrowsError(try SequenceResult(name: "car", predicted: [target], groundTruth: [target, target])) { error in
            XCTAssertEqual(error as? ScoringError, .frameCountMismatch(sequence: "car", predicted: 1, groundTruth: 2))
        }
    }

    func testReportAveragesSequencesEquallyAndTakesMedianSpeed() throws {
        let perfect = try SequenceResult(
            name: "a", predicted: [target, target, target], groundTruth: [target, target, target],
            trackingFramesPerSecond: 100, endToEndFramesPerSecond: 50)
        let lost = try SequenceResult(
            name: "b", predicted: [faraway], groundTruth: [target], trackingFramesPerSecond: 10)
        let third = try SequenceResult(name: "c", predicted: [target], groundTruth: [target], trackingFramesPerSecond: 40)

        let report = try Report(tracker: "siamtrack", sequences: [perfect, lost, third])

        XCTAssertEqual(report.mean.successAUC, (20.0 / 21 + 0 + 20.0 / 21) / 3, accuracy: 1e-12)
        XCTAssertEqual(report.mean.success.areaUnderCurve, report.mean.successAUC, accuracy: 1e-12)
        XCTAssertEqual(report.mean.precisionAt20Pixels, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(report.mean.scorableFrameCount, 5)
        XCTAssertEqual(report.trackingFramesPerSecond, 40)
        XCTAssertEqual(report.endToEndFramesPerSecond, 50)
    }

    func testReportWithoutSequencesFailsWithClearError() {
        XCTAssertThrowsError(try Report(tracker: "siamtrack", sequences: [])) { error in
            XCTAssertEqual(error as? ScoringError, .noSequences(tracker: "siamtrack"))
        }
    }

    func testMeanCurveIsPointwiseMean() {
        let mean = Curve.mean(of: [
            Curve(thresholds: [0, 1], rates: [1, 0.5]), Curve(thresholds: [0, 1], rates: [0, 0.25]),
        ])
        XCTAssertEqual(mean, Curve(thresholds: [0, 1], rates: [0.5, 0.375]))
    }
}
