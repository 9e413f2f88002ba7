import Foundation

/// DaSiamRPN's distractor-aware template (Zhu et al., 2018): the embeddings of look-alikes seen
/// near the target (secondary peaks of the score map), averaged online, whose correlation with a
/// search crop is subtracted from the exemplar's, so the tracker prefers the target over what it
/// has already seen to resemble it.
struct DistractorModel: Sendable {
    /// The running average of distractor windows: the exemplar embedding's shape.
    private(set) var template: FeatureMap
    /// Whether any distractor has been seen.
    private(set) var isActive = false
    private let learningRate: Float
    /// A secondary peak counts as a distractor when its score reaches this share of the target's.
    private let minimumShare: Float
    /// At most this many distractors are taken per frame, the strongest first.
    static let maximumPerFrame = 5

    init(exemplar: FeatureMap, learningRate: Double, minimumShare: Double) {
        template = FeatureMap(shape: exemplar.shape)
        self.learningRate = Float(learningRate)
        self.minimumShare = Float(minimumShare)
    }

    /// Learns the distractors of one scale: local maxima of `scores` (one square map per item,
    /// relative to the exemplar's energy) at least `exclusion` cells from the target at
    /// (`row`, `column`), their windows cut from `embedding` at the same item.
    mutating func update(scores: [Float], embedding: FeatureMap, item: Int, row: Double, column: Double, exclusion: Double) {
        let side = embedding.width - template.width + 1, plane = item * side * side
        func score(_ y: Int, _ x: Int) -> Float { scores[plane + y * side + x] }
        let target = score(min(max(Int(row.rounded()), 0), side - 1), min(max(Int(column.rounded()), 0), side - 1))
        guard target > 0 else { return }
        var peaks: [(score: Float, y: Int, x: Int)] = []
        for y in 0..<side {
            for x in 0..<side {
                let value = score(y, x)
                guard value >= minimumShare * target else { continue }
                let (dy, dx) = (Double(y) - row, Double(x) - column)
                guard (dy * dy + dx * dx).squareRoot() > exclusion else { continue }
                var isMaximum = true
                for ny in max(y - 1, 0)...min(y + 1, side - 1) {
                    for nx in max(x - 1, 0)...min(x + 1, side - 1) where (ny, nx) != (y, x) && score(ny, nx) > value { isMaximum = false }
                }
                if isMaximum { peaks.append((value, y, x)) }
            }
        }
        guard !peaks.isEmpty else {
            if isActive { for i in template.values.indices { template.values[i] *= 1 - learningRate } }
            return
        }
        peaks.sort { $0.score > $1.score }
        let chosen = peaks.prefix(Self.maximumPerFrame)
        let (h, w) = (template.height, template.width)
        var mean = FeatureMap(shape: template.shape)
        for peak in chosen {
            for channel in 0..<template.channels {
                let source = embedding.planeOffset(channel: channel, item: item), target = mean.planeOffset(channel: channel, item: 0)
                for dy in 0..<h {
                    for dx in 0..<w {
                        mean.values[target + dy * w + dx] += embedding.values[source + (peak.y + dy) * embedding.width + peak.x + dx] / Float(chosen.count)
                    }
                }
            }
        }
        let rate: Float = isActive ? learningRate : 1
        for i in template.values.indices { template.values[i] = (1 - rate) * template.values[i] + rate * mean.values[i] }
        isActive = true
    }
}
