import Foundation
import Imaging
import VideoIO
import XCTest

/// `VideoWriter`: frames written with libavcodec and read back with `VideoReader` keep their
/// count, size, times and picture, in every container with an encoder here.
final class VideoWriterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("VideoWriterTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    /// A picture whose halves differ and whose content moves with `index`.
    private func frame(_ index: Int, width: Int = 96, height: Int = 64) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                pixels[i] = x < width / 2 ? 200 : 40
                pixels[i + 1] = UInt8((x + 4 * index) % 256)
                pixels[i + 2] = UInt8(y * 3 % 256)
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    func testEveryContainerReadsBackWithItsFramesTimesAndPictures() throws {
        let times = (0..<12).map { Double($0) / 25 }
        for (name, codec) in [("a.mp4", "h264"), ("a.mkv", "h264"), ("a.webm", "vp9"), ("a.avi", "mpeg4")] {
            let path = folder.appendingPathComponent(name).path
            let writer = try VideoWriter(path: path, width: 96, height: 64, framesPerSecond: 25, threads: 1)
            for (index, time) in times.enumerated() { try writer.write(frame(index), timeSeconds: time) }
            try writer.finish()

            XCTAssertEqual(try VideoInfo(path: path).codec, codec, name)
            let reader = try VideoReader(path: path)
            var read: [VideoFrame] = []
            while let next = try reader.nextFrame() { read.append(next) }
            XCTAssertEqual(read.count, times.count, name)
            for (got, time) in zip(read, times) {
                XCTAssertEqual(got.timeSeconds, time, accuracy: 1e-3, "\(name) frame \(got.index)")
                XCTAssertEqual(got.image.width, 96)
                XCTAssertEqual(got.image.height, 64)
                let expected = frame(got.index).pixels
                let error = zip(got.image.pixels, expected).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
                XCTAssertLessThan(Double(error) / Double(expected.count), 8, "\(name) frame \(got.index): mean error per channel")
            }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [name], "no partial file left")
            try FileManager.default.removeItem(atPath: path)
        }
    }

    func testOddSizesLoseTheirLastColumnAndRowIn420() throws {
        let writer = try VideoWriter(path: folder.appendingPathComponent("odd.mp4").path, width: 95, height: 63, framesPerSecond: 25)

        XCTAssertEqual([writer.width, writer.height], [94, 62])
        try writer.write(frame(0, width: 95, height: 63), timeSeconds: 0)
        try writer.finish()
    }

    func testAnUnfinishedVideoLeavesNothingAndTheOldFileStaysUntilTheNewOneIsComplete() throws {
        let path = folder.appendingPathComponent("kept.mp4").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))

        var writer: VideoWriter? = try VideoWriter(path: path, width: 96, height: 64, framesPerSecond: 25)
        try writer!.write(frame(0), timeSeconds: 0)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old", "replaced only by finish()")
        writer = nil

        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["kept.mp4"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
    }

    func testBadPathsAreRefusedWithTheirReason() throws {
        func failure(_ path: String) -> VideoWriterError? {
            do {
                _ = try VideoWriter(path: path, width: 96, height: 64, framesPerSecond: 25)
                return nil
            } catch { return error }
        }
        let unknown = folder.appendingPathComponent("a.unknownext").path
        XCTAssertEqual(failure(unknown), .unknownContainer(path: unknown))
        let single = folder.appendingPathComponent("a.png").path
        XCTAssertEqual(failure(single), .needsFramePattern(path: single))
        let missingFolder = folder.appendingPathComponent("missing/a.mp4").path
        guard case .cannotWrite(missingFolder, _) = failure(missingFolder) else { return XCTFail("\(String(describing: failure(missingFolder)))") }
        let pipe = folder.appendingPathComponent("pipe.mp4").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        XCTAssertEqual(failure(pipe), .notARegularFile(path: pipe), "a pipe is never written into or replaced")
    }
}
