/// One tracker's curve on a plot.
package struct PlotLine: Sendable {
    /// The legend entry, e.g. `siamtrack [0.612]`.
    package var label: String
    /// The curve's points, in drawing order.
    package var points: [(x: Double, y: Double)]

    /// Creates a line through `points`.
    package init(label: String, points: [(x: Double, y: Double)]) {
        self.label = label
        self.points = points
    }

    /// A line through a curve's (threshold, rate) points.
    package init(label: String, curve: Curve) {
        self.init(label: label, points: Array(zip(curve.thresholds, curve.rates)).map { (x: $0, y: $1) })
    }
}
