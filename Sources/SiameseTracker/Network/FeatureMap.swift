/// A batch of multi-channel 2-D maps stored channel-major: `[channel][batch][row][column]`.
///
/// Channel-major (CNHW) order lets one matrix multiplication convolve a whole batch in training
/// (the im2col matrix of a batch is `kernel-volume x (batch * rows * columns)`, and the product
/// with the weights lands directly in this layout), and keeps each embedding plane contiguous for
/// cross-correlation and the correlation filter. Tracking's oneDNN plan reorders its output into it.
package struct FeatureMap: Sendable, Equatable {
    /// Number of channels.
    package let channels: Int
    /// Number of images in the batch.
    package let batch: Int
    /// Rows per map.
    package let height: Int
    /// Columns per map.
    package let width: Int
    /// `channels * batch * height * width` values.
    package var values: [Float]

    /// Creates a map filled with `value`.
    package init(channels: Int, batch: Int, height: Int, width: Int, value: Float = 0) {
        self.init(
            channels: channels, batch: batch, height: height, width: width,
            values: [Float](repeating: value, count: channels * batch * height * width))
    }

    /// Creates a map from values already in channel-major order.
    package init(channels: Int, batch: Int, height: Int, width: Int, values: [Float]) {
        precondition(values.count == channels * batch * height * width, "value count does not match the shape")
        self.channels = channels
        self.batch = batch
        self.height = height
        self.width = width
        self.values = values
    }

    /// Values in one channel of one image.
    package var planeSize: Int { height * width }

    /// Offset of the first value of `(channel, item)`.
    @inlinable
    package func planeOffset(channel: Int, item: Int) -> Int { (channel * batch + item) * height * width }

    /// The value at a position.
    package subscript(channel: Int, item: Int, y: Int, x: Int) -> Float {
        get { values[planeOffset(channel: channel, item: item) + y * width + x] }
        set { values[planeOffset(channel: channel, item: item) + y * width + x] = newValue }
    }

    /// Channels, batch, height and width.
    package struct Shape: Equatable, Sendable {
        package let channels: Int, batch: Int, height: Int, width: Int
    }

    /// This map's shape.
    package var shape: Shape { Shape(channels: channels, batch: batch, height: height, width: width) }

    /// Adds another map of the same shape, value by value.
    package mutating func add(_ other: FeatureMap) {
        precondition(other.shape == shape, "maps of different shapes")
        for i in values.indices { values[i] += other.values[i] }
    }

    /// The `side` x `side` window of item `item` whose top-left cell is (`row`, `column`), every
    /// channel, channel-major: the embedding a score-map cell correlated with the exemplar.
    package func patch(item: Int, row: Int, column: Int, side: Int) -> [Float] {
        precondition(row >= 0 && column >= 0 && row + side <= height && column + side <= width, "patch outside the map")
        var patch = [Float]()
        patch.reserveCapacity(channels * side * side)
        for channel in 0..<channels {
            let plane = planeOffset(channel: channel, item: item)
            for y in row..<(row + side) { patch.append(contentsOf: values[(plane + y * width + column)..<(plane + y * width + column + side)]) }
        }
        return patch
    }

    /// Adds `values`, laid out as `patch(item:row:column:side:)` returns them, into that window.
    package mutating func addToPatch(_ values: [Float], item: Int, row: Int, column: Int, side: Int) {
        precondition(values.count == channels * side * side, "values of another window size")
        var i = 0
        for channel in 0..<channels {
            let plane = planeOffset(channel: channel, item: item)
            for y in row..<(row + side) {
                for x in column..<(column + side) {
                    self.values[plane + y * width + x] += values[i]
                    i += 1
                }
            }
        }
    }

    /// A zero map of a shape.
    package init(shape: Shape) { self.init(channels: shape.channels, batch: shape.batch, height: shape.height, width: shape.width) }
}
