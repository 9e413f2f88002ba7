import Geometry
import XCTest

@testable import SiameseTracker

/// The whole-frame search visits every tile, nearest the last position first, even while the
/// search's size drifts.
final class RedetectionScanTests: XCTestCase {
    private let lastSeen = Point(x: 10, y: 10)

    func testASweepVisitsEveryTileOnceNearestFirst() {
        var scan = RedetectionScan()
        let visited = (0..<8).flatMap { _ in scan.nextCentres(count: 3, side: 100, width: 200, height: 200, lastSeen: lastSeen) }
        let tiles = visited.prefix(16)
        XCTAssertEqual(Set(tiles.map { [$0.x, $0.y] }).count, 16, "tiles half a crop apart: 4 x 4 over 200 x 200")
        XCTAssertEqual(tiles.first, Point(x: 25, y: 25))
        let distances = tiles.map { $0.distance(to: lastSeen) }
        XCTAssertEqual(distances, distances.sorted())
        XCTAssertEqual(Array(visited.dropFirst(16)), Array(visited.prefix(8)), "then the sweep repeats")
    }

    func testASizeThatDriftsALittleDoesNotStartTheSweepOver() {
        var scan = RedetectionScan()
        var side = 100.0
        var visited: [Point] = []
        for _ in 0..<6 {
            visited += scan.nextCentres(count: 3, side: side, width: 200, height: 200, lastSeen: lastSeen)
            side *= 1.02
        }
        XCTAssertEqual(Set(visited.prefix(16).map { [$0.x, $0.y] }).count, 16, "every tile within a sweep")
    }

    func testASizeThatChangesALotLaysTheTilesOutAgain() {
        var scan = RedetectionScan()
        _ = scan.nextCentres(count: 3, side: 100, width: 200, height: 200, lastSeen: lastSeen)
        let larger = scan.nextCentres(count: 3, side: 200, width: 200, height: 200, lastSeen: lastSeen)
        XCTAssertEqual(larger.first, Point(x: 50, y: 50), "2 x 2 tiles of the larger crop, from the nearest")
        XCTAssertEqual(scan.centres.count, 4)
    }
}
