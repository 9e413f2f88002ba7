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
        var clip = TrainingClip(name: name)
        while clip.regions.count < 24, let frame = try! reader.nextFrame() {
            clip.append(frame: frame.image, box: boxes[clip.regions.count])
        }
        return clip
    }

    private func smallOptions(loss: TrainingLoss = .logistic) -> TrainingOptions {
        var options = TrainingOptions()
        options.epochs = 2
        options.pairsPerEpoch = 4
        options.batchSize = 2
        options.seed = 9
        options.loss = loss
        return options
    }

    private func freshNetwork() throws -> TrainableNetwork {
        try TrainableNetwork(file: .untrainedNetwork(.compact, seed: 9), path: "test")
    }

    func testTrainingOnABundledClipLowersTheLossOnAFixedBatch() throws {
        let sampler = PairSampler(clips: Self.clips, totalStride: 8)
        var random = SeededRandom(seed: 1)
        let fixed = sampler.batch(size: 4, random: &random)
        var trainer = Trainer(network: try freshNetwork(), options: smallOptions())
        func loss() -> Float {
            let (z, _) = trainer.network.forward(fixed.exemplars), (x, _) = trainer.network.forward(fixed.searches)
            return TrainingLoss.logistic.evaluate(exemplar: z, search: x, targets: fixed.targets).value
        }
        let before = loss()
        for _ in 0..<8 { _ = trainer.trainStep(fixed, learningRate: 1e-3) }
        let after = loss()
        XCTAssertLessThan(after, before * 0.8, "loss \(before) -> \(after)")
    }

    func testResumingFromACheckpointGivesTheSameWeightsAsAnUninterruptedRun() throws {
        let sampler = PairSampler(clips: Self.clips, totalStride: 8)
        var straight = Trainer(network: try freshNetwork(), options: smallOptions())
        straight.trainEpoch(sampler: sampler)
        straight.trainEpoch(sampler: sampler)

        var interrupted = Trainer(network: try freshNetwork(), options: smallOptions())
        interrupted.trainEpoch(sampler: sampler)
        let bytes = interrupted.checkpoint.serialized()
        var resumed = try Trainer(checkpoint: try SafeTensors(data: bytes, path: "checkpoint"), path: "checkpoint")
        XCTAssertEqual(resumed.completedEpochs, 1)
        XCTAssertEqual(resumed.options, smallOptions())
        resumed.trainEpoch(sampler: sampler)

        XCTAssertTrue(resumed.isFinished)
        XCTAssertEqual(resumed.network, straight.network)
        XCTAssertEqual(resumed.optimizer, straight.optimizer)
        XCTAssertNotEqual(straight.network, try freshNetwork(), "training changed the weights")
    }

    func testCheckpointRoundTripKeepsNetworkAndOptimiserState() throws {
        var trainer = Trainer(network: try freshNetwork(), options: smallOptions(loss: .triplet))
        trainer.trainEpoch(sampler: PairSampler(clips: Self.clips, totalStride: 8))
        let restored = try Trainer(checkpoint: try SafeTensors(data: trainer.checkpoint.serialized(), path: "c"), path: "c")
        XCTAssertEqual(restored.network, trainer.network)
        XCTAssertEqual(restored.optimizer, trainer.optimizer)
        XCTAssertEqual(restored.options.loss, .triplet)
        // The model part of a checkpoint is an ordinary model file.
        XCTAssertNoThrow(try EmbeddingNetwork(file: trainer.network.file, path: "model"))
    }

    func testAModelFileIsNotACheckpoint() {
        XCTAssertThrowsError(try Trainer(checkpoint: .untrainedNetwork(.compact, seed: 1), path: "m.safetensors")) { error in
            XCTAssertTrue("\(error)".contains("not a training checkpoint"), "\(error)")
        }
    }

    func testPositivePairsPutTheTargetNearTheMapCentreAndNegativesMarkItAbsent() {
        var sampler = PairSampler(clips: Self.clips, totalStride: 8)
        sampler.negativeFraction = 0.5
        var random = SeededRandom(seed: 3)
        let batch = sampler.batch(size: 16, random: &random)
        XCTAssertEqual([batch.exemplars.batch, batch.exemplars.height, batch.searches.height], [16, 127, 255])
        XCTAssertTrue(batch.targets.contains { !$0.isPresent })
        for target in batch.targets where target.isPresent {
            XCTAssertEqual(target.row, 8, accuracy: 1.1, "±8 px shift is ±1 cell at stride 8")
            XCTAssertEqual(target.column, 8, accuracy: 1.1)
        }
    }
}

final class PhotoClipTests: XCTestCase {
    func testAPhotoGivesTheAskedNumberOfRegionsDeterministically() {
        let photo = SyntheticScene(seed: 5).frame(patchAt: 60, 50)
        var first = SeededRandom(seed: 4), second = SeededRandom(seed: 4)
        let clip = TrainingClip(photo: photo, name: "scene", frames: 5, random: &first)
        XCTAssertEqual(clip.regions.count, 5)
        XCTAssertEqual(clip.presentFrames, [0, 1, 2, 3, 4])
        XCTAssertTrue(clip.regions.allSatisfy { $0?.width == TrainingClip.regionSize && $0?.height == TrainingClip.regionSize })
        let again = TrainingClip(photo: photo, name: "scene", frames: 5, random: &second)
        XCTAssertEqual(clip.regions, again.regions)
        XCTAssertNotEqual(clip.regions[0], clip.regions[1], "each view differs")
    }

    func testAnUnturnedUnscaledViewCentresTheTarget() {
        // A photo that is dark except for a bright square: the view's centre pixel must be bright.
        var pixels = [UInt8](repeating: 20, count: 200 * 200 * 3)
        for y in 90..<110 { for x in 120..<140 { for c in 0..<3 { pixels[(y * 200 + x) * 3 + c] = 250 } } }
        let photo = RGBImage(width: 200, height: 200, pixels: pixels)
        let region = PhotoView(scale: 1, stretch: 1, rotation: 0)
            .region(of: photo, center: Point(x: 130, y: 100), targetSize: Size(width: 20, height: 20), padding: (0, 0, 0))
        let middle = TrainingClip.regionSize / 2
        XCTAssertEqual(region[middle, middle].0, 250)
        XCTAssertEqual(region[5, 5].0, 20)
    }
}
