// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "siamtrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "siamtrack", targets: ["Tracker"]),
        .library(name: "SiameseTracker", targets: ["SiameseTracker"]),
        .library(name: "Imaging", targets: ["Imaging"]),
        .library(name: "VideoIO", targets: ["VideoIO"]),
        .library(name: "Geometry", targets: ["Geometry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat libavcodec libswscale libavutil",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev", "libavutil-dev", "pkg-config"])]
        ),
        .systemLibrary(name: "COneDNN", providers: [.apt(["libdnnl-dev"])]),
        .target(name: "Geometry"),
        .target(name: "SafeFiles"),
        .target(name: "Imaging", dependencies: ["Geometry"]),
        .target(name: "Evaluation", dependencies: ["Geometry", "SafeFiles"]),
        .target(name: "VideoIO", dependencies: ["CFFmpeg", "Imaging", "SafeFiles"]),
        .target(
            name: "SiameseTracker",
            dependencies: ["Geometry", "Imaging", "COneDNN", "SafeFiles"],
            resources: [
                .copy("Resources/default.safetensors"), .copy("Resources/default-seed2.safetensors"),
                .copy("Resources/default-seed3.safetensors"),
            ]
        ),
        .target(name: "SiameseTraining", dependencies: ["SiameseTracker", "Geometry", "Imaging"]),
        .executableTarget(
            name: "Tracker",
            dependencies: [
                "Geometry", "Imaging", "VideoIO", "SiameseTracker", "SiameseTraining", "Evaluation", "SafeFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "track-in-memory", dependencies: ["SiameseTracker"], path: "Examples/TrackInMemory"),
        .testTarget(name: "GeometryTests", dependencies: ["Geometry"]),
        .testTarget(name: "SafeFilesTests", dependencies: ["SafeFiles", "TestSupport"]),
        .testTarget(name: "VideoIOTests", dependencies: ["VideoIO", "Imaging"]),
        .target(name: "TestSupport", dependencies: ["SiameseTracker"], path: "Tests/TestSupport"),
        .testTarget(name: "SiameseTrackerTests", dependencies: ["SiameseTracker", "Geometry", "Imaging", "VideoIO", "TestSupport"]),
        .testTarget(name: "SiameseTrainingTests", dependencies: ["SiameseTraining", "SiameseTracker", "Geometry", "Imaging", "VideoIO", "TestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Geometry"]),
        .testTarget(name: "TrackerTests", dependencies: ["Geometry", "Imaging", "VideoIO", "SiameseTracker", "TestSupport"]),
    ]
)
