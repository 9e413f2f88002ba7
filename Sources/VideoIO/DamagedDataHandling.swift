/// What a `VideoReader` does when the decoder rejects data inside a video stream (flipped bytes,
/// a lost packet): a damaged container that cannot be read on is an error either way.
public enum DamagedDataHandling: Sendable {
    /// Skips what cannot be decoded and goes on, as FFmpeg's own tools do; the frames spoiled
    /// are listed in the reader's `damage`, and the others keep the video's frame numbers.
    case conceal
    /// Stops with `VideoError.decodingFailed` at the first data the decoder rejects.
    case stop
}
