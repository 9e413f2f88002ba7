import XCTest

@testable import SiameseTracker

final class VectorReductionsTests: XCTestCase {
    /// 37 values: two whole vectors and a tail of 5, with the maximum 9 first at index 20 and again at 33.
    private let values: [Float] = (0..<37).map { (i: Int) -> Float in
        if i == 20 || i == 33 { return 9 }
        return Float((i * 7) % 11 - 3)
    }

    func testMaximumMinimumAndSumMatchPlainLoops() {
        values.withUnsafeBufferPointer { buffer in
            XCTAssertEqual(VectorReductions.maximum(buffer), values.max())
            XCTAssertEqual(VectorReductions.minimum(buffer), values.min())
            XCTAssertEqual(VectorReductions.sum(buffer, minus: -3), values.reduce(0) { $0 + ($1 + 3) }, accuracy: 1e-4)
        }
    }

    func testFirstIndexOfMaximumFindsTheFirstOfEqualValuesInTheTailToo() {
        func index(of values: [Float]) -> Int {
            values.withUnsafeBufferPointer { buffer in
                VectorReductions.firstIndexOfMaximum(
                    count: buffer.count,
                    vector: { start in VectorReductions.Vector((0..<16).map { buffer[start + $0] }) },
                    scalar: { buffer[$0] })
            }
        }
        XCTAssertEqual(index(of: values), 20)
        var tailPeak = values
        tailPeak[35] = 10
        XCTAssertEqual(index(of: tailPeak), 35)
    }
}
