import SiameseTracker
import Foundation

/// Settings of a training run; stored in every checkpoint so a resumed run continues exactly.
package struct TrainingOptions: Codable, Sendable, Equatable {
    /// Passes over `pairsPerEpoch` pairs.
    package var epochs = 30
    /// Pairs drawn per epoch.
    package var pairsPerEpoch = 4000
    /// Pairs per optimiser step.
    package var batchSize = 8
    /// Learning rate of the first epoch.
    package var learningRate = 1e-3
    /// Learning rate of the last epoch; it decays exponentially in between.
    package var finalLearningRate = 1e-5
    /// Decoupled weight decay of convolution weights.
    package var weightDecay = 5e-4
    /// Seed of pair sampling and augmentation.
    package var seed: UInt64 = 1
    /// Objective.
    package var loss = TrainingLoss.logistic
    /// Decay of the exponential moving average of the weights that the model files hold (0: the
    /// raw weights). 0.999 averages over about the last 1,000 steps, calming epoch-to-epoch swings.
    package var weightAveraging = 0.999

    /// Default settings.
    package init() {}

    /// The learning rate during `epoch` (0-based).
    package func learningRate(epoch: Int) -> Double {
        guard epochs > 1 else { return learningRate }
        return learningRate * Foundation.pow(finalLearningRate / learningRate, Double(epoch) / Double(epochs - 1))
    }

    /// Optimiser steps per epoch.
    package var stepsPerEpoch: Int { max(1, pairsPerEpoch / batchSize) }
}
