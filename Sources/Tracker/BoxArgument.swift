import ArgumentParser
import Geometry

/// Parses a `--box x,y,w,h` value into a box with four finite numbers and a positive size: the
/// `transform` of every box option, so a box is checked once, as it is parsed. ArgumentParser
/// puts the option and the value in front of the reason.
enum BoxArgument {
    /// The box, or a `ValidationError` saying what is wrong with the text.
    static func parse(_ text: String) throws -> Box {
        guard let box = Box(parsing: text) else { throw ValidationError("must be four numbers x,y,w,h (e.g. 10,20,64,48)") }
        guard box.isFinite else { throw ValidationError("contains NaN or infinity") }
        guard !box.isEmpty else { throw ValidationError("must have a positive width and height") }
        return box
    }
}
