import Foundation

/// The embedding network φ of SiamFC, ready for inference: batch norm folded into the
/// convolutions and ReLU fused into them, run on the CPU.
///
/// The same network (shared weights) embeds the exemplar and the search regions; it holds no
/// per-target state, so one instance can serve several targets.
public struct EmbeddingNetwork: Sendable {
    /// One step of inference.
    enum Step: Sendable {
        case convolution(Convolution, relu: Bool)
        case maxPool(MaxPool)
        case relu
    }

    let steps: [Step]
    /// The architecture the network was built from.
    package let architecture: NetworkArchitecture

    /// Builds the inference network from an architecture and its parameter tensors.
    ///
    /// - Parameter path: names the source in error messages.
    package init(architecture: NetworkArchitecture, tensors: [String: SafeTensors.Tensor], path: String) throws(ModelError) {
        func invalid(_ reason: String) -> ModelError { .invalidNetwork(path: path, reason: reason) }
        func tensor(_ name: String, shape: [Int]) throws(ModelError) -> [Float] {
            guard let found = tensors[name] else { throw invalid("missing tensor \(name)") }
            guard found.shape == shape else { throw invalid("tensor \(name) has shape \(found.shape), expected \(shape)") }
            return found.values
        }
        var steps: [Step] = []
        var channels = 3
        // Bounds that no sensible tracking network comes near, checked before anything is sized by them.
        guard architecture.layers.count <= 256 else { throw invalid("\(architecture.layers.count) layers; at most 256") }
        for layer in architecture.layers {
            for (what, value, limit) in [("kernel size", layer.kernelSize, 64), ("stride", layer.stride, 64),
                                         ("input channels", layer.inputChannels, 8192), ("output channels", layer.outputChannels, 8192)] {
                if let value, value > limit { throw invalid("a layer has \(what) \(value); at most \(limit)") }
            }
        }
        for layer in architecture.layers {
            switch layer.kind {
            case .convolution:
                guard let name = layer.name, let input = layer.inputChannels, let output = layer.outputChannels,
                    let kernel = layer.kernelSize, kernel > 0, input > 0, output > 0
                else { throw invalid("a convolution lacks its name, channels or kernel size") }
                guard input == channels else { throw invalid("\(name) expects \(input) channels but receives \(channels)") }
                let stride = layer.stride ?? 1
                guard stride > 0 else { throw invalid("\(name) has stride \(stride)") }
                steps.append(.convolution(Convolution(
                    inputChannels: input, outputChannels: output, kernelSize: kernel, stride: stride,
                    weights: try tensor(layer.tensorName(.weight), shape: [output, input, kernel, kernel]),
                    bias: try tensor(layer.tensorName(.bias), shape: [output])), relu: false))
                channels = output
            case .batchNorm:
                guard let name = layer.name else { throw invalid("a batch norm lacks its name") }
                guard case .convolution(let convolution, false)? = steps.last else {
                    throw invalid("batch norm \(name) must follow a convolution")
                }
                let norm = BatchNorm(
                    scale: try tensor(layer.tensorName(.weight), shape: [channels]),
                    shift: try tensor(layer.tensorName(.bias), shape: [channels]),
                    runningMean: try tensor(layer.tensorName(.runningMean), shape: [channels]),
                    runningVariance: try tensor(layer.tensorName(.runningVariance), shape: [channels]))
                guard norm.runningVariance.allSatisfy({ $0 >= 0 }) else { throw invalid("\(name) has a negative variance") }
                steps[steps.count - 1] = .convolution(norm.fold(into: convolution), relu: false)
            case .relu:
                if case .convolution(let convolution, false)? = steps.last {
                    steps[steps.count - 1] = .convolution(convolution, relu: true)
                } else {
                    steps.append(.relu)
                }
            case .maxPool:
                guard let kernel = layer.kernelSize, let stride = layer.stride, kernel > 0, stride > 0 else {
                    throw invalid("a max-pool lacks its kernel size or stride")
                }
                steps.append(.maxPool(MaxPool(kernelSize: kernel, stride: stride)))
            }
        }
        guard case .convolution? = steps.first else { throw invalid("the network must start with a convolution") }
        let convolutions = steps.compactMap(\.convolution)
        guard convolutions.allSatisfy({ $0.weights.allSatisfy(\.isFinite) && $0.bias.allSatisfy(\.isFinite) }) else {
            throw invalid("parameters contain NaN or infinity")
        }
        self.steps = steps
        self.architecture = architecture
        // Finite weights can still overflow (1e30 everywhere): such a model would score nan.
        let exemplarSide = TrackerConfiguration().exemplarSize
        guard outputSize(for: exemplarSide) > 0 else { throw invalid("a \(exemplarSide)-px exemplar gives no output") }
        var probe = CropBatch(batch: 1, side: exemplarSide)
        for i in probe.values.indices { probe.values[i] = Float(i * 37 % 256) }
        // On one thread: OpenMP's workers would spin on the other cores for a while after, taking
        // a core from the decoder at start-up (35 ms of CPU time with the three bundled networks).
        let finite = MatrixMultiply.withThreadCount(1) { embed(probe).values.allSatisfy(\.isFinite) }
        guard finite else { throw invalid("its outputs overflow to infinity or NaN") }
    }

    /// Loads a network from a safetensors file whose metadata holds its architecture.
    public init(contentsOf url: URL) throws(ModelError) {
        let file = try SafeTensors(contentsOf: url)
        try self.init(file: file, path: url.path)
    }

    /// Builds a network from the contents of a model file.
    package init(file: SafeTensors, path: String) throws(ModelError) {
        guard let json = file.metadata[NetworkArchitecture.metadataKey] else {
            throw .invalidNetwork(path: path, reason: "metadata has no \(NetworkArchitecture.metadataKey)")
        }
        guard let architecture = try? JSONDecoder().decode(NetworkArchitecture.self, from: Data(json.utf8)) else {
            throw .invalidNetwork(path: path, reason: "\(NetworkArchitecture.metadataKey) is not a valid layer list")
        }
        try self.init(architecture: architecture, tensors: file.tensors, path: path)
    }

    /// The network shipped with siamtrack (see MODEL.md), the first of `bundledEnsemble()`.
    public static func bundledDefault() throws(ModelError) -> EmbeddingNetwork {
        try bundled("default")
    }

    /// The networks that siamtrack tracks with unless told otherwise: `bundledDefault()` and two
    /// more trained by the same recipe from other seeds. Their score maps are averaged
    /// (`SiamFCTracker(networks:)`), which is more accurate on unseen footage than any one alone
    /// (MODEL.md) at three times the network's cost.
    ///
    /// - Throws: `ModelError` if a bundled file is missing or damaged.
    public static func bundledEnsemble() throws(ModelError) -> [EmbeddingNetwork] {
        [try bundledDefault(), try bundled("default-seed2"), try bundled("default-seed3")]
    }

    /// The bundled file `name.safetensors`.
    private static func bundled(_ name: String) throws(ModelError) -> EmbeddingNetwork {
        guard let url = Bundle.module.url(forResource: name, withExtension: "safetensors") else {
            throw .unreadable(path: "\(name).safetensors", reason: "the bundled model is missing from the installation")
        }
        return try EmbeddingNetwork(contentsOf: url)
    }

    /// `bundledEnsemble()`, read once per process.
    static let bundledEnsembleShared = Result { () throws(ModelError) in try bundledEnsemble() }

    /// Embeds a batch of crops into feature maps, computing in `format`.
    ///
    /// Compiles an `InferencePlan` for the batch's shape on each call; a tracker, which embeds
    /// many batches of one shape, keeps its plan instead.
    package func embed(_ crops: CropBatch, format: NumberFormat = .float32) -> FeatureMap {
        let plan = InferencePlan(network: self, batch: crops.batch, height: crops.side, width: crops.side, format: format)
        var output = plan.makeOutput()
        plan.run(format.readsBytes ? crops.inBytes() : crops, into: &output)
        return output
    }

    /// `embed(_:)` in float32, and the largest value of each convolution's input: what an int8
    /// plan of this network is scaled to.
    package func embedMeasuring(_ crops: CropBatch) -> (embedding: FeatureMap, convolutionInputMaxima: [Float]) {
        let plan = InferencePlan(network: self, batch: crops.batch, height: crops.side, width: crops.side)
        var output = plan.makeOutput()
        let maxima = plan.runMeasuring(crops, into: &output)
        return (output, maxima)
    }

    /// A 64-bit FNV-1a hash, in hexadecimal, of the architecture and every parameter as computed
    /// (batch norm folded), the size head's included: two networks that give the same embeddings
    /// and sizes have the same fingerprint, whatever file they came from. Batch runs record it to
    /// know what made an output.
    package var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt32) {
            for shift in stride(from: 0, to: 32, by: 8) {
                hash = (hash ^ UInt64((value >> UInt32(shift)) & 0xff)) &* 0x0000_0100_0000_01b3
            }
        }
        for byte in architecture.metadataJSON.utf8 { mix(UInt32(byte)) }
        for convolution in steps.compactMap(\.convolution) {
            for value in convolution.weights + convolution.bias { mix(value.bitPattern) }
        }
        return String(hash, radix: 16)
    }

    /// Channels of the embedding.
    package var outputChannels: Int {
        steps.compactMap(\.convolution).last?.outputChannels ?? 3
    }

    /// Side of the embedding for a square input of side `inputSize`.
    package func outputSize(for inputSize: Int) -> Int {
        steps.reduce(inputSize) { size, step in
            switch step {
            case .convolution(let convolution, _): convolution.outputSize(for: size)
            case .maxPool(let pool): pool.outputSize(for: size)
            case .relu: size
            }
        }
    }

    /// Product of all strides: input pixels per embedding cell.
    package var totalStride: Int {
        steps.reduce(1) { product, step in
            switch step {
            case .convolution(let convolution, _): product * convolution.stride
            case .maxPool(let pool): product * pool.stride
            case .relu: product
            }
        }
    }

    /// Floating-point operations of the convolutions for one square input of side `inputSize`.
    package func floatingPointOperations(inputSize: Int) -> Int {
        var size = inputSize, total = 0
        for step in steps {
            switch step {
            case .convolution(let convolution, _):
                total += convolution.floatingPointOperations(inputSize: size)
                size = convolution.outputSize(for: size)
            case .maxPool(let pool): size = pool.outputSize(for: size)
            case .relu: break
            }
        }
        return total
    }

    /// Learned numbers after folding (weights and biases of the convolutions).
    package var parameterCount: Int {
        steps.compactMap(\.convolution).reduce(0) { $0 + $1.weights.count + $1.bias.count }
    }
}

extension EmbeddingNetwork.Step {
    /// The convolution of this step, if it is one.
    var convolution: Convolution? {
        if case .convolution(let convolution, _) = self { convolution } else { nil }
    }
}
