

/// How a still photo becomes a synthetic clip (`TrainingClip(photo:)`): a random object-sized
/// box, seen through a random affine change per frame, blurred or partly covered now and then.
package struct PhotoViews: Codable, Sendable, Equatable {
    /// Views cut from each photo: the clip's frames.
    package var viewsPerPhoto = 16
    /// Smallest side of the box, as a fraction of the photo's shorter side.
    package var smallestBoxSide = 0.15
    /// How much larger than the smallest the box's side may be, same unit.
    package var boxSideSpread = 0.25
    /// Largest |log| of the box's aspect ratio.
    package var maximumLogAspect = 0.5
    /// Largest |log| of a view's scale change.
    package var maximumLogScale = 0.2
    /// Largest |log| of a view's stretch (width against height).
    package var maximumLogStretch = 0.1
    /// Largest rotation of a view, in degrees.
    package var maximumRotationDegrees = 15.0
    /// Probability that a view is blurred (3x3 box blur).
    package var blurProbability = 0.3
    /// Probability that a view has a flat rectangle painted over part of the target.
    package var occlusionProbability = 0.2

    /// The default views.
    package init() {}
}
