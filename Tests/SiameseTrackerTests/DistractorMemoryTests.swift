import XCTest

@testable import SiameseTracker

/// Look-alikes are told from the target by which they resemble more.
final class DistractorMemoryTests: XCTestCase {
    private let exemplar: [Float] = [1, 0, 0, 0]
    private let lookAlike: [Float] = [0.6, 0.8, 0, 0]

    func testNothingIsALookAlikeBeforeOneIsRemembered() {
        XCTAssertFalse(DistractorMemory(exemplar: exemplar).isLookAlike([lookAlike]))
    }

    func testAMatchNearerALookAlikeThanTheExemplarIsTheLookAlike() {
        var memory = DistractorMemory(exemplar: exemplar)
        memory.remember(lookAlike)
        XCTAssertTrue(memory.isLookAlike([lookAlike]))
        XCTAssertTrue(memory.isLookAlike([[0.5, 0.8, 0.1, 0]]), "a changed view of the look-alike")
        XCTAssertFalse(memory.isLookAlike([exemplar]))
        XCTAssertFalse(memory.isLookAlike([[0.9, 0.3, 0, 0.1]]), "a changed view of the target")
    }

    func testLengthDoesNotMatterOnlyDirection() {
        var memory = DistractorMemory(exemplar: exemplar.map { $0 * 7 })
        memory.remember(lookAlike.map { $0 * 0.1 })
        XCTAssertTrue(memory.isLookAlike([lookAlike.map { $0 * 30 }]))
        XCTAssertFalse(memory.isLookAlike([exemplar.map { $0 * 0.01 }]))
    }

    func testTheBestAlignedWindowDecides() {
        var memory = DistractorMemory(exemplar: exemplar)
        memory.remember(lookAlike)
        // The cell's own window is nearer the target, but the window a cell away is the look-alike itself.
        XCTAssertTrue(memory.isLookAlike([[0.8, 0.6, 0, 0], lookAlike]))
        XCTAssertFalse(memory.isLookAlike([[0.8, 0.6, 0, 0], exemplar]))
    }

    func testTheSameLookAlikeSeenAgainReplacesItsTemplate() {
        var memory = DistractorMemory(exemplar: exemplar)
        memory.remember(lookAlike)
        memory.remember([0.55, 0.83, 0.05, 0])
        XCTAssertEqual(memory.templates.count, 1)
        memory.remember([0, 0, 0, 0])
        XCTAssertEqual(memory.templates.count, 1, "an empty window is nothing to remember")
    }

    func testTheOldestLookAlikeGoesFirst() {
        func oneHot(_ i: Int) -> [Float] { (0..<32).map { $0 == i ? 1 : 0 } }
        var memory = DistractorMemory(exemplar: oneHot(31))
        for i in 0...DistractorMemory.capacity { memory.remember(oneHot(i)) }
        XCTAssertEqual(memory.templates.count, DistractorMemory.capacity)
        XCTAssertEqual(memory.templates.first, oneHot(1))
        XCTAssertEqual(memory.templates.last, oneHot(DistractorMemory.capacity))
    }

    func testPatchesAroundAreTheWindowsOfTheCellAndItsNeighbours() {
        // One channel, 4x4, values 0...15: the 2x2 windows around cell (1, 1) are the nine at rows and columns 0...2.
        let map = FeatureMap(channels: 1, batch: 1, height: 4, width: 4, values: (0..<16).map(Float.init))
        XCTAssertEqual(map.patch(item: 0, row: 1, column: 2, side: 2), [6, 7, 10, 11])
        let around = map.patchesAround(item: 0, row: 1, column: 1, side: 2)
        XCTAssertEqual(around.count, 9)
        XCTAssertEqual(around.first, [0, 1, 4, 5])
        XCTAssertEqual(around.last, [10, 11, 14, 15])
        XCTAssertEqual(map.patchesAround(item: 0, row: 0, column: 0, side: 2).count, 4, "windows stay inside the map")
    }
}
