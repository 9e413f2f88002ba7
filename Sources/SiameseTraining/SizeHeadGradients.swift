import SiameseTracker

extension SizeHead {
    /// Gradients of a loss through one window's size estimate.
    struct Gradients {
        /// d loss / d `matchWeights`.
        var matchWeights: [Float]
        /// d loss / d `searchWeights`.
        var searchWeights: [Float]
        /// d loss / d `bias`.
        var bias: [Float]
        /// d loss / d the window's exemplar values (the energy's share included).
        var exemplar: [Float]
        /// d loss / d the window's search values.
        var search: [Float]
    }

    /// Back-propagates `outputGradient` (d loss / d the width and height estimates) through
    /// `logSizeChange(window)`.
    func backward(_ window: Window, outputGradient: (width: Float, height: Float)) -> Gradients {
        let n = windowSize, (matchScale, searchScale) = termScales(window)
        let g = [outputGradient.width, outputGradient.height]
        var result = Gradients(
            matchWeights: [Float](repeating: 0, count: matchWeights.count), searchWeights: [Float](repeating: 0, count: searchWeights.count),
            bias: g, exemplar: [Float](repeating: 0, count: n), search: [Float](repeating: 0, count: n))
        // d energy / d z_j = 2 z_j / n, shared by both terms' division.
        var energyGradient: Float = 0
        for output in 0..<Self.outputCount where g[output] != 0 {
            let offset = output * n
            var match: Float = 0, searchSum: Float = 0
            for i in 0..<n {
                let product = window.exemplar[i] * window.search[i]
                match += matchWeights[offset + i] * product
                searchSum += searchWeights[offset + i] * window.search[i]
                result.matchWeights[offset + i] = g[output] * product * matchScale
                result.searchWeights[offset + i] = g[output] * window.search[i] * searchScale
                result.search[i] += g[output] * (matchWeights[offset + i] * window.exemplar[i] * matchScale + searchWeights[offset + i] * searchScale)
                result.exemplar[i] += g[output] * matchWeights[offset + i] * window.search[i] * matchScale
            }
            // The scales are 1 / (n E) and 1 / (n √E): their derivatives by E are -scale / E and -scale / (2E).
            energyGradient += g[output] * (-match * matchScale - 0.5 * searchSum * searchScale) / window.energy
        }
        for j in 0..<n { result.exemplar[j] += energyGradient * 2 * window.exemplar[j] / Float(n) }
        return result
    }
}
