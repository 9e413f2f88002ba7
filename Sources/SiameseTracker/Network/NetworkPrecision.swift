/// The number format the embedding network computes in.
public enum NetworkPrecision: String, Sendable, Codable, CaseIterable {
    /// The fastest format this CPU computes as accurately as float32 for tracking: bfloat16 on
    /// CPUs with AMX, int8 on CPUs with AVX2 or AVX512-VNNI and no AMX, float32 elsewhere (README,
    /// "Accuracy and speed").
    case automatic
    /// 32-bit floats throughout.
    case float32
    /// Convolutions on bfloat16 inputs and weights (8 bits of mantissa), accumulated in float32;
    /// about twice as fast on CPUs with AMX, slower than float32 on CPUs with AVX512-BF16 alone,
    /// and as accurate for tracking (MODEL.md).
    case bfloat16
    /// The search crops' convolutions on 8-bit integers (AVX2 or later), each layer's range taken
    /// from the first frame's exemplar embedded in float32 (`NumberFormat.int8`); about twice as
    /// fast as float32 on CPUs with AVX512-VNNI and no AMX, 1.7 times with AVX2 alone (a bit
    /// less precise there: `NumberFormat.inputByteMaximum`), and as accurate for tracking.
    case int8

    /// The format this setting computes in on this CPU (`automatic` resolved); nil when the
    /// setting asks for a format the CPU does not compute natively.
    package var resolved: NetworkPrecision? {
        switch self {
        case .automatic: OneDNN.prefersBFloat16 ? .bfloat16 : OneDNN.computesInt8 ? .int8 : .float32
        case .float32: .float32
        case .bfloat16: OneDNN.computesBFloat16 ? .bfloat16 : nil
        case .int8: OneDNN.computesInt8 ? .int8 : nil
        }
    }

    /// The format the exemplar is embedded in with this precision once resolved (see `resolved`):
    /// float32 for int8, whose ranges that run gives.
    package var exemplarFormat: NumberFormat {
        self == .bfloat16 ? .bfloat16 : .float32
    }

    /// The format the search crops are embedded in with this precision once resolved (see
    /// `resolved`), given the largest input of each convolution in the exemplar's float32 run
    /// (used by int8 alone).
    package func searchFormat(convolutionInputMaxima: [Float]) -> NumberFormat {
        self == .int8 ? .int8(inputMaxima: convolutionInputMaxima) : exemplarFormat
    }
}
