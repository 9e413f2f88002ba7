import Foundation

/// A learned estimate of the target's size from the embeddings where it was found: how much
/// wider and taller (natural logs) the target in a search crop is than the exemplar's, each a
/// linear function of the search window under the exemplar and of its product with the exemplar.
///
/// The product term is a cross-correlation whose weight depends on the cell, so a response that
/// reaches the window's edges (a larger target) can be told from one that stays in its middle.
/// Both terms are means over the window, divided by the exemplar's mean energy (its root for the
/// search term), so the estimate does not move with how strongly a target's features respond,
/// and one optimiser step moves it about as much as one weight.
package struct SizeHead: Sendable, Equatable {
    /// Tensor names in a model file.
    package static let matchWeightName = "size_head.match_weight"
    package static let searchWeightName = "size_head.search_weight"
    package static let biasName = "size_head.bias"
    /// Every tensor name of the head.
    package static let tensorNames = [matchWeightName, searchWeightName, biasName]
    /// Outputs: the log change of width, then of height.
    package static let outputCount = 2

    /// Channels of the embeddings.
    package let channels: Int
    /// Side of the exemplar embedding, and of the search window it covers.
    package let side: Int
    /// `[2, channels, side, side]`: weights of the exemplar-times-window term.
    package var matchWeights: [Float]
    /// `[2, channels, side, side]`: weights of the window term.
    package var searchWeights: [Float]
    /// `[2]`.
    package var bias: [Float]

    /// Values of one window (`channels * side * side`).
    package var windowSize: Int { channels * side * side }

    /// A head whose estimate is always "no change" (zero weights), for training.
    package init(channels: Int, side: Int) {
        self.channels = channels
        self.side = side
        matchWeights = [Float](repeating: 0, count: Self.outputCount * channels * side * side)
        searchWeights = matchWeights
        bias = [Float](repeating: 0, count: Self.outputCount)
    }

    /// The head stored in a model file's tensors, or nil when the file has none.
    ///
    /// - Parameter path: names the source in error messages.
    package init?(tensors: [String: SafeTensors.Tensor], path: String) throws(ModelError) {
        guard let match = tensors[Self.matchWeightName] else { return nil }
        func invalid(_ reason: String) -> ModelError { .invalidNetwork(path: path, reason: reason) }
        guard match.shape.count == 4, match.shape[0] == Self.outputCount, match.shape[2] == match.shape[3],
            match.shape[1] > 0, match.shape[2] > 0
        else { throw invalid("tensor \(Self.matchWeightName) has shape \(match.shape), expected [2, channels, side, side]") }
        guard let search = tensors[Self.searchWeightName], search.shape == match.shape else {
            throw invalid("tensor \(Self.searchWeightName) is missing or not shaped \(match.shape)")
        }
        guard let bias = tensors[Self.biasName], bias.shape == [Self.outputCount] else {
            throw invalid("tensor \(Self.biasName) is missing or not shaped [\(Self.outputCount)]")
        }
        guard (match.values + search.values + bias.values).allSatisfy(\.isFinite) else { throw invalid("the size head's weights contain NaN or infinity") }
        self.init(channels: match.shape[1], side: match.shape[2])
        matchWeights = match.values
        searchWeights = search.values
        self.bias = bias.values
    }

    /// The head's tensors under their model-file names.
    package var tensors: [String: SafeTensors.Tensor] {
        let shape = [Self.outputCount, channels, side, side]
        return [
            Self.matchWeightName: .init(shape: shape, values: matchWeights),
            Self.searchWeightName: .init(shape: shape, values: searchWeights),
            Self.biasName: .init(shape: [Self.outputCount], values: bias),
        ]
    }

    /// The exemplar and the search window under it, gathered in weight order.
    package struct Window: Sendable {
        /// The exemplar embedding, `channels * side * side`.
        package var exemplar: [Float]
        /// The search embedding's window whose top-left cell is the score-map cell, same size.
        package var search: [Float]
        /// Mean square of the exemplar's values (plus a small floor).
        package var energy: Float { exemplar.reduce(0) { $0 + $1 * $1 } / Float(exemplar.count) + Self.energyFloor }
        /// Keeps an all-zero exemplar from dividing by zero.
        package static let energyFloor: Float = 1e-6

        /// Gathers the window of search item `searchItem` at score-map cell (`row`, `column`),
        /// against exemplar item `exemplarItem`.
        package init(exemplar: FeatureMap, exemplarItem: Int, search: FeatureMap, searchItem: Int, row: Int, column: Int) {
            let side = exemplar.height
            precondition(exemplar.width == side && exemplar.channels == search.channels, "exemplar and search embeddings differ")
            self.init(
                exemplar: exemplar.patch(item: exemplarItem, row: 0, column: 0, side: side),
                search: search.patch(item: searchItem, row: row, column: column, side: side))
        }

        /// A window from values already gathered.
        package init(exemplar: [Float], search: [Float]) {
            precondition(exemplar.count == search.count, "window sizes differ")
            self.exemplar = exemplar
            self.search = search
        }
    }

    /// The log change of the target's width and height in the search crop against the exemplar.
    package func logSizeChange(_ window: Window) -> (width: Float, height: Float) {
        precondition(window.exemplar.count == windowSize, "window of another size")
        let (matchScale, searchScale) = termScales(window)
        var outputs = bias
        for output in 0..<Self.outputCount {
            let offset = output * windowSize
            var match: Float = 0, search: Float = 0
            for i in 0..<windowSize {
                match += matchWeights[offset + i] * window.exemplar[i] * window.search[i]
                search += searchWeights[offset + i] * window.search[i]
            }
            outputs[output] += match * matchScale + search * searchScale
        }
        return (outputs[0], outputs[1])
    }

    /// The factors of the two terms' sums: `1 / (n energy)` and `1 / (n √energy)` for a window of `n` values.
    package func termScales(_ window: Window) -> (match: Float, search: Float) {
        let energy = window.energy, n = Float(windowSize)
        return (1 / (n * energy), 1 / (n * energy.squareRoot()))
    }
}
