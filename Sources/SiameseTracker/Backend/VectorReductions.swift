/// Maximum, minimum and sum of float buffers with sixteen independent lanes: a plain loop keeps
/// one running value, whose every step waits on the last (floating-point order is kept in Swift).
enum VectorReductions {
    /// Lanes per step.
    typealias Vector = SIMD16<Float>

    /// The largest value (`-infinity` for an empty buffer).
    static func maximum(_ values: UnsafeBufferPointer<Float>) -> Float {
        reduce(values, initial: -.infinity, vector: { $0.replacing(with: $1, where: $1 .> $0) }, scalar: { Swift.max($0, $1) })
            .max()
    }

    /// The smallest value (`infinity` for an empty buffer).
    static func minimum(_ values: UnsafeBufferPointer<Float>) -> Float {
        reduce(values, initial: .infinity, vector: { $0.replacing(with: $1, where: $1 .< $0) }, scalar: { Swift.min($0, $1) })
            .min()
    }

    /// The sum of `value - offset` over all values.
    static func sum(_ values: UnsafeBufferPointer<Float>, minus offset: Float) -> Float {
        reduce(values, initial: 0, vector: { $0 + ($1 - Vector(repeating: offset)) }, scalar: { $0 + ($1 - offset) }).sum()
    }

    /// The first index of the largest of `count` values given sixteen at a time by `vector(start)`
    /// (for whole vectors) and one at a time by `scalar(index)` (for the tail).
    static func firstIndexOfMaximum(count: Int, vector: (Int) -> Vector, scalar: (Int) -> Float) -> Int {
        let whole = count / Vector.scalarCount * Vector.scalarCount
        var best = Vector(repeating: -.infinity)
        for start in stride(from: 0, to: whole, by: Vector.scalarCount) {
            let values = vector(start)
            best.replace(with: values, where: values .> best)
        }
        var largest = best.max()
        for i in whole..<count { largest = Swift.max(largest, scalar(i)) }
        // The same expressions again, now looking for the first place that reaches the maximum.
        for start in stride(from: 0, to: whole, by: Vector.scalarCount) {
            let hits = vector(start) .== Vector(repeating: largest)
            if any(hits) { return start + (0..<Vector.scalarCount).first { hits[$0] }! }
        }
        return (whole..<count).first { scalar($0) == largest } ?? 0
    }

    /// Folds whole vectors with `vector`, then the tail into lane 0 with `scalar`.
    @inline(__always)
    private static func reduce(
        _ values: UnsafeBufferPointer<Float>, initial: Float, vector: (Vector, Vector) -> Vector, scalar: (Float, Float) -> Float
    ) -> Vector {
        var accumulator = Vector(repeating: initial)
        let whole = values.count / Vector.scalarCount * Vector.scalarCount
        let raw = UnsafeRawPointer(values.baseAddress!)
        for start in stride(from: 0, to: whole, by: Vector.scalarCount) {
            accumulator = vector(accumulator, raw.loadUnaligned(fromByteOffset: start * 4, as: Vector.self))
        }
        for i in whole..<values.count { accumulator[0] = scalar(accumulator[0], values[i]) }
        return accumulator
    }
}
