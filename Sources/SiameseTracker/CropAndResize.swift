import Geometry
import Imaging

/// Cuts a square region around a point out of a frame and resizes it, as SiamFC's exemplar and
/// search crops: bilinear sampling, and the padding colour wherever the region leaves the frame.
public struct CropAndResize: Sendable {
    /// Colour used outside the frame, per channel (SiamFC pads with the frame's mean colour).
    public var padding: (red: Float, green: Float, blue: Float)

    /// Creates a cropper with a padding colour.
    public init(padding: (red: Float, green: Float, blue: Float)) { self.padding = padding }

    /// A cropper that pads with the mean colour of `image`.
    public init(paddingWithMeanOf image: RGBImage) {
        var sums = (0.0, 0.0, 0.0)
        image.pixels.withUnsafeBufferPointer { p in
            for i in stride(from: 0, to: p.count, by: 3) {
                sums.0 += Double(p[i]); sums.1 += Double(p[i + 1]); sums.2 += Double(p[i + 2])
            }
        }
        let count = Double(image.width * image.height)
        self.init(padding: (Float(sums.0 / count), Float(sums.1 / count), Float(sums.2 / count)))
    }

    /// Samples the square of side `side` pixels centred on `center` into an `outputSize`²
    /// RGB crop stored as batch item `item` of `map` (which must have 3 channels of that size).
    public func crop(_ image: RGBImage, center: Point, side: Double, outputSize: Int, into map: inout FeatureMap, item: Int) {
        precondition(map.channels == 3 && map.height == outputSize && map.width == outputSize, "crop map shape")
        let columns = Self.taps(center: center.x, side: side, outputSize: outputSize, limit: image.width)
        let rows = Self.taps(center: center.y, side: side, outputSize: outputSize, limit: image.height)
        let pad = [padding.red, padding.green, padding.blue]
        let planes = (0..<3).map { map.planeOffset(channel: $0, item: item) }
        let width = image.width
        image.pixels.withUnsafeBufferPointer { pixels in
            map.values.withUnsafeMutableBufferPointer { out in
                for oy in 0..<outputSize {
                    let row = rows[oy]
                    for ox in 0..<outputSize {
                        let column = columns[ox]
                        // Byte offsets of the four neighbours, or -1 where they fall outside the frame.
                        func offset(_ y: Int, _ x: Int) -> Int { (y < 0 || x < 0) ? -1 : (y * width + x) * 3 }
                        let corners = (
                            offset(row.first, column.first), offset(row.first, column.second),
                            offset(row.second, column.first), offset(row.second, column.second))
                        let target = oy * outputSize + ox
                        for channel in 0..<3 {
                            func sample(_ at: Int) -> Float { at < 0 ? pad[channel] : Float(pixels[at + channel]) }
                            let top = sample(corners.0) * (1 - column.fraction) + sample(corners.1) * column.fraction
                            let bottom = sample(corners.2) * (1 - column.fraction) + sample(corners.3) * column.fraction
                            out[planes[channel] + target] = top * (1 - row.fraction) + bottom * row.fraction
                        }
                    }
                }
            }
        }
    }

    /// The two neighbouring source pixels (-1 when outside the frame) and the weight of the second.
    struct Tap {
        var first: Int
        var second: Int
        var fraction: Float
    }

    /// Bilinear taps along one axis: output pixel centres mapped onto source pixel centres.
    static func taps(center: Double, side: Double, outputSize: Int, limit: Int) -> [Tap] {
        let step = side / Double(outputSize)
        return (0..<outputSize).map { i in
            let source = center + (Double(i) + 0.5 - Double(outputSize) / 2) * step - 0.5
            let lower = source.rounded(.down)
            let index = Int(lower)
            func inside(_ j: Int) -> Int { (0..<limit).contains(j) ? j : -1 }
            return Tap(first: inside(index), second: inside(index + 1), fraction: Float(source - lower))
        }
    }
}
