import Geometry

extension Box {
    /// The box moved by `(dx, dy)` pixels, its size kept: a prediction off by a known amount.
    func moved(dx: Double, dy: Double) -> Box { Box(x: x + dx, y: y + dy, width: width, height: height) }
}
