// swift-tools-version:6.0
// Dossier: declarative report specs → PDF briefing reports and slide-ready charts, rendered through Cairo.
//
// Targets are split by pipeline stage; dependencies point one way:
// Geometry (display list) → Model → Spec → Charts / Layout → RenderCairo → DossierKit (facade) → dossier (CLI).
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["DossierCLI"]),
        .executable(name: "dossier-bench", targets: ["DossierBench"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        .target(name: "CPNG", linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("z")]),
        .target(name: "Geometry"),
        .target(name: "Model", dependencies: ["Geometry"]),
        .target(name: "Spec", dependencies: ["Model", "Geometry", "Yams"]),
        .target(name: "Charts", dependencies: ["Geometry", "Model"]),
        .target(name: "Layout", dependencies: ["Geometry", "Model", "Charts"]),
        .target(name: "RenderCairo", dependencies: ["Geometry", "CCairo", "CPNG"]),
        .target(name: "DossierKit", dependencies: ["Geometry", "Model", "Spec", "Charts", "Layout", "RenderCairo"]),
        // `dossier serve`: the resident HTTP render service on Hummingbird.
        .target(
            name: "DossierServer",
            dependencies: ["DossierKit", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "DossierCLI",
            dependencies: ["DossierKit", "DossierServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "DossierBench", dependencies: ["DossierKit"]),
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "GeometryTests", dependencies: ["Geometry"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Spec", "Geometry", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Geometry", "Model", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Charts", "Geometry", "Model", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "RenderCairoTests", dependencies: ["RenderCairo", "Geometry", "TestSupport"]),
        // Compiled against the DossierKit product alone: the README's library example.
        .testTarget(name: "LibraryExampleTests", dependencies: ["DossierKit"]),
        .testTarget(
            name: "DossierServerTests",
            dependencies: ["DossierServer", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .testTarget(name: "DossierKitTests", dependencies: ["DossierKit", "Spec", "Model", "Geometry", "Layout", "Charts", "TestSupport"]),
    ]
)
