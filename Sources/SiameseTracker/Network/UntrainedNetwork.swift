import Foundation

extension SafeTensors {
    /// A network file with He-initialised convolutions, zero biases and identity batch norms.
    ///
    /// This is the starting point of training, and a fixed random feature extractor until then.
    package static func untrainedNetwork(_ architecture: NetworkArchitecture, seed: UInt64) -> SafeTensors {
        var random = SeededRandom(seed: seed)
        var file = SafeTensors(metadata: [NetworkArchitecture.metadataKey: architecture.jsonString])
        var channels = 3
        for layer in architecture.layers {
            guard let name = layer.name else { continue }
            switch layer.kind {
            case .convolution:
                let (input, output, kernel) = (layer.inputChannels!, layer.outputChannels!, layer.kernelSize!)
                let deviation = (2.0 / Double(input * kernel * kernel)).squareRoot()
                let weights = (0..<(output * input * kernel * kernel)).map { _ in Float(random.nextGaussian() * deviation) }
                file.tensors["\(name).weight"] = Tensor(shape: [output, input, kernel, kernel], values: weights)
                file.tensors["\(name).bias"] = Tensor(shape: [output], values: [Float](repeating: 0, count: output))
                channels = output
            case .batchNorm:
                let ones = [Float](repeating: 1, count: channels), zeros = [Float](repeating: 0, count: channels)
                file.tensors["\(name).weight"] = Tensor(shape: [channels], values: ones)
                file.tensors["\(name).bias"] = Tensor(shape: [channels], values: zeros)
                file.tensors["\(name).running_mean"] = Tensor(shape: [channels], values: zeros)
                file.tensors["\(name).running_var"] = Tensor(shape: [channels], values: ones)
            case .relu, .maxPool:
                break
            }
        }
        return file
    }
}

extension NetworkArchitecture {
    /// The architecture as the JSON stored in model metadata.
    package var jsonString: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
