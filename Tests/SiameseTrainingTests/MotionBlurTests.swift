import XCTest

@testable import SiameseTracker
@testable import SiameseTraining

final class MotionBlurTests: XCTestCase {
    /// A 3-channel, 2-item map of random values in 0...255.
    private func noise(seed: UInt64) -> FeatureMap {
        var random = SeededRandom(seed: seed)
        var map = FeatureMap(channels: 3, batch: 2, height: 64, width: 64)
        for i in map.values.indices { map.values[i] = Float(random.nextUnit() * 255) }
        return map
    }

    private func differenceEnergy(_ map: FeatureMap, item: Int) -> Float {
        var energy: Float = 0
        for channel in 0..<3 {
            let base = map.planeOffset(channel: channel, item: item)
            for y in 0..<63 {
                for x in 0..<63 {
                    let value = map.values[base + y * 64 + x]
                    energy += abs(value - map.values[base + y * 64 + x + 1]) + abs(value - map.values[base + (y + 1) * 64 + x])
                }
            }
        }
        return energy
    }

    func testBlurSmoothsOnlyTheItemItIsGivenAndKeepsFlatColourFlat() {
        var blur = MotionBlur()
        blur.probability = 1
        for seed in UInt64(1)...4 {
            var map = noise(seed: seed)
            let before = map
            var random = SeededRandom(seed: seed)
            blur.apply(to: &map, item: 1, random: &random)
            XCTAssertLessThan(differenceEnergy(map, item: 1), differenceEnergy(before, item: 1) * 0.8, "seed \(seed)")
            let first = map.planeOffset(channel: 0, item: 0)
            XCTAssertEqual(Array(map.values[first..<first + map.planeSize]), Array(before.values[first..<first + map.planeSize]))
        }
        var flat = FeatureMap(channels: 3, batch: 1, height: 32, width: 32)
        for i in flat.values.indices { flat.values[i] = 97 }
        var random = SeededRandom(seed: 9)
        blur.apply(to: &flat, item: 0, random: &random)
        XCTAssertTrue(flat.values.allSatisfy { abs($0 - 97) < 1e-3 })
    }

    func testBlurIsAsLikelyAsItsProbability() {
        var blur = MotionBlur()
        blur.probability = 0.25
        var random = SeededRandom(seed: 3)
        var blurred = 0
        for _ in 0..<200 {
            var map = noise(seed: 5)
            let before = map.values
            blur.apply(to: &map, item: 0, random: &random)
            if map.values != before { blurred += 1 }
        }
        XCTAssertEqual(Double(blurred) / 200, 0.25, accuracy: 0.08)
    }
}
