import Foundation
import SiameseTracker

/// The loss that trains features through the correlation filter (CFNet/DCFNet).
///
/// For each positive pair the filter `ŵₗ = ŷ x̂ₗ* / (Σₖ |x̂ₖ|² + λ)` is solved on the windowed
/// context embedding `x` (the exemplar frame cut at search size, target in the middle), as the
/// tracker solves it on the first frame; its response `r = F⁻¹(Σₗ ŵₗ ẑₗ)` to the windowed search
/// embedding `z` is compared with the Gaussian label `t` at the target: `‖r - t‖² / ‖t‖²`. The
/// gradient goes back through the closed-form solve, λ's dependence on the energy included.
enum FilterLoss {
    /// The loss and its gradients.
    struct Evaluation {
        /// `weight` times the batch's mean loss (negative pairs count as 0).
        var value: Float
        /// d loss / d x.
        var contextGradient: FeatureMap
        /// d loss / d z.
        var searchGradient: FeatureMap
    }

    /// Evaluates the loss for a batch: context item b with search item b, the target of size
    /// `targetCells[b]` (embedding cells) in the middle of the context and at `targets[b]` (score-map
    /// cells of an `exemplarSide` exemplar) in the search embedding.
    static func evaluate(
        context: FeatureMap, search: FeatureMap, targets: [PairTarget], targetCells: [Double], exemplarSide: Int,
        training: FilterTraining
    ) -> Evaluation {
        precondition(context.shape == search.shape && context.width == context.height, "context and search embeddings differ")
        var evaluation = Evaluation(value: 0, contextGradient: FeatureMap(shape: context.shape), searchGradient: FeatureMap(shape: search.shape))
        let n = context.width, channels = context.channels, batch = context.batch
        let transform = RealFourierTransform(size: n), count = transform.spectrumCount, planes = channels * batch
        let window = CorrelationFilter.hannWindow(side: n)
        var x = CorrelationFilter.Spectra(channels: channels, batch: batch, side: n), z = x
        x.transform(context)
        z.transform(search)
        let middle = Double(n - 1) / 2, offset = Double(exemplarSide - 1) / 2
        let weight = Float(training.weight) / Float(batch), norm = Float(n * n)
        // Columns kx = 1 ... n/2 - 1 of a half spectrum stand for their mirror images too.
        let columnWeight = (0..<count).map { i -> Float in let kx = i / n; return kx == 0 || 2 * kx == n ? 1 : 2 }
        var gradientX = [Float](repeating: 0, count: 2 * planes * count), gradientZ = gradientX
        for (item, target) in targets.enumerated() where target.isPresent {
            let sigma = training.labelSigma * targetCells[item]
            let label = spectrum(of: CorrelationFilter.gaussian(side: n, row: middle, column: middle, sigma: sigma), transform: transform)
            let wanted = CorrelationFilter.gaussian(side: n, row: target.row + offset, column: target.column + offset, sigma: sigma)
            var energy = [Float](repeating: 0, count: count)
            var a = [Float](repeating: 0, count: 2 * count)
            for channel in 0..<channels {
                let p = x.offset(channel: channel, item: item)
                for i in 0..<count {
                    let (xr, xi, zr, zi) = (x.real[p + i], x.imaginary[p + i], z.real[p + i], z.imaginary[p + i])
                    energy[i] += xr * xr + xi * xi
                    a[i] += xr * zr + xi * zi
                    a[count + i] += xr * zi - xi * zr
                }
            }
            let ridge = Float(training.regularization) * energy.reduce(0, +) / Float(count)
            // R = ŷ A / D.
            var response = [Float](repeating: 0, count: 2 * count)
            for i in 0..<count {
                let d = energy[i] + ridge
                let (yr, yi) = (label[i], label[count + i])
                response[i] = (yr * a[i] - yi * a[count + i]) / d
                response[count + i] = (yr * a[count + i] + yi * a[i]) / d
            }
            let r = inverse(response, transform: transform)
            let wantedEnergy = wanted.reduce(0) { $0 + $1 * $1 }
            var outputGradient = [Float](repeating: 0, count: n * n)
            for j in 0..<(n * n) {
                let error = r[j] - wanted[j]
                evaluation.value += weight * error * error / wantedEnergy
                outputGradient[j] = weight * 2 * error / wantedEnergy
            }
            // Back through the inverse transform: G_R = w_k / n² F(g).
            var gR = spectrum(of: outputGradient, transform: transform)
            for i in 0..<count {
                gR[i] *= columnWeight[i] / norm
                gR[count + i] *= columnWeight[i] / norm
            }
            var gA = [Float](repeating: 0, count: 2 * count), gD = [Float](repeating: 0, count: count)
            for i in 0..<count {
                let d = energy[i] + ridge
                let (yr, yi) = (label[i], label[count + i])
                // G_A = conj(ŷ) G_R / D; dL/dD = -Re(conj(G_R) R) / D.
                gA[i] = (yr * gR[i] + yi * gR[count + i]) / d
                gA[count + i] = (yr * gR[count + i] - yi * gR[i]) / d
                gD[i] = -(gR[i] * response[i] + gR[count + i] * response[count + i]) / d
            }
            let ridgeShare = Float(training.regularization) / Float(count) * gD.reduce(0, +)
            for channel in 0..<channels {
                let p = x.offset(channel: channel, item: item), g = 2 * p
                for i in 0..<count {
                    let (xr, xi, zr, zi) = (x.real[p + i], x.imaginary[p + i], z.real[p + i], z.imaginary[p + i])
                    let (ar, ai) = (gA[i], gA[count + i])
                    let energyGradient = 2 * (gD[i] + ridgeShare)
                    // G_z = x̂ G_A; G_x = conj(G_A) ẑ + 2 (dL/dD + dL/dλ dλ/dD) x̂.
                    gradientZ[g + i] = xr * ar - xi * ai
                    gradientZ[g + count + i] = xr * ai + xi * ar
                    gradientX[g + i] = ar * zr + ai * zi + energyGradient * xr
                    gradientX[g + count + i] = ar * zi - ai * zr + energyGradient * xi
                }
            }
        }
        // Back through the windowed forward transforms: g = window ⊙ n² F⁻¹(G / w_k).
        for (spectral, output) in [(gradientX, \Evaluation.contextGradient), (gradientZ, \Evaluation.searchGradient)] {
            for plane in 0..<planes {
                var planeSpectrum = Array(spectral[(plane * 2 * count)..<((plane + 1) * 2 * count)])
                guard planeSpectrum.contains(where: { $0 != 0 }) else { continue }
                for i in 0..<count {
                    planeSpectrum[i] *= norm / columnWeight[i]
                    planeSpectrum[count + i] *= norm / columnWeight[i]
                }
                let values = inverse(planeSpectrum, transform: transform)
                for j in 0..<(n * n) { evaluation[keyPath: output].values[plane * n * n + j] = values[j] * window[j] }
            }
        }
        return evaluation
    }

    /// One plane's half spectrum, real parts then imaginary parts.
    private static func spectrum(of plane: [Float], transform: RealFourierTransform) -> [Float] {
        let count = transform.spectrumCount
        var real = [Float](repeating: 0, count: count), imaginary = real
        var scratch = [Float](repeating: 0, count: transform.scratchCount(planes: 1))
        transform.forward(plane, planes: 1, real: &real, imaginary: &imaginary, scratch: &scratch)
        return real + imaginary
    }

    /// The real plane of a half spectrum given as real parts then imaginary parts.
    private static func inverse(_ spectrum: [Float], transform: RealFourierTransform) -> [Float] {
        let count = transform.spectrumCount
        var plane = [Float](repeating: 0, count: transform.size * transform.size)
        spectrum.withUnsafeBufferPointer { s in
            plane.withUnsafeMutableBufferPointer { transform.inverse(real: s.baseAddress!, imaginary: s.baseAddress! + count, into: $0.baseAddress!) }
        }
        return plane
    }
}
