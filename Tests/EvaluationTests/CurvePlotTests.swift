import Evaluation
import Foundation
import Geometry
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

final class CurvePlotTests: XCTestCase {
    private func report(_ tracker: String, offset: Double) throws -> Report {
        let target = Box(x: 0, y: 0, width: 10, height: 10)
        let result = try SequenceResult(
            name: "seq", predicted: [target, target.moved(dx: offset, dy: 0)], groundTruth: [target, target])
        return try Report(tracker: tracker, sequences: [result])
    }

    func testSuccessPlotIsWellFormedSVGWithOneLinePerTrackerRankedByAUC() throws {
        let plot = CurvePlot.successPlot(
            of: [try report("KCF", offset: 8), try report("siamtrack", offset: 0), try report("A&B <v2>", offset: 3)],
            datasetName: "dev")

        let document = try XMLDocument(xmlString: plot.svg())

        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.attribute(forName: "xmlns")?.stringValue ?? root.uri, "http://www.w3.org/2000/svg")
        XCTAssertEqual(try document.nodes(forXPath: "//*[local-name()='polyline']").count, 3)
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        XCTAssertTrue(texts.contains("Success plots of OPE on dev"))
        XCTAssertTrue(texts.contains("Overlap threshold"))
        XCTAssertTrue(texts.contains("Success rate"))
        XCTAssertTrue(texts.contains("0.5"))
        // Offset 3 px: IoU 1 and 0.54, so (11 + 9 / 2) / 21; offset 8 px: IoU 1 and 0.11, so (3 + 17 / 2) / 21.
        let legend = texts.filter { $0.hasSuffix("]") }
        XCTAssertEqual(legend, ["siamtrack [0.952]", "A&B <v2> [0.738]", "KCF [0.548]"])
    }

    func testPrecisionPlotRanksByPrecisionAtTwentyPixels() throws {
        let plot = CurvePlot.precisionPlot(of: [try report("far", offset: 30), try report("near", offset: 2)])

        XCTAssertEqual(plot.title, "Precision plots of OPE")
        XCTAssertEqual(plot.lines.map(\.label), ["near [1.000]", "far [0.500]"])
        XCTAssertEqual(plot.xAxis.ticks.count, 11)
        XCTAssertNoThrow(try XMLDocument(xmlString: plot.svg()))
    }

    func testNormalizedPrecisionPlotUsesItsAUC() throws {
        let plot = CurvePlot.normalizedPrecisionPlot(of: [try report("siamtrack", offset: 0)])
        XCTAssertEqual(plot.lines.map(\.label), ["siamtrack [1.000]"])
        XCTAssertEqual(plot.xAxis.range, 0...0.5)
    }

    func testPlotWithManyTrackersStaysWellFormed() throws {
        let reports = try (0..<12).map { try report("tracker\($0)", offset: Double($0)) }
        let svg = CurvePlot.successPlot(of: reports).svg()
        XCTAssertNoThrow(try XMLDocument(xmlString: svg))
        XCTAssertTrue(svg.contains("stroke-dasharray=\"8,4\""))
    }
}
