/// How a training run teaches the size head (`SizeHead`) to estimate the target's width and height.
package struct SizeHeadTraining: Codable, Sendable, Equatable {
    /// Weight of the size loss against the score map's.
    package var weight = 1.0
    /// True: only the head learns; the embedding network and its batch-norm statistics stay as
    /// they are (and the score map's loss is not computed).
    package var embeddingFrozen = false

    /// Defaults: the head learns with the embedding, at weight 1.
    package init() {}
}
