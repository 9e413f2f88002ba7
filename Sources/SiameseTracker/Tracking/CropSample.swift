/// A type a crop's values are stored in: `Float` as sampled, or `UInt8` rounded, which a network
/// computing in 8-bit integers reads without a conversion.
package protocol CropSample: Sendable, Equatable {
    /// `value` (a sample in 0...255) as stored.
    init(sample value: Float)
    /// The stored value.
    var sample: Float { get }
    /// Its level among `1 << bits` equal bins of 0...255.
    func level(bits: Int) -> Int
}

extension Float: CropSample {
    package init(sample value: Float) { self = value }
    package var sample: Float { self }
    package func level(bits: Int) -> Int { min(max(Int(self * Float(1 << bits) / 256), 0), (1 << bits) - 1) }
}

extension UInt8: CropSample {
    /// Rounds by adding 1.5 × 2²³, which leaves the integer in the float's low bits: unlike a
    /// checked conversion, it vectorises, and a crop's hot loop does it per value.
    package init(sample value: Float) {
        self = UInt8(truncatingIfNeeded: (Swift.min(Swift.max(value, 0), 255) + 0x1.8p23).bitPattern)
    }
    package var sample: Float { Float(self) }
    package func level(bits: Int) -> Int { Int(self) >> (8 - bits) }
}
