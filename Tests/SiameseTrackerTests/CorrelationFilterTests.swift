import Foundation
import XCTest

@testable import SiameseTracker

/// The closed-form Fourier-domain filter is the ridge regression it claims to be.
final class CorrelationFilterTests: XCTestCase {
    /// Solves `min ‖Σₗ wₗ ⋆ xₗ - y‖² + λ‖w‖²` over circular shifts directly in the spatial domain
    /// (normal equations, Gaussian elimination) and compares its response to a new embedding
    /// with the filter's.
    func testFourierSolveMatchesTheDirectRidgeRegression() throws {
        let side = 6, channels = 2, plane = side * side
        let (row, column, sigma) = (2.0, 3.0, 0.9)
        var random = SeededRandom(seed: 3)
        func embedding() -> FeatureMap {
            FeatureMap(
                channels: channels, batch: 1, height: side, width: side,
                values: (0..<(channels * plane)).map { _ in Float(random.nextUnit() * 2 - 1) })
        }
        let training = embedding(), test = embedding()
        var spectra = CorrelationFilter.Spectra(channels: channels, batch: 1, side: side)
        spectra.transform(training)
        let filter = CorrelationFilter(
            spectra: spectra, item: 0, row: row, column: column, labelSigma: sigma, regularization: 0.05, learningRate: 0.1)
        let energy = spectra.energy(item: 0)
        let lambda = 0.05 * Double(energy.reduce(0, +)) / Double(energy.count)
        spectra.transform(test)
        var response = [Float](repeating: .nan, count: plane)
        filter.response(to: spectra, item: 0, into: &response)

        let window = CorrelationFilter.hannWindow(side: side).map(Double.init)
        func windowed(_ map: FeatureMap, _ channel: Int, _ position: Int) -> Double {
            Double(map.values[channel * plane + position]) * window[position]
        }
        func shifted(_ p: Int, _ q: Int) -> Int { ((p / side + q / side) % side) * side + (p % side + q % side) % side }
        let label = (0..<plane).map { p -> Double in
            let dy = abs(Double(p / side) - row), dx = abs(Double(p % side) - column)
            let (ty, tx) = (min(dy, Double(side) - dy), min(dx, Double(side) - dx))
            return exp(-(ty * ty + tx * tx) / (2 * sigma * sigma))
        }
        // Row p of the design matrix holds x_l(p + q) for every (l, q).
        let unknowns = channels * plane
        var normal = [[Double]](repeating: [Double](repeating: 0, count: unknowns + 1), count: unknowns)
        for p in 0..<plane {
            let design = (0..<unknowns).map { windowed(training, $0 / plane, shifted(p, $0 % plane)) }
            for i in 0..<unknowns {
                for j in 0..<unknowns { normal[i][j] += design[i] * design[j] }
                normal[i][unknowns] += design[i] * label[p]
            }
        }
        for i in 0..<unknowns { normal[i][i] += lambda }
        let weights = solve(normal)
        for p in 0..<plane {
            let expected = (0..<unknowns).reduce(0.0) { $0 + weights[$1] * windowed(test, $1 / plane, shifted(p, $1 % plane)) }
            XCTAssertEqual(Double(response[p]), expected, accuracy: 1e-3, "response at \(p)")
        }
    }

    /// Trained on an embedding, the filter's response to that embedding peaks where the label does.
    func testResponseToTheTrainingEmbeddingPeaksAtTheLabel() {
        let side = 24, channels = 8
        var random = SeededRandom(seed: 5)
        let map = FeatureMap(
            channels: channels, batch: 1, height: side, width: side,
            values: (0..<(channels * side * side)).map { _ in Float(random.nextUnit()) })
        var spectra = CorrelationFilter.Spectra(channels: channels, batch: 1, side: side)
        spectra.transform(map)
        let filter = CorrelationFilter(spectra: spectra, item: 0, row: 14, column: 9, labelSigma: 2, regularization: 0.01, learningRate: 0.01)
        var response = [Float](repeating: 0, count: side * side)
        filter.response(to: spectra, item: 0, into: &response)
        let peak = response.indices.max { response[$0] < response[$1] }!
        XCTAssertEqual(peak / side, 14)
        XCTAssertEqual(peak % side, 9)
        XCTAssertEqual(response[peak], 1, accuracy: 0.1, "a peak near the label's height")
    }

    /// Gauss-Jordan elimination with partial pivoting on an augmented matrix.
    private func solve(_ matrix: [[Double]]) -> [Double] {
        var a = matrix
        let n = a.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = a[row][column] / a[column][column]
                for k in column...n { a[row][k] -= factor * a[column][k] }
            }
        }
        return (0..<n).map { a[$0][n] / a[$0][$0] }
    }
}
