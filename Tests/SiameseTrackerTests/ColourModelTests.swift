import XCTest

@testable import SiameseTracker

/// The colour model tells the target's colours from its surroundings' and finds them again.
final class ColourModelTests: XCTestCase {
    /// A 64-pixel crop of blue with a red 16-pixel square centred at `(x, y)` and a green one elsewhere.
    private func crop(redAt x: Int, _ y: Int) -> CropBatch {
        var crops = CropBatch(batch: 1, side: 64)
        for row in 0..<64 {
            for column in 0..<64 {
                let red = (x - 8..<x + 8).contains(column) && (y - 8..<y + 8).contains(row), green = column < 8 && row < 8
                let pixel = (row * 64 + column) * 3
                (crops.values[pixel], crops.values[pixel + 1], crops.values[pixel + 2]) =
                    red ? (220, 30, 30) : green ? (30, 220, 30) : (30, 30, 220)
            }
        }
        return crops
    }

    func testResponsePeaksWhereTheTargetsColoursAre() {
        let model = ColourModel(
            crops: crop(redAt: 32, 32), item: 0, target: Box(center: Point(x: 32, y: 32), size: Size(width: 16, height: 16)),
            learningRate: 0.04)
        var response = [Float](repeating: 0, count: 81)
        // Cells 4 pixels apart around the centre: the red square moved by (+8, -8) is at cell (2, 6).
        model.response(crops: crop(redAt: 40, 24), item: 0, targetSize: Size(width: 16, height: 16), mapSize: 9, stride: 4, into: &response)
        let peak = response.indices.max { response[$0] < response[$1] }!
        XCTAssertEqual(peak / 9, 2)
        XCTAssertEqual(peak % 9, 6)
        XCTAssertGreaterThan(response[peak], 0.9, "the whole box is target-coloured")
        XCTAssertLessThan(response[0], 0.1, "blue and green are background")
    }

    func testBytesAndFloatsOfTheSameColoursGiveTheSameResponse() {
        let target = Box(center: Point(x: 32, y: 32), size: Size(width: 16, height: 16))
        let fromFloats = ColourModel(crops: crop(redAt: 32, 32), item: 0, target: target, learningRate: 0.04)
        let fromBytes = ColourModel(crops: crop(redAt: 32, 32).inBytes(), item: 0, target: target, learningRate: 0.04)
        var responses = [[Float]](repeating: [Float](repeating: 0, count: 81), count: 2)
        fromFloats.response(crops: crop(redAt: 40, 24), item: 0, targetSize: target.size, mapSize: 9, stride: 4, into: &responses[0])
        fromBytes.response(crops: crop(redAt: 40, 24).inBytes(), item: 0, targetSize: target.size, mapSize: 9, stride: 4, into: &responses[1])
        XCTAssertEqual(responses[0], responses[1])
        XCTAssertGreaterThan(responses[1].max()!, 0.9)
    }
}
