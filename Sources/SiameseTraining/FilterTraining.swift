/// How a training run teaches the embedding to work under the tracker's online correlation
/// filter (CFNet/DCFNet): a filter is solved in closed form on the exemplar frame's search-size
/// crop, and its response to the search crop should be the Gaussian label at the target.
package struct FilterTraining: Codable, Sendable, Equatable {
    /// Weight of the filter's loss against the score map's.
    package var weight = 1.0
    /// The filter's ridge regularisation λ, as a fraction of the crop's mean spectral energy
    /// (`TrackerConfiguration.filterRegularization`).
    package var regularization = 0.01
    /// Standard deviation of the Gaussian label as a fraction of the target's size
    /// (`TrackerConfiguration.filterLabelSigma`).
    package var labelSigma = 0.25

    /// Defaults: the tracker's filter settings, at weight 1.
    package init() {}
}
