/// How the bytes of one 8-bit pixel are ordered.
public enum PixelFormat: Sendable, Equatable, CaseIterable {
    /// Red, green, blue: 3 bytes (FFmpeg's `rgb24`).
    case rgb
    /// Blue, green, red: 3 bytes (OpenCV's `Mat` order).
    case bgr
    /// Red, green, blue, then an ignored byte: 4 bytes.
    case rgba
    /// Blue, green, red, then an ignored byte: 4 bytes (CoreVideo's `32BGRA`, Windows bitmaps).
    case bgra

    /// Bytes per pixel.
    public var bytesPerPixel: Int {
        switch self {
        case .rgb, .bgr: 3
        case .rgba, .bgra: 4
        }
    }

    /// Offsets of red, green and blue within a pixel.
    public var channelOffsets: (red: Int, green: Int, blue: Int) {
        switch self {
        case .rgb, .rgba: (0, 1, 2)
        case .bgr, .bgra: (2, 1, 0)
        }
    }
}
