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

    /// Whether networks run in bfloat16 with this setting on this CPU; nil when bfloat16 was
    /// asked for and the CPU cannot compute it.
    package var usesBFloat16: Bool? {
        switch self {
        case .automatic: OneDNN.prefersBFloat16
        case .float32: false
        case .bfloat16: OneDNN.computesBFloat16 ? true : nil
        }
    }
}
