/// The layer sequence of an embedding network, as stored in a model file's metadata.
///
/// Parameters live in tensors named after each layer: `NAME.weight` and `NAME.bias` for a
/// convolution; `NAME.weight`, `NAME.bias`, `NAME.running_mean`, `NAME.running_var` for batch norm.
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
    }

    /// Layers in the order they run.
    package var layers: [Layer]

    /// Creates an architecture from its layers.
    package init(layers: [Layer]) { self.layers = layers }

    /// Our CPU network: five 3x3 convolutions (16, 24, 48, 44, 32 channels), a stride-2 first
    /// convolution and two 3x3 stride-2 max-pools: total stride 8, an 8x8 exemplar embedding,
    /// a 24x24 search embedding and a 17x17 score map, under 0.1 GFLOP per 255-pixel crop.
    package static let compact = NetworkArchitecture(layers: [
        .convolution("conv1", 3, 16, kernel: 3, stride: 2), .batchNorm("bn1"), .relu, .maxPool(kernel: 3, stride: 2),
        .convolution("conv2", 16, 24, kernel: 3), .batchNorm("bn2"), .relu, .maxPool(kernel: 3, stride: 2),
        .convolution("conv3", 24, 48, kernel: 3), .batchNorm("bn3"), .relu,
        .convolution("conv4", 48, 44, kernel: 3), .batchNorm("bn4"), .relu,
        .convolution("conv5", 44, 32, kernel: 3),
    ])

    /// The metadata key under which the architecture is stored as JSON.
    package static let metadataKey = "siamtrack.architecture"
}
