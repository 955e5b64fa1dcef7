import Foundation
#if FUZZING
import CFuzzerDriver
#endif

/// The fuzz target's entry point. Built by `scripts/fuzz` with `-DFUZZING
/// -sanitize=fuzzer,address`, it hands control to libFuzzer, which calls
/// `LLVMFuzzerTestOneInput` with each input it makes; in a normal build it replays the
/// corpus once (see `CorpusReplay`), so `swift build` never needs the fuzzer runtime.
@main
enum PortalFuzz {
    /// Loaded before the first input; its failure ends the process with its reason.
    static let exercise: ContentExercise = {
        switch FixtureSite.load() {
        case .success(let fixture): return ContentExercise(fixture: fixture)
        case .failure(let error):
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
    }()

    static func main() {
        #if FUZZING
        exit(runLibFuzzer())
        #else
        exit(CorpusReplay.run(Array(CommandLine.arguments.dropFirst()), exercise: exercise))
        #endif
    }
}

#if FUZZING
/// libFuzzer's callback, under the name libFuzzer's tools expect: one input, any bytes.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    PortalFuzz.exercise.run(data)
    return 0
}

extension PortalFuzz {
    /// SwiftPM links its own `main` into an executable, so libFuzzer's `main` is not
    /// used; its driver is called instead, with the command line it would have had.
    static func runLibFuzzer() -> CInt {
        // The fixture is read now, so that its cost and coverage are not the first input's.
        _ = exercise
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, fuzzTestOneInput)
    }
}
#endif
