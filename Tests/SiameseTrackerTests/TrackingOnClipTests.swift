import Foundation
import Geometry
import Imaging
import SiameseTracker
import VideoIO
import XCTest

/// The tracker with the bundled network follows the target through the generated clips in
/// `clips/` (see scripts/make_clips.py), frames decoded from their videos by `VideoReader`, boxes
/// compared with their ground truth.
///
/// The first 40 frames of each clip hold its hard part and take 10 to 20 s in a debug build.
/// Thresholds are the measured values less a margin for other CPUs' float rounding.
final class TrackingOnClipTests: XCTestCase {
    private static let clips = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("clips")

    private static let frameCount = 40

    private let network = try! EmbeddingNetwork.bundledDefault()

    /// The target crosses a look-alike distractor at frame 23; a tracker that jumps to the
    /// distractor ends far from the target and drags the mean down to about 0.5.
    func testStaysOnTheTargetAcrossALookAlikeDistractorWithMeanIoUAbove0_75() throws {
        try assertStaysOnTheTargetAcrossTheDistractor(configuration: TrackerConfiguration())
    }

    /// A foreground bar covers up to half the target around frames 26 to 30 while the light dims.
    func testRecoversFromAPartialOcclusionWithMeanIoUAbove0_75() throws {
        let overlaps = try intersectionsOverUnion(clip: "occlusion-lighting")
        XCTAssertGreaterThan(mean(overlaps), 0.75, "measured 0.89")
        XCTAssertGreaterThan(try XCTUnwrap(overlaps.last), 0.6, "back on the target after the occlusion (measured 0.93)")
    }

    /// The default's format depends on the CPU (bfloat16 with AMX, int8 with AVX2 or AVX512-VNNI,
    /// float32 elsewhere); each format asked for tracks as well as the default.
    func testStaysOnTheTargetAcrossALookAlikeDistractorInFloat32Too() throws {
        var configuration = TrackerConfiguration()
        configuration.precision = .float32
        try assertStaysOnTheTargetAcrossTheDistractor(configuration: configuration)
    }

    func testStaysOnTheTargetAcrossALookAlikeDistractorInBFloat16Too() throws {
        guard NetworkPrecision.bfloat16.resolved != nil else { throw XCTSkip("this CPU does not compute bfloat16 natively") }
        var configuration = TrackerConfiguration()
        configuration.precision = .bfloat16
        try assertStaysOnTheTargetAcrossTheDistractor(configuration: configuration)
    }

    private func assertStaysOnTheTargetAcrossTheDistractor(configuration: TrackerConfiguration, line: UInt = #line) throws {
        let overlaps = try intersectionsOverUnion(clip: "distractor", configuration: configuration)
        XCTAssertGreaterThan(mean(overlaps), 0.75, "measured 0.95", line: line)
        XCTAssertGreaterThan(try XCTUnwrap(overlaps.last), 0.6, "still on the target after the crossing (measured 0.92)", line: line)
    }

    func testStaysOnTheTargetAcrossALookAlikeDistractorInInt8Too() throws {
        guard NetworkPrecision.int8.resolved != nil else { throw XCTSkip("this CPU has no int8 kernels (AVX2 or later)") }
        var configuration = TrackerConfiguration()
        configuration.precision = .int8
        try assertStaysOnTheTargetAcrossTheDistractor(configuration: configuration)
    }

    /// What makes int8 a default: on real frames its score maps are float32's to within two
    /// hundredths of the exemplar's match with itself, with the ranges the tracker takes from the
    /// exemplar.
    func testInt8ScoreMapsOnRealFramesAgreeWithFloat32s() throws {
        guard NetworkPrecision.int8.resolved != nil else { throw XCTSkip("this CPU has no int8 kernels (AVX2 or later)") }
        let folder = Self.clips.appendingPathComponent("distractor")
        let truth = try String(contentsOf: folder.appendingPathComponent("groundtruth.txt"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map { try XCTUnwrap(Box(parsing: $0)) }
        let reader = try VideoReader(path: folder.appendingPathComponent("video.mp4").path)
        var frames: [RGBImage] = []
        while frames.count <= 25, let frame = try reader.nextFrame() { frames.append(frame.image) }
        let configuration = TrackerConfiguration()
        let exemplarSide = configuration.exemplarSide(for: truth[0].size)
        var exemplarCrop = CropBatch(batch: 1, side: configuration.exemplarSize)
        frames[0].withPixelView { view in
            CropAndResize(paddingWithMeanOf: view).crop(view, center: truth[0].center, side: exemplarSide, into: &exemplarCrop, item: 0)
        }
        let (exemplar, maxima) = network.embedMeasuring(exemplarCrop)
        let energy = exemplar.values.reduce(0) { $0 + $1 * $1 }
        // Frame 25, just after the look-alike crossed the target: the search crops at the three scales.
        var crops = CropBatch(batch: 3, side: configuration.searchSize)
        frames[25].withPixelView { view in
            let side = exemplarSide * Double(configuration.searchSize) / Double(configuration.exemplarSize)
            for (item, factor) in configuration.scaleFactors.enumerated() {
                CropAndResize(paddingWithMeanOf: view).crop(view, center: truth[25].center, side: side * factor, into: &crops, item: item)
            }
        }
        let exact = CrossCorrelation.scoreMaps(exemplar: exemplar, search: network.embed(crops))
        let rounded = CrossCorrelation.scoreMaps(exemplar: exemplar, search: network.embed(crops, format: .int8(inputMaxima: maxima)))
        let largest = zip(exact.values, rounded.values).map { abs($0 - $1) }.max()! / energy
        XCTAssertLessThan(largest, 0.02, "measured 0.008 with VNNI and 0.013 with AVX2 alone, with the target's peak at 0.86")
        XCTAssertGreaterThan(largest, 0, "int8 was not used")
    }

    /// IoU with the ground truth on each of the clip's first `frameCount` frames, 1 for the first.
    private func intersectionsOverUnion(
        clip name: String, configuration: TrackerConfiguration = TrackerConfiguration(), file: StaticString = #filePath, line: UInt = #line
    ) throws -> [Double] {
        let folder = Self.clips.appendingPathComponent(name)
        let truth = try String(contentsOf: folder.appendingPathComponent("groundtruth.txt"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).prefix(Self.frameCount)
            .map { try XCTUnwrap(Box(parsing: $0), "ground-truth row \($0)", file: file, line: line) }
        let reader = try VideoReader(path: folder.appendingPathComponent("video.mp4").path)
        let first = try XCTUnwrap(try reader.nextFrame(), "\(name) has no frames", file: file, line: line)
        var tracker = try SiamFCTracker(network: network, configuration: configuration, frame: first.image, box: truth[0])
        var overlaps = [1.0]
        while overlaps.count < truth.count, let frame = try reader.nextFrame() {
            overlaps.append(tracker.update(frame: frame.image).box.intersectionOverUnion(truth[overlaps.count]))
        }
        XCTAssertEqual(overlaps.count, Self.frameCount, "\(name) is shorter than \(Self.frameCount) frames", file: file, line: line)
        return overlaps
    }

    private func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(max(values.count, 1))
    }
}
