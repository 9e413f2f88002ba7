internal import COneDNN

/// How an `InferencePlan`'s convolutions compute.
package enum NumberFormat: Sendable, Equatable {
    case float32
    /// bfloat16 inputs, weights and outputs, accumulated in float32.
    case bfloat16
    /// Unsigned 8-bit inputs and outputs, signed 8-bit weights scaled per output channel,
    /// accumulated in 32-bit integers. The first convolution reads the crops' bytes (the pixels'
    /// own values) and writes float32, since oneDNN pools its 16 channels faster in float32 than
    /// in bytes; the last writes float32 for the correlation. `inputMaxima` holds the largest value of each convolution's input
    /// in a float32 run (see `InferencePlan.runMeasuring`); every input after the first follows
    /// a ReLU, so none is negative.
    case int8(inputMaxima: [Float])

    /// Whether the first convolution reads bytes, so the crops must hold bytes (`CropBatch`).
    var readsBytes: Bool {
        if case .int8 = self { true } else { false }
    }

    /// Room above a measured maximum: later inputs may exceed the calibration's, and values over
    /// the range saturate. Chosen, not tuned.
    static let headroom: Float = 1.25

    /// The source, weights and destination types of convolution `index`.
    func types(ofConvolution index: Int) -> (dnnl_data_type_t, dnnl_data_type_t, dnnl_data_type_t) {
        switch self {
        case .float32: (dnnl_f32, dnnl_f32, dnnl_f32)
        case .bfloat16: (dnnl_bf16, dnnl_bf16, dnnl_bf16)
        case .int8(let maxima): (dnnl_u8, dnnl_s8, Self.writesFloats(index, of: maxima.count) ? dnnl_f32 : dnnl_u8)
        }
    }

    /// The largest input byte of a convolution after the first: 255, or 127 without VNNI, where
    /// AVX2 sums each two products of an input byte and a weight byte in 16 bits, which saturate
    /// at 32,767 (255 x 127 x 2 would not fit; 127 x 127 x 2 does).
    static var inputByteMaximum: Float { OneDNN.multipliesBytesWithVNNI ? 255 : 127 }

    /// The largest weight byte of convolution `index`: 127, but 63 for the first without VNNI,
    /// whose input bytes are the pixels' own, up to 255 (see `inputByteMaximum`).
    static func weightByteMaximum(ofConvolution index: Int) -> Float {
        index == 0 && !OneDNN.multipliesBytesWithVNNI ? 63 : 127
    }

    /// The scales of convolution `index` where it computes in int8 (nil elsewhere): its input
    /// in float32 times `inputScale` is its input bytes (1 for the first, which reads the crops'
    /// bytes); weights times `weightScales` (one per output channel) its weight bytes; `bias` its
    /// bias in the accumulator's units; and `outputScales` take the accumulator to the next
    /// convolution's input bytes, or to float32.
    func quantization(ofConvolution index: Int, weights convolution: Convolution) -> Quantization? {
        guard case .int8(let maxima) = self else { return nil }
        func byteScale(_ input: Int) -> Float {
            let range = maxima[input] * Self.headroom
            return range > 0 ? Self.inputByteMaximum / range : 1
        }
        let inputScale: Float = index == 0 ? 1 : byteScale(index)
        let outputScale: Float = Self.writesFloats(index, of: maxima.count) ? 1 : byteScale(index + 1)
        let perChannel = convolution.weights.count / convolution.outputChannels
        let weightScales = (0..<convolution.outputChannels).map { channel -> Float in
            let largest = convolution.weights[(channel * perChannel)..<((channel + 1) * perChannel)].map(abs).max() ?? 0
            return largest > 0 ? Self.weightByteMaximum(ofConvolution: index) / largest : 1
        }
        return Quantization(
            inputScale: inputScale, weightScales: weightScales,
            bias: zip(convolution.bias, weightScales).map { $0 * inputScale * $1 },
            outputScales: weightScales.map { outputScale / (inputScale * $0) })
    }

    /// Whether convolution `index` of `count` writes float32 in int8: the first, for its pooling,
    /// and the last, for the correlation.
    private static func writesFloats(_ index: Int, of count: Int) -> Bool { index == 0 || index == count - 1 }

    /// See `quantization(ofConvolution:weights:)`.
    struct Quantization {
        let inputScale: Float
        let weightScales: [Float]
        let bias: [Float]
        let outputScales: [Float]
    }
}
