/// One axis of a plot: its label, range and ticks.
package struct PlotAxis: Hashable, Sendable {
    /// The label written along the axis.
    package var label: String
    /// The values at the two ends of the axis.
    package var range: ClosedRange<Double>
    /// The distance between ticks (and grid lines), starting at the lower end.
    package var tickStep: Double
    /// Digits after the decimal point in tick labels.
    package var tickDecimals: Int

    /// Creates an axis.
    package init(label: String, range: ClosedRange<Double>, tickStep: Double, tickDecimals: Int) {
        self.label = label
        self.range = range
        self.tickStep = tickStep
        self.tickDecimals = tickDecimals
    }

    /// The tick values, from the lower end to the upper end inclusive.
    package var ticks: [Double] {
        let count = Int(((range.upperBound - range.lowerBound) / tickStep).rounded())
        return (0...max(count, 0)).map { range.lowerBound + Double($0) * tickStep }
    }

    /// Where `value` falls along the axis, from 0 at the lower end to 1 at the upper end.
    func fraction(of value: Double) -> Double {
        (value - range.lowerBound) / (range.upperBound - range.lowerBound)
    }
}
