import Foundation
import SiameseTracker
import SiameseTraining

/// The files a training run writes after each epoch, named after the model path.
struct TrainingFiles {
    let model: String

    /// `NAME.checkpoint.safetensors` beside `NAME.safetensors`.
    var checkpoint: String { stem + ".checkpoint.safetensors" }

    /// `NAME.epochNN.safetensors`: the model after epoch `epoch`, kept for choosing the best.
    func epochModel(_ epoch: Int) -> String { stem + String(format: ".epoch%02d.safetensors", epoch) }

    /// Throws unless the model's folder exists and can be written, so a run fails before its
    /// first epoch rather than after it.
    func checkFolderIsWritable() throws {
        let folder = URL(fileURLWithPath: model).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.isWritableFile(atPath: folder)
        else { throw TrainError.unwritableOutputFolder(folder) }
    }

    private var stem: String { model.hasSuffix(".safetensors") ? String(model.dropLast(".safetensors".count)) : model }

    /// Writes the model (the averaged weights, with the run's settings in its metadata), the
    /// epoch's copy and the checkpoint.
    func save(_ trainer: Trainer) throws {
        var file = trainer.averagedNetwork.file
        file.metadata[TrainingConfiguration.metadataKey] = trainer.configuration.metadataJSON
        try file.write(to: URL(fileURLWithPath: model))
        try file.write(to: URL(fileURLWithPath: epochModel(trainer.completedEpochs)))
        try trainer.checkpoint.write(to: URL(fileURLWithPath: checkpoint))
    }
}
