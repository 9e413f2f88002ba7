import Foundation
import SiameseTracker

extension TrainingLoss {
    /// Contrastive loss between the unit exemplar embedding and the unit search-embedding window
    /// at the target: `d²` for a positive pair, `max(0, margin - d)²` for a negative pair, and for
    /// each positive pair also a negative window in the search map's corner farthest from the target.
    static func contrastive(exemplar: FeatureMap, search: FeatureMap, targets: [PairTarget], margin: Float) -> Evaluation {
        var exemplarGradient = FeatureMap(shape: exemplar.shape), searchGradient = FeatureMap(shape: search.shape)
        let mapSize = search.width - exemplar.width + 1
        var total: Float = 0
        var terms: [(item: Int, row: Int, column: Int, positive: Bool)] = []
        for (item, target) in targets.enumerated() {
            let centre = (mapSize - 1) / 2
            let row = target.isPresent ? min(max(Int(target.row.rounded()), 0), mapSize - 1) : centre
            let column = target.isPresent ? min(max(Int(target.column.rounded()), 0), mapSize - 1) : centre
            terms.append((item, row, column, target.isPresent))
            if target.isPresent {
                terms.append((item, row < centre ? mapSize - 1 : 0, column < centre ? mapSize - 1 : 0, false))
            }
        }
        let scale = 1 / Float(targets.count)
        for term in terms {
            let z = exemplar.patch(item: term.item, row: 0, column: 0, side: exemplar.width)
            let x = search.patch(item: term.item, row: term.row, column: term.column, side: exemplar.width)
            let (unitZ, normZ) = normalised(z), (unitX, normX) = normalised(x)
            let difference = zip(unitZ, unitX).map { $0 - $1 }
            let distance = max(difference.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
            // d loss / d (unitZ - unitX) along the difference vector.
            let outer: Float
            if term.positive {
                total += scale * distance * distance
                outer = scale * 2
            } else {
                let gap = max(margin - distance, 0)
                total += scale * gap * gap
                outer = -scale * 2 * gap / distance
            }
            let gradientUnitZ = difference.map { outer * $0 }
            let gradientZ = throughNormalisation(gradientUnitZ, unit: unitZ, norm: normZ)
            let gradientX = throughNormalisation(gradientUnitZ.map { -$0 }, unit: unitX, norm: normX)
            exemplarGradient.addToPatch(gradientZ, item: term.item, row: 0, column: 0, side: exemplar.width)
            searchGradient.addToPatch(gradientX, item: term.item, row: term.row, column: term.column, side: exemplar.width)
        }
        return Evaluation(value: total, exemplarGradient: exemplarGradient, searchGradient: searchGradient)
    }

    private static func normalised(_ v: [Float]) -> ([Float], Float) {
        let norm = max(v.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
        return (v.map { $0 / norm }, norm)
    }

    /// Gradient with respect to `v` given the gradient with respect to `v / |v|`.
    private static func throughNormalisation(_ gradient: [Float], unit: [Float], norm: Float) -> [Float] {
        let along = zip(gradient, unit).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(gradient, unit).map { ($0 - along * $1) / norm }
    }
}
