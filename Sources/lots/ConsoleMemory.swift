import Foundation

/// glibc's heap, kept small in a long-lived console (500 of them share a host).
///
/// The log-in's Argon2id allocates 19 MiB; glibc then raises its mmap and trim thresholds to match, so every later
/// freed block stays in the process for good. Fixed thresholds keep big blocks in mmap and let the heap shrink, and
/// `malloc_trim` hands back what a one-off job (the log-in, reading the catalog) left free.
enum ConsoleMemory {
    /// Call once at start, before anything large is allocated.
    static func configure() {
        guard let mallopt = symbol("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self) else { return }
        _ = mallopt(-3, 128 * 1024)  // M_MMAP_THRESHOLD (malloc.h, which the Glibc module does not import)
        _ = mallopt(-1, 256 * 1024)  // M_TRIM_THRESHOLD
    }

    /// Returns free heap pages to the system.
    static func giveBack() {
        _ = symbol("malloc_trim", as: (@convention(c) (Int) -> Int32).self)?(0)
    }

    /// A C function of the C library by name; nil where there is none (not glibc).
    static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        #if os(Linux)
        guard let p = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(p, to: type)
        #else
        return nil
        #endif
    }
}
