import Geometry
import Imaging

/// Cuts a square region around a point out of a frame and resizes it, as SiamFC's exemplar and
/// search crops: bilinear sampling, and the padding colour wherever the region leaves the frame.
package struct CropAndResize: Sendable {
    /// Colour used outside the frame, per channel (SiamFC pads with the frame's mean colour).
    package var padding: (red: Float, green: Float, blue: Float)

    /// Creates a cropper with a padding colour.
    package init(padding: (red: Float, green: Float, blue: Float)) { self.padding = padding }

    /// A cropper that pads with the mean colour of `image`.
    package init(paddingWithMeanOf image: PixelView) {
        let bytes = image.format.bytesPerPixel, (red, green, blue) = image.format.channelOffsets
        var sums = (0.0, 0.0, 0.0)
        for y in 0..<image.height {
            let row = image.row(y)
            var rowSums = (0, 0, 0)
            for x in stride(from: 0, to: image.width * bytes, by: bytes) {
                rowSums.0 += Int(row[x + red]); rowSums.1 += Int(row[x + green]); rowSums.2 += Int(row[x + blue])
            }
            sums.0 += Double(rowSums.0); sums.1 += Double(rowSums.1); sums.2 += Double(rowSums.2)
        }
        let count = Double(image.width * image.height)
        self.init(padding: (Float(sums.0 / count), Float(sums.1 / count), Float(sums.2 / count)))
    }

    /// A cropper that pads with the mean colour of `image`.
    package init(paddingWithMeanOf image: RGBImage) {
        self = image.withPixelView { CropAndResize(paddingWithMeanOf: $0) }
    }

    /// Samples the square of side `side` pixels centred on `center` into an `outputSize`²
    /// RGB crop stored as batch item `item` of `map` (which must have 3 channels of that size).
    package func crop(_ image: RGBImage, center: Point, side: Double, outputSize: Int, into map: inout FeatureMap, item: Int) {
        image.withPixelView { crop($0, center: center, side: side, outputSize: outputSize, into: &map, item: item) }
    }

    /// `crop(_:center:side:outputSize:into:item:)` from a view of any pixel layout.
    package func crop(_ image: PixelView, center: Point, side: Double, outputSize: Int, into map: inout FeatureMap, item: Int) {
        precondition(map.channels == 3 && map.height == outputSize && map.width == outputSize, "crop map shape")
        let layout = Layout(
            start: map.planeOffset(channel: 0, item: item), channelStride: map.planeOffset(channel: 1, item: 0),
            pixelStride: 1, rowStride: outputSize)
        map.values.withUnsafeMutableBufferPointer { out in
            crop(image, center: center, side: side, outputSize: outputSize, into: out.baseAddress!, layout: layout)
        }
    }

    /// Samples the square of side `side` pixels centred on `center` into crop `item` of `crops`.
    package func crop(_ image: PixelView, center: Point, side: Double, into crops: inout CropBatch, item: Int) {
        let size = crops.side
        let layout = Layout(start: item * size * size * 3, channelStride: 1, pixelStride: 3, rowStride: size * 3)
        if crops.holdsBytes {
            crops.bytes.withUnsafeMutableBufferPointer { out in
                crop(image, center: center, side: side, outputSize: size, into: out.baseAddress!, layout: layout)
            }
        } else {
            crops.values.withUnsafeMutableBufferPointer { out in
                crop(image, center: center, side: side, outputSize: size, into: out.baseAddress!, layout: layout)
            }
        }
    }

    /// Where a crop's values go: offset of the first, and steps between channels, pixels and rows.
    private struct Layout {
        var start: Int, channelStride: Int, pixelStride: Int, rowStride: Int
    }

    /// Bilinear sampling, rows first: each output row blends its two source rows into a buffer
    /// (a loop the compiler vectorises), then each output pixel blends two buffer pixels into a
    /// row that is stored last. The buffers live on the stack, so a crop allocates nothing.
    private func crop<Sample: CropSample>(
        _ image: PixelView, center: Point, side: Double, outputSize: Int, into out: UnsafeMutablePointer<Sample>, layout: Layout
    ) {
        withUnsafeTemporaryAllocation(of: Tap.self, capacity: 2 * outputSize) { taps in
            let columns = UnsafeMutableBufferPointer(rebasing: taps[0..<outputSize])
            let rows = UnsafeMutableBufferPointer(rebasing: taps[outputSize...])
            Self.fillTaps(columns, center: center.x, side: side, limit: image.width)
            Self.fillTaps(rows, center: center.y, side: side, limit: image.height)
            // Source columns any output pixel reads (taps grow left to right); none when the
            // crop misses the frame sideways.
            let low = columns.lazy.map { $0.first >= 0 ? $0.first : $0.second }.first { $0 >= 0 } ?? 0
            let high = columns.reversed().lazy.map { $0.second >= 0 ? $0.second : $0.first }.first { $0 >= 0 } ?? -1
            let span = max(high - low + 1, 0)
            // The blended row holds the span's pixels, then one pixel of padding colour that the
            // taps outside the frame read, so the pixel loop needs no branch.
            // After it, one output row's values before they are stored in the output's type and layout.
            withUnsafeTemporaryAllocation(of: Float.self, capacity: (span + 1) * 3 + outputSize * 3) { buffers in
                let blend = UnsafeMutableBufferPointer(rebasing: buffers[0..<((span + 1) * 3)])
                let line = UnsafeMutableBufferPointer(rebasing: buffers[((span + 1) * 3)...])
                let pad = padding
                (blend[span * 3], blend[span * 3 + 1], blend[span * 3 + 2]) = (pad.red, pad.green, pad.blue)
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * outputSize) { offsets in
                    for (ox, tap) in columns.enumerated() {
                        offsets[ox] = (tap.first < 0 ? span : tap.first - low) * 3
                        offsets[outputSize + ox] = (tap.second < 0 ? span : tap.second - low) * 3
                    }
                    let inside = UnsafeMutableBufferPointer(rebasing: blend[0..<(span * 3)])
                    let bytes = image.format.bytesPerPixel
                    for (oy, row) in rows.enumerated() {
                        let upper = row.first < 0 ? nil : image.row(row.first) + low * bytes
                        let lower = row.second < 0 ? nil : image.row(row.second) + low * bytes
                        if image.format == .rgb {
                            Self.blendRows(upper, lower, fraction: row.fraction, pad: pad, into: inside)
                        } else {
                            Self.blendRows(upper, lower, format: image.format, fraction: row.fraction, pad: pad, into: inside)
                        }
                        for (ox, column) in columns.enumerated() {
                            let left = blend.baseAddress! + offsets[ox], right = blend.baseAddress! + offsets[outputSize + ox]
                            for channel in 0..<3 {
                                line[ox * 3 + channel] = left[channel] + column.fraction * (right[channel] - left[channel])
                            }
                        }
                        Self.store(line, into: out + layout.start + oy * layout.rowStride, layout: layout)
                    }
                }
            }
        }
    }

    /// Writes a blended row of interleaved RGB values into an output row laid out as `layout`
    /// says, converting each to `Sample`; a loop the compiler vectorises where the output is
    /// interleaved too.
    private static func store<Sample: CropSample>(
        _ line: UnsafeMutableBufferPointer<Float>, into target: UnsafeMutablePointer<Sample>, layout: Layout
    ) {
        if layout.pixelStride == 3 && layout.channelStride == 1 {
            for i in line.indices { target[i] = Sample(sample: line[i]) }
        } else {
            for i in line.indices { target[i / 3 * layout.pixelStride + i % 3 * layout.channelStride] = Sample(sample: line[i]) }
        }
    }

    /// `upper + fraction * (lower - upper)` per value, with the padding colour for a row outside the frame.
    private static func blendRows(
        _ upper: UnsafePointer<UInt8>?, _ lower: UnsafePointer<UInt8>?, fraction: Float, pad: (red: Float, green: Float, blue: Float),
        into blend: UnsafeMutableBufferPointer<Float>
    ) {
        if let upper, let lower {
            for i in blend.indices {
                let a = Float(upper[i])
                blend[i] = a + fraction * (Float(lower[i]) - a)
            }
        } else {
            for i in blend.indices {
                let colour = i % 3 == 0 ? pad.red : i % 3 == 1 ? pad.green : pad.blue
                let a = upper.map { Float($0[i]) } ?? colour
                let b = lower.map { Float($0[i]) } ?? colour
                blend[i] = a + fraction * (b - a)
            }
        }
    }

    /// `blendRows` for pixels of any other layout: each pixel's red, green and blue gathered
    /// into the packed RGB of the blended row.
    private static func blendRows(
        _ upper: UnsafePointer<UInt8>?, _ lower: UnsafePointer<UInt8>?, format: PixelFormat, fraction: Float,
        pad: (red: Float, green: Float, blue: Float), into blend: UnsafeMutableBufferPointer<Float>
    ) {
        let bytes = format.bytesPerPixel, (red, green, blue) = format.channelOffsets
        for pixel in 0..<(blend.count / 3) {
            let source = pixel * bytes
            func mix(_ offset: Int, _ colour: Float) -> Float {
                let a = upper.map { Float($0[source + offset]) } ?? colour
                let b = lower.map { Float($0[source + offset]) } ?? colour
                return a + fraction * (b - a)
            }
            blend[pixel * 3] = mix(red, pad.red)
            blend[pixel * 3 + 1] = mix(green, pad.green)
            blend[pixel * 3 + 2] = mix(blue, pad.blue)
        }
    }

    /// The two neighbouring source pixels (-1 when outside the frame) and the weight of the second.
    struct Tap {
        var first: Int
        var second: Int
        var fraction: Float
    }

    /// Bilinear taps along one axis, one per output pixel: output pixel centres mapped onto
    /// source pixel centres.
    static func fillTaps(_ taps: UnsafeMutableBufferPointer<Tap>, center: Double, side: Double, limit: Int) {
        let outputSize = taps.count
        let step = side / Double(outputSize)
        func inside(_ j: Int) -> Int { (0..<limit).contains(j) ? j : -1 }
        for i in 0..<outputSize {
            let source = center + (Double(i) + 0.5 - Double(outputSize) / 2) * step - 0.5
            let lower = source.rounded(.down)
            let index = Int(lower)
            taps.initializeElement(at: i, to: Tap(first: inside(index), second: inside(index + 1), fraction: Float(source - lower)))
        }
    }
}
