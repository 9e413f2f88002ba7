import Imaging
import SiameseTracker

extension FeatureMap {
    /// Batch item `item` of a 3-channel map as an 8-bit image (rounded, clamped to 0...255).
    func rgbImage(item: Int) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for channel in 0..<3 {
            let offset = planeOffset(channel: channel, item: item)
            for i in 0..<(width * height) {
                pixels[i * 3 + channel] = UInt8(min(max(values[offset + i].rounded(), 0), 255))
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
