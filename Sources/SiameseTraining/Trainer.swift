import Foundation
import SiameseTracker

/// Trains the embedding network on Siamese pairs, one epoch at a time, with checkpoints that
/// resume exactly: each epoch's random stream is derived from the seed and the epoch number.
package struct Trainer: Sendable {
    /// Progress within an epoch.
    package struct Progress: Sendable {
        /// 0-based epoch.
        package var epoch: Int
        /// Steps done in this epoch.
        package var step: Int
        /// Steps in the epoch.
        package var steps: Int
        /// Mean loss of the epoch so far.
        package var meanLoss: Double
        /// Pairs per second so far in this epoch.
        package var pairsPerSecond: Double
    }

    /// The network being trained.
    package private(set) var network: TrainableNetwork
    /// Optimiser state.
    package private(set) var optimizer: AdamW
    /// The run's settings.
    package let configuration: TrainingConfiguration
    /// Epochs finished.
    package private(set) var completedEpochs = 0
    /// Exponential moving average of every tensor of `network` (`configuration.weightAveraging`).
    package private(set) var averagedTensors: [String: SafeTensors.Tensor]

    /// Progress stored in a checkpoint's metadata.
    private struct State: Codable {
        var completedEpochs: Int
        var optimizerStep: Int
        var configuration: TrainingConfiguration
    }

    private static let stateKey = "siamtrack.checkpoint"
    private static let firstMomentPrefix = "adamw.m."
    private static let secondMomentPrefix = "adamw.v."
    private static let averagePrefix = "average."

    /// Starts a run from a network.
    package init(network: TrainableNetwork, configuration: TrainingConfiguration) {
        self.network = network
        self.configuration = configuration
        averagedTensors = network.tensors
        optimizer = AdamW()
        optimizer.weightDecay = Float(configuration.weightDecay)
    }

    /// Resumes a run from a checkpoint written by `checkpoint`.
    package init(checkpoint: SafeTensors, path: String) throws(ModelError) {
        guard let json = checkpoint.metadata[Self.stateKey],
            let state = try? JSONDecoder().decode(State.self, from: Data(json.utf8))
        else { throw .invalidNetwork(path: path, reason: "not a training checkpoint (no \(Self.stateKey) metadata)") }
        var tensors = checkpoint.tensors, first: [String: [Float]] = [:], second: [String: [Float]] = [:]
        var averaged: [String: SafeTensors.Tensor] = [:]
        for (name, tensor) in checkpoint.tensors {
            if name.hasPrefix(Self.firstMomentPrefix) { first[String(name.dropFirst(Self.firstMomentPrefix.count))] = tensor.values }
            if name.hasPrefix(Self.secondMomentPrefix) { second[String(name.dropFirst(Self.secondMomentPrefix.count))] = tensor.values }
            if name.hasPrefix(Self.averagePrefix) { averaged[String(name.dropFirst(Self.averagePrefix.count))] = tensor }
            if name.hasPrefix("adamw.") || name.hasPrefix(Self.averagePrefix) { tensors[name] = nil }
        }
        network = try TrainableNetwork(file: SafeTensors(tensors: tensors, metadata: checkpoint.metadata), path: path)
        guard averaged.isEmpty || Set(averaged.keys) == Set(network.tensors.keys) else {
            throw .invalidNetwork(path: path, reason: "the checkpoint's averaged weights do not match its network")
        }
        averagedTensors = averaged.isEmpty ? network.tensors : averaged
        configuration = state.configuration
        optimizer = AdamW(step: state.optimizerStep, firstMoments: first, secondMoments: second)
        optimizer.weightDecay = Float(configuration.weightDecay)
        completedEpochs = state.completedEpochs
    }

    /// Network, optimiser state and progress in one file.
    package var checkpoint: SafeTensors {
        var file = network.file
        for (name, values) in optimizer.firstMoments {
            file.tensors[Self.firstMomentPrefix + name] = .init(shape: [values.count], values: values)
        }
        for (name, values) in optimizer.secondMoments {
            file.tensors[Self.secondMomentPrefix + name] = .init(shape: [values.count], values: values)
        }
        for (name, tensor) in averagedTensors { file.tensors[Self.averagePrefix + name] = tensor }
        let state = State(completedEpochs: completedEpochs, optimizerStep: optimizer.step, configuration: configuration)
        file.metadata[Self.stateKey] = state.metadataJSON
        return file
    }

    /// The network the model files hold: the weight average, or the raw weights without averaging.
    package var averagedNetwork: TrainableNetwork {
        var averaged = network
        averaged.tensors = averagedTensors
        return averaged
    }

    /// True when every planned epoch is done.
    package var isFinished: Bool { completedEpochs >= configuration.epochs }

    /// Trains one epoch and returns its mean loss.
    @discardableResult
    package mutating func trainEpoch(sampler: PairSampler, progress: (Progress) -> Void = { _ in }) -> Double {
        let epoch = completedEpochs
        var random = SeededRandom(seed: configuration.seed &+ UInt64(epoch) &* 0x9E37_79B9_7F4A_7C15)
        let learningRate = Float(configuration.learningRate(epoch: epoch))
        let steps = configuration.stepsPerEpoch
        let start = ContinuousClock.now
        var lossSum = 0.0
        for step in 0..<steps {
            let batch = sampler.batch(size: configuration.batchSize, random: &random)
            lossSum += Double(trainStep(batch, learningRate: learningRate))
            let seconds = start.secondsElapsed
            progress(Progress(
                epoch: epoch, step: step + 1, steps: steps, meanLoss: lossSum / Double(step + 1),
                pairsPerSecond: Double((step + 1) * configuration.batchSize) / max(seconds, 1e-9)))
        }
        completedEpochs += 1
        return lossSum / Double(steps)
    }

    private mutating func updateAverage() {
        // TensorFlow's warm-up: early on the average follows the weights closely.
        let step = Double(optimizer.step)
        let decay = Float(min(configuration.weightAveraging, (1 + step) / (10 + step)))
        for (name, tensor) in network.tensors {
            var average = averagedTensors[name]!.values
            for i in average.indices { average[i] = decay * average[i] + (1 - decay) * tensor.values[i] }
            averagedTensors[name]!.values = average
        }
    }

    /// One optimiser step on a batch; returns the batch's loss.
    mutating func trainStep(_ batch: PairSampler.Batch, learningRate: Float) -> Float {
        let (exemplar, exemplarTape) = network.forward(batch.exemplars, batchStatistics: true)
        let (search, searchTape) = network.forward(batch.searches, batchStatistics: true)
        var evaluation = configuration.loss.evaluate(exemplar: exemplar, search: search, targets: batch.targets, configuration: configuration)
        var gradients: [String: [Float]] = [:]
        if let filterTraining = configuration.correlationFilter, let contexts = batch.contexts {
            let (context, contextTape) = network.forward(contexts, batchStatistics: true)
            let filter = FilterLoss.evaluate(
                context: context, search: search, targets: batch.targets, targetCells: batch.contextTargetCells,
                exemplarSide: exemplar.width, training: filterTraining)
            evaluation.value += filter.value
            evaluation.searchGradient.add(filter.searchGradient)
            network.backward(filter.contextGradient, tape: contextTape, into: &gradients)
            network.updateRunningStatistics(from: contextTape)
        }
        network.backward(evaluation.exemplarGradient, tape: exemplarTape, into: &gradients)
        network.backward(evaluation.searchGradient, tape: searchTape, into: &gradients)
        network.updateRunningStatistics(from: exemplarTape)
        network.updateRunningStatistics(from: searchTape)
        optimizer.update(&network, gradients: gradients, learningRate: learningRate)
        updateAverage()
        return evaluation.value
    }
}
