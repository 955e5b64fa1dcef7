// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Kommuneportal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
        .library(name: "PortalBuild", targets: ["PortalBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // libcmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Snowball's stemmers from Debian (libstemmer-dev; it ships no pkg-config file).
        .systemLibrary(
            name: "CSnowball",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // glibc's malloc.h (mallopt), for the executable's memory settings (ProcessMemory).
        .systemLibrary(name: "CMalloc"),
        // Shared vocabulary: diagnostics, source locations, slugs. No dependencies.
        .target(name: "PortalCore"),
        // Markdown to safe HTML and plain text.
        .target(name: "PortalMarkdown", dependencies: ["CCmarkGFM", "PortalCore"]),
        // Stage 1: read files, split front matter, decode typed records, check their Markdown.
        .target(name: "PortalContent", dependencies: [
            "PortalCore", "PortalMarkdown", .product(name: "Yams", package: "Yams"),
        ]),
        // Stage 2+3: validate references and build the site graph.
        .target(name: "PortalGraph", dependencies: ["PortalCore", "PortalContent", "PortalMarkdown"]),
        // The search index: Danish folding, tokens, Snowball stems and the chunked index
        // files the search page loads, made from the resolved graph.
        .target(name: "PortalSearch", dependencies: ["CSnowball", "PortalCore", "PortalContent", "PortalGraph", "PortalMarkdown"]),
        // Stage 4: turn the graph into pages with the theme, plus data exports.
        .target(name: "PortalRender", dependencies: [
            "PortalCore", "PortalContent", "PortalGraph", "PortalMarkdown", "PortalSearch",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // Stage 5: write the output atomically.
        .target(name: "PortalOutput", dependencies: [
            "PortalCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The pipeline that ties the stages together; what the CLI and the tests call.
        .target(name: "PortalBuild", dependencies: [
            "PortalCore", "PortalContent", "PortalGraph", "PortalRender", "PortalOutput",
        ]),
        // The editors' preview: the long-lived site served over HTTP, rebuilt as files change.
        .target(name: "PortalServe", dependencies: [
            "PortalBuild", "PortalCore", "PortalContent", "PortalRender",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "portal", dependencies: [
            "PortalBuild", "PortalContent", "PortalOutput", "PortalServe",
            .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fuzz target over reading, front matter, records, resolution and Markdown. Built by
        // scripts/fuzz with -DFUZZING -sanitize=fuzzer,address (libFuzzer, via CFuzzerDriver);
        // in a normal build it is a plain program that replays the corpus once.
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "PortalFuzz", dependencies: [
            "CFuzzerDriver", "PortalCore", "PortalContent", "PortalGraph", "PortalMarkdown",
        ]),
        // Generators and repository paths shared by the test suites.
        .target(name: "PortalTestSupport", dependencies: [
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], path: "Tests/PortalTestSupport"),
        .testTarget(name: "PortalCoreTests", dependencies: [
            "PortalCore", .product(name: "PropertyBased", package: "swift-property-based"), "PortalTestSupport",
        ]),
        .testTarget(name: "PortalMarkdownTests", dependencies: [
            "PortalMarkdown", .product(name: "PropertyBased", package: "swift-property-based"), "PortalTestSupport",
        ]),
        .testTarget(name: "PortalContentTests", dependencies: [
            "PortalContent", "PortalMarkdown", .product(name: "PropertyBased", package: "swift-property-based"), "PortalTestSupport",
            // To read front matter as plain values when checking files against the schemas.
            .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "PortalGraphTests", dependencies: [
            "PortalGraph", "PortalContent", .product(name: "PropertyBased", package: "swift-property-based"), "PortalTestSupport",
        ]),
        .testTarget(name: "PortalSearchTests", dependencies: [
            "PortalSearch", "PortalGraph", "PortalContent", .product(name: "PropertyBased", package: "swift-property-based"), "PortalTestSupport",
        ]),
        .testTarget(name: "PortalRenderTests", dependencies: ["PortalRender", "PortalGraph", "PortalContent", "PortalTestSupport"]),
        .testTarget(name: "PortalOutputTests", dependencies: ["PortalOutput", "PortalTestSupport"]),
        // Starts the real server on a free port and talks HTTP to it (no extra client
        // library: HummingbirdTesting would bring AsyncHTTPClient and BoringSSL to build).
        .testTarget(name: "PortalServeTests", dependencies: ["PortalServe", "PortalBuild", "PortalTestSupport"]),
        .testTarget(name: "PortalBuildTests", dependencies: [
            "PortalBuild", "PortalContent", "PortalGraph", "PortalRender", "PortalMarkdown", "PortalTestSupport",
        ]),
    ]
)
