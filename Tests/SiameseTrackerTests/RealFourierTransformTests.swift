import Foundation
import XCTest

@testable import SiameseTracker

/// The matrix-product transform agrees with the textbook DFT and inverts exactly.
final class RealFourierTransformTests: XCTestCase {
    func testHalfSpectraMatchTheDirectSumForEvenAndOddSides() {
        for side in [6, 7, 24] {
            let transform = RealFourierTransform(size: side)
            var random = SeededRandom(seed: UInt64(side))
            let planes = 3
            let input = (0..<(planes * side * side)).map { _ in Float(random.nextUnit() * 2 - 1) }
            let (real, imaginary) = spectra(of: input, planes: planes, transform: transform)
            for plane in 0..<planes {
                for kx in 0..<transform.halfSize {
                    for ky in 0..<side {
                        var sumReal = 0.0, sumImaginary = 0.0
                        for y in 0..<side {
                            for x in 0..<side {
                                let angle = -2 * Double.pi * Double(ky * y + kx * x) / Double(side)
                                let value = Double(input[plane * side * side + y * side + x])
                                sumReal += value * cos(angle)
                                sumImaginary += value * sin(angle)
                            }
                        }
                        let i = plane * transform.spectrumCount + kx * side + ky
                        XCTAssertEqual(Double(real[i]), sumReal, accuracy: 1e-4, "side \(side) plane \(plane) (\(ky), \(kx))")
                        XCTAssertEqual(Double(imaginary[i]), sumImaginary, accuracy: 1e-4, "side \(side) plane \(plane) (\(ky), \(kx))")
                    }
                }
            }
        }
    }

    func testInverseRecoversThePlane() {
        for side in [6, 7, 24] {
            let transform = RealFourierTransform(size: side)
            var random = SeededRandom(seed: 7)
            let input = (0..<(side * side)).map { _ in Float(random.nextUnit() * 10 - 5) }
            let (real, imaginary) = spectra(of: input, planes: 1, transform: transform)
            var output = [Float](repeating: .nan, count: side * side)
            transform.inverse(real: real, imaginary: imaginary, into: &output)
            for i in input.indices { XCTAssertEqual(output[i], input[i], accuracy: 1e-4, "side \(side) value \(i)") }
        }
    }

    private func spectra(of input: [Float], planes: Int, transform: RealFourierTransform) -> ([Float], [Float]) {
        var real = [Float](repeating: .nan, count: planes * transform.spectrumCount), imaginary = real
        var scratch = [Float](repeating: 0, count: transform.scratchCount(planes: planes))
        transform.forward(input, planes: planes, real: &real, imaginary: &imaginary, scratch: &scratch)
        return (real, imaginary)
    }
}
