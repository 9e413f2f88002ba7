import ArgumentParser
import Geometry

/// A `--box x,y,w,h` option value: four finite numbers with a positive width and height.
struct BoxArgument: ExpressibleByArgument {
    let box: Box

    init?(argument: String) {
        guard let box = Box(parsing: argument), box.isFinite, !box.isEmpty else { return nil }
        self.box = box
    }

    static var defaultValueDescription: String { "x,y,w,h" }
}
