/// A line plot of one curve per tracker, as the OTB toolkit draws success and precision plots.
public struct CurvePlot: Sendable {
    /// Where the legend sits inside the plot area.
    public enum LegendCorner: Sendable {
        /// Lower left, clear of success curves, which start high and fall.
        case bottomLeft
        /// Lower right, clear of precision curves, which start low and rise.
        case bottomRight
    }

    /// The title above the plot.
    public var title: String
    /// The horizontal axis.
    public var xAxis: PlotAxis
    /// The vertical axis.
    public var yAxis: PlotAxis
    /// The curves, drawn and listed in the legend in this order.
    public var lines: [PlotLine]
    /// Where the legend sits.
    public var legendCorner: LegendCorner

    /// Creates a plot.
    public init(title: String, xAxis: PlotAxis, yAxis: PlotAxis, lines: [PlotLine], legendCorner: LegendCorner) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.lines = lines
        self.legendCorner = legendCorner
    }
}
