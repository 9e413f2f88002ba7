import SiameseTracker

/// The embedding network in training form: batch norm kept separate and run on batch statistics,
/// every parameter a named tensor that the optimiser updates.
package struct TrainableNetwork: Sendable, Equatable {
    /// Layer sequence.
    package let architecture: NetworkArchitecture
    /// Parameters and batch-norm running statistics, named as in the model file.
    package var tensors: [String: SafeTensors.Tensor]

    /// A training network from a model file's contents.
    package init(file: SafeTensors, path: String) throws(ModelError) {
        // Building the inference network validates the architecture and every tensor shape.
        let network = try EmbeddingNetwork(file: file, path: path)
        architecture = network.architecture
        tensors = file.tensors
    }

    /// Names of the tensors the optimiser changes (not the running statistics).
    package var parameterNames: [String] {
        architecture.parameterTensors.filter(\.parameter.isLearned).map(\.name).sorted()
    }

    /// The model file: architecture in the metadata, every tensor.
    package var file: SafeTensors {
        SafeTensors(tensors: tensors, metadata: [NetworkArchitecture.metadataKey: architecture.metadataJSON])
    }

    /// The inference network (batch norm folded with the running statistics).
    package func inferenceNetwork() -> EmbeddingNetwork {
        try! EmbeddingNetwork(architecture: architecture, tensors: tensors, path: "training network")
    }

    /// What one training forward pass keeps for its backward pass.
    package struct Tape {
        enum Entry {
            case convolution(NetworkArchitecture.Layer, Convolution, Convolution.Saved)
            case batchNorm(NetworkArchitecture.Layer, BatchNorm, BatchNorm.Saved)
            case relu(output: FeatureMap)
            case maxPool(winners: [Int32], inputShape: FeatureMap.Shape)
        }
        var entries: [Entry] = []
    }

    /// Forward pass, returning the embedding and the tape for `backward`: in training mode, or
    /// with the running statistics in batch norm as in tracking (`batchStatistics` false; the
    /// tape then cannot go back through batch norm).
    package func forward(_ input: FeatureMap, batchStatistics: Bool = true) -> (FeatureMap, Tape) {
        var map = input, tape = Tape()
        for layer in architecture.layers {
            switch layer.kind {
            case .convolution:
                let convolution = self.convolution(layer)
                let (output, saved) = convolution.forwardSaving(map)
                tape.entries.append(.convolution(layer, convolution, saved))
                map = output
            case .batchNorm where !batchStatistics:
                map = batchNorm(layer).forward(map)
            case .batchNorm:
                let norm = batchNorm(layer)
                let (output, saved) = norm.forwardTraining(map)
                tape.entries.append(.batchNorm(layer, norm, saved))
                map = output
            case .relu:
                map.values = map.values.map { max($0, 0) }
                tape.entries.append(.relu(output: map))
            case .maxPool:
                let shape = map.shape
                let (output, winners) = MaxPool(kernelSize: layer.kernelSize!, stride: layer.stride!).forwardSaving(map)
                tape.entries.append(.maxPool(winners: winners, inputShape: shape))
                map = output
            }
        }
        return (map, tape)
    }

    /// Back-propagates `outputGradient` through the tape, adding parameter gradients into `gradients`.
    package func backward(_ outputGradient: FeatureMap, tape: Tape, into gradients: inout [String: [Float]]) {
        var gradient = outputGradient
        for (index, entry) in tape.entries.enumerated().reversed() {
            switch entry {
            case .convolution(let layer, let convolution, let saved):
                let result = convolution.backward(gradient, saved: saved, needInputGradient: index > 0)
                Self.accumulate(result.weights, into: &gradients, name: layer.tensorName(.weight))
                Self.accumulate(result.bias, into: &gradients, name: layer.tensorName(.bias))
                if let input = result.input { gradient = input }
            case .batchNorm(let layer, let norm, let saved):
                let result = norm.backward(gradient, saved: saved)
                Self.accumulate(result.scale, into: &gradients, name: layer.tensorName(.weight))
                Self.accumulate(result.shift, into: &gradients, name: layer.tensorName(.bias))
                gradient = result.input
            case .relu(let output):
                for i in gradient.values.indices where output.values[i] <= 0 { gradient.values[i] = 0 }
            case .maxPool(let winners, let shape):
                gradient = MaxPool.backward(gradient, winners: winners, inputShape: shape)
            }
        }
    }

    /// Moves the running statistics toward this tape's batch statistics (PyTorch's momentum form).
    package mutating func updateRunningStatistics(from tape: Tape, momentum: Float = 0.1) {
        for case .batchNorm(let layer, _, let saved) in tape.entries {
            blend(layer.tensorName(.runningMean), toward: saved.batchMean, momentum: momentum)
            blend(layer.tensorName(.runningVariance), toward: saved.batchVariance, momentum: momentum)
        }
    }

    private mutating func blend(_ name: String, toward values: [Float], momentum: Float) {
        for i in values.indices {
            tensors[name]!.values[i] = (1 - momentum) * tensors[name]!.values[i] + momentum * values[i]
        }
    }

    private static func accumulate(_ values: [Float], into gradients: inout [String: [Float]], name: String) {
        if gradients[name] == nil {
            gradients[name] = values
        } else {
            for i in values.indices { gradients[name]![i] += values[i] }
        }
    }

    private func convolution(_ layer: NetworkArchitecture.Layer) -> Convolution {
        Convolution(
            inputChannels: layer.inputChannels!, outputChannels: layer.outputChannels!, kernelSize: layer.kernelSize!,
            stride: layer.stride ?? 1, weights: tensors[layer.tensorName(.weight)]!.values, bias: tensors[layer.tensorName(.bias)]!.values)
    }

    private func batchNorm(_ layer: NetworkArchitecture.Layer) -> BatchNorm {
        BatchNorm(
            scale: tensors[layer.tensorName(.weight)]!.values, shift: tensors[layer.tensorName(.bias)]!.values,
            runningMean: tensors[layer.tensorName(.runningMean)]!.values,
            runningVariance: tensors[layer.tensorName(.runningVariance)]!.values)
    }
}
