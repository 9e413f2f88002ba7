import Evaluation
import Geometry
import XCTest

final class GroundTruthFileTests: XCTestCase {
    private let path = "seq/groundtruth.txt"

    func testReadsCommaTabAndSpaceSeparatedRows() throws {
        let boxes = try GroundTruthFile.parse("1,2,3,4\n5\t6\t7\t8\n9 10 11 12\n", path: path)
        XCTAssertEqual(boxes, [
            Box(x: 1, y: 2, width: 3, height: 4), Box(x: 5, y: 6, width: 7, height: 8),
            Box(x: 9, y: 10, width: 11, height: 12),
        ])
    }

    func testNaNRowsAreAbsent() throws {
        let boxes = try GroundTruthFile.parse("1,2,3,4\nnan,nan,nan,nan\nNaN,NaN,NaN,NaN\n", path: path)
        XCTAssertEqual(boxes, [Box(x: 1, y: 2, width: 3, height: 4), nil, nil])
    }

    func testZeroSizeRowsAreAbsentAsInVOTAndGOT10k() throws {
        let boxes = try GroundTruthFile.parse("1,2,3,4\n0,0,0,0\n5,5,0,3\n0,0,0,0,0,0,0,0\n", path: path)
        XCTAssertEqual(boxes, [Box(x: 1, y: 2, width: 3, height: 4), nil, nil, nil])
    }

    func testPolygonBecomesItsAxisAlignedBoundingBox() throws {
        // A diamond with corners (10,0), (20,10), (10,20), (0,10).
        let boxes = try GroundTruthFile.parse("10,0,20,10,10,20,0,10\n", path: path)
        XCTAssertEqual(boxes, [Box(x: 0, y: 0, width: 20, height: 20)])
    }

    func testOneLineFileIsOneFrame() throws {
        XCTAssertEqual(try GroundTruthFile.parse("1,2,3,4", path: path), [Box(x: 1, y: 2, width: 3, height: 4)])
    }

    func testWindowsLineEndsAndTrailingBlankLinesAreAccepted() throws {
        XCTAssertEqual(try GroundTruthFile.parse("1,2,3,4\r\n5,6,7,8\r\n\n  \n", path: path).count, 2)
    }

    func testEmptyFileFailsWithClearError() {
        for text in ["", "\n", "  \n\n"] {
            XCTAssertThrowsError(try GroundTruthFile.parse(text, path: path)) { error in
                XCTAssertEqual(error as? DatasetError, .emptyGroundTruth(path: path))
                XCTAssertTrue("\(error)".contains(path))
            }
        }
    }

    func testWrongFieldCountNamesFileAndLine() {
        XCTAssertThrowsError(try GroundTruthFile.parse("1,2,3,4\n1,2,3\n", path: path)) { error in
            XCTAssertEqual(error as? DatasetError, .wrongFieldCount(path: path, line: 2, found: 3))
            XCTAssertEqual(
                "\(error)", "ground truth seq/groundtruth.txt line 2: expected 4 numbers (x,y,w,h) or 8 (polygon), found 3")
        }
    }

    func testBlankLineBeforeLastRowFailsRatherThanShiftingFrames() {
        XCTAssertThrowsError(try GroundTruthFile.parse("1,2,3,4\n\n5,6,7,8\n", path: path)) { error in
            XCTAssertEqual(error as? DatasetError, .wrongFieldCount(path: path, line: 2, found: 0))
        }
    }

    func testNonNumberNamesFileLineAndField() {
        XCTAssertThrowsError(try GroundTruthFile.parse("1,2,3,4\n5,6,7,8\n1,abc,3,4\n", path: path)) { error in
            XCTAssertEqual(error as? DatasetError, .notANumber(path: path, line: 3, field: "abc"))
            XCTAssertEqual("\(error)", "seq/groundtruth.txt line 3: 'abc' is not a number")
        }
    }

    func testMissingFileFailsWithItsPath() {
        XCTAssertThrowsError(try GroundTruthFile.read(path: "/nonexistent/groundtruth.txt")) { error in
            guard case .unreadable(let path, _) = error as? DatasetError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent/groundtruth.txt")
        }
    }
}
