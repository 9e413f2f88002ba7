/// Seconds spent in each stage of `SiamFCTracker.update`, accumulated over calls.
package struct StageTimes: Sendable, Equatable, Codable {
    /// Cutting and resizing the search crops.
    package var cropSeconds = 0.0
    /// Running the embedding network on the crops.
    package var embeddingSeconds = 0.0
    /// Cross-correlating the embeddings into score maps.
    package var correlationSeconds = 0.0
    /// The online models (colour model, correlation filter): their responses and their updates.
    package var onlineModelSeconds = 0.0
    /// Upsampling, penalties, window, peak and box update.
    package var postProcessingSeconds = 0.0
    /// Searching the frame for a target judged absent: crops, embedding and correlation of the tiles.
    package var redetectionSeconds = 0.0

    /// Creates zeroed times.
    package init() {}
}
