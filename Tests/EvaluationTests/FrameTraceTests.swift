import Evaluation
import Geometry
import XCTest

final class FrameTraceTests: XCTestCase {
    private let truth = Box(x: 10, y: 10, width: 20, height: 20)

    func testRowsGiveOverlapCentreErrorAndScoreAndMarkAbsentFrames() {
        let trace = FrameTrace(
            predicted: [truth, truth.moved(dx: 10, dy: 0), truth, Box(x: .nan, y: 0, width: 1, height: 1)],
            groundTruth: [truth, truth, nil, truth], scores: [1, 0.5, 0.25, 0])
        XCTAssertEqual(trace.rows.map(\.overlap), [1, 1.0 / 3.0, nil, 0])
        XCTAssertEqual(trace.rows.map(\.centerError), [0, 10, nil, .infinity])
        XCTAssertEqual(
            trace.csv,
            "frame,iou,center_error,score\n0,1.0000,0.00,1.0000\n1,0.3333,10.00,0.5000\n2,nan,nan,0.2500\n3,0.0000,inf,0.0000\n")
    }

    func testFirstLostFrameIsTheFirstOverlapBelowATenthSkippingAbsentFrames() {
        let far = truth.moved(dx: 100, dy: 0), edge = truth.moved(dx: 15, dy: 0)  // IoU 5/35 ≈ 0.14
        XCTAssertEqual(FrameTrace.firstLostFrame(predicted: [truth, edge, far, truth], groundTruth: [truth, truth, nil, truth]), nil)
        XCTAssertEqual(FrameTrace.firstLostFrame(predicted: [truth, edge, far, far], groundTruth: [truth, truth, nil, truth]), 3)
    }
}
