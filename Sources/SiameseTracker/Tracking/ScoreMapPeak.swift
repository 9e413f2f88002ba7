/// SiamFC's post-processing of the score maps: upsample, penalise scale changes, pick the scale
/// with the highest peak, then find its peak after blending with a cosine window.
struct ScoreMapPeak: Sendable {
    /// The winning scale's index.
    var scaleIndex: Int
    /// Offset of the peak from the map centre, in search-crop pixels.
    var offsetX: Double
    var offsetY: Double
    /// The score map's value at the peak, before penalty and window.
    var rawScore: Float
    /// Where the peak lies in the score map before upsampling, in (fractional) cells.
    var row: Double
    var column: Double
}
