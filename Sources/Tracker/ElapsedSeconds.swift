extension ContinuousClock.Instant {
    /// Seconds from this instant to now, on the monotonic clock.
    var secondsElapsed: Double {
        let (seconds, attoseconds) = duration(to: .now).components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
