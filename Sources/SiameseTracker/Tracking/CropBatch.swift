/// A batch of square RGB crops stored pixel-interleaved, `[item][row][column][R, G, B]`, like
/// the frame they come from: the input layout the inference engine reads fastest.
///
/// The values are floats as sampled (`values`), or bytes (`bytes`) for a network whose first
/// convolution reads 8-bit integers; the other array is empty.
package struct CropBatch: Sendable, Equatable {
    /// Number of crops.
    package let batch: Int
    /// Rows and columns per crop.
    package let side: Int
    /// `batch * side * side * 3` values, or none when the batch holds bytes.
    package var values: [Float]
    /// `batch * side * side * 3` values rounded to bytes, or none when the batch holds floats.
    package var bytes: [UInt8]

    /// Creates a batch of black crops, holding bytes if `inBytes`.
    package init(batch: Int, side: Int, inBytes: Bool = false) {
        self.batch = batch
        self.side = side
        let count = batch * side * side * 3
        values = inBytes ? [] : [Float](repeating: 0, count: count)
        bytes = inBytes ? [UInt8](repeating: 0, count: count) : []
    }

    /// Whether the values are stored as bytes.
    package var holdsBytes: Bool { values.isEmpty }

    /// The value of `channel` (0 red, 1 green, 2 blue) at a pixel of crop `item`.
    package subscript(item: Int, y: Int, x: Int, channel: Int) -> Float {
        let index = ((item * side + y) * side + x) * 3 + channel
        return holdsBytes ? bytes[index].sample : values[index]
    }

    /// The same crops with their values rounded to bytes.
    package func inBytes() -> CropBatch {
        if holdsBytes { return self }
        var copy = CropBatch(batch: batch, side: side, inBytes: true)
        copy.bytes = values.map(UInt8.init(sample:))
        return copy
    }
}
