import VideoIO
import XCTest

final class FramePrefetcherTests: XCTestCase {
    func testPrefetchedFramesAreTheReadersFramesInOrder() throws {
        let direct = try Fixtures.readAll(VideoReader(path: Fixtures.path("h264.mp4")))
        let prefetcher = FramePrefetcher(try VideoReader(path: Fixtures.path("h264.mp4")), capacity: 2)
        var prefetched: [VideoFrame] = []
        while let frame = try prefetcher.nextFrame() { prefetched.append(frame) }
        XCTAssertEqual(prefetched.count, Fixtures.frameCount)
        XCTAssertEqual(prefetched.map(\.index), direct.map(\.index))
        XCTAssertEqual(prefetched.map(\.timeSeconds), direct.map(\.timeSeconds))
        XCTAssertEqual(prefetched.map(\.image), direct.map(\.image))
        XCTAssertNil(try prefetcher.nextFrame(), "the end stays the end")
    }

    func testDecodingErrorArrivesAfterTheFramesBeforeIt() throws {
        let prefetcher = FramePrefetcher(try VideoReader(path: Fixtures.path("damaged.mp4"), damagedData: .stop))
        var frames = 0
        do {
            while try prefetcher.nextFrame() != nil { frames += 1 }
            XCTFail("read \(frames) frames of a damaged file without an error")
        } catch {
            guard case .decodingFailed(_, let frameIndex, _) = error else { return XCTFail("expected decodingFailed, got \(error)") }
            XCTAssertEqual(frameIndex, frames)
        }
        XCTAssertGreaterThan(frames, 0)
        XCTAssertNil(try prefetcher.nextFrame(), "nothing follows an error")
    }

    func testDroppingAPrefetcherPartWayStopsItsThreadAndClosesTheVideo() throws {
        weak var abandonedReader: VideoReader?
        do {
            let reader = try VideoReader(path: Fixtures.path("h264.mp4"))
            abandonedReader = reader
            let prefetcher = FramePrefetcher(reader, capacity: 1)
            XCTAssertEqual(try prefetcher.nextFrame()?.index, 0)
        }
        // The decoding thread, blocked on a full queue, wakes, returns and releases the reader.
        let deadline = Date().addingTimeInterval(5)
        while abandonedReader != nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertNil(abandonedReader, "the decoding thread still holds the video 5 s after its prefetcher was dropped")
    }
}
