import Foundation
import SiameseTracker

/// Adam with decoupled weight decay (Loshchilov & Hutter), the optimiser of our training runs.
package struct AdamW: Sendable, Equatable {
    /// Exponential decay of the first moment.
    package var beta1: Float = 0.9
    /// Exponential decay of the second moment.
    package var beta2: Float = 0.999
    /// Added to the root of the second moment.
    package var epsilon: Float = 1e-8
    /// Decoupled weight decay, applied to convolution weights only.
    package var weightDecay: Float = 5e-4
    /// Steps taken so far.
    package private(set) var step = 0
    /// First and second moments per parameter name.
    package private(set) var firstMoments: [String: [Float]] = [:]
    package private(set) var secondMoments: [String: [Float]] = [:]

    /// A fresh optimiser.
    package init() {}

    /// Restores an optimiser's state from a checkpoint.
    package init(step: Int, firstMoments: [String: [Float]], secondMoments: [String: [Float]]) {
        self.step = step
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }

    /// Applies one update with learning rate `learningRate`.
    package mutating func update(_ network: inout TrainableNetwork, gradients: [String: [Float]], learningRate: Float) {
        step += 1
        let correction1 = 1 - Foundation.pow(beta1, Float(step)), correction2 = 1 - Foundation.pow(beta2, Float(step))
        for name in network.parameterNames {
            guard let gradient = gradients[name] else { continue }
            var m = firstMoments[name] ?? [Float](repeating: 0, count: gradient.count)
            var v = secondMoments[name] ?? [Float](repeating: 0, count: gradient.count)
            let decay = network.isConvolutionWeight(name) ? weightDecay : 0
            var values = network.tensors[name]!.values
            for i in values.indices {
                m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
                v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
                let adaptive = (m[i] / correction1) / ((v[i] / correction2).squareRoot() + epsilon)
                values[i] -= learningRate * (adaptive + decay * values[i])
            }
            network.tensors[name]!.values = values
            firstMoments[name] = m
            secondMoments[name] = v
        }
    }
}

extension TrainableNetwork {
    /// True for the weights of a convolution (decayed), false for biases and batch-norm parameters.
    func isConvolutionWeight(_ name: String) -> Bool {
        architecture.layers.contains { $0.kind == .convolution && $0.tensorName(.weight) == name }
    }
}
