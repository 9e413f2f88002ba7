import Geometry
import Imaging

import SiameseTracker

/// Frames drawn in memory: a textured patch over a differently textured background.
package struct SyntheticScene {
    package let width = 240
    package let height = 180
    private let background: [UInt8]
    private let patch: [UInt8]
    /// The patch with its bottom row of cells in other colours.
    private let twin: [UInt8]
    package let patchSize = 40

    package init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        // Blocky noise: 8x8 cells of random grey for the background, bright 5x5 cells of colour for the patch.
        let cells = (0..<(31 * 24)).map { _ in UInt8(60 + random.next() % 80) }
        background = (0..<180).flatMap { y in (0..<240).flatMap { x -> [UInt8] in
            let v = cells[(y / 8) * 31 + x / 8]
            return [v, v, v]
        } }
        let colours = (0..<64).map { _ in [UInt8(random.next() % 256), UInt8(random.next() % 256), UInt8(random.next() % 256)] }
        patch = (0..<40).flatMap { y in (0..<40).flatMap { x in colours[(y / 5) * 8 + x / 5] } }
        let otherColours = (0..<8).map { _ in [UInt8(random.next() % 256), UInt8(random.next() % 256), UInt8(random.next() % 256)] }
        twin = (0..<40).flatMap { (y: Int) -> [UInt8] in
            (0..<40).flatMap { (x: Int) -> [UInt8] in y < 35 ? colours[(y / 5) * 8 + x / 5] : otherColours[x / 5] }
        }
    }

    /// The frame with the patch's top-left corner at `(x, y)`.
    package func frame(patchAt x: Int, _ y: Int) -> RGBImage {
        frame(patchAt: (x, y))
    }

    /// The frame with the patch's top-left corner at `patch` (none when nil); at `lookAlike`, the
    /// patch turned upside down (the same colours in another arrangement); at `twin`, the patch
    /// with its bottom quarter in other colours (a near copy, as another car of the same make).
    package func frame(patchAt patchCorner: (Int, Int)?, lookAlikeAt lookAlike: (Int, Int)? = nil, twinAt twinCorner: (Int, Int)? = nil) -> RGBImage {
        var pixels = background
        for (corner, flipped, source) in [(patchCorner, false, patch), (lookAlike, true, patch), (twinCorner, false, twin)] {
            guard let (x, y) = corner else { continue }
            for row in 0..<patchSize {
                let sourceRow = flipped ? patchSize - 1 - row : row
                for column in 0..<patchSize {
                    let target = ((y + row) * width + x + column) * 3, from = (sourceRow * patchSize + column) * 3
                    pixels[target..<(target + 3)] = source[from..<(from + 3)]
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    package func box(patchAt x: Int, _ y: Int) -> Box {
        Box(x: Double(x), y: Double(y), width: Double(patchSize), height: Double(patchSize))
    }
}
