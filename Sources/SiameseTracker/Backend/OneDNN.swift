internal import COneDNN

/// Checked access to oneDNN's C API: the process-wide CPU engine, memory descriptors and
/// memory objects. oneDNN runs convolutions directly in its blocked layouts with JIT-compiled
/// kernels for the CPU at hand (AVX2, AVX-512 or AMX).
enum OneDNN {
    /// The CPU engine every primitive runs on; created once, never destroyed.
    nonisolated(unsafe) static let engine: dnnl_engine_t = {
        var engine: dnnl_engine_t?
        check(dnnl_engine_create(&engine, dnnl_cpu, 0), "create the CPU engine")
        return engine!
    }()

    /// Stops on a failed call: every call here has inputs the network has already validated,
    /// so a failure is a bug or an exhausted machine, not bad user input.
    static func check(_ status: dnnl_status_t, _ action: @autoclosure () -> String) {
        precondition(status == dnnl_success, "oneDNN could not \(action()): status \(status.rawValue)")
    }

    /// A float descriptor with oneDNN's dimension order (N, C, H, W for maps) and a format tag;
    /// `dnnl_format_tag_any` lets a primitive choose its layout.
    static func descriptor(_ dimensions: [Int], tag: dnnl_format_tag_t, type: dnnl_data_type_t = dnnl_f32) -> dnnl_memory_desc_t {
        var descriptor = dnnl_memory_desc_t()
        let dims = dimensions.map(Int64.init)
        check(dnnl_memory_desc_init_by_tag(&descriptor, Int32(dims.count), dims, type, tag), "describe \(dimensions)")
        return descriptor
    }

    /// A float descriptor of one image of a `FeatureMap` (dimensions (1, C, H, W) over
    /// channel-major storage), starting at the image's plane of the first channel.
    static func descriptor(ofImageIn shape: (channels: Int, batch: Int, height: Int, width: Int)) -> dnnl_memory_desc_t {
        var descriptor = dnnl_memory_desc_t()
        let plane = shape.height * shape.width
        let dims = [1, shape.channels, shape.height, shape.width].map(Int64.init)
        let strides = [plane, shape.batch * plane, shape.width, 1].map(Int64.init)
        check(dnnl_memory_desc_init_by_strides(&descriptor, 4, dims, dnnl_f32, strides), "describe a feature map")
        return descriptor
    }

    /// A memory object for `descriptor`: library-allocated, or without storage (`owned: false`)
    /// for buffers handed in at each run.
    static func memory(_ descriptor: dnnl_memory_desc_t, owned: Bool = true) -> dnnl_memory_t {
        var memory: dnnl_memory_t?
        var descriptor = descriptor
        check(dnnl_memory_create(&memory, &descriptor, engine, owned ? conednn_memory_allocate() : nil), "allocate memory")
        return memory!
    }

    /// The descriptor of a memory object.
    static func descriptor(of memory: dnnl_memory_t) -> dnnl_memory_desc_t {
        var descriptor: UnsafePointer<dnnl_memory_desc_t>?
        check(dnnl_memory_get_memory_desc(memory, &descriptor), "read a memory descriptor")
        return descriptor!.pointee
    }

    /// The memory descriptor a primitive descriptor chose for `query` (source, weights, destination).
    static func descriptor(_ primitive: dnnl_primitive_desc_t, _ query: dnnl_query_t) -> dnnl_memory_desc_t {
        dnnl_primitive_desc_query_md(primitive, query, 0)!.pointee
    }

    /// Whether oneDNN has a native bfloat16 convolution for this CPU: a small one is described
    /// once, and refused where only emulation (or nothing) would do.
    static let computesBFloat16: Bool = {
        var source = descriptor([1, 16, 8, 8], tag: dnnl_format_tag_any, type: dnnl_bf16)
        var weights = descriptor([16, 16, 3, 3], tag: dnnl_format_tag_any, type: dnnl_bf16)
        var bias = descriptor([16], tag: dnnl_a)
        var destination = descriptor([1, 16, 6, 6], tag: dnnl_format_tag_any, type: dnnl_bf16)
        var description = dnnl_convolution_desc_t()
        guard dnnl_convolution_forward_desc_init(
            &description, dnnl_forward_inference, dnnl_convolution_direct, &source, &weights, &bias, &destination,
            [1, 1], [0, 0], [0, 0]) == dnnl_success
        else { return false }
        var primitive: dnnl_primitive_desc_t?
        guard dnnl_primitive_desc_create(&primitive, &description, nil, engine, nil) == dnnl_success else { return false }
        defer { dnnl_primitive_desc_destroy(primitive) }
        return !isReference(primitive!)
    }()

    /// The name oneDNN gives the implementation it chose for `primitive` ("jit:avx2",
    /// "brgconv:avx512_core", "ref:any", ...); empty if it does not say.
    static func implementationName(_ primitive: dnnl_primitive_desc_t) -> String {
        var name: UnsafePointer<CChar>?
        guard dnnl_primitive_desc_query(primitive, dnnl_query_impl_info_str, 0, &name) == dnnl_success, let name else { return "" }
        return String(cString: name)
    }

    /// Whether oneDNN fell back to a reference implementation for `primitive`: "ref" ones are
    /// plain loops, tens of times slower than its JIT-compiled kernels.
    static func isReference(_ primitive: dnnl_primitive_desc_t) -> Bool {
        isReference(implementationName: implementationName(primitive))
    }

    /// Whether an implementation of that name (`implementationName`) is a reference one, or unnamed.
    static func isReference(implementationName name: String) -> Bool {
        name.isEmpty || name.contains("ref")
    }

    /// Whether bfloat16 convolutions are the faster choice here: where oneDNN multiplies with AMX's
    /// tiles. With AVX512-BF16 alone, this network's bfloat16 convolutions ran at about half the
    /// speed of float32 ones (README, "Accuracy and speed").
    static let prefersBFloat16: Bool = {
        computesBFloat16 && has(dnnl_cpu_isa_avx512_core_amx)
    }()

    /// Whether oneDNN has int8 convolution kernels here: AVX2 or later.
    static let computesInt8: Bool = has(dnnl_cpu_isa_avx2)

    /// Whether oneDNN multiplies 8-bit integers with AVX512-VNNI (or AMX) here, into 32-bit sums.
    /// Without, AVX2's byte multiply adds each pair of products into 16 bits, which saturates
    /// where both are large (`NumberFormat.inputByteMaximum`).
    static let multipliesBytesWithVNNI: Bool = has(dnnl_cpu_isa_avx512_core_vnni)

    /// Whether oneDNN's effective instruction set includes `isa`.
    private static func has(_ isa: dnnl_cpu_isa_t) -> Bool {
        dnnl_get_effective_cpu_isa().rawValue & isa.rawValue == isa.rawValue
    }
}
