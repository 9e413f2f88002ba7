import Geometry
import Imaging

@testable import SiameseTracker

/// Frames drawn in memory: a target whose colours change slowly from one pattern to another,
/// and, from `distractorStart` on, a look-alike of the target's first appearance beside it.
struct ChangingTargetScene {
    let width = 240
    let height = 180
    let patchSize = 40
    /// Frames over which the target turns from its first pattern into its second.
    let changeFrames = 100
    /// First frame with the distractor.
    let distractorStart = 120
    private let background: [UInt8]
    private let firstLook: [UInt8]
    private let secondLook: [UInt8]

    init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let cells = (0..<(31 * 24)).map { _ in UInt8(60 + random.next() % 80) }
        background = (0..<180).flatMap { y in (0..<240).flatMap { x -> [UInt8] in
            let v = cells[(y / 8) * 31 + x / 8]
            return [v, v, v]
        } }
        func pattern() -> [UInt8] {
            let colours = (0..<64).map { _ in [UInt8(random.next() % 256), UInt8(random.next() % 256), UInt8(random.next() % 256)] }
            return (0..<40).flatMap { y in (0..<40).flatMap { x in colours[(y / 5) * 8 + x / 5] } }
        }
        firstLook = pattern()
        secondLook = pattern()
    }

    /// The target's box on frame `index`: it sways slowly left and right.
    func targetBox(frame index: Int) -> Box {
        Box(x: Double(50 + (index / 4) % 10), y: 70, width: Double(patchSize), height: Double(patchSize))
    }

    /// Where the distractor stands once it has appeared.
    var distractorBox: Box { Box(x: 102, y: 70, width: Double(patchSize), height: Double(patchSize)) }

    /// Frame `index`.
    func frame(_ index: Int) -> RGBImage {
        var pixels = background
        let change = Float(min(index, changeFrames)) / Float(changeFrames)
        let look = zip(firstLook, secondLook).map { UInt8((Float($0) * (1 - change) + Float($1) * change).rounded()) }
        draw(look, at: targetBox(frame: index), into: &pixels)
        if index >= distractorStart { draw(firstLook, at: distractorBox, into: &pixels) }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    private func draw(_ patch: [UInt8], at box: Box, into pixels: inout [UInt8]) {
        for row in 0..<patchSize {
            for column in 0..<patchSize {
                let target = ((Int(box.y) + row) * width + Int(box.x) + column) * 3, source = (row * patchSize + column) * 3
                pixels[target..<(target + 3)] = patch[source..<(source + 3)]
            }
        }
    }
}
