import XCTest

@testable import SiameseTracker

final class ScoreMapTests: XCTestCase {
    func testBicubicUpsamplingKeepsConstantsAndRamps() {
        let upsampler = BicubicUpsampler(inputSize: 5, factor: 4)
        let constant = [Float](repeating: 3, count: 25)
        func upsample(_ map: [Float]) -> [Float] {
            var output = [Float](repeating: 0, count: 17 * 17), scratch = [Float](repeating: 0, count: upsampler.scratchCount)
            upsampler.upsample(map, count: 1, into: &output, scratch: &scratch)
            return output
        }
        let flat = upsample(constant)
        XCTAssertEqual(flat.count, 17 * 17, "corners aligned: (5 - 1) * 4 + 1 cells a side")
        for value in flat { XCTAssertEqual(value, 3, accuracy: 1e-5) }
        let ramp = (0..<25).map { Float($0 % 5) }
        let smooth = upsample(ramp)
        for x in stride(from: 0, to: 17, by: 4) { XCTAssertEqual(smooth[8 * 17 + x], Float(x) / 4, accuracy: 1e-5, "input cells are kept") }
        // Away from the replicated border, within a few hundredths of linear (a = -0.75 is not linear-exact).
        for x in 4...12 { XCTAssertEqual(smooth[8 * 17 + x], Float(x) / 4, accuracy: 0.05) }
    }

    func testPeakAtMapCentreMeansNoDisplacement() {
        var configuration = TrackerConfiguration()
        configuration.scaleCount = 1
        let finder = ScoreMapPeakFinder(mapSize: 17, totalStride: 8, configuration: configuration)
        var maps = FeatureMap(channels: 1, batch: 1, height: 17, width: 17)
        maps[0, 0, 8, 8] = 5
        var buffer: [Float] = []
        let peak = finder.peak(of: maps, buffer: &buffer)
        XCTAssertEqual(peak.offsetX, 0, accuracy: 1e-9)
        XCTAssertEqual(peak.offsetY, 0, accuracy: 1e-9)
        XCTAssertEqual(peak.rawScore, 5, accuracy: 1e-4)
    }

    func testPeakOffsetIsInSearchPixelsAndPicksTheBestScale() {
        let finder = ScoreMapPeakFinder(mapSize: 17, totalStride: 8, configuration: TrackerConfiguration())
        var maps = FeatureMap(channels: 1, batch: 3, height: 17, width: 17)
        maps[0, 0, 8, 8] = 1
        maps[0, 1, 8, 8] = 1
        maps[0, 2, 8, 12] = 10  // strongest, on the larger scale, 4 cells right
        var buffer: [Float] = []
        let peak = finder.peak(of: maps, buffer: &buffer)
        XCTAssertEqual(peak.scaleIndex, 2)
        XCTAssertEqual(peak.offsetX, 32, accuracy: 1.0, "4 cells of stride 8")
        XCTAssertEqual(peak.offsetY, 0, accuracy: 1e-9)
    }
}
