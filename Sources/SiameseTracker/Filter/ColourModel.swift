/// Staple's colour model (Bertinetto et al., 2016): histograms of the target's colours and of
/// its surroundings, learnt online, giving each search-crop pixel the likelihood of belonging to
/// the target, and each candidate position the mean likelihood over a target-sized box there.
///
/// Colour survives the changes of shape that defeat templates (a runner's pose, a turning rider)
/// and is blind to the rest, so it is blended with the other responses rather than used alone.
struct ColourModel: Sendable {
    /// Bits of each channel's histogram level: 32 levels, 8 values of red, green and blue share one.
    private static let levelBits = 5
    private static let binCount = 1 << (3 * levelBits)

    /// Share of the target's pixels per bin, and of its surroundings' pixels.
    private var foreground: [Float]
    private var background: [Float]
    /// Per bin, `foreground / (foreground + background)`: a pixel's likelihood of being the target.
    private var likelihood: [Float]
    /// Share of each new frame in the histograms.
    private let learningRate: Float

    /// The model learnt from crop `item` of `crops`, the target's box given in crop pixels.
    init(crops: CropBatch, item: Int, target: Box, learningRate: Double) {
        foreground = [Float](repeating: 0, count: Self.binCount)
        background = foreground
        likelihood = foreground
        self.learningRate = Float(learningRate)
        learn(crops: crops, item: item, target: target, rate: 1)
    }

    /// Moves the histograms toward crop `item`, the target's box given in crop pixels.
    mutating func update(crops: CropBatch, item: Int, target: Box) {
        learn(crops: crops, item: item, target: target, rate: learningRate)
    }

    /// For each cell of an `mapSize` square score map whose cells lie `stride` crop pixels apart
    /// around the crop's centre, the mean target likelihood in a box of `targetSize` there.
    func response(crops: CropBatch, item: Int, targetSize: Size, mapSize: Int, stride: Int, into output: UnsafeMutablePointer<Float>) {
        let side = crops.side
        let half = (width: max(targetSize.width / 2, 1), height: max(targetSize.height / 2, 1))
        let centre = Double(side) / 2, middle = Double(mapSize - 1) / 2, reach = middle * Double(stride)
        func clamp(_ value: Double) -> Int { min(max(Int(value.rounded()), 0), side) }
        // Only the pixels some candidate box covers: a small target needs a small part of the crop.
        let (top, left) = (clamp(centre - reach - half.height), clamp(centre - reach - half.width))
        let (bottom, right) = (clamp(centre + reach + half.height), clamp(centre + reach + half.width))
        let (rows, columns) = (bottom - top, right - left)
        // Integral image of per-pixel likelihoods over that part, a zero row and column in front.
        let width = columns + 1
        withUnsafeTemporaryAllocation(of: Float.self, capacity: (rows + 1) * width) { integral in
            for x in 0..<width { integral[x] = 0 }
            // Through pointers and with wrapping offsets: with checked ones the colour stage took
            // 0.43 ms a frame instead of 0.33 (`siamtrack bench`).
            likelihood.withUnsafeBufferPointer { likelihood in
                func integrate<Sample: CropSample>(_ samples: UnsafeBufferPointer<Sample>) {
                    let likelihood = likelihood.baseAddress!
                    for y in 0..<rows {
                        let above = integral.baseAddress! + y * width, here = above + width
                        here[0] = 0
                        var rowSum: Float = 0
                        let row = samples.baseAddress! + ((item * side + top + y) * side + left) * 3
                        for x in 0..<columns {
                            rowSum += likelihood[Self.bin(row + x &* 3)]
                            here[x &+ 1] = above[x &+ 1] + rowSum
                        }
                    }
                }
                if crops.holdsBytes { crops.bytes.withUnsafeBufferPointer(integrate) } else { crops.values.withUnsafeBufferPointer(integrate) }
            }
            for i in 0..<mapSize {
                let y = centre + (Double(i) - middle) * Double(stride)
                let (boxTop, boxBottom) = (clamp(y - half.height) - top, clamp(y + half.height) - top)
                for j in 0..<mapSize {
                    let x = centre + (Double(j) - middle) * Double(stride)
                    let (boxLeft, boxRight) = (clamp(x - half.width) - left, clamp(x + half.width) - left)
                    let area = Float(max((boxBottom - boxTop) * (boxRight - boxLeft), 1))
                    let sum = integral[boxBottom * width + boxRight] - integral[boxTop * width + boxRight]
                        - integral[boxBottom * width + boxLeft] + integral[boxTop * width + boxLeft]
                    output[i * mapSize + j] = sum / area
                }
            }
        }
    }

    /// Foreground: the target's box. Background: the square of twice the box's mean side around
    /// it (the exemplar's context), less the box.
    private mutating func learn(crops: CropBatch, item: Int, target: Box, rate: Float) {
        let side = crops.side
        let context = (target.width + target.height)
        let outer = Box(center: target.center, size: Size(width: context, height: context))
        func range(_ low: Double, _ high: Double) -> Range<Int> {
            let start = min(max(Int(low.rounded()), 0), side), end = min(max(Int(high.rounded()), 0), side)
            return start..<max(start, end)
        }
        let (rows, columns) = (range(outer.y, outer.y + outer.height), range(outer.x, outer.x + outer.width))
        let (targetRows, targetColumns) = (range(target.y, target.y + target.height), range(target.x, target.x + target.width))
        // The target's pixels are those of both ranges (a box may lie wholly outside the crop).
        let foregroundCount = Float(rows.clamped(to: targetRows).count * columns.clamped(to: targetColumns).count)
        let backgroundCount = Float(rows.count * columns.count) - foregroundCount
        guard foregroundCount > 0, backgroundCount > 0 else { return }
        let keep = 1 - rate
        for i in 0..<Self.binCount {
            foreground[i] *= keep
            background[i] *= keep
        }
        let (foregroundShare, backgroundShare) = (rate / foregroundCount, rate / backgroundCount)
        func count<Sample: CropSample>(_ samples: UnsafeBufferPointer<Sample>) {
            for y in rows {
                let row = samples.baseAddress! + ((item * side + y) * side) * 3
                for x in columns {
                    let bin = Self.bin(row + x * 3)
                    if targetRows.contains(y) && targetColumns.contains(x) {
                        foreground[bin] += foregroundShare
                    } else {
                        background[bin] += backgroundShare
                    }
                }
            }
        }
        if crops.holdsBytes { crops.bytes.withUnsafeBufferPointer(count) } else { crops.values.withUnsafeBufferPointer(count) }
        // Through pointers, so that the loop is vectorised (checked, it divided one bin at a time).
        foreground.withUnsafeBufferPointer { foreground in
            background.withUnsafeBufferPointer { background in
                likelihood.withUnsafeMutableBufferPointer { likelihood in
                    for i in 0..<Self.binCount { likelihood[i] = foreground[i] / (foreground[i] + background[i] + 1e-6) }
                }
            }
        }
    }

    /// The histogram bin of the RGB pixel at `pixel` (values in 0...255).
    private static func bin<Sample: CropSample>(_ pixel: UnsafePointer<Sample>) -> Int {
        (pixel[0].level(bits: levelBits) << (2 * levelBits)) | (pixel[1].level(bits: levelBits) << levelBits) | pixel[2].level(bits: levelBits)
    }
}
