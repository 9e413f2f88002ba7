import Imaging
import SiameseTracker

extension RGBImage {
    /// A 3x3 box blur (edges replicate), as a cheap stand-in for motion and focus blur.
    func boxBlurred() -> RGBImage {
        var blurred = pixels
        for y in 0..<height {
            for x in 0..<width {
                for channel in 0..<3 {
                    var sum = 0
                    for dy in -1...1 {
                        for dx in -1...1 {
                            let sx = min(max(x + dx, 0), width - 1), sy = min(max(y + dy, 0), height - 1)
                            sum += Int(pixels[(sy * width + sx) * 3 + channel])
                        }
                    }
                    blurred[(y * width + x) * 3 + channel] = UInt8(sum / 9)
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: blurred)
    }

    /// Paints a flat random-coloured rectangle over part of the centre (where the target is).
    mutating func occlude(random: inout SeededRandom) {
        let side = width / 6
        let w = side / 2 + Int(random.next() % UInt64(side)), h = side / 2 + Int(random.next() % UInt64(side))
        let x0 = width / 2 - side + Int(random.next() % UInt64(side)), y0 = height / 2 - side + Int(random.next() % UInt64(side))
        let colour = (0..<3).map { _ in UInt8(random.next() % 256) }
        for y in y0..<min(y0 + h, height) {
            for x in x0..<min(x0 + w, width) {
                for channel in 0..<3 { pixels[(y * width + x) * 3 + channel] = colour[channel] }
            }
        }
    }
}
