/// A batch of square RGB crops stored pixel-interleaved, `[item][row][column][R, G, B]`, like
/// the frame they come from: the input layout the inference engine reads fastest.
package struct CropBatch: Sendable, Equatable {
    /// Number of crops.
    package let batch: Int
    /// Rows and columns per crop.
    package let side: Int
    /// `batch * side * side * 3` values.
    package var values: [Float]

    /// Creates a batch of black crops.
    package init(batch: Int, side: Int) {
        self.batch = batch
        self.side = side
        values = [Float](repeating: 0, count: batch * side * side * 3)
    }

    /// The value of `channel` (0 red, 1 green, 2 blue) at a pixel of crop `item`.
    package subscript(item: Int, y: Int, x: Int, channel: Int) -> Float {
        values[((item * side + y) * side + x) * 3 + channel]
    }
}
