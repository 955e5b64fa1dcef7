#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver (compiler-rt's FuzzerDriver.cpp, in libclang_rt.fuzzer, which
/// ships with the Swift toolchain and is linked by `-sanitize=fuzzer`). SwiftPM gives
/// every executable a Swift entry point, so libFuzzer's `main` cannot be used; PortalFuzz's
/// entry point calls this instead. Only referenced when built with `-DFUZZING`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
