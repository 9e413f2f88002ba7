/// The number of threads the network's matrix products may use, process-wide.
package enum ComputeThreads {
    /// Sets the thread count (at least 1). The same count gives the same results run to run.
    package static func use(_ count: Int) { MatrixMultiply.setThreadCount(count) }
}
