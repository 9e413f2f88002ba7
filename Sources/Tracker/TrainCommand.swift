import ArgumentParser
import Evaluation
import Foundation
import SafeFiles
import SiameseTracker
import SiameseTraining

/// `siamtrack train`: learns the embedding network from annotated clips.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the embedding network on Siamese pairs from annotated clips.",
        discussion: """
            Writes OUTPUT (the model), OUTPUT-stem.checkpoint.safetensors (model + optimiser, for --resume)
            and OUTPUT-stem.epochNN.safetensors after every epoch. The same seed and --threads give the same weights.
            """)

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Annotated datasets or sequences (any layout eval reads).", valueName: "dir"))
    var data: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Folders of still photos (JPEG, PNG or BMP) for synthetic pairs.", valueName: "dir"))
    var images: [String] = []

    @Option(help: "Synthetic views cut from each photo.") var viewsPerPhoto = TrainingConfiguration().photoViews.viewsPerPhoto

    @Option(
        name: [.customShort("o"), .customLong("output"), .customLong("out")],
        help: ArgumentHelp("Where to write the trained model (safetensors; --out: the old spelling).", valueName: "file"))
    var output: String

    @Option(help: "Epochs to train.") var epochs = TrainingConfiguration().epochs
    @Option(help: "Pairs drawn per epoch.") var pairsPerEpoch = TrainingConfiguration().pairsPerEpoch
    @Option(help: "Pairs per optimiser step.") var batchSize = TrainingConfiguration().batchSize
    @Option(help: "Learning rate of the first epoch (AdamW).") var learningRate = TrainingConfiguration().learningRate
    @Option(help: "Learning rate of the last epoch (exponential decay in between).") var finalLearningRate = TrainingConfiguration().finalLearningRate
    @Option(help: "Seed of initialisation, pair sampling and augmentation.") var seed: UInt64 = TrainingConfiguration().seed
    @Option(help: "Objective: logistic, contrastive or triplet.") var loss = TrainingLoss.logistic
    @Option(help: "Largest shift of the search crop against the target, in search-crop pixels.")
    var maximumShift = TrainingConfiguration().augmentation.maximumShift
    @Option(help: "Largest relative change of each crop's size (0.05: ±5%).")
    var maximumScaleChange = TrainingConfiguration().augmentation.maximumScaleChange
    @Option(help: ArgumentHelp(
        "Let the positive label fall as a Gaussian of this width (natural log) with the scale change between the crops (default: always 1).",
        valueName: "width"))
    var scaleLabelWidth: Double?
    @Option(help: ArgumentHelp(
        "Train the features through the online correlation filter too (CFNet), at this weight against the score map's loss (default: not).",
        valueName: "weight"))
    var filterWeight: Double?
    @Option(help: ArgumentHelp(
        "Take this share of the negative pairs from clips of the same kind (names alike but for a trailing number or track id), where there are any (default: none).",
        valueName: "share"))
    var lookAlikeNegatives: Double?
    @Option(help: ArgumentHelp(
        "Blur this share of the search crops along a line of random direction and length (\(Int(MotionBlur.minimumLength)) to \(Int(MotionBlur().maximumLength)) pixels) (default: none).",
        valueName: "share"))
    var motionBlur: Double?
    @Option(help: "Largest distance in frames between the two frames of a pair.")
    var maximumFrameGap = TrainingConfiguration().maximumFrameGap
    @Option(help: "Side of the region stored around the target per frame, in pixels (room for the shifts).")
    var regionSize = TrainingConfiguration().regionSize
    @Option(help: "Decay of the weight average the model files hold (0: raw weights).") var weightAveraging = TrainingConfiguration().weightAveraging
    @Option(help: "Threads for the matrix products (default 2: training's large products use both cores of a laptop).") var threads = 2

    @Option(help: ArgumentHelp("Continue the run saved in this checkpoint (its settings win).", valueName: "checkpoint"))
    var resume: String?

    @Option(help: ArgumentHelp("Start from this model instead of a fresh initialisation.", valueName: "file"))
    var initial: String?

    @Option(name: .customLong("validate"), help: ArgumentHelp("After each epoch, run one-pass evaluation on this dataset and print its mean AUC.", valueName: "dir"))
    var validationData: String?

    @OptionGroup var progress: ProgressOption

    func validate() throws {
        guard !data.isEmpty || !images.isEmpty else { throw ValidationError("give at least one --data or --images folder") }
        guard epochs > 0, pairsPerEpoch > 0, batchSize > 0, threads > 0, viewsPerPhoto > 1 else {
            throw ValidationError("--epochs, --pairs-per-epoch, --batch-size and --threads must be positive, --views-per-photo above 1")
        }
        guard maximumShift >= 0, maximumFrameGap >= 1 else { throw ValidationError("--maximum-shift must be 0 or more, --maximum-frame-gap 1 or more") }
        guard (0..<0.5).contains(maximumScaleChange) else { throw ValidationError("--maximum-scale-change must be in [0, 0.5)") }
        guard scaleLabelWidth.map({ $0 > 0 && $0.isFinite }) ?? true else { throw ValidationError("--scale-label-width must be positive") }
        let needed = Double(TrackerConfiguration().searchSize) * (1 + maximumScaleChange) + 2 * maximumShift
        guard Double(regionSize) >= needed.rounded(.down) else {
            throw ValidationError("--region-size must be at least \(Int(needed)) to hold shifted and scaled search crops")
        }
        guard (0..<1).contains(weightAveraging) else { throw ValidationError("--weight-averaging must be in [0, 1)") }
        guard learningRate > 0, finalLearningRate > 0 else { throw ValidationError("learning rates must be positive") }
        guard resume == nil || initial == nil else { throw ValidationError("--resume and --initial cannot be combined") }
        guard filterWeight.map({ $0 > 0 && $0.isFinite }) ?? true else { throw ValidationError("--filter-weight must be positive") }
        for (option, share) in [("--look-alike-negatives", lookAlikeNegatives), ("--motion-blur", motionBlur)] {
            guard share.map({ $0 > 0 && $0 <= 1 }) ?? true else { throw ValidationError("\(option) must be in (0, 1]") }
        }
        try checkPaths()
    }

    /// Refuses a model or checkpoint written over the `--initial` network or each other; the
    /// checkpoint `--resume` reads is the one the run goes on writing.
    private func checkPaths() throws {
        let files = TrainingFiles(model: output)
        var roles = FileRoles()
        roles.read(initial, as: "the --initial network \(initial ?? "")")
        roles.write(output, as: "-o \(output)")
        if resume.flatMap(FileIdentity.init(path:)) != FileIdentity(path: files.checkpoint) {
            roles.read(resume, as: "the --resume checkpoint \(resume ?? "")")
            roles.write(files.checkpoint, as: "the checkpoint \(files.checkpoint)")
        }
        for epoch in 1...max(epochs, 1) { roles.write(files.epochModel(epoch), as: "the epoch model \(files.epochModel(epoch))") }
        do {
            try roles.check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        // Unbuffered, so progress reaches a log file as it happens.
        func print(_ line: String) throws { try LineOutput.standardOutput.write(line + "\n") }
        MatrixMultiply.setThreadCount(threads)
        HeapRetention.keepFreedMemory()
        let files = TrainingFiles(model: output)
        try files.checkFolderIsWritable()
        var trainer = try makeTrainer()
        let settings = trainer.configuration
        // Log lines inside loading and epochs may fail quietly: the next summary line's write throws.
        let clips = try TrainingData.load(data, regionSize: settings.regionSize, log: { try? print($0) })
            + TrainingData.photoClips(images, configuration: settings, log: { try? print($0) })
        let sampler = PairSampler(clips: clips, totalStride: trainer.network.inferenceNetwork().totalStride, training: settings)
        guard sampler.clipCount > 0 else { throw TrainError.noUsableClips }
        if settings.lookAlikeNegativeShare != nil {
            try print("look-alike negatives: \(sampler.clipsWithLookAlikes) of \(sampler.clipCount) clips have another of their kind")
        }
        let validation = try validationData.map { try Dataset(contentsOf: $0).sequences }
        var validationConfiguration = TrackerConfiguration()
        validationConfiguration.threads = threads
        try print("training \(settings.loss.rawValue) for \(settings.epochs) epochs of \(settings.pairsPerEpoch) pairs, "
            + "seed \(settings.seed), \(threads) threads, from epoch \(trainer.completedEpochs + 1)")
        let started = ContinuousClock.now
        var epochsThisRun = 0
        let totalEpochs = settings.epochs
        let line = self.progress.line(unit: "steps")
        let firstEpoch = trainer.completedEpochs
        while !trainer.isFinished {
            var lastPrint = ContinuousClock.now
            let meanLoss = trainer.trainEpoch(sampler: sampler) { progress in
                line.update(
                    done: (progress.epoch - firstEpoch) * progress.steps + progress.step, total: (totalEpochs - firstEpoch) * progress.steps,
                    label: String(format: "epoch %d/%d loss %.4f", progress.epoch + 1, totalEpochs, progress.meanLoss))
                guard progress.step == progress.steps || lastPrint.secondsElapsed >= 30 else { return }
                lastPrint = .now
                line.clear()
                try? print(String(format: "epoch %d/%d step %d/%d loss %.4f %.1f pairs/s", progress.epoch + 1, totalEpochs,
                    progress.step, progress.steps, progress.meanLoss, progress.pairsPerSecond))
            }
            epochsThisRun += 1
            try files.save(trainer)
            var summary = String(format: "epoch %d done: loss %.4f", trainer.completedEpochs, meanLoss)
            if let validation {
                let evaluation = OnePassEvaluation(runner: SequenceRunner(networks: [trainer.averagedNetwork.inferenceNetwork()], configuration: validationConfiguration), trackerName: "epoch \(trainer.completedEpochs)")
                summary += String(format: ", validation AUC %.3f", try evaluation.report(on: validation).mean.successAUC)
            }
            let perEpoch = started.secondsElapsed / Double(epochsThisRun)
            summary += String(format: ", %.0f s/epoch, about %.0f min left", perEpoch, perEpoch * Double(settings.epochs - trainer.completedEpochs) / 60)
            line.clear()
            try print(summary)
        }
    }

    private func makeTrainer() throws -> Trainer {
        if let resume {
            return try Trainer(checkpoint: try SafeTensors(contentsOf: URL(fileURLWithPath: resume)), path: resume)
        }
        var configuration = TrainingConfiguration()
        configuration.epochs = epochs
        configuration.pairsPerEpoch = pairsPerEpoch
        configuration.batchSize = batchSize
        configuration.learningRate = learningRate
        configuration.finalLearningRate = finalLearningRate
        configuration.seed = seed
        configuration.loss = loss
        configuration.weightAveraging = weightAveraging
        configuration.photoViews.viewsPerPhoto = viewsPerPhoto
        configuration.augmentation.maximumShift = maximumShift
        configuration.augmentation.maximumScaleChange = maximumScaleChange
        configuration.scaleLabelWidth = scaleLabelWidth
        configuration.correlationFilter = filterWeight.map { weight in
            var training = FilterTraining()
            training.weight = weight
            return training
        }
        configuration.lookAlikeNegativeShare = lookAlikeNegatives
        configuration.augmentation.motionBlur = motionBlur.map { share in
            var blur = MotionBlur()
            blur.probability = share
            return blur
        }
        configuration.maximumFrameGap = maximumFrameGap
        configuration.regionSize = regionSize
        let start = try initial.map { try SafeTensors(contentsOf: URL(fileURLWithPath: $0)) } ?? .untrainedNetwork(.compact, seed: seed)
        return Trainer(network: try TrainableNetwork(file: start, path: initial ?? "initialisation"), configuration: configuration)
    }
}

extension TrainingLoss: ExpressibleByArgument {}
