import SiameseTracker

/// Deterministic random inputs for the tests of the tracker and of training.
package enum TestData {
    package static func randomMap(channels: Int, batch: Int, height: Int, width: Int, seed: UInt64, range: ClosedRange<Float> = -1...1) -> FeatureMap {
        var random = SeededRandom(seed: seed)
        let values = (0..<(channels * batch * height * width)).map { _ in
            range.lowerBound + Float(random.nextUnit()) * (range.upperBound - range.lowerBound)
        }
        return FeatureMap(channels: channels, batch: batch, height: height, width: width, values: values)
    }

    package static func randomConvolution(input: Int, output: Int, kernel: Int, stride: Int, seed: UInt64) -> Convolution {
        let weights = randomMap(channels: output * input, batch: 1, height: kernel, width: kernel, seed: seed).values
        let bias = randomMap(channels: output, batch: 1, height: 1, width: 1, seed: seed + 1).values
        return Convolution(inputChannels: input, outputChannels: output, kernelSize: kernel, stride: stride, weights: weights, bias: bias)
    }

    /// The RGB images of a 3-channel map of square planes, pixel-interleaved as the network reads them.
    package static func crops(from planes: FeatureMap) -> CropBatch {
        precondition(planes.channels == 3 && planes.height == planes.width, "square RGB planes")
        var crops = CropBatch(batch: planes.batch, side: planes.width)
        let side = planes.width
        for item in 0..<planes.batch {
            for y in 0..<side {
                for x in 0..<side {
                    for channel in 0..<3 { crops.values[((item * side + y) * side + x) * 3 + channel] = planes[channel, item, y, x] }
                }
            }
        }
        return crops
    }

    /// A network file whose batch norms have non-trivial statistics, so folding is really tested.
    package static func networkWithBatchNormStatistics(seed: UInt64) -> SafeTensors {
        var file = SafeTensors.untrainedNetwork(.compact, seed: seed)
        var random = SeededRandom(seed: seed + 100)
        for (name, tensor) in file.tensors where name.hasPrefix("bn") || name.hasSuffix(".bias") {
            let values = tensor.values.map { _ -> Float in
                let u = Float(random.nextUnit())
                return name.hasSuffix("running_var") ? 0.5 + u : (name.hasSuffix(".weight") ? 0.5 + u : u - 0.5)
            }
            file.tensors[name] = SafeTensors.Tensor(shape: tensor.shape, values: values)
        }
        return file
    }
}
