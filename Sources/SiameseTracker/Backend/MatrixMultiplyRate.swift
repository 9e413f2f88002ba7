/// What this CPU sustains on a large, well-shaped matrix product with the current thread
/// count: the rate against which the network's own rate is judged (its FLOPs over this rate is
/// the floor of the embedding's time).
package enum MatrixMultiplyRate {
    /// Median GFLOP/s of `repetitions` products of two `side` x `side` float matrices.
    package static func measure(side: Int = 512, repetitions: Int = 9) -> Double {
        let a = [Float](repeating: 0.5, count: side * side), b = [Float](repeating: 0.25, count: side * side)
        var c = [Float](repeating: 0, count: side * side)
        var seconds: [Double] = []
        for _ in 0...repetitions {
            var stopwatch = Stopwatch()
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        MatrixMultiply.multiply(a.baseAddress!, b.baseAddress!, into: c.baseAddress!, m: side, n: side, k: side)
                    }
                }
            }
            seconds.append(stopwatch.lap())
        }
        // The first product pays for JIT compilation and page faults.
        let timed = seconds.dropFirst().sorted()
        return 2 * Double(side * side * side) / timed[timed.count / 2] / 1e9
    }
}
