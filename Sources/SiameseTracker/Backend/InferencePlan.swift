internal import COneDNN

/// An `EmbeddingNetwork` compiled by oneDNN for one input shape (batch, height, width).
///
/// Compiling picks each layer's kernel and blocked layout once, reorders the weights into it and
/// allocates every intermediate map, so a run allocates nothing and keeps oneDNN's layouts from
/// layer to layer; the caller's `FeatureMap`s are read and written in place. The layers are
/// compiled for one image and a run takes the batch's images one at a time: each layer's output
/// then stays in the core's cache for the next (the first convolution writes 1 MB per 255-pixel
/// crop in float32), which made tracking's embedding of three crops 10% faster than layers run on
/// the whole batch. A plan writes its buffers on every run, so one plan must not run on two
/// threads at once.
final class InferencePlan: @unchecked Sendable {
    /// Images per run.
    let batch: Int
    /// Input rows per image.
    let height: Int
    /// Input columns per image.
    let width: Int
    /// Shape of the embedding a run writes.
    let outputChannels: Int, outputHeight: Int, outputWidth: Int

    /// One primitive and the memory it reads and writes.
    private struct Operation {
        var primitive: dnnl_primitive_t
        var arguments: [dnnl_exec_arg_t]
    }

    private let stream: dnnl_stream_t
    private let operations: [Operation]
    /// Every memory object the plan created, destroyed with it.
    private let memories: [dnnl_memory_t]
    /// Views of the caller's input and output, pointed at their storage at each run.
    private let input: dnnl_memory_t
    private let output: dnnl_memory_t
    /// Each convolution's input, as the last run left it.
    private let convolutionInputs: [dnnl_memory_t]
    /// How the convolutions compute.
    let format: NumberFormat
    /// The oneDNN implementation of each primitive, in the order they run (see
    /// `OneDNN.implementationName`).
    let implementations: [String]

    /// Compiles `network` for `batch` RGB images of `height` x `width` pixels, pixel-interleaved
    /// as in a `CropBatch` (of bytes where `format` reads bytes), its convolutions computing in
    /// `format`, which the caller has checked the CPU computes.
    init(network: EmbeddingNetwork, batch: Int, height: Int, width: Int, format: NumberFormat = .float32) {
        precondition(batch > 0 && network.outputSize(for: height) > 0 && network.outputSize(for: width) > 0, "input too small")
        if case .int8(let maxima) = format {
            precondition(maxima.count == network.steps.count { if case .convolution = $0 { true } else { false } }, "one range per convolution")
        }
        var stream: dnnl_stream_t?
        OneDNN.check(dnnl_stream_create(&stream, OneDNN.engine, UInt32(dnnl_stream_default_flags.rawValue)), "create a stream")
        let inputDescriptor = OneDNN.descriptor([1, 3, height, width], tag: dnnl_nhwc, type: format.readsBytes ? dnnl_u8 : dnnl_f32)
        var builder = Builder(stream: stream!, input: inputDescriptor, height: height, width: width, format: format)
        input = builder.current
        for step in network.steps {
            switch step {
            case .convolution(let convolution, let relu): builder.append(convolution, relu: relu)
            case .maxPool(let pool): builder.append(pool)
            case .relu: builder.appendReLU()
            }
        }
        output = builder.appendOutput(batch: batch)
        self.stream = stream!
        self.batch = batch
        self.height = height
        self.width = width
        (outputChannels, outputHeight, outputWidth) = (builder.channels, builder.height, builder.width)
        operations = builder.operations
        memories = builder.memories
        convolutionInputs = builder.convolutionInputs
        self.format = format
        implementations = builder.implementations
    }

    deinit {
        for operation in operations { dnnl_primitive_destroy(operation.primitive) }
        for memory in memories { dnnl_memory_destroy(memory) }
        dnnl_stream_destroy(stream)
    }

    /// Embeds `crops` (this plan's batch and size) into `output`, which must have the plan's
    /// output shape.
    func run(_ crops: CropBatch, into output: inout FeatureMap) {
        precondition(crops.batch == batch && crops.side == height && crops.side == width, "crop shape")
        precondition(crops.holdsBytes == format.readsBytes, "crops in the plan's input type")
        if crops.holdsBytes {
            crops.bytes.withUnsafeBufferPointer { run(UnsafeRawPointer($0.baseAddress!), into: &output) }
        } else {
            crops.values.withUnsafeBufferPointer { run(UnsafeRawPointer($0.baseAddress!), into: &output) }
        }
    }

    /// `run(_:into:)` in a float32 plan, returning the largest value of each convolution's input
    /// over the batch: the ranges an int8 plan of the network is scaled to (`NumberFormat.int8`).
    func runMeasuring(_ crops: CropBatch, into output: inout FeatureMap) -> [Float] {
        precondition(format == .float32, "ranges are measured in float32")
        precondition(crops.batch == batch && crops.side == height && crops.side == width, "crop shape")
        precondition(!crops.holdsBytes, "ranges are measured on float crops")
        var maxima = [Float](repeating: 0, count: convolutionInputs.count)
        crops.values.withUnsafeBufferPointer { crops in
            run(UnsafeRawPointer(crops.baseAddress!), into: &output) {
                // Read while the image is still bound: the first convolution may read it in place.
                for (i, memory) in convolutionInputs.enumerated() {
                    var handle: UnsafeMutableRawPointer?
                    OneDNN.check(dnnl_memory_get_data_handle(memory, &handle), "read a map")
                    var descriptor = OneDNN.descriptor(of: memory)
                    let count = dnnl_memory_desc_get_size(&descriptor) / MemoryLayout<Float>.size
                    maxima[i] = max(maxima[i], UnsafeBufferPointer(start: handle!.assumingMemoryBound(to: Float.self), count: count).max() ?? 0)
                }
            }
        }
        return maxima
    }

    /// Runs the layers on each image of the batch in turn, calling `afterImage` once each image's
    /// embedding is written.
    private func run(_ input: UnsafeRawPointer, into output: inout FeatureMap, afterImage: () -> Void = {}) {
        precondition(
            output.channels == outputChannels && output.batch == batch && output.height == outputHeight && output.width == outputWidth,
            "output shape")
        let inputBytesPerImage = height * width * 3 * (format.readsBytes ? 1 : MemoryLayout<Float>.size)
        output.values.withUnsafeMutableBufferPointer { destination in
            for image in 0..<batch {
                OneDNN.check(
                    dnnl_memory_set_data_handle(self.input, UnsafeMutableRawPointer(mutating: input + image * inputBytesPerImage)),
                    "bind the input")
                // An image's embedding starts at its plane of the first channel (`FeatureMap.planeOffset`).
                OneDNN.check(
                    dnnl_memory_set_data_handle(self.output, destination.baseAddress! + image * outputHeight * outputWidth), "bind the output")
                for operation in operations {
                    operation.arguments.withUnsafeBufferPointer { arguments in
                        OneDNN.check(
                            dnnl_primitive_execute(operation.primitive, stream, Int32(arguments.count), arguments.baseAddress!),
                            "run a layer")
                    }
                }
                OneDNN.check(dnnl_stream_wait(stream), "finish a run")
                afterImage()
            }
        }
    }

    /// Appends layers for one image one by one, tracking the current map's memory and shape.
    private struct Builder {
        let stream: dnnl_stream_t
        /// Images per layer run (see the type's comment).
        let batch = 1
        /// How convolutions compute.
        let format: NumberFormat
        var channels: Int, height: Int, width: Int
        var current: dnnl_memory_t
        var operations: [Operation] = []
        var implementations: [String] = []
        var memories: [dnnl_memory_t] = []
        var convolutionInputs: [dnnl_memory_t] = []

        init(stream: dnnl_stream_t, input: dnnl_memory_desc_t, height: Int, width: Int, format: NumberFormat) {
            self.stream = stream
            self.format = format
            (channels, self.height, self.width) = (3, height, width)
            current = OneDNN.memory(input, owned: false)
            memories.append(current)
        }

        /// A convolution in the layout oneDNN prefers, with ReLU fused as a post-op.
        mutating func append(_ convolution: Convolution, relu: Bool) {
            let k = convolution.kernelSize, s = convolution.stride
            let outHeight = (height - k) / s + 1, outWidth = (width - k) / s + 1
            let quantization = format.quantization(ofConvolution: convolutionInputs.count, weights: convolution)
            let (sourceType, weightsType, destinationType) = format.types(ofConvolution: convolutionInputs.count)
            let bias = OneDNN.descriptor([convolution.outputChannels], tag: dnnl_a)
            func described(sourceTag: dnnl_format_tag_t) -> dnnl_convolution_desc_t {
                var source = OneDNN.descriptor([batch, channels, height, width], tag: sourceTag, type: sourceType)
                var weights = OneDNN.descriptor([convolution.outputChannels, channels, k, k], tag: dnnl_format_tag_any, type: weightsType)
                var bias = bias
                var destination = OneDNN.descriptor(
                    [batch, convolution.outputChannels, outHeight, outWidth], tag: dnnl_format_tag_any, type: destinationType)
                var description = dnnl_convolution_desc_t()
                OneDNN.check(
                    dnnl_convolution_forward_desc_init(
                        &description, dnnl_forward_inference, dnnl_convolution_direct, &source, &weights, &bias, &destination,
                        [Int64(s), Int64(s)], [0, 0], [0, 0]),
                    "describe a convolution")
                return description
            }
            var attributes: dnnl_primitive_attr_t?
            OneDNN.check(dnnl_primitive_attr_create(&attributes), "create attributes")
            defer { dnnl_primitive_attr_destroy(attributes) }
            if let quantization {
                OneDNN.check(
                    dnnl_primitive_attr_set_output_scales(attributes, Int64(quantization.outputScales.count), 1 << 1, quantization.outputScales),
                    "scale a convolution's output")
            }
            if relu {
                var postOps: dnnl_post_ops_t?
                OneDNN.check(dnnl_post_ops_create(&postOps), "create post-ops")
                defer { dnnl_post_ops_destroy(postOps) }
                OneDNN.check(dnnl_post_ops_append_eltwise(postOps, 1, dnnl_eltwise_relu, 0, 0), "fuse ReLU")
                OneDNN.check(dnnl_primitive_attr_set_post_ops(attributes, postOps), "attach post-ops")
            }
            // The first reads the crops as they are laid out, unless only a reference kernel reads
            // that layout on this CPU (3-channel NHWC in float32 with AVX2 alone: 100 ms a crop);
            // then it reads the layout oneDNN picks, after a reorder. Later ones read what suits them.
            var description = described(sourceTag: convolutionInputs.isEmpty ? dnnl_nhwc : dnnl_format_tag_any)
            var descriptor = primitiveDescriptor(&description, attributes)
            if OneDNN.isReference(descriptor) {
                dnnl_primitive_desc_destroy(descriptor)
                description = described(sourceTag: dnnl_format_tag_any)
                descriptor = primitiveDescriptor(&description, attributes)
            }
            defer { dnnl_primitive_desc_destroy(descriptor) }

            // A float32 map becomes bytes here; bytes from the convolution before are scaled already.
            let fromFloats = OneDNN.descriptor(of: current).data_type == dnnl_f32
            let input = conform(current, to: OneDNN.descriptor(descriptor, dnnl_query_src_md), scale: fromFloats ? quantization?.inputScale : nil)
            convolutionInputs.append(input)
            let weightsMemory = keep(OneDNN.memory(OneDNN.descriptor(descriptor, dnnl_query_weights_md)))
            load(
                convolution.weights, as: [convolution.outputChannels, channels, k, k], tag: dnnl_oihw, into: weightsMemory,
                scales: quantization?.weightScales)
            let biasMemory = keep(OneDNN.memory(bias))
            load(quantization?.bias ?? convolution.bias, as: [convolution.outputChannels], tag: dnnl_a, into: biasMemory)
            let output = keep(OneDNN.memory(OneDNN.descriptor(descriptor, dnnl_query_dst_md)))
            appendPrimitive(descriptor, [
                (DNNL_ARG_SRC_0, input), (DNNL_ARG_WEIGHTS_0, weightsMemory), (DNNL_ARG_BIAS, biasMemory), (DNNL_ARG_DST_0, output),
            ])
            current = output
            (channels, height, width) = (convolution.outputChannels, outHeight, outWidth)
        }

        /// Max pooling in the layout of the map before it.
        mutating func append(_ pool: MaxPool) {
            let k = pool.kernelSize, s = pool.stride
            let outHeight = (height - k) / s + 1, outWidth = (width - k) / s + 1
            var source = OneDNN.descriptor(of: current)
            var destination = OneDNN.descriptor([batch, channels, outHeight, outWidth], tag: dnnl_format_tag_any, type: source.data_type)
            var description = dnnl_pooling_desc_t()
            OneDNN.check(
                dnnl_pooling_forward_desc_init(
                    &description, dnnl_forward_inference, dnnl_pooling_max, &source, &destination,
                    [Int64(s), Int64(s)], [Int64(k), Int64(k)], [0, 0], [0, 0]),
                "describe a max-pool")
            appendOneInputLayer(&description)
            (height, width) = (outHeight, outWidth)
        }

        /// A ReLU that no convolution could absorb.
        mutating func appendReLU() {
            var data = OneDNN.descriptor(of: current)
            var description = dnnl_eltwise_desc_t()
            OneDNN.check(
                dnnl_eltwise_forward_desc_init(&description, dnnl_forward_inference, dnnl_eltwise_relu, &data, 0, 0),
                "describe a ReLU")
            appendOneInputLayer(&description)
        }

        /// Compiles a layer that reads only the current map, and makes its output current.
        private mutating func appendOneInputLayer(_ description: UnsafeRawPointer) {
            let descriptor = primitiveDescriptor(description, nil)
            defer { dnnl_primitive_desc_destroy(descriptor) }
            let output = keep(OneDNN.memory(OneDNN.descriptor(descriptor, dnnl_query_dst_md)))
            appendPrimitive(descriptor, [(DNNL_ARG_SRC_0, current), (DNNL_ARG_DST_0, output)])
            current = output
        }

        /// Ends the plan with a reorder into one image of a caller-provided `FeatureMap` of
        /// `batch` images; returns its view.
        mutating func appendOutput(batch: Int) -> dnnl_memory_t {
            let output = keep(OneDNN.memory(OneDNN.descriptor(ofImageIn: (channels, batch, height, width)), owned: false))
            appendReorder(from: current, to: output)
            return output
        }

        /// `memory` itself when it already has the layout `wanted`, else a reordered copy, its
        /// values multiplied by `scale` if given (into 8-bit integers).
        private mutating func conform(_ memory: dnnl_memory_t, to wanted: dnnl_memory_desc_t, scale: Float? = nil) -> dnnl_memory_t {
            var have = OneDNN.descriptor(of: memory), wanted = wanted
            if dnnl_memory_desc_equal(&have, &wanted) != 0 { return memory }
            let copy = keep(OneDNN.memory(wanted))
            appendReorder(from: memory, to: copy, scales: (scale.map { [$0] } ?? []))
            return copy
        }

        private mutating func appendReorder(from source: dnnl_memory_t, to destination: dnnl_memory_t, scales: [Float] = []) {
            let descriptor = reorderDescriptor(from: source, to: destination, scales: scales, mask: 0)
            defer { dnnl_primitive_desc_destroy(descriptor) }
            appendPrimitive(descriptor, [(DNNL_ARG_SRC_0, source), (DNNL_ARG_DST_0, destination)])
        }

        /// Copies `values` (in the plain layout `tag`) into `memory` (in any layout) once, now,
        /// each multiplied by the scale of its index along the first dimension if `scales` are given.
        private func load(_ values: [Float], as dimensions: [Int], tag: dnnl_format_tag_t, into memory: dnnl_memory_t, scales: [Float]? = nil) {
            var values = values
            values.withUnsafeMutableBufferPointer { buffer in
                var plain: dnnl_memory_t?
                var descriptor = OneDNN.descriptor(dimensions, tag: tag)
                OneDNN.check(dnnl_memory_create(&plain, &descriptor, OneDNN.engine, buffer.baseAddress!), "wrap parameters")
                defer { dnnl_memory_destroy(plain) }
                let reorder = reorderDescriptor(from: plain!, to: memory, scales: scales ?? [], mask: 1 << 0)
                defer { dnnl_primitive_desc_destroy(reorder) }
                var primitive: dnnl_primitive_t?
                OneDNN.check(dnnl_primitive_create(&primitive, reorder), "create a reorder")
                defer { dnnl_primitive_destroy(primitive) }
                let arguments = [dnnl_exec_arg_t(arg: DNNL_ARG_SRC_0, memory: plain), dnnl_exec_arg_t(arg: DNNL_ARG_DST_0, memory: memory)]
                OneDNN.check(dnnl_primitive_execute(primitive, stream, 2, arguments), "reorder parameters")
                OneDNN.check(dnnl_stream_wait(stream), "reorder parameters")
            }
        }

        /// A reorder, scaling by `scales` (one for all values with mask 0, or one per index of
        /// the dimensions in `mask`) when there are any.
        private func reorderDescriptor(
            from source: dnnl_memory_t, to destination: dnnl_memory_t, scales: [Float] = [], mask: Int32 = 0
        ) -> dnnl_primitive_desc_t {
            var from = OneDNN.descriptor(of: source), to = OneDNN.descriptor(of: destination)
            var attributes: dnnl_primitive_attr_t?
            if !scales.isEmpty {
                OneDNN.check(dnnl_primitive_attr_create(&attributes), "create attributes")
                OneDNN.check(dnnl_primitive_attr_set_output_scales(attributes, Int64(scales.count), mask, scales), "scale a reorder")
            }
            defer { if attributes != nil { dnnl_primitive_attr_destroy(attributes) } }
            var descriptor: dnnl_primitive_desc_t?
            OneDNN.check(
                dnnl_reorder_primitive_desc_create(&descriptor, &from, OneDNN.engine, &to, OneDNN.engine, attributes), "describe a reorder")
            return descriptor!
        }

        private func primitiveDescriptor(_ description: UnsafeRawPointer, _ attributes: dnnl_primitive_attr_t?) -> dnnl_primitive_desc_t {
            var descriptor: dnnl_primitive_desc_t?
            OneDNN.check(dnnl_primitive_desc_create(&descriptor, description, attributes, OneDNN.engine, nil), "compile a layer")
            return descriptor!
        }

        private mutating func appendPrimitive(_ descriptor: dnnl_primitive_desc_t, _ arguments: [(Int32, dnnl_memory_t)]) {
            var primitive: dnnl_primitive_t?
            OneDNN.check(dnnl_primitive_create(&primitive, descriptor), "create a primitive")
            implementations.append(OneDNN.implementationName(descriptor))
            operations.append(Operation(
                primitive: primitive!, arguments: arguments.map { dnnl_exec_arg_t(arg: $0.0, memory: $0.1) }))
        }

        private mutating func keep(_ memory: dnnl_memory_t) -> dnnl_memory_t {
            memories.append(memory)
            return memory
        }
    }
}

extension InferencePlan {
    /// A zero map of the shape `run` writes.
    func makeOutput() -> FeatureMap {
        FeatureMap(channels: outputChannels, batch: batch, height: outputHeight, width: outputWidth)
    }
}
