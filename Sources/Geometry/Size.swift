/// A width and height in pixels.
public struct Size: Hashable, Sendable, Codable {
    /// Horizontal extent in pixels.
    public var width: Double
    /// Vertical extent in pixels.
    public var height: Double

    /// Creates a size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}
