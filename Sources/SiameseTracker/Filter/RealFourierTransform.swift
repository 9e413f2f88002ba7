import Foundation

/// The 2-D discrete Fourier transform of real `N x N` planes, done as two matrix products so that
/// a whole stack of feature planes is transformed at once.
///
/// A real plane's spectrum is Hermitian, so only the columns `kx = 0 ... ⌊N/2⌋` are kept. A half
/// spectrum is stored transposed, `kx`-major: `(N/2 + 1) x N` values at `kx * N + ky`, real and
/// imaginary parts in separate arrays. The convention is `X(ky, kx) = Σ x(y, x) e^(-2πi (ky y + kx x) / N)`.
package struct RealFourierTransform: Sendable {
    /// Side of the planes.
    package let size: Int
    /// Frequencies kept along x: `⌊size / 2⌋ + 1`.
    package let halfSize: Int
    /// `[cos | -sin]`, `size x 2 halfSize`: a plane's rows to their half spectra along x.
    private let halfBasis: [Float]
    /// `[cos | -sin]`, `size x 2 size`: the full transform along y.
    private let fullBasis: [Float]
    /// `cos(2π j / size)` and `sin(2π j / size)` for the inverse.
    private let cosines: [Float]
    private let sines: [Float]

    /// A transform of `size x size` planes.
    package init(size: Int) {
        precondition(size >= 1, "the transform needs planes")
        self.size = size
        halfSize = size / 2 + 1
        let angles = (0..<size).map { 2 * Double.pi * Double($0) / Double(size) }
        cosines = angles.map { Float(Foundation.cos($0)) }
        sines = angles.map { Float(Foundation.sin($0)) }
        func basis(frequencies: Int) -> [Float] {
            var values = [Float](repeating: 0, count: size * 2 * frequencies)
            for position in 0..<size {
                for frequency in 0..<frequencies {
                    let angle = angles[position * frequency % size]
                    values[position * 2 * frequencies + frequency] = Float(Foundation.cos(angle))
                    values[position * 2 * frequencies + frequencies + frequency] = Float(-Foundation.sin(angle))
                }
            }
            return values
        }
        halfBasis = basis(frequencies: halfSize)
        fullBasis = basis(frequencies: size)
    }

    /// Values in one half spectrum (of its real or its imaginary part).
    package var spectrumCount: Int { halfSize * size }

    /// Floats of scratch space that `forward` needs for `planes` planes.
    package func scratchCount(planes: Int) -> Int { planes * 8 * halfSize * size }

    /// Half spectra of the `planes` consecutive `size x size` planes at `input`; plane `p`'s goes
    /// to `real + p * spectrumCount` and `imaginary + p * spectrumCount`.
    package func forward(
        _ input: UnsafePointer<Float>, planes: Int, real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let n = size, h = halfSize
        // Along x: rows (plane, y) to [Re | Im] over kx.
        let alongX = scratch
        halfBasis.withUnsafeBufferPointer { basis in
            MatrixMultiply.multiply(input, basis.baseAddress!, into: alongX, m: planes * n, n: 2 * h, k: n)
        }
        // Each plane transposed to rows (plane, part, kx) over y.
        let transposed = scratch + planes * n * 2 * h
        for plane in 0..<planes {
            let source = alongX + plane * n * 2 * h, target = transposed + plane * 2 * h * n
            for y in 0..<n {
                for column in 0..<(2 * h) { target[column * n + y] = source[y * 2 * h + column] }
            }
        }
        // Along y: rows (plane, part, kx) to [cos-weighted | -sin-weighted] sums over ky.
        let alongY = scratch + planes * 4 * h * n
        fullBasis.withUnsafeBufferPointer { basis in
            MatrixMultiply.multiply(transposed, basis.baseAddress!, into: alongY, m: planes * 2 * h, n: 2 * n, k: n)
        }
        // (a + ib)(c - is) = (ac + bs) + i(bc - as), with c and -s the basis's two halves.
        for plane in 0..<planes {
            let rows = alongY + plane * 2 * h * 2 * n
            let realOut = real + plane * h * n, imaginaryOut = imaginary + plane * h * n
            for kx in 0..<h {
                let a = rows + kx * 2 * n, b = rows + (h + kx) * 2 * n
                for ky in 0..<n {
                    realOut[kx * n + ky] = a[ky] - b[n + ky]
                    imaginaryOut[kx * n + ky] = a[n + ky] + b[ky]
                }
            }
        }
    }

    /// The real plane (`size x size`, row-major) whose half spectrum is `real` + i `imaginary`.
    package func inverse(real: UnsafePointer<Float>, imaginary: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let n = size, h = halfSize
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * h * n) { partial in
            // Along y: q(kx, y) = Σ_ky X(kx, ky) e^(2πi ky y / n).
            let qReal = partial.baseAddress!, qImaginary = partial.baseAddress! + h * n
            for kx in 0..<h {
                for y in 0..<n {
                    var sumReal: Float = 0, sumImaginary: Float = 0
                    for ky in 0..<n {
                        let (c, s) = (cosines[ky * y % n], sines[ky * y % n])
                        let (re, im) = (real[kx * n + ky], imaginary[kx * n + ky])
                        sumReal += re * c - im * s
                        sumImaginary += re * s + im * c
                    }
                    qReal[kx * n + y] = sumReal
                    qImaginary[kx * n + y] = sumImaginary
                }
            }
            // Along x, Hermitian: the columns strictly between 0 and n/2 stand for their mirror images too.
            let norm = 1 / Float(n * n)
            for y in 0..<n {
                for x in 0..<n {
                    var sum: Float = 0
                    for kx in 0..<h {
                        let weight: Float = kx == 0 || 2 * kx == n ? 1 : 2
                        sum += weight * (qReal[kx * n + y] * cosines[kx * x % n] - qImaginary[kx * n + y] * sines[kx * x % n])
                    }
                    output[y * n + x] = sum * norm
                }
            }
        }
    }
}
