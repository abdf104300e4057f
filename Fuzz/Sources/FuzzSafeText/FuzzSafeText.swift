import Foundation
import FuzzSupport
import LotsCore

/// SafeText: whatever comes in, nothing that steers a terminal may come out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let safe = SafeText.sanitize(text)
    for s in safe.unicodeScalars {
        let v = s.value
        if (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || [0x202E, 0x202D, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C].contains(v) {
            fatalError("SafeText let U+\(String(v, radix: 16)) through")
        }
    }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzSafeText_main`; libFuzzer's driver takes over from there.
@_cdecl("FuzzSafeText_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
