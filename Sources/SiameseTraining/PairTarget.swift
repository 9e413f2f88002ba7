import SiameseTracker

/// Where the exemplar's object lies in a training pair's search crop.
package struct PairTarget: Sendable, Equatable {
    /// False for a negative pair: the search crop shows something else.
    package var isPresent: Bool
    /// Target centre in score-map cells (row), the map centre being `(size - 1) / 2`.
    package var row: Double
    /// Target centre in score-map cells (column).
    package var column: Double
    /// How much larger the object appears in the search crop than in the exemplar, as a natural
    /// logarithm: 0 when the two crops were cut at the same scale.
    package var logScaleChange: Double

    /// Creates a target.
    package init(isPresent: Bool, row: Double, column: Double, logScaleChange: Double = 0) {
        self.isPresent = isPresent
        self.row = row
        self.column = column
        self.logScaleChange = logScaleChange
    }
}
