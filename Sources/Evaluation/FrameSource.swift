/// Where a sequence's frames come from.
package enum FrameSource: Hashable, Sendable {
    /// A video file, decoded frame by frame (the layout of our own annotated clips).
    case video(path: String)
    /// Image files, one per frame, in playback order (OTB, VOT and GOT-10k layouts).
    case images([String])
}
