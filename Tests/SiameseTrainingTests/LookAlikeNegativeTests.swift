import Geometry
import Imaging
import XCTest

@testable import SiameseTracker
@testable import SiameseTraining

final class LookAlikeNegativeTests: XCTestCase {
    func testClipsOfOneKindAreNamedAlikeButForTheirNumbering() {
        let keys = ["car9", "Car4", "car16_2", "ADLRundle6_id11", "TUDStadtmitte_id2", "group1_3", "LaSOT_airplane_1", "DAVIS_bmx_trees", "2019"]
            .map { ClipKind(clipName: $0).key }
        XCTAssertEqual(keys, ["car", "car", "car", "adlrundle", "tudstadtmitte", "group", "lasot_airplane", "davis_bmx_trees", "2019"])
        XCTAssertNotEqual(ClipKind(clipName: "/photos/chessboard_GRAY.png"), ClipKind(clipName: "/photos/chessboard_RGB.png"))
    }

    /// Four clips of flat grey, each its own level, so a crop's middle pixel tells its clip.
    private static let levels: [(name: String, level: UInt8)] = [("car9", 40), ("Car4", 80), ("dog", 160), ("bird1", 220)]

    private static let clips: [TrainingClip] = levels.map { name, level in
        let side = TrainingConfiguration().regionSize
        var clip = TrainingClip(name: name, regionSize: side)
        for _ in 0..<2 {
            clip.append(region: RGBImage(width: side, height: side, pixels: Array(repeating: level, count: side * side * 3)), targetSize: Size(width: 40, height: 40))
        }
        return clip
    }

    /// Each negative pair of a batch as (the exemplar's grey level, the search crop's).
    private func negativeLevels(lookAlikeShare: Double?) -> [(exemplar: Int, search: Int)] {
        var training = TrainingConfiguration()
        training.negativeFraction = 1
        training.lookAlikeNegativeShare = lookAlikeShare
        training.augmentation.maximumShift = 0
        training.augmentation.maximumScaleChange = 0
        training.augmentation.greyscaleProbability = 0
        training.augmentation.maximumContrastChange = 0
        training.augmentation.maximumBrightnessOffset = 0
        let sampler = PairSampler(clips: Self.clips, totalStride: 8, training: training)
        XCTAssertEqual(sampler.clipsWithLookAlikes, 2)
        var random = SeededRandom(seed: 7)
        let batch = sampler.batch(size: 64, random: &random)
        XCTAssertTrue(batch.targets.allSatisfy { !$0.isPresent })
        return (0..<64).map { item in
            let exemplar = batch.exemplars.values[batch.exemplars.planeOffset(channel: 0, item: item) + 63 * 127 + 63]
            let search = batch.searches.values[batch.searches.planeOffset(channel: 0, item: item) + 127 * 255 + 127]
            return (Int(exemplar.rounded()), Int(search.rounded()))
        }
    }

    func testLookAlikeNegativesComeFromAClipOfTheSameKind() {
        let pairs = negativeLevels(lookAlikeShare: 1)
        XCTAssertTrue(pairs.allSatisfy { $0.exemplar != $0.search }, "a negative never comes from its own clip")
        for (exemplar, search) in pairs where exemplar == 40 || exemplar == 80 {
            XCTAssertEqual(search, 120 - exemplar, "car9's negatives come from Car4 and Car4's from car9")
        }
        XCTAssertTrue(pairs.contains { $0.exemplar == 160 }, "a clip with no kind-mate still gives negatives")
    }

    func testWithoutLookAlikesNegativesComeFromAnyOtherClip() {
        let pairs = negativeLevels(lookAlikeShare: nil)
        XCTAssertTrue(pairs.allSatisfy { $0.exemplar != $0.search })
        XCTAssertTrue(pairs.contains { $0.exemplar == 40 && $0.search != 80 }, "a car's negatives come from other kinds too")
    }
}
