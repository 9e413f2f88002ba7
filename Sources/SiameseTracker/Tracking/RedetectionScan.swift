import Geometry

/// Where to look for a target judged absent: search crops tiled over the whole frame, a few per
/// frame, nearest to where the target was last seen first, so that a target that is hidden for a
/// moment is found again at once and one that left the picture is found wherever it comes back.
///
/// Tiles lie half a search crop apart: a crop's score map covers the middle half of it, so every
/// position of the frame is some tile's candidate.
struct RedetectionScan: Sendable {
    /// Tile centres in visiting order.
    private(set) var centres: [Point] = []
    private var next = 0
    /// The search crop's side in frame pixels the tiles were laid out for.
    private var side = 0.0

    /// The next `count` tile centres for search crops of `side` frame pixels in a `width` x
    /// `height` frame, nearest to `lastSeen` first; the order is laid out again when the side
    /// changes by more than `relayoutChange` (the search's size drifts a little every frame, and
    /// starting over at each drift would never reach the far tiles), then the sweep repeats.
    mutating func nextCentres(count: Int, side: Double, width: Int, height: Int, lastSeen: Point) -> [Point] {
        if abs(side / max(self.side, .leastNormalMagnitude) - 1) > Self.relayoutChange || centres.isEmpty {
            self.side = side
            centres = Self.tiles(side: side, width: width, height: height).sorted {
                $0.distance(to: lastSeen) < $1.distance(to: lastSeen)
            }
            next = 0
        }
        return (0..<min(count, centres.count)).map { _ in
            defer { next = (next + 1) % centres.count }
            return centres[next]
        }
    }

    /// The relative change of the search crop's side that lays the tiles out again.
    static let relayoutChange = 0.25

    /// Starts the next sweep from the tiles nearest the last position again.
    mutating func restart() { centres = [] }

    private static func tiles(side: Double, width: Int, height: Int) -> [Point] {
        let step = max(side / 2, 1)
        func positions(_ length: Int) -> [Double] {
            let count = max(1, Int((Double(length) / step).rounded(.up)))
            let spacing = Double(length) / Double(count)
            return (0..<count).map { (Double($0) + 0.5) * spacing }
        }
        return positions(height).flatMap { y in positions(width).map { Point(x: $0, y: y) } }
    }
}
