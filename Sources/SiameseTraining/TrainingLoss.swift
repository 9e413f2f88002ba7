import Foundation
import SiameseTracker

/// The training objectives Siamese trackers are known for.
package enum TrainingLoss: String, Sendable, CaseIterable, Codable {
    /// SiamFC's class-balanced logistic loss on every score-map cell.
    case logistic
    /// Contrastive loss (Hadsell et al.) on L2-normalised exemplar and search-window embeddings.
    case contrastive
    /// Triplet loss on the score map: each positive cell against each negative cell (Dong & Shen, ECCV 2018).
    case triplet

    /// The loss value and its gradients with respect to both embeddings.
    package struct Evaluation {
        /// Mean loss over the batch.
        package var value: Float
        /// d loss / d φ(z).
        package var exemplarGradient: FeatureMap
        /// d loss / d φ(x).
        package var searchGradient: FeatureMap
    }

    /// Evaluates the loss for a batch of pairs (exemplar item b with search item b), with the
    /// score scale, positive radius and margin of `configuration`.
    package func evaluate(exemplar: FeatureMap, search: FeatureMap, targets: [PairTarget], configuration: TrainingConfiguration) -> Evaluation {
        let scoreScale = Float(configuration.scoreScale)
        switch self {
        case .logistic, .triplet:
            let maps = CrossCorrelation.scoreMaps(exemplar: exemplar, search: search)
            var gradient = FeatureMap(shape: maps.shape)
            var total: Float = 0
            for (item, target) in targets.enumerated() {
                let range = (item * maps.planeSize)..<((item + 1) * maps.planeSize)
                let scores = maps.values[range].map { $0 * scoreScale }
                let labels = Self.labels(size: maps.width, target: target, radius: configuration.positiveRadius)
                let (value, scoreGradient) = self == .logistic
                    ? Self.balancedLogistic(
                        scores: scores, labels: labels,
                        positiveTarget: Self.positiveTarget(logScaleChange: target.logScaleChange, width: configuration.scaleLabelWidth))
                    : Self.triplet(scores: scores, labels: labels)
                total += value / Float(targets.count)
                for (offset, g) in scoreGradient.enumerated() {
                    gradient.values[range.lowerBound + offset] = g * scoreScale / Float(targets.count)
                }
            }
            let back = CrossCorrelation.backward(gradient, exemplar: exemplar, search: search)
            return Evaluation(value: total, exemplarGradient: back.exemplar, searchGradient: back.search)
        case .contrastive:
            return Self.contrastive(exemplar: exemplar, search: search, targets: targets, margin: Float(configuration.contrastiveMargin))
        }
    }

    /// 1 for cells within `radius` (L1) of the target, 0 elsewhere and for absent targets.
    static func labels(size: Int, target: PairTarget, radius: Double) -> [Bool] {
        (0..<(size * size)).map { i in
            target.isPresent
                && abs(Double(i / size) - target.row) + abs(Double(i % size) - target.column) <= radius
        }
    }

    /// The logistic label of positive cells: 1 without a width, else a Gaussian of the scale
    /// change, `exp(-change² / (2 width²))`.
    static func positiveTarget(logScaleChange: Double, width: Double?) -> Float {
        guard let width else { return 1 }
        return Float(Foundation.exp(-logScaleChange * logScaleChange / (2 * width * width)))
    }

    /// Binary cross-entropy with logits, positives and negatives each weighted to half the total;
    /// positive cells aim at `positiveTarget`, negative cells at 0.
    static func balancedLogistic(scores: [Float], labels: [Bool], positiveTarget: Float = 1) -> (Float, [Float]) {
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        var value: Float = 0
        var gradient = [Float](repeating: 0, count: scores.count)
        for (i, s) in scores.enumerated() {
            let weight: Float = labels[i]
                ? 0.5 / Float(positives)
                : (positives == 0 ? 1 : 0.5) / Float(max(negatives, 1))
            let t: Float = labels[i] ? positiveTarget : 0
            value += weight * (max(s, 0) - s * t + Foundation.log1p(Foundation.exp(-abs(s))))
            gradient[i] = weight * (1 / (1 + Foundation.exp(-s)) - t)
        }
        return (value, gradient)
    }

    /// Mean of `log(1 + exp(s_n - s_p))` over all positive/negative cell pairs; zero without positives.
    static func triplet(scores: [Float], labels: [Bool]) -> (Float, [Float]) {
        let positives = scores.indices.filter { labels[$0] }, negatives = scores.indices.filter { !labels[$0] }
        var gradient = [Float](repeating: 0, count: scores.count)
        guard !positives.isEmpty, !negatives.isEmpty else { return (0, gradient) }
        let weight = 1 / Float(positives.count * negatives.count)
        var value: Float = 0
        for p in positives {
            for n in negatives {
                let margin = scores[n] - scores[p]
                value += weight * (max(margin, 0) + Foundation.log1p(Foundation.exp(-abs(margin))))
                let g = weight / (1 + Foundation.exp(-margin))
                gradient[n] += g
                gradient[p] -= g
            }
        }
        return (value, gradient)
    }
}
