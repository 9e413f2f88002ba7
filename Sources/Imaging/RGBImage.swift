import Geometry

/// A frame of 8-bit RGB pixels, rows top to bottom, three bytes per pixel, no row padding.
///
/// This is the currency between the video reader and the tracker: anything that can produce
/// packed RGB bytes (FFmpeg, a camera, a test) can feed the tracker.
public struct RGBImage: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 3` bytes: R, G, B for each pixel, row by row.
    public var pixels: [UInt8]

    /// Creates an image from packed RGB bytes; `pixels.count` must be `width * height * 3`.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0, "image size must be positive")
        precondition(pixels.count == width * height * 3, "pixel buffer does not match the size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The whole image as a box at the origin.
    public var bounds: Box { Box(x: 0, y: 0, width: Double(width), height: Double(height)) }

    /// The colour at a pixel as `(r, g, b)`.
    public subscript(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        let i = (y * width + x) * 3
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }
}
