/// A line plot of one curve per tracker, as the OTB toolkit draws success and precision plots.
package struct CurvePlot: Sendable {
    /// Where the legend sits inside the plot area.
    package enum LegendCorner: Sendable {
        /// Lower left, clear of success curves, which start high and fall.
        case bottomLeft
        /// Lower right, clear of precision curves, which start low and rise.
        case bottomRight
    }

    /// The title above the plot.
    package var title: String
    /// The horizontal axis.
    package var xAxis: PlotAxis
    /// The vertical axis.
    package var yAxis: PlotAxis
    /// The curves, drawn and listed in the legend in this order.
    package var lines: [PlotLine]
    /// Where the legend sits.
    package var legendCorner: LegendCorner

    /// Creates a plot.
    package init(title: String, xAxis: PlotAxis, yAxis: PlotAxis, lines: [PlotLine], legendCorner: LegendCorner) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.lines = lines
        self.legendCorner = legendCorner
    }
}
