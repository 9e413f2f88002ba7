import Foundation

/// `value` with exactly `decimals` digits after the decimal point, as in plot labels.
func formatted(_ value: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}
