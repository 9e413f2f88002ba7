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

    func testBicubicUpsamplingAtTrackingSizeMatchesTheInterpolationMatrix() {
        // The tracker's maps: 17 cells upsampled 16 times to 257; the reference is U S Uᵀ in
        // doubles, U built from Keys' kernel (a = -0.75) with the border replicated.
        let (n, factor) = (17, 16), m = (n - 1) * factor + 1
        func keys(_ x: Double) -> Double {
            let d = abs(x)
            return d <= 1 ? 1.25 * d * d * d - 2.25 * d * d + 1 : d < 2 ? -0.75 * (d * d * d - 5 * d * d + 8 * d - 4) : 0
        }
        var u = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            let source = Double(i) / Double(factor), base = Int(source.rounded(.down))
            for k in -1...2 { u[i * n + min(max(base + k, 0), n - 1)] += keys(Double(k) - (source - Double(base))) }
        }
        var random = SeededRandom(seed: 5)
        let maps = (0..<(2 * n * n)).map { _ in Float(random.nextUnit() * 2 - 1) }
        let upsampler = BicubicUpsampler(inputSize: n, factor: factor)
        var output = [Float](repeating: 0, count: 2 * m * m), scratch = [Float](repeating: 0, count: 2 * upsampler.scratchCount)
        upsampler.upsample(maps, count: 2, into: &output, scratch: &scratch)
        var largest = 0.0
        for item in 0..<2 {
            for i in 0..<m {
                for j in 0..<m {
                    var sum = 0.0
                    for r in 0..<n where u[i * n + r] != 0 {
                        for c in 0..<n where u[j * n + c] != 0 { sum += u[i * n + r] * Double(maps[item * n * n + r * n + c]) * u[j * n + c] }
                    }
                    largest = max(largest, abs(sum - Double(output[item * m * m + i * m + j])))
                }
            }
        }
        XCTAssertLessThan(largest, 1e-5)
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
