import Foundation

/// The layer sequence of an embedding network, as stored in a model file's metadata.
///
/// Parameters live in tensors named after each layer (`Layer.tensorName`): `NAME.weight` and
/// `NAME.bias` for a convolution; `NAME.weight`, `NAME.bias`, `NAME.running_mean`, `NAME.running_var`
/// for batch norm. `parameterTensors` lists them all with their shapes.
package struct NetworkArchitecture: Codable, Sendable, Equatable {
    /// One layer of the sequence.
    package struct Layer: Codable, Sendable, Equatable {
        /// What the layer does.
        package enum Kind: String, Codable, Sendable {
            case convolution, batchNorm, relu, maxPool
        }
        /// What the layer does.
        package var kind: Kind
        /// Tensor name prefix (convolution and batch norm).
        package var name: String?
        /// Input channels (convolution).
        package var inputChannels: Int?
        /// Output channels (convolution).
        package var outputChannels: Int?
        /// Window side (convolution and max-pool).
        package var kernelSize: Int?
        /// Window step (convolution and max-pool).
        package var stride: Int?

        /// A valid convolution with a bias.
        package static func convolution(_ name: String, _ input: Int, _ output: Int, kernel: Int, stride: Int = 1) -> Layer {
            Layer(kind: .convolution, name: name, inputChannels: input, outputChannels: output, kernelSize: kernel, stride: stride)
        }
        /// Batch normalisation of the preceding convolution's output.
        package static func batchNorm(_ name: String) -> Layer { Layer(kind: .batchNorm, name: name) }
        /// Rectified linear unit.
        package static let relu = Layer(kind: .relu)
        /// Max pooling without padding.
        package static func maxPool(kernel: Int, stride: Int) -> Layer { Layer(kind: .maxPool, kernelSize: kernel, stride: stride) }

        /// The layer's tensors, in file order: weight and bias of a convolution; weight (scale),
        /// bias (shift), running mean and running variance of a batch norm; none otherwise.
        package var parameters: [Parameter] {
            switch kind {
            case .convolution: [.weight, .bias]
            case .batchNorm: [.weight, .bias, .runningMean, .runningVariance]
            case .relu, .maxPool: []
            }
        }

        /// The name of one of the layer's tensors in the model file: `NAME.weight` and so on.
        package func tensorName(_ parameter: Parameter) -> String { "\(name ?? "").\(parameter.rawValue)" }
    }

    /// A tensor of a layer, named by the suffix it has in model files.
    package enum Parameter: String, Sendable, CaseIterable {
        case weight
        case bias
        case runningMean = "running_mean"
        case runningVariance = "running_var"

        /// True for the tensors the optimiser changes; the running statistics follow the batches instead.
        package var isLearned: Bool { self == .weight || self == .bias }
    }

    /// One tensor the architecture needs, with its shape given the channels flowing into its layer.
    package struct ParameterTensor: Sendable, Equatable {
        /// The layer it belongs to.
        package var layer: Layer
        /// Which of the layer's tensors it is.
        package var parameter: Parameter
        /// Its shape: `[out, in, k, k]` for convolution weights, `[channels]` otherwise.
        package var shape: [Int]
        /// Its name in model files.
        package var name: String { layer.tensorName(parameter) }
    }

    /// Every tensor of every layer in order, following the channel count from the 3 of RGB.
    package var parameterTensors: [ParameterTensor] {
        var tensors: [ParameterTensor] = [], channels = 3
        for layer in layers {
            for parameter in layer.parameters {
                let shape = layer.kind == .convolution && parameter == .weight
                    ? [layer.outputChannels ?? 0, layer.inputChannels ?? 0, layer.kernelSize ?? 0, layer.kernelSize ?? 0]
                    : [layer.kind == .convolution ? layer.outputChannels ?? 0 : channels]
                tensors.append(ParameterTensor(layer: layer, parameter: parameter, shape: shape))
            }
            if layer.kind == .convolution { channels = layer.outputChannels ?? channels }
        }
        return tensors
    }

    /// Layers in the order they run.
    package var layers: [Layer]

    /// Creates an architecture from its layers.
    package init(layers: [Layer]) { self.layers = layers }

    /// Our CPU network: five 3x3 convolutions (16, 24, 48, 44, 32 channels), a stride-2 first
    /// convolution and two 3x3 stride-2 max-pools: total stride 8, an 8x8 exemplar embedding,
    /// a 24x24 search embedding and a 17x17 score map, under 0.1 GFLOP per 255-pixel crop.
    package static let compact = compact(width: 1)

    /// `compact` with every convolution's output channels multiplied by `width` (rounded; at
    /// least 1): about `width²` times the FLOPs.
    package static func compact(width: Double) -> NetworkArchitecture {
        let c = [16, 24, 48, 44, 32].map { max(Int((Double($0) * width).rounded()), 1) }
        return NetworkArchitecture(layers: [
            .convolution("conv1", 3, c[0], kernel: 3, stride: 2), .batchNorm("bn1"), .relu, .maxPool(kernel: 3, stride: 2),
            .convolution("conv2", c[0], c[1], kernel: 3), .batchNorm("bn2"), .relu, .maxPool(kernel: 3, stride: 2),
            .convolution("conv3", c[1], c[2], kernel: 3), .batchNorm("bn3"), .relu,
            .convolution("conv4", c[2], c[3], kernel: 3), .batchNorm("bn4"), .relu,
            .convolution("conv5", c[3], c[4], kernel: 3),
        ])
    }

    /// The metadata key under which the architecture is stored as JSON.
    package static let metadataKey = "siamtrack.architecture"
}
