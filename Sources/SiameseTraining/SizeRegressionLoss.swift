import SiameseTracker

/// The size head's objective: smooth L1 (Huber) between its estimates and the true log changes
/// of width and height, read at the score-map cell nearest the target of each positive pair.
enum SizeRegressionLoss {
    /// Errors (natural log) under which the loss is quadratic: about 10% of the size.
    static let quadraticBelow: Float = 0.1

    /// The loss and its gradients.
    struct Evaluation {
        /// `weight` times the mean loss over the batch's positive pairs (0 without any).
        var value: Float
        /// d loss / d each of the head's tensors, by model-file name.
        var headGradients: [String: [Float]]
        /// d loss / d φ(z).
        var exemplarGradient: FeatureMap
        /// d loss / d φ(x).
        var searchGradient: FeatureMap
    }

    /// Evaluates the loss for a batch of pairs (exemplar item b with search item b).
    static func evaluate(head: SizeHead, exemplar: FeatureMap, search: FeatureMap, targets: [PairTarget], weight: Float) -> Evaluation {
        var evaluation = Evaluation(
            value: 0, headGradients: head.tensors.mapValues { [Float](repeating: 0, count: $0.values.count) },
            exemplarGradient: FeatureMap(shape: exemplar.shape), searchGradient: FeatureMap(shape: search.shape))
        let positives = targets.filter(\.isPresent).count
        guard positives > 0 else { return evaluation }
        let lastRow = search.height - exemplar.height, lastColumn = search.width - exemplar.width
        for (item, target) in targets.enumerated() where target.isPresent {
            let row = min(max(Int(target.row.rounded()), 0), lastRow), column = min(max(Int(target.column.rounded()), 0), lastColumn)
            let window = SizeHead.Window(exemplar: exemplar, exemplarItem: item, search: search, searchItem: item, row: row, column: column)
            let estimate = head.logSizeChange(window)
            let (widthLoss, widthSlope) = huber(estimate.width - Float(target.logWidthChange))
            let (heightLoss, heightSlope) = huber(estimate.height - Float(target.logHeightChange))
            let scale = weight / Float(positives)
            evaluation.value += scale * (widthLoss + heightLoss)
            let gradients = head.backward(window, outputGradient: (scale * widthSlope, scale * heightSlope))
            add(gradients.matchWeights, to: &evaluation.headGradients[SizeHead.matchWeightName]!)
            add(gradients.searchWeights, to: &evaluation.headGradients[SizeHead.searchWeightName]!)
            add(gradients.bias, to: &evaluation.headGradients[SizeHead.biasName]!)
            evaluation.exemplarGradient.addToPatch(gradients.exemplar, item: item, row: 0, column: 0, side: exemplar.width)
            evaluation.searchGradient.addToPatch(gradients.search, item: item, row: row, column: column, side: exemplar.width)
        }
        return evaluation
    }

    /// Smooth L1 of an error and its slope.
    static func huber(_ error: Float) -> (Float, Float) {
        abs(error) < quadraticBelow
            ? (0.5 * error * error / quadraticBelow, error / quadraticBelow)
            : (abs(error) - 0.5 * quadraticBelow, error < 0 ? -1 : 1)
    }

    private static func add(_ values: [Float], to total: inout [Float]) {
        for i in values.indices { total[i] += values[i] }
    }
}
