/// An axis-aligned box in pixel coordinates: top-left origin, x to the right, y downwards.
///
/// Coordinates are continuous: a box at `x: 0, width: 10` covers pixels 0 through 9 entirely,
/// and its centre is at 5.0.
public struct Box: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Left edge in pixels.
    public var x: Double
    /// Top edge in pixels.
    public var y: Double
    /// Width in pixels.
    public var width: Double
    /// Height in pixels.
    public var height: Double

    /// Creates a box from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Creates a box from its centre and size.
    public init(center: Point, size: Size) {
        self.init(
            x: center.x - size.width / 2, y: center.y - size.height / 2,
            width: size.width, height: size.height)
    }

    /// The centre of the box.
    public var center: Point { Point(x: x + width / 2, y: y + height / 2) }

    /// The width and height of the box.
    public var size: Size { Size(width: width, height: height) }

    /// The right edge (`x + width`).
    public var maxX: Double { x + width }

    /// The bottom edge (`y + height`).
    public var maxY: Double { y + height }

    /// Width times height; zero for an empty box.
    public var area: Double { isEmpty ? 0 : width * height }

    /// True when the width or height is not positive (NaN counts as empty).
    public var isEmpty: Bool { !(width > 0 && height > 0) }

    /// True when all four numbers are finite (no NaN, no infinity).
    public var isFinite: Bool { x.isFinite && y.isFinite && width.isFinite && height.isFinite }

    /// The overlap of two boxes, or nil when they do not overlap.
    public func intersection(_ other: Box) -> Box? {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return nil }
        return Box(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Intersection over union, in [0, 1]; 0 when either box is empty or not finite.
    public func intersectionOverUnion(_ other: Box) -> Double {
        guard isFinite, other.isFinite, !isEmpty, !other.isEmpty,
            let overlap = intersection(other)
        else { return 0 }
        let union = area + other.area - overlap.area
        // Clamped: in floating point (x + w) - x can exceed w, so a box could overlap itself by more than 1.
        return union > 0 ? min(overlap.area / union, 1) : 0
    }

    /// Euclidean distance between the two centres, in pixels.
    public func centerDistance(to other: Box) -> Double {
        center.distance(to: other.center)
    }

    /// `x,y,w,h`, the format of ground-truth files.
    public var description: String { "\(x),\(y),\(width),\(height)" }
}
