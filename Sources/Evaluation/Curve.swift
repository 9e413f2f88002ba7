/// The fraction of frames that pass at each of a list of thresholds: a success, precision or
/// normalized precision curve.
package struct Curve: Codable, Hashable, Sendable {
    /// The thresholds, in increasing order.
    package let thresholds: [Double]
    /// The fraction of frames, in [0, 1], that pass at the threshold with the same index.
    package let rates: [Double]

    /// Creates a curve from matching lists of thresholds and rates.
    package init(thresholds: [Double], rates: [Double]) {
        precondition(thresholds.count == rates.count, "a curve needs one rate per threshold")
        self.thresholds = thresholds
        self.rates = rates
    }

    /// The fraction of `values` for which `passes(value, threshold)` holds, at each threshold;
    /// every rate is 0 when `values` is empty.
    package init(thresholds: [Double], values: [Double], passes: (_ value: Double, _ threshold: Double) -> Bool) {
        let count = Double(max(values.count, 1))
        self.init(
            thresholds: thresholds,
            rates: thresholds.map { threshold in
                Double(values.count(where: { passes($0, threshold) })) / count
            })
    }

    /// The mean of the rates: the area under the curve with the threshold range scaled to 1, as
    /// the OTB and LaSOT toolkits compute it.
    package var areaUnderCurve: Double {
        rates.isEmpty ? 0 : rates.reduce(0, +) / Double(rates.count)
    }

    /// The rate at `threshold`, or nil when the curve has no such threshold.
    package func rate(atThreshold threshold: Double) -> Double? {
        thresholds.firstIndex(where: { abs($0 - threshold) < 1e-9 }).map { rates[$0] }
    }

    /// The pointwise mean of curves that share their thresholds: the curve OTB plots for a
    /// dataset, each sequence weighing the same.
    package static func mean(of curves: [Curve]) -> Curve {
        guard let first = curves.first else { return Curve(thresholds: [], rates: []) }
        precondition(curves.allSatisfy { $0.thresholds == first.thresholds }, "curves must share thresholds")
        let count = Double(curves.count)
        let rates = first.thresholds.indices.map { index in
            curves.reduce(0) { $0 + $1.rates[index] } / count
        }
        return Curve(thresholds: first.thresholds, rates: rates)
    }
}
