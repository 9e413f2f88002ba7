/// The number format the embedding network computes in.
public enum NetworkPrecision: String, Sendable, Codable, CaseIterable {
    /// bfloat16 where it is the faster format (CPUs with AMX), float32 elsewhere.
    case automatic
    /// 32-bit floats throughout.
    case float32
    /// Convolutions on bfloat16 inputs and weights (8 bits of mantissa), accumulated in float32;
    /// about twice as fast on CPUs with AMX, slower than float32 on CPUs with AVX512-BF16 alone,
    /// and as accurate for tracking (MODEL.md).
    case bfloat16
    /// The search crops' convolutions on 8-bit integers (AVX512-VNNI), each layer's range taken
    /// from the first frame's exemplar embedded in float32 (`NumberFormat.int8`).
    case int8

    /// The format the exemplar is embedded in with this setting on this CPU; nil when the setting
    /// asks for a format the CPU does not compute natively.
    package var exemplarFormat: NumberFormat? {
        switch self {
        case .automatic: OneDNN.prefersBFloat16 ? .bfloat16 : .float32
        case .float32: .float32
        case .bfloat16: OneDNN.computesBFloat16 ? .bfloat16 : nil
        case .int8: OneDNN.computesInt8 ? .float32 : nil
        }
    }

    /// The format the search crops are embedded in, given the exemplar's format and the largest
    /// input of each convolution in the exemplar's float32 run.
    package func searchFormat(_ exemplarFormat: NumberFormat, convolutionInputMaxima: [Float]) -> NumberFormat {
        self == .int8 ? .int8(inputMaxima: convolutionInputMaxima) : exemplarFormat
    }

    /// What the search crops are computed in on this CPU: "float32", "bfloat16" or "int8" (nil
    /// where the CPU does not compute the setting's format).
    package var searchFormatName: String? {
        guard let format = exemplarFormat else { return nil }
        return self == .int8 ? "int8" : format == .bfloat16 ? "bfloat16" : "float32"
    }
}
