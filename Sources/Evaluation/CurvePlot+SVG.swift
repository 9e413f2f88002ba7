/// Drawing a `CurvePlot` as a standalone SVG file, which any browser or viewer opens.
extension CurvePlot {
    /// Width and height of the drawing, in SVG user units (pixels at 100% zoom).
    static let canvasSize = (width: 640.0, height: 520.0)
    /// Space between the canvas edges and the plot area, for the title, ticks and labels.
    static let margins = (left: 72.0, right: 24.0, top: 48.0, bottom: 64.0)
    /// Line colours, in ranking order; trackers past the tenth reuse them with dashes.
    static let palette = [
        "#d62728", "#1f77b4", "#2ca02c", "#000000", "#9467bd",
        "#ff7f0e", "#17becf", "#e377c2", "#8c564b", "#7f7f7f",
    ]

    /// The plot as an SVG 1.1 document.
    package func svg() -> String {
        let (width, height) = CurvePlot.canvasSize
        var svg = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" font-family="Helvetica, Arial, sans-serif">"#,
            #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="white"/>"#,
            #"<text x="\#(width / 2)" y="30" font-size="18" font-weight="bold" text-anchor="middle">\#(escaped(title))</text>"#,
        ]
        svg += gridAndTicks()
        svg += axisLabels()
        svg += curves()
        svg += legend()
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    private var plotArea: (left: Double, top: Double, right: Double, bottom: Double) {
        let margins = CurvePlot.margins, size = CurvePlot.canvasSize
        return (margins.left, margins.top, size.width - margins.right, size.height - margins.bottom)
    }

    private func position(x: Double, y: Double) -> (x: Double, y: Double) {
        let area = plotArea
        return (area.left + xAxis.fraction(of: x) * (area.right - area.left),
                area.bottom - yAxis.fraction(of: y) * (area.bottom - area.top))
    }

    private func gridAndTicks() -> [String] {
        let area = plotArea
        var elements = [#"<g stroke="rgb(200,200,200)" stroke-width="1" stroke-dasharray="2,3">"#]
        for tick in xAxis.ticks {
            let x = number(position(x: tick, y: yAxis.range.lowerBound).x)
            elements.append(#"<line x1="\#(x)" y1="\#(number(area.top))" x2="\#(x)" y2="\#(number(area.bottom))"/>"#)
        }
        for tick in yAxis.ticks {
            let y = number(position(x: xAxis.range.lowerBound, y: tick).y)
            elements.append(#"<line x1="\#(number(area.left))" y1="\#(y)" x2="\#(number(area.right))" y2="\#(y)"/>"#)
        }
        elements.append("</g>")
        elements.append(#"<rect x="\#(number(area.left))" y="\#(number(area.top))" width="\#(number(area.right - area.left))" height="\#(number(area.bottom - area.top))" fill="none" stroke="black" stroke-width="1"/>"#)
        elements.append(#"<g font-size="12" fill="black">"#)
        for tick in xAxis.ticks {
            let x = number(position(x: tick, y: yAxis.range.lowerBound).x)
            elements.append(#"<line x1="\#(x)" y1="\#(number(area.bottom))" x2="\#(x)" y2="\#(number(area.bottom + 5))" stroke="black"/>"#)
            elements.append(#"<text x="\#(x)" y="\#(number(area.bottom + 20))" text-anchor="middle">\#(formatted(tick, decimals: xAxis.tickDecimals))</text>"#)
        }
        for tick in yAxis.ticks {
            let y = position(x: xAxis.range.lowerBound, y: tick).y
            elements.append(#"<line x1="\#(number(area.left - 5))" y1="\#(number(y))" x2="\#(number(area.left))" y2="\#(number(y))" stroke="black"/>"#)
            elements.append(#"<text x="\#(number(area.left - 8))" y="\#(number(y + 4))" text-anchor="end">\#(formatted(tick, decimals: yAxis.tickDecimals))</text>"#)
        }
        elements.append("</g>")
        return elements
    }

    private func axisLabels() -> [String] {
        let area = plotArea
        let centerX = number((area.left + area.right) / 2), centerY = number((area.top + area.bottom) / 2)
        return [
            #"<text x="\#(centerX)" y="\#(number(area.bottom + 46))" font-size="14" text-anchor="middle">\#(escaped(xAxis.label))</text>"#,
            #"<text x="22" y="\#(centerY)" font-size="14" text-anchor="middle" transform="rotate(-90 22 \#(centerY))">\#(escaped(yAxis.label))</text>"#,
        ]
    }

    private func curves() -> [String] {
        lines.enumerated().map { index, line in
            let points = line.points.map { point in
                let spot = position(x: point.x, y: point.y)
                return "\(number(spot.x)),\(number(spot.y))"
            }
            return #"<polyline fill="none" stroke-width="2.5" stroke-linejoin="round" \#(stroke(index)) points="\#(points.joined(separator: " "))"/>"#
        }
    }

    private func legend() -> [String] {
        guard !lines.isEmpty else { return [] }
        let area = plotArea
        let rowHeight = 20.0, inset = 10.0, sampleLength = 28.0
        // Helvetica at 13 px averages about 7 px a character; the box only needs to roughly fit.
        let textWidth = Double(lines.map(\.label.count).max() ?? 0) * 7.2
        let boxWidth = sampleLength + textWidth + 24, boxHeight = Double(lines.count) * rowHeight + 10
        let left = legendCorner == .bottomLeft ? area.left + inset : area.right - inset - boxWidth
        let top = area.bottom - inset - boxHeight
        var elements = [
            #"<g font-size="13">"#,
            #"<rect x="\#(number(left))" y="\#(number(top))" width="\#(number(boxWidth))" height="\#(number(boxHeight))" fill="white" fill-opacity="0.9" stroke="rgb(128,128,128)"/>"#,
        ]
        for (index, line) in lines.enumerated() {
            let y = top + 5 + rowHeight * (Double(index) + 0.5)
            elements.append(#"<line x1="\#(number(left + 8))" y1="\#(number(y))" x2="\#(number(left + 8 + sampleLength))" y2="\#(number(y))" stroke-width="2.5" \#(stroke(index))/>"#)
            elements.append(#"<text x="\#(number(left + 16 + sampleLength))" y="\#(number(y + 4.5))">\#(escaped(line.label))</text>"#)
        }
        elements.append("</g>")
        return elements
    }

    /// The stroke attributes of the line ranked `index`.
    private func stroke(_ index: Int) -> String {
        let palette = CurvePlot.palette
        let colour = #"stroke="\#(palette[index % palette.count])""#
        return index < palette.count ? colour : colour + #" stroke-dasharray="8,4""#
    }

    /// A coordinate to two decimals: finer than any screen, short enough to keep files small.
    private func number(_ value: Double) -> String { formatted(value, decimals: 2) }

    /// `text` with XML's special characters escaped, for use inside elements and attributes.
    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
