import ArgumentParser
import SiameseTracker

/// The tracker's settings as options, shared by track, eval and bench (SiamFC's defaults: the paper's).
struct TrackerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Threads for the network and for the video decoder (1...\(TrackerConfiguration.maximumThreads)).", valueName: "n"))
    var threads = TrackerConfiguration().threads

    @Option(help: "Number format of the network: automatic (the fastest this CPU computes as accurately: bfloat16 with AMX, int8 with AVX2 or AVX512-VNNI, float32 elsewhere), float32, bfloat16, or int8 (the search crops on 8-bit integers; AVX2 or later).")
    var precision = TrackerConfiguration().precision

    @Option(help: "Search scales per frame: 1, 3 or 5 (fewer is faster, blind to size changes with 1).")
    var scales = TrackerConfiguration().scaleCount

    @Option(help: ArgumentHelp("Ratio between neighbouring search scales.", visibility: .hidden))
    var scaleStep = TrackerConfiguration().scaleStep

    @Option(help: ArgumentHelp("Factor on the peaks of the changed scales.", visibility: .hidden))
    var scalePenalty = TrackerConfiguration().scalePenalty

    @Option(help: ArgumentHelp("How far the size follows the winning scale each frame (0...1).", visibility: .hidden))
    var scaleDamping = TrackerConfiguration().scaleDamping

    @Option(help: "Side of each search crop in pixels: larger follows faster motion, at more cost (255: SiamFC's).")
    var searchSize = TrackerConfiguration().searchSize

    @Option(help: ArgumentHelp("Weight of the cosine window against the score map (0...1).", visibility: .hidden))
    var windowInfluence = TrackerConfiguration().windowInfluence

    @Option(help: ArgumentHelp("Weight of the online correlation filter against the first frame's exemplar (0: plain SiamFC, 1: filter only).", visibility: .hidden))
    var filterInfluence = TrackerConfiguration().filterInfluence

    @Option(help: ArgumentHelp("Share of each new frame in the correlation filter's model (0...1).", visibility: .hidden))
    var filterLearningRate = TrackerConfiguration().filterLearningRate

    @Option(help: ArgumentHelp("The correlation filter's regularisation, relative to the first frame's mean energy.", visibility: .hidden))
    var filterRegularization = TrackerConfiguration().filterRegularization

    @Option(help: ArgumentHelp("Width of the correlation filter's Gaussian label, relative to the target's size.", visibility: .hidden))
    var filterLabelSigma = TrackerConfiguration().filterLabelSigma

    @Option(help: "Weight of the online colour model (colour histograms of target and surroundings; 0: off).")
    var colourInfluence = TrackerConfiguration().colourInfluence

    @Option(help: ArgumentHelp("Share of each new frame in the colour model's histograms (0...1).", visibility: .hidden))
    var colourLearningRate = TrackerConfiguration().colourLearningRate

    @Option(help: "Confidence under which the target is judged absent: the box stays, nothing learns (0: never judged absent).")
    var absentBelow = TrackerConfiguration().absentBelow

    @Option(help: ArgumentHelp("Share of the usual confidence (its running mean while the target is present) under which the target is judged absent too (0: --absent-below alone).", visibility: .hidden))
    var absentBelowUsual = TrackerConfiguration().absentBelowUsual

    @Option(help: ArgumentHelp("Share of the recent confidence under which a sudden drop holds the usual confidence until the target matches at the present level again (0: never held).", visibility: .hidden))
    var usualHeldBelow = TrackerConfiguration().usualHeldBelow

    @Option(help: ArgumentHelp("Frames in a row under the absence level before the target is judged absent.", visibility: .hidden))
    var absentAfterFrames = TrackerConfiguration().absentAfterFrames

    @Option(help: ArgumentHelp("Confidence a candidate elsewhere in the frame needs to become the target (found again, or taking over from a doubtful match).", visibility: .hidden))
    var presentAbove = TrackerConfiguration().presentAbove

    @Option(help: ArgumentHelp("Share of the usual confidence enough to be found again, where it is under --present-above (0: --present-above alone).", visibility: .hidden))
    var presentAboveUsual = TrackerConfiguration().presentAboveUsual

    @Option(help: ArgumentHelp("Running mean of the confidence under which a target still followed is in doubt: nothing learns and the whole frame is searched too (0: never).", visibility: .hidden))
    var widerSearchBelow = TrackerConfiguration().widerSearchBelow

    @Option(help: ArgumentHelp("Share of the usual confidence enough for a candidate elsewhere to take over from a doubtful match after an unconfirmed return, where it is under --present-above (0: --present-above alone).", visibility: .hidden))
    var takeoverAboveUsual = TrackerConfiguration().takeoverAboveUsual

    @Option(help: ArgumentHelp("Share of the usual confidence a target found again must reach for its return to be confirmed.", visibility: .hidden))
    var confirmedAboveUsual = TrackerConfiguration().confirmedAboveUsual

    @Flag(inversion: .prefixedNo, help: "Search the whole frame while the target is judged absent or in doubt.")
    var redetection = TrackerConfiguration().redetects

    @Option(help: ArgumentHelp("Match with the target over which something elsewhere in the frame is remembered as a look-alike, which re-detection then passes over (0: no sweeps for them).", visibility: .hidden))
    var lookAlikeAbove = TrackerConfiguration().lookAlikeAbove

    @Option(help: ArgumentHelp("Frames between steps of the sweep for look-alikes while the target is tracked.", visibility: .hidden))
    var lookAlikeSweepPeriod = TrackerConfiguration().lookAlikeSweepPeriod

    @Option(help: ArgumentHelp("Frames after the target is judged absent during which what the whole-frame search finds is taken for a look-alike.", visibility: .hidden))
    var lookAlikeFramesAfterLoss = TrackerConfiguration().lookAlikeFramesAfterLoss

    func validate() throws {
        guard (1...TrackerConfiguration.maximumThreads).contains(threads) else {
            throw ValidationError("--threads must lie in 1...\(TrackerConfiguration.maximumThreads)")
        }
        guard (TrackerConfiguration().exemplarSize + 8...1023).contains(searchSize) else {
            throw ValidationError("--search-size must lie in \(TrackerConfiguration().exemplarSize + 8)...1023")
        }
        guard [filterInfluence, filterLearningRate, colourInfluence, colourLearningRate].allSatisfy({ (0...1).contains($0) }) else {
            throw ValidationError("--filter-influence, --filter-learning-rate, --colour-influence and --colour-learning-rate must lie in [0, 1]")
        }
        guard filterRegularization > 0, filterRegularization.isFinite, filterLabelSigma > 0, filterLabelSigma.isFinite else {
            throw ValidationError("--filter-regularization and --filter-label-sigma must be positive")
        }
        guard [absentBelow, presentAbove, widerSearchBelow].allSatisfy({ (0...1).contains($0) }), presentAbove >= max(absentBelow, widerSearchBelow),
            (1...10_000).contains(absentAfterFrames)
        else {
            throw ValidationError(
                "--absent-below, --present-above and --wider-search-below must lie in [0, 1], --present-above at least the other two, --absent-after-frames in 1...10000")
        }
        guard (0...1).contains(absentBelowUsual), (0...1).contains(presentAboveUsual), presentAboveUsual == 0 || presentAboveUsual >= absentBelowUsual,
            (0...1).contains(usualHeldBelow), (0...1).contains(takeoverAboveUsual), (0...1).contains(confirmedAboveUsual)
        else {
            throw ValidationError(
                "--absent-below-usual, --present-above-usual, --usual-held-below, --takeover-above-usual and --confirmed-above-usual must lie in [0, 1], --present-above-usual 0 or at least --absent-below-usual")
        }
        guard (0...1).contains(lookAlikeAbove), (1...10_000).contains(lookAlikeSweepPeriod), (0...10_000).contains(lookAlikeFramesAfterLoss) else {
            throw ValidationError(
                "--look-alike-above must lie in [0, 1], --look-alike-sweep-period in 1...10000 and --look-alike-frames-after-loss in 0...10000")
        }
        guard [1, 3, 5].contains(scales) else { throw ValidationError("--scales must be 1, 3 or 5") }
        guard scaleStep > 1, scaleStep <= 2, scalePenalty > 0, scalePenalty <= 1 else {
            throw ValidationError("--scale-step must lie in (1, 2] and --scale-penalty in (0, 1]")
        }
        guard (0...1).contains(scaleDamping), (0...1).contains(windowInfluence) else {
            throw ValidationError("--scale-damping and --window-influence must lie in [0, 1]")
        }
    }

    /// The configuration these options describe.
    var configuration: TrackerConfiguration {
        var configuration = TrackerConfiguration()
        configuration.threads = threads
        configuration.precision = precision
        configuration.scaleCount = scales
        configuration.scaleStep = scaleStep
        configuration.scalePenalty = scalePenalty
        configuration.scaleDamping = scaleDamping
        configuration.windowInfluence = windowInfluence
        configuration.searchSize = searchSize
        configuration.filterInfluence = filterInfluence
        configuration.filterLearningRate = filterLearningRate
        configuration.filterRegularization = filterRegularization
        configuration.filterLabelSigma = filterLabelSigma
        configuration.colourInfluence = colourInfluence
        configuration.colourLearningRate = colourLearningRate
        configuration.absentBelow = absentBelow
        configuration.absentAfterFrames = absentAfterFrames
        configuration.absentBelowUsual = absentBelowUsual
        configuration.usualHeldBelow = usualHeldBelow
        configuration.presentAbove = presentAbove
        configuration.presentAboveUsual = presentAboveUsual
        configuration.widerSearchBelow = widerSearchBelow
        configuration.takeoverAboveUsual = takeoverAboveUsual
        configuration.confirmedAboveUsual = confirmedAboveUsual
        configuration.redetects = redetection
        configuration.lookAlikeAbove = lookAlikeAbove
        configuration.lookAlikeSweepPeriod = lookAlikeSweepPeriod
        configuration.lookAlikeFramesAfterLoss = lookAlikeFramesAfterLoss
        return configuration
    }
}

extension NetworkPrecision: ExpressibleByArgument {}
