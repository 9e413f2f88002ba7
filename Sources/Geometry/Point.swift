/// A position in pixel coordinates.
public struct Point: Hashable, Sendable, Codable {
    /// Horizontal position in pixels, growing to the right.
    public var x: Double
    /// Vertical position in pixels, growing downwards.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Euclidean distance to another point.
    public func distance(to other: Point) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}
