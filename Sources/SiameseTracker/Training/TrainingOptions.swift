import Foundation

/// Settings of a training run; stored in every checkpoint so a resumed run continues exactly.
public struct TrainingOptions: Codable, Sendable, Equatable {
    /// Passes over `pairsPerEpoch` pairs.
    public var epochs = 30
    /// Pairs drawn per epoch.
    public var pairsPerEpoch = 4000
    /// Pairs per optimiser step.
    public var batchSize = 8
    /// Learning rate of the first epoch.
    public var learningRate = 1e-3
    /// Learning rate of the last epoch; it decays exponentially in between.
    public var finalLearningRate = 1e-5
    /// Decoupled weight decay of convolution weights.
    public var weightDecay = 5e-4
    /// Seed of pair sampling and augmentation.
    public var seed: UInt64 = 1
    /// Objective.
    public var loss = TrainingLoss.logistic
    /// Decay of the exponential moving average of the weights that the model files hold (0: the
    /// raw weights). 0.999 averages over about the last 1,000 steps, calming epoch-to-epoch swings.
    public var weightAveraging = 0.999

    /// Default settings.
    public init() {}

    /// The learning rate during `epoch` (0-based).
    public func learningRate(epoch: Int) -> Double {
        guard epochs > 1 else { return learningRate }
        return learningRate * Foundation.pow(finalLearningRate / learningRate, Double(epoch) / Double(epochs - 1))
    }

    /// Optimiser steps per epoch.
    public var stepsPerEpoch: Int { max(1, pairsPerEpoch / batchSize) }
}
