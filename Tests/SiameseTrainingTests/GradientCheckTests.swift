import TestSupport
import XCTest

@testable import SiameseTracker
@testable import SiameseTraining

/// Every backward pass against central finite differences of its forward pass.
final class GradientCheckTests: XCTestCase {
    /// `Σ r·y` for a fixed random `r`, so that `d/dy = r`.
    private func projection(_ map: FeatureMap, seed: UInt64) -> (Float, FeatureMap) {
        let r = TestData.randomMap(channels: map.channels, batch: map.batch, height: map.height, width: map.width, seed: seed)
        return (zip(map.values, r.values).reduce(0) { $0 + $1.0 * $1.1 }, r)
    }

    /// Compares `analytic[i]` with the central difference of `loss` when entry `i` of `values` moves.
    private func check(
        _ label: String, values: [Float], analytic: [Float], step: Float = 1e-2, tolerance: Float = 2e-2,
        indices: Int = 12, loss: ([Float]) -> Float
    ) {
        var random = SeededRandom(seed: UInt64(label.count))
        for _ in 0..<indices {
            let i = Int(random.next() % UInt64(values.count))
            var plus = values, minus = values
            plus[i] += step
            minus[i] -= step
            let numeric = (loss(plus) - loss(minus)) / (2 * step)
            let scale = max(abs(numeric), abs(analytic[i]), 1e-2)
            XCTAssertLessThan(abs(numeric - analytic[i]) / scale, tolerance, "\(label)[\(i)]: numeric \(numeric), analytic \(analytic[i])")
        }
    }

    func testConvolutionGradientsMatchFiniteDifferences() {
        let input = TestData.randomMap(channels: 3, batch: 2, height: 9, width: 9, seed: 1)
        for stride in [1, 2] {
            let conv = TestData.randomConvolution(input: 3, output: 4, kernel: 3, stride: stride, seed: 2)
            let (output, saved) = conv.forwardSaving(input)
            let (_, r) = projection(output, seed: 3)
            let gradients = conv.backward(r, saved: saved, needInputGradient: true)
            func loss(_ c: Convolution, _ x: FeatureMap) -> Float { projection(c.forward(x), seed: 3).0 }
            check("weights s\(stride)", values: conv.weights, analytic: gradients.weights) { w in
                var c = conv
                c.weights = w
                return loss(c, input)
            }
            check("bias s\(stride)", values: conv.bias, analytic: gradients.bias) { b in
                var c = conv
                c.bias = b
                return loss(c, input)
            }
            check("input s\(stride)", values: input.values, analytic: gradients.input!.values) { v in
                var x = input
                x.values = v
                return loss(conv, x)
            }
        }
    }

    func testBatchNormTrainingGradientsMatchFiniteDifferences() {
        let input = TestData.randomMap(channels: 3, batch: 2, height: 4, width: 4, seed: 4)
        let norm = BatchNorm(scale: [1.5, 0.7, -1], shift: [0.1, 0.2, -0.3], runningMean: [0, 0, 0], runningVariance: [1, 1, 1])
        let (output, saved) = norm.forwardTraining(input)
        let (_, r) = projection(output, seed: 5)
        let gradients = norm.backward(r, saved: saved)
        func loss(_ n: BatchNorm, _ x: FeatureMap) -> Float { projection(n.forwardTraining(x).0, seed: 5).0 }
        check("scale", values: norm.scale, analytic: gradients.scale, indices: 3) { s in
            var n = norm
            n.scale = s
            return loss(n, input)
        }
        check("shift", values: norm.shift, analytic: gradients.shift, indices: 3) { s in
            var n = norm
            n.shift = s
            return loss(n, input)
        }
        check("input", values: input.values, analytic: gradients.input.values, step: 1e-3, tolerance: 3e-2) { v in
            var x = input
            x.values = v
            return loss(norm, x)
        }
    }

    func testMaxPoolGradientGoesToTheWinner() {
        let input = TestData.randomMap(channels: 2, batch: 2, height: 7, width: 7, seed: 6)
        let pool = MaxPool(kernelSize: 3, stride: 2)
        let (output, winners) = pool.forwardSaving(input)
        XCTAssertEqual(output, pool.forward(input))
        let (_, r) = projection(output, seed: 7)
        let gradient = MaxPool.backward(r, winners: winners, inputShape: input.shape)
        check("input", values: input.values, analytic: gradient.values, step: 1e-3) { v in
            var x = input
            x.values = v
            return self.projection(pool.forward(x), seed: 7).0
        }
    }

    func testCorrelationGradientsMatchFiniteDifferences() {
        let exemplar = TestData.randomMap(channels: 3, batch: 2, height: 3, width: 3, seed: 8)
        let search = TestData.randomMap(channels: 3, batch: 2, height: 7, width: 7, seed: 9)
        let (_, r) = projection(CrossCorrelation.scoreMaps(exemplar: exemplar, search: search), seed: 10)
        let gradients = CrossCorrelation.backward(r, exemplar: exemplar, search: search)
        check("exemplar", values: exemplar.values, analytic: gradients.exemplar.values) { v in
            var z = exemplar
            z.values = v
            return self.projection(CrossCorrelation.scoreMaps(exemplar: z, search: search), seed: 10).0
        }
        check("search", values: search.values, analytic: gradients.search.values) { v in
            var x = search
            x.values = v
            return self.projection(CrossCorrelation.scoreMaps(exemplar: exemplar, search: x), seed: 10).0
        }
    }

    func testEveryLossGradientMatchesFiniteDifferences() {
        // Embedding sizes as the compact network gives them, with few channels.
        let exemplar = TestData.randomMap(channels: 2, batch: 2, height: 8, width: 8, seed: 11, range: -30...30)
        let search = TestData.randomMap(channels: 2, batch: 2, height: 24, width: 24, seed: 12, range: -30...30)
        let targets = [PairTarget(isPresent: true, row: 7.5, column: 9, logScaleChange: 0.1), PairTarget(isPresent: false, row: 8, column: 8)]
        var scaleAware = TrainingConfiguration()
        scaleAware.scaleLabelWidth = 0.08
        for (loss, configuration) in TrainingLoss.allCases.map({ ($0, TrainingConfiguration()) }) + [(.logistic, scaleAware)] {
            let evaluation = loss.evaluate(exemplar: exemplar, search: search, targets: targets, configuration: configuration)
            XCTAssertGreaterThan(evaluation.value, 0, "\(loss)")
            check("\(loss) exemplar", values: exemplar.values, analytic: evaluation.exemplarGradient.values, step: 0.05) { v in
                var z = exemplar
                z.values = v
                return loss.evaluate(exemplar: z, search: search, targets: targets, configuration: configuration).value
            }
            check("\(loss) search", values: search.values, analytic: evaluation.searchGradient.values, step: 0.05) { v in
                var x = search
                x.values = v
                return loss.evaluate(exemplar: exemplar, search: x, targets: targets, configuration: configuration).value
            }
        }
    }

    func testFilterLossGradientsMatchFiniteDifferences() {
        // Even and odd sides: the half spectrum's Nyquist column exists only for even ones.
        for side in [12, 11] {
            let context = TestData.randomMap(channels: 3, batch: 3, height: side, width: side, seed: 31, range: -1...1)
            var search = TestData.randomMap(channels: 3, batch: 3, height: side, width: side, seed: 32, range: -1...1)
            for i in search.values.indices { search.values[i] = 0.5 * search.values[i] + context.values[i] }
            let targets = [
                PairTarget(isPresent: true, row: 3.6, column: 5.2),
                PairTarget(isPresent: false, row: 4, column: 4),
                PairTarget(isPresent: true, row: 1.1, column: 7.3),
            ]
            var training = FilterTraining()
            training.weight = 2
            training.regularization = 0.05
            func evaluate(_ x: FeatureMap, _ z: FeatureMap) -> FilterLoss.Evaluation {
                FilterLoss.evaluate(
                    context: x, search: z, targets: targets, targetCells: [6, 5, 4.5], exemplarSide: 4, training: training)
            }
            let evaluation = evaluate(context, search)
            XCTAssertGreaterThan(evaluation.value, 0)
            check("filter context \(side)", values: context.values, analytic: evaluation.contextGradient.values, step: 1e-2, indices: 40) { v in
                var x = context
                x.values = v
                return evaluate(x, search).value
            }
            check("filter search \(side)", values: search.values, analytic: evaluation.searchGradient.values, step: 1e-2, indices: 40) { v in
                var z = search
                z.values = v
                return evaluate(context, z).value
            }
            // The negative pair's crops get no gradient.
            for channel in 0..<3 {
                let plane = context.planeOffset(channel: channel, item: 1)
                XCTAssertTrue(evaluation.contextGradient.values[plane..<(plane + side * side)].allSatisfy { $0 == 0 })
                XCTAssertTrue(evaluation.searchGradient.values[plane..<(plane + side * side)].allSatisfy { $0 == 0 })
            }
        }
    }

    func testWholeNetworkParameterGradientsMatchFiniteDifferences() throws {
        let architecture = NetworkArchitecture(layers: [
            .convolution("conv1", 3, 4, kernel: 3, stride: 2), .batchNorm("bn1"), .relu, .maxPool(kernel: 3, stride: 2),
            .convolution("conv2", 4, 3, kernel: 3),
        ])
        let network = try TrainableNetwork(file: .untrainedNetwork(architecture, seed: 13), path: "test")
        let input = TestData.randomMap(channels: 3, batch: 2, height: 15, width: 15, seed: 14, range: 0...1)
        let (output, tape) = network.forward(input)
        let (_, r) = projection(output, seed: 15)
        var gradients: [String: [Float]] = [:]
        network.backward(r, tape: tape, into: &gradients)
        XCTAssertEqual(Set(gradients.keys), Set(network.parameterNames))
        for name in network.parameterNames {
            check(name, values: network.tensors[name]!.values, analytic: gradients[name]!, step: 1e-3, tolerance: 5e-2, indices: 4) { v in
                var n = network
                n.tensors[name]!.values = v
                return self.projection(n.forward(input).0, seed: 15).0
            }
        }
    }
}
