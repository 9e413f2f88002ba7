import TestSupport
import XCTest

@testable import SiameseTracker
@testable import SiameseTraining

/// The loss that trains features through the correlation filter, on cases whose answer is known.
final class FilterLossTests: XCTestCase {
    private let targets = [PairTarget(isPresent: true, row: 8, column: 8)]

    /// A filter solved on a crop answers that same crop with its own label: the loss is the
    /// regularisation's shrinkage only.
    func testTheContextItselfGivesItsLabelBack() {
        let context = TestData.randomMap(channels: 8, batch: 1, height: 24, width: 24, seed: 41, range: -1...1)
        var training = FilterTraining()
        training.regularization = 1e-4
        let same = FilterLoss.evaluate(context: context, search: context, targets: targets, targetCells: [8], exemplarSide: 8, training: training)
        XCTAssertLessThan(same.value, 1e-3)
        // The target elsewhere than the response's peak: about twice the label's energy off.
        let moved = [PairTarget(isPresent: true, row: 2, column: 13)]
        let wrong = FilterLoss.evaluate(context: context, search: context, targets: moved, targetCells: [8], exemplarSide: 8, training: training)
        XCTAssertEqual(wrong.value, 2, accuracy: 0.1)
    }

    /// Features that shift with the target make the filter's response follow it.
    func testAShiftedSearchIsFoundWhereTheTargetMoved() {
        let context = TestData.randomMap(channels: 8, batch: 1, height: 24, width: 24, seed: 42, range: -1...1)
        var search = context
        // The search crop is the context moved 3 cells down and 2 left (circularly).
        for channel in 0..<8 {
            for y in 0..<24 {
                for x in 0..<24 {
                    search.values[channel * 576 + ((y + 3) % 24) * 24 + (x + 22) % 24] = context.values[channel * 576 + y * 24 + x]
                }
            }
        }
        let found = [PairTarget(isPresent: true, row: 11, column: 6)]
        let training = FilterTraining()
        let there = FilterLoss.evaluate(context: context, search: search, targets: found, targetCells: [8], exemplarSide: 8, training: training)
        let middle = FilterLoss.evaluate(context: context, search: search, targets: targets, targetCells: [8], exemplarSide: 8, training: training)
        XCTAssertLessThan(there.value, 0.5)
        XCTAssertGreaterThan(middle.value, 1)
    }
}
