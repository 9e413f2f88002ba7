/// Where the exemplar's object lies in a training pair's search crop.
public struct PairTarget: Sendable, Equatable {
    /// False for a negative pair: the search crop shows something else.
    public var isPresent: Bool
    /// Target centre in score-map cells (row), the map centre being `(size - 1) / 2`.
    public var row: Double
    /// Target centre in score-map cells (column).
    public var column: Double

    /// Creates a target.
    public init(isPresent: Bool, row: Double, column: Double) {
        self.isPresent = isPresent
        self.row = row
        self.column = column
    }
}
