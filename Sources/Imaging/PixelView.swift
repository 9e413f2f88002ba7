import Geometry

/// A borrowed view of a frame's 8-bit pixels wherever they are: packed RGB from a decoder, a
/// camera's padded BGRA rows, an OpenCV BGR matrix. Nothing is copied; the memory must stay valid
/// and unchanged while a call that receives the view runs, and the view must not outlive it.
public struct PixelView: @unchecked Sendable {
    /// The first byte of the top row.
    public let baseAddress: UnsafeRawPointer
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Distance in bytes from one row's start to the next (at least `width * bytesPerPixel`).
    public let bytesPerRow: Int
    /// The order of each pixel's bytes.
    public let format: PixelFormat

    /// A view of `height` rows of `width` pixels starting at `baseAddress`, `bytesPerRow` apart.
    ///
    /// - Precondition: the size is positive and each row holds `width` pixels.
    public init(baseAddress: UnsafeRawPointer, width: Int, height: Int, bytesPerRow: Int, format: PixelFormat) {
        precondition(width > 0 && height > 0, "image size must be positive")
        precondition(bytesPerRow >= width * format.bytesPerPixel, "bytesPerRow is smaller than a row of pixels")
        self.baseAddress = baseAddress
        self.width = width
        self.height = height
        self.bytesPerRow = bytesPerRow
        self.format = format
    }

    /// The whole image as a box at the origin.
    public var bounds: Box { Box(x: 0, y: 0, width: Double(width), height: Double(height)) }

    /// The first byte of row `y`.
    public func row(_ y: Int) -> UnsafePointer<UInt8> {
        (baseAddress + y * bytesPerRow).assumingMemoryBound(to: UInt8.self)
    }
}

extension RGBImage {
    /// Calls `body` with a view of this image's pixels (no copy).
    public func withPixelView<Value, Failure: Error>(_ body: (PixelView) throws(Failure) -> Value) throws(Failure) -> Value {
        let outcome: Result<Value, Failure> = pixels.withUnsafeBytes { bytes in
            let view = PixelView(baseAddress: bytes.baseAddress!, width: width, height: height, bytesPerRow: width * 3, format: .rgb)
            do throws(Failure) {
                return .success(try body(view))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}
