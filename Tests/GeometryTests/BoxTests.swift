import Geometry
import XCTest

final class BoxTests: XCTestCase {
    func testCentreAndSizeRoundTrip() {
        let box = Box(x: 10, y: 20, width: 30, height: 40)
        XCTAssertEqual(box.center, Point(x: 25, y: 40))
        XCTAssertEqual(Box(center: box.center, size: box.size), box)
        XCTAssertEqual(box.maxX, 40)
        XCTAssertEqual(box.maxY, 60)
    }

    func testIntersectionOverUnionOfIdenticalDisjointAndHalfShiftedBoxes() {
        let a = Box(x: 0, y: 0, width: 10, height: 10)
        XCTAssertEqual(a.intersectionOverUnion(a), 1)
        XCTAssertEqual(a.intersectionOverUnion(Box(x: 20, y: 0, width: 10, height: 10)), 0)
        XCTAssertEqual(a.intersectionOverUnion(Box(x: 5, y: 0, width: 10, height: 10)), 50.0 / 150.0, accuracy: 1e-12)
        XCTAssertEqual(a.intersectionOverUnion(Box(x: 10, y: 0, width: 10, height: 10)), 0, "touching edges do not overlap")
    }

    func testIntersectionOverUnionOfContainedBox() {
        let outer = Box(x: 0, y: 0, width: 10, height: 10)
        XCTAssertEqual(outer.intersectionOverUnion(Box(x: 2, y: 2, width: 5, height: 5)), 0.25, accuracy: 1e-12)
    }

    func testEmptyOrNaNBoxesHaveZeroOverlap() {
        let a = Box(x: 0, y: 0, width: 10, height: 10)
        XCTAssertEqual(a.intersectionOverUnion(Box(x: 0, y: 0, width: 0, height: 10)), 0)
        XCTAssertEqual(a.intersectionOverUnion(Box(x: .nan, y: 0, width: 10, height: 10)), 0)
        XCTAssertTrue(Box(x: 0, y: 0, width: -1, height: 3).isEmpty)
        XCTAssertTrue(Box(x: 0, y: 0, width: .nan, height: 3).isEmpty)
        XCTAssertFalse(Box(x: .infinity, y: 0, width: 1, height: 3).isFinite)
    }

    func testCentreDistance() {
        let a = Box(x: 0, y: 0, width: 10, height: 10)
        XCTAssertEqual(a.centerDistance(to: Box(x: 3, y: 4, width: 10, height: 10)), 5, accuracy: 1e-12)
    }

    func testParsingGroundTruthRows() {
        XCTAssertEqual(Box(parsing: "1,2,3,4"), Box(x: 1, y: 2, width: 3, height: 4))
        XCTAssertEqual(Box(parsing: "1.5\t2 3,4"), Box(x: 1.5, y: 2, width: 3, height: 4))
        XCTAssertEqual(Box(parsing: "nan,nan,nan,nan")?.isFinite, false)
        XCTAssertEqual(Box(parsing: "NaN,1,2,3")?.isFinite, false)
        XCTAssertNil(Box(parsing: "1,2,3"))
        XCTAssertNil(Box(parsing: "1,2,3,four"))
        XCTAssertNil(Box(parsing: ""))
    }
}
