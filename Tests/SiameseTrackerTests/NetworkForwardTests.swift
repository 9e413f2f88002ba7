import Foundation
import TestSupport
import XCTest

@testable import SiameseTracker

final class NetworkForwardTests: XCTestCase {
    func testConvolutionMatchesDirectDefinitionForStrideOneAndTwo() {
        let input = TestData.randomMap(channels: 4, batch: 2, height: 13, width: 11, seed: 1)
        for stride in [1, 2] {
            let conv = TestData.randomConvolution(input: 4, output: 5, kernel: 3, stride: stride, seed: 7)
            let fast = conv.forward(input), slow = Reference.convolve(input, conv)
            XCTAssertEqual(fast.height, slow.height)
            XCTAssertEqual(fast.width, slow.width)
            for (a, b) in zip(fast.values, slow.values) { XCTAssertEqual(a, b, accuracy: 1e-4) }
        }
    }

    func testFusedReLUClipsNegativeOutputs() {
        let input = TestData.randomMap(channels: 2, batch: 1, height: 6, width: 6, seed: 3)
        let conv = TestData.randomConvolution(input: 2, output: 3, kernel: 3, stride: 1, seed: 4)
        let plain = conv.forward(input), rectified = conv.forward(input, applyingReLU: true)
        XCTAssertTrue(plain.values.contains { $0 < 0 }, "the test needs negative outputs")
        XCTAssertEqual(rectified.values, plain.values.map { max($0, 0) })
    }

    func testMaxPoolMatchesDirectDefinition() {
        let input = TestData.randomMap(channels: 3, batch: 2, height: 15, width: 15, seed: 5)
        XCTAssertEqual(MaxPool(kernelSize: 3, stride: 2).forward(input), Reference.maxPool(input, kernel: 3, stride: 2))
    }

    func testFoldedBatchNormEqualsConvolutionThenBatchNorm() {
        let input = TestData.randomMap(channels: 3, batch: 1, height: 9, width: 9, seed: 8)
        let conv = TestData.randomConvolution(input: 3, output: 4, kernel: 3, stride: 1, seed: 9)
        let norm = BatchNorm(scale: [0.5, 2, -1, 1.5], shift: [0.1, -0.2, 0.3, 0], runningMean: [0.2, -0.1, 0, 1], runningVariance: [0.5, 2, 1, 0.1])
        let unfolded = Reference.batchNorm(conv.forward(input), norm)
        let folded = norm.fold(into: conv).forward(input)
        for (a, b) in zip(folded.values, unfolded.values) { XCTAssertEqual(a, b, accuracy: 1e-4) }
        for (a, b) in zip(norm.forward(conv.forward(input)).values, unfolded.values) { XCTAssertEqual(a, b, accuracy: 1e-5) }
    }

    func testEmbeddingNetworkMatchesLayerByLayerReferenceOnAnExemplarCrop() throws {
        let file = TestData.networkWithBatchNormStatistics(seed: 11)
        let network = try EmbeddingNetwork(file: file, path: "test")
        let crop = TestData.randomMap(channels: 3, batch: 2, height: 127, width: 127, seed: 12, range: 0...255)
        let fast = network.embed(TestData.crops(from: crop))
        let slow = try Reference.embed(crop, file: file)
        XCTAssertEqual([fast.channels, fast.batch, fast.height, fast.width], [32, 2, 8, 8])
        let scale = slow.values.map(abs).max()!
        for (a, b) in zip(fast.values, slow.values) { XCTAssertEqual(a, b, accuracy: 1e-4 * scale) }
    }

    func testBFloat16EmbeddingAgreesWithFloat32ToBFloat16Precision() throws {
        guard NetworkPrecision.bfloat16.resolved != nil else { throw XCTSkip("this CPU does not compute bfloat16 natively") }
        let network = try EmbeddingNetwork.bundledDefault()
        let crop = TestData.randomMap(channels: 3, batch: 1, height: 127, width: 127, seed: 5, range: 0...255)
        let exact = network.embed(TestData.crops(from: crop)), rounded = network.embed(TestData.crops(from: crop), format: .bfloat16)
        let scale = exact.values.map(abs).max()!
        let largest = zip(exact.values, rounded.values).map { abs($0 - $1) }.max()!
        // Five layers of 8-bit mantissas: a few percent of the largest output at most, and not nothing.
        XCTAssertLessThan(largest, 0.05 * scale)
        XCTAssertGreaterThan(largest, 0, "bfloat16 was not used")
    }

    func testInt8EmbeddingScaledToAFloat32RunAgreesWithFloat32() throws {
        guard NetworkPrecision.int8.resolved != nil else { throw XCTSkip("this CPU has no int8 kernels (AVX2 or later)") }
        let network = try EmbeddingNetwork.bundledDefault()
        let crops = TestData.crops(from: TestData.randomMap(channels: 3, batch: 2, height: 127, width: 127, seed: 6, range: 0...255))
        let (exact, maxima) = network.embedMeasuring(crops)
        XCTAssertEqual(maxima.count, 5, "one range per convolution")
        XCTAssertEqual(maxima[0], 255, accuracy: 1, "the first convolution reads pixels")
        let rounded = network.embed(crops, format: .int8(inputMaxima: maxima))
        let scale = exact.values.map(abs).max()!
        let largest = zip(exact.values, rounded.values).map { abs($0 - $1) }.max()!
        // Random pixels are harsher than footage; without VNNI the bytes hold a bit less
        // (`NumberFormat.inputByteMaximum`): 0.065 of the largest output measured with AVX2 alone.
        XCTAssertLessThan(largest, (OneDNN.multipliesBytesWithVNNI ? 0.05 : 0.08) * scale)
        XCTAssertGreaterThan(largest, 0, "int8 was not used")
        let wrongRanges = network.embed(crops, format: .int8(inputMaxima: maxima.map { $0 / 4 }))
        XCTAssertGreaterThan(zip(exact.values, wrongRanges.values).map { abs($0 - $1) }.max()!, 0.1 * scale, "ranges a quarter too small saturate")
    }

    func testEveryLayerRunsOnACompiledKernelInEachFormatThisCPUComputes() throws {
        // A reference kernel is a plain loop: with AVX2 alone, the first convolution reading
        // NHWC crops in float32 took 100 ms a crop on one, and tracking ran at 1 frame a second.
        let network = try EmbeddingNetwork.bundledDefault()
        let crops = TestData.crops(from: TestData.randomMap(channels: 3, batch: 1, height: 127, width: 127, seed: 6, range: 0...255))
        var formats: [NumberFormat] = [.float32]
        if NetworkPrecision.bfloat16.resolved != nil { formats.append(.bfloat16) }
        if NetworkPrecision.int8.resolved != nil { formats.append(.int8(inputMaxima: network.embedMeasuring(crops).1)) }
        for format in formats {
            for side in [127, 255] {
                let plan = InferencePlan(network: network, batch: 3, height: side, width: side, format: format)
                XCTAssertEqual(plan.implementations.count { OneDNN.isReference(implementationName: $0) }, 0, "\(format) at \(side): \(plan.implementations)")
                XCTAssertGreaterThanOrEqual(plan.implementations.count, 7, "five convolutions and two pools at least")
            }
        }
    }

    func testAReLUThatNoConvolutionAbsorbsRunsOnItsOwn() throws {
        let architecture = NetworkArchitecture(layers: [
            .convolution("conv1", 3, 8, kernel: 3), .maxPool(kernel: 2, stride: 2), .relu, .convolution("conv2", 8, 4, kernel: 3),
        ])
        let file = SafeTensors.untrainedNetwork(architecture, seed: 15)
        let network = try EmbeddingNetwork(file: file, path: "test")
        let input = TestData.randomMap(channels: 3, batch: 1, height: 20, width: 20, seed: 16, range: -1...1)
        let fast = network.embed(TestData.crops(from: input)), slow = try Reference.embed(input, file: file)
        XCTAssertEqual([fast.channels, fast.height, fast.width], [4, 7, 7])
        for (a, b) in zip(fast.values, slow.values) { XCTAssertEqual(a, b, accuracy: 1e-4) }
    }

    func testCompactArchitectureHasStrideEightAndSeventeenCellScoreMap() throws {
        let network = try EmbeddingNetwork(file: .untrainedNetwork(.compact, seed: 1), path: "test")
        XCTAssertEqual(network.totalStride, 8)
        XCTAssertEqual(network.outputSize(for: 127), 8)
        XCTAssertEqual(network.outputSize(for: 255), 24)
        XCTAssertLessThanOrEqual(3 * network.floatingPointOperations(inputSize: 255), 300_000_000)
    }

    /// Small maps, and tracking's shapes, where every path of the vectorised sum is taken: runs
    /// of 64 outputs, of 16, and single ones.
    func testCrossCorrelationMatchesDirectDefinition() {
        for (channels, exemplarSide, searchSize, seed) in [(5, 4, (10, 9), 20), (32, 8, (24, 24), 22)] as [(Int, Int, (Int, Int), UInt64)] {
            let exemplar = TestData.randomMap(channels: channels, batch: 1, height: exemplarSide, width: exemplarSide, seed: seed)
            let search = TestData.randomMap(channels: channels, batch: 3, height: searchSize.0, width: searchSize.1, seed: seed + 1)
            let fast = CrossCorrelation.scoreMaps(exemplar: exemplar, search: search)
            let slow = Reference.correlate(exemplar: exemplar, search: search)
            XCTAssertEqual([fast.batch, fast.height, fast.width], [3, searchSize.0 - exemplarSide + 1, searchSize.1 - exemplarSide + 1])
            for (a, b) in zip(fast.values, slow.values) { XCTAssertEqual(a, b, accuracy: 1e-3) }
        }
    }
}
