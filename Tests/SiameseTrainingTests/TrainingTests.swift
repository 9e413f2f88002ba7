import Foundation
import Geometry
import Imaging
import TestSupport
import VideoIO
import XCTest

@testable import SiameseTracker
@testable import SiameseTraining

final class TrainingTests: XCTestCase {
    /// The first frames of two bundled clips, cut into training regions.
    private static let clips: [TrainingClip] = ["textured-square", "distractor"].map { name in
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../clips/\(name)").standardized
        let boxes = try! String(contentsOf: folder.appendingPathComponent("groundtruth.txt"), encoding: .utf8)
            .split(separator: "\n").map { Box(parsing: $0) }
        let reader = try! VideoReader(path: folder.appendingPathComponent("video.mp4").path)
        var clip = TrainingClip(name: name, regionSize: TrainingConfiguration().regionSize)
        while clip.regions.count < 24, let frame = try! reader.nextFrame() {
            clip.append(frame: frame.image, box: boxes[clip.regions.count])
        }
        return clip
    }

    private func smallConfiguration(loss: TrainingLoss = .logistic) -> TrainingConfiguration {
        var configuration = TrainingConfiguration()
        configuration.epochs = 2
        configuration.pairsPerEpoch = 4
        configuration.batchSize = 2
        configuration.seed = 9
        configuration.loss = loss
        configuration.augmentation.maximumShift = 6
        configuration.photoViews.blurProbability = 0.5
        return configuration
    }

    private func freshNetwork() throws -> TrainableNetwork {
        try TrainableNetwork(file: .untrainedNetwork(.compact, seed: 9), path: "test")
    }

    func testTrainingOnABundledClipLowersTheLossOnAFixedBatch() throws {
        let sampler = PairSampler(clips: Self.clips, totalStride: 8, training: smallConfiguration())
        var random = SeededRandom(seed: 1)
        let fixed = sampler.batch(size: 4, random: &random)
        var trainer = Trainer(network: try freshNetwork(), configuration: smallConfiguration())
        func loss() -> Float {
            let (z, _) = trainer.network.forward(fixed.exemplars), (x, _) = trainer.network.forward(fixed.searches)
            return TrainingLoss.logistic.evaluate(exemplar: z, search: x, targets: fixed.targets, configuration: smallConfiguration()).value
        }
        let before = loss()
        for _ in 0..<8 { _ = trainer.trainStep(fixed, learningRate: 1e-3) }
        let after = loss()
        XCTAssertLessThan(after, before * 0.8, "loss \(before) -> \(after)")
    }

    func testResumingFromACheckpointGivesTheSameWeightsAsAnUninterruptedRun() throws {
        let sampler = PairSampler(clips: Self.clips, totalStride: 8, training: smallConfiguration())
        var straight = Trainer(network: try freshNetwork(), configuration: smallConfiguration())
        straight.trainEpoch(sampler: sampler)
        straight.trainEpoch(sampler: sampler)

        var interrupted = Trainer(network: try freshNetwork(), configuration: smallConfiguration())
        interrupted.trainEpoch(sampler: sampler)
        let bytes = interrupted.checkpoint.serialized()
        var resumed = try Trainer(checkpoint: try SafeTensors(data: bytes, path: "checkpoint"), path: "checkpoint")
        XCTAssertEqual(resumed.completedEpochs, 1)
        XCTAssertEqual(resumed.configuration, smallConfiguration(), "every setting comes back from the checkpoint")
        resumed.trainEpoch(sampler: sampler)

        XCTAssertTrue(resumed.isFinished)
        XCTAssertEqual(resumed.network, straight.network)
        XCTAssertEqual(resumed.optimizer, straight.optimizer)
        XCTAssertEqual(resumed.averagedTensors, straight.averagedTensors)
        XCTAssertNotEqual(straight.network, try freshNetwork(), "training changed the weights")
    }

    func testCheckpointRoundTripKeepsNetworkAndOptimiserState() throws {
        var trainer = Trainer(network: try freshNetwork(), configuration: smallConfiguration(loss: .triplet))
        trainer.trainEpoch(sampler: PairSampler(clips: Self.clips, totalStride: 8, training: smallConfiguration()))
        let restored = try Trainer(checkpoint: try SafeTensors(data: trainer.checkpoint.serialized(), path: "c"), path: "c")
        XCTAssertEqual(restored.network, trainer.network)
        XCTAssertEqual(restored.optimizer, trainer.optimizer)
        XCTAssertEqual(restored.configuration.loss, .triplet)
        // The model part of a checkpoint is an ordinary model file.
        XCTAssertNoThrow(try EmbeddingNetwork(file: trainer.network.file, path: "model"))
    }

    func testTheWeightAverageFollowsTheWeightsWithWarmUpAndIsWhatTheModelHolds() throws {
        let sampler = PairSampler(clips: Self.clips, totalStride: 8, training: smallConfiguration())
        var random = SeededRandom(seed: 2)
        let batch = sampler.batch(size: 2, random: &random)
        var trainer = Trainer(network: try freshNetwork(), configuration: smallConfiguration())
        let name = "conv2.weight"
        var weights = [trainer.network.tensors[name]!.values]
        for _ in 0..<2 {
            _ = trainer.trainStep(batch, learningRate: 1e-3)
            weights.append(trainer.network.tensors[name]!.values)
        }
        // After step t the average keeps min(0.999, (1 + t) / (10 + t)) of itself.
        let (first, second) = (Float(2.0 / 11.0), Float(3.0 / 12.0))
        let average = trainer.averagedNetwork.tensors[name]!.values
        for i in average.indices {
            let expected = second * (first * weights[0][i] + (1 - first) * weights[1][i]) + (1 - second) * weights[2][i]
            XCTAssertEqual(average[i], expected, accuracy: 1e-6)
        }
        var raw = smallConfiguration()
        raw.weightAveraging = 0
        var plain = Trainer(network: try freshNetwork(), configuration: raw)
        _ = plain.trainStep(batch, learningRate: 1e-3)
        XCTAssertEqual(plain.averagedNetwork, plain.network, "without averaging the model holds the raw weights")
    }

    func testAModelFileIsNotACheckpoint() {
        XCTAssertThrowsError(try Trainer(checkpoint: .untrainedNetwork(.compact, seed: 1), path: "m.safetensors")) { error in
            XCTAssertTrue("\(error)".contains("not a training checkpoint"), "\(error)")
        }
    }

    func testPositivePairsPutTheTargetNearTheMapCentreAndNegativesMarkItAbsent() {
        var configuration = smallConfiguration()
        configuration.negativeFraction = 0.5
        configuration.augmentation.maximumShift = 8
        let sampler = PairSampler(clips: Self.clips, totalStride: 8, training: configuration)
        var random = SeededRandom(seed: 3)
        let batch = sampler.batch(size: 16, random: &random)
        XCTAssertEqual([batch.exemplars.batch, batch.exemplars.height, batch.searches.height], [16, 127, 255])
        XCTAssertTrue(batch.targets.contains { !$0.isPresent })
        for target in batch.targets where target.isPresent {
            XCTAssertEqual(target.row, 8, accuracy: 1.1, "±8 px shift is ±1 cell at stride 8")
            XCTAssertEqual(target.column, 8, accuracy: 1.1)
        }
    }

    func testPairsRecordTheScaleChangeBetweenTheirCrops() {
        var configuration = smallConfiguration()
        configuration.augmentation.maximumScaleChange = 0.1
        var random = SeededRandom(seed: 4)
        let changes = PairSampler(clips: Self.clips, totalStride: 8, training: configuration)
            .batch(size: 32, random: &random).targets.map(\.logScaleChange)
        XCTAssertTrue(changes.allSatisfy { abs($0) <= Foundation.log(1.1 / 0.9) + 1e-9 }, "\(changes)")
        XCTAssertTrue(changes.contains { abs($0) > 0.05 }, "±10% on each crop reaches beyond ±5% between them")
        configuration.augmentation.maximumScaleChange = 0
        XCTAssertTrue(PairSampler(clips: Self.clips, totalStride: 8, training: configuration)
            .batch(size: 8, random: &random).targets.allSatisfy { $0.logScaleChange == 0 })
    }

    func testAContextIsTheExemplarsFrameAtSearchSizeWithTheExemplarInItsMiddle() {
        var configuration = smallConfiguration()
        configuration.augmentation.maximumScaleChange = 0.1
        var random = SeededRandom(seed: 7)
        XCTAssertNil(PairSampler(clips: Self.clips, totalStride: 8, training: configuration).batch(size: 2, random: &random).contexts)
        configuration.correlationFilter = FilterTraining()
        let batch = PairSampler(clips: Self.clips, totalStride: 8, training: configuration).batch(size: 8, random: &random)
        let contexts = try! XCTUnwrap(batch.contexts)
        XCTAssertEqual([contexts.batch, contexts.height, contexts.width], [8, 255, 255])
        // Cut at the exemplar's scale and recoloured as it was, its middle 127 pixels are the exemplar.
        var largest: Float = 0
        for channel in 0..<3 {
            for item in 0..<8 {
                for y in 0..<127 {
                    for x in 0..<127 {
                        let exemplar = batch.exemplars.values[batch.exemplars.planeOffset(channel: channel, item: item) + y * 127 + x]
                        let context = contexts.values[contexts.planeOffset(channel: channel, item: item) + (y + 64) * 255 + x + 64]
                        largest = max(largest, abs(exemplar - context))
                    }
                }
            }
        }
        XCTAssertLessThan(largest, 0.01)
        // The square fills half the exemplar: 63.5 px, about 7.9 cells, over the exemplar's scale.
        XCTAssertEqual(batch.contextTargetCells.count, 8)
        XCTAssertTrue(batch.contextTargetCells.allSatisfy { (7.2...8.9).contains($0) }, "\(batch.contextTargetCells)")
    }

    func testTrainingThroughTheFilterLowersItsLossOnAFixedBatch() throws {
        var configuration = smallConfiguration()
        configuration.correlationFilter = FilterTraining()
        configuration.negativeFraction = 0
        var random = SeededRandom(seed: 8)
        let fixed = PairSampler(clips: Self.clips, totalStride: 8, training: configuration).batch(size: 4, random: &random)
        var trainer = Trainer(network: try freshNetwork(), configuration: configuration)
        func filterLoss() -> Float {
            let (x, _) = trainer.network.forward(fixed.contexts!), (z, _) = trainer.network.forward(fixed.searches)
            return FilterLoss.evaluate(
                context: x, search: z, targets: fixed.targets, targetCells: fixed.contextTargetCells, exemplarSide: 8,
                training: configuration.correlationFilter!
            ).value
        }
        let before = filterLoss()
        for _ in 0..<8 { _ = trainer.trainStep(fixed, learningRate: 1e-3) }
        let after = filterLoss()
        XCTAssertLessThan(after, before * 0.8, "filter loss \(before) -> \(after)")
    }

    func testThePositiveLabelFallsWithTheScaleChangeAndTheLossSettlesOnIt() {
        XCTAssertEqual(TrainingLoss.positiveTarget(logScaleChange: 0.3, width: nil), 1, "SiamFC: no fall-off")
        XCTAssertEqual(TrainingLoss.positiveTarget(logScaleChange: 0, width: 0.08), 1)
        XCTAssertEqual(TrainingLoss.positiveTarget(logScaleChange: -0.08, width: 0.08), Float(Foundation.exp(-0.5)), accuracy: 1e-6)
        // The label is where the loss is least: a positive cell aiming at 0.5 is settled at logit 0.
        let (_, gradient) = TrainingLoss.balancedLogistic(scores: [0, -3], labels: [true, false], positiveTarget: 0.5)
        XCTAssertEqual(gradient[0], 0, accuracy: 1e-7)
        XCTAssertGreaterThan(TrainingLoss.balancedLogistic(scores: [2, -3], labels: [true, false], positiveTarget: 0.5).1[0], 0)
    }
}

final class PhotoClipTests: XCTestCase {
    func testAPhotoGivesTheAskedNumberOfRegionsDeterministically() {
        let photo = SyntheticScene(seed: 5).frame(patchAt: 60, 50)
        var first = SeededRandom(seed: 4), second = SeededRandom(seed: 4)
        var views = PhotoViews()
        views.viewsPerPhoto = 5
        let clip = TrainingClip(photo: photo, name: "scene", views: views, regionSize: 303, random: &first)
        XCTAssertEqual(clip.regions.count, 5)
        XCTAssertEqual(clip.presentFrames, [0, 1, 2, 3, 4])
        XCTAssertTrue(clip.regions.allSatisfy { $0?.width == 303 && $0?.height == 303 })
        let again = TrainingClip(photo: photo, name: "scene", views: views, regionSize: 303, random: &second)
        XCTAssertEqual(clip.regions, again.regions)
        XCTAssertNotEqual(clip.regions[0], clip.regions[1], "each view differs")
    }

    func testAnUnturnedUnscaledViewCentresTheTarget() {
        // A photo that is dark except for a bright square: the view's centre pixel must be bright.
        var pixels = [UInt8](repeating: 20, count: 200 * 200 * 3)
        for y in 90..<110 { for x in 120..<140 { for c in 0..<3 { pixels[(y * 200 + x) * 3 + c] = 250 } } }
        let photo = RGBImage(width: 200, height: 200, pixels: pixels)
        let region = PhotoView(scale: 1, stretch: 1, rotation: 0)
            .region(
                of: photo, center: Point(x: 130, y: 100), targetSize: Size(width: 20, height: 20), padding: (0, 0, 0),
                clip: TrainingClip(name: "view", regionSize: 303))
        let middle = 303 / 2
        XCTAssertEqual(region[middle, middle].0, 250)
        XCTAssertEqual(region[5, 5].0, 20)
    }
}
