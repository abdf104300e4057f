import Foundation
import FuzzSupport
import LotsCore

/// JPEG/PNG/EXIF reader: malformed files are errors, never crashes or runaway loops.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? ImageInspector.inspect(Data(bytes: data, count: size), name: "fuzz")
    return 0
}

// SwiftPM links an executable's entry point as `FuzzImage_main`; libFuzzer's driver takes over from there.
@_cdecl("FuzzImage_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
