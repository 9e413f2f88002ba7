import Foundation

/// Every setting of a training run in one place: the schedule, the objective, how pairs are
/// drawn and changed, and how still photos become clips. It is saved in every checkpoint (so a
/// resumed run continues exactly) and in every model file the run writes (so a model says how
/// it was made).
package struct TrainingConfiguration: Codable, Sendable, Equatable {
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
    /// Decoupled weight decay of convolution weights (AdamW).
    package var weightDecay = 5e-4
    /// Decay of the exponential moving average of the weights that the model files hold (0: the
    /// raw weights). 0.999 averages over about the last 1,000 steps, calming epoch-to-epoch swings.
    package var weightAveraging = 0.999
    /// Seed of initialisation, pair sampling, augmentation and photo views.
    package var seed: UInt64 = 1
    /// Objective.
    package var loss = TrainingLoss.logistic
    /// SiamFC's fixed scale from correlation to logit (`out_scale`).
    package var scoreScale = 0.001
    /// Radius of the positive cells around the target, in score-map cells (16 px at stride 8), L1.
    package var positiveRadius = 2.0
    /// Width (a standard deviation, in natural-log units of the scale change between exemplar and
    /// search crop) over which the positive cells' logistic label falls from 1 as a Gaussian, so
    /// that the network learns to score a target seen at the wrong scale lower, which is how the
    /// tracker picks its scale. nil: every positive cell's label is 1 (SiamFC), which teaches the
    /// network to ignore the augmentation's scale changes.
    package var scaleLabelWidth: Double?
    /// How the embedding learns to work under the online correlation filter; nil: it does not.
    package var correlationFilter: FilterTraining?
    /// Margin of the contrastive loss on distances between unit vectors.
    package var contrastiveMargin = 1.0
    /// Largest distance in frames between the two frames of a pair.
    package var maximumFrameGap = 100
    /// Share of pairs whose search crop comes from another clip.
    package var negativeFraction = 0.2
    /// Share of the negative pairs whose search crop comes from a clip of the same kind
    /// (`ClipKind`), where the exemplar's clip has one: look-alikes to tell the target from.
    /// nil: every negative's search crop comes from any other clip.
    package var lookAlikeNegativeShare: Double?
    /// Side in pixels of the region stored around the target per frame: the 255-pixel search
    /// crop plus room for the augmentation's shifts and scalings.
    package var regionSize = 303
    /// Changes applied to each pair.
    package var augmentation = Augmentation()
    /// How still photos become synthetic clips.
    package var photoViews = PhotoViews()

    /// Default settings.
    package init() {}

    /// The learning rate during `epoch` (0-based).
    package func learningRate(epoch: Int) -> Double {
        guard epochs > 1 else { return learningRate }
        return learningRate * Foundation.pow(finalLearningRate / learningRate, Double(epoch) / Double(epochs - 1))
    }

    /// Optimiser steps per epoch.
    package var stepsPerEpoch: Int { max(1, pairsPerEpoch / batchSize) }

    /// The key under which model and checkpoint files keep these settings as JSON.
    package static let metadataKey = "siamtrack.training"
}
