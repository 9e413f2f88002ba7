import Foundation

extension SafeTensors {
    /// A network file with He-initialised convolutions, zero biases and identity batch norms.
    ///
    /// This is the starting point of training, and a fixed random feature extractor until then.
    package static func untrainedNetwork(_ architecture: NetworkArchitecture, seed: UInt64) -> SafeTensors {
        var random = SeededRandom(seed: seed)
        var file = SafeTensors(metadata: [NetworkArchitecture.metadataKey: architecture.metadataJSON])
        for tensor in architecture.parameterTensors {
            let count = tensor.shape.reduce(1, *)
            let values: [Float]
            switch (tensor.layer.kind, tensor.parameter) {
            case (.convolution, .weight):
                let fanIn = tensor.shape.dropFirst().reduce(1, *)
                let deviation = (2.0 / Double(fanIn)).squareRoot()
                values = (0..<count).map { _ in Float(random.nextGaussian() * deviation) }
            case (_, .weight), (_, .runningVariance):
                values = [Float](repeating: 1, count: count)
            default:
                values = [Float](repeating: 0, count: count)
            }
            file.tensors[tensor.name] = Tensor(shape: tensor.shape, values: values)
        }
        return file
    }
}
