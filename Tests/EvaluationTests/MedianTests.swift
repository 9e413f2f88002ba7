import Evaluation
import XCTest

final class MedianTests: XCTestCase {
    func testMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        XCTAssertEqual([40.0, 10, 100].median, 40)
        XCTAssertEqual([10.0, 1, 3, 2].median, 2.5)
        XCTAssertNil([Double]().median)
    }
}
