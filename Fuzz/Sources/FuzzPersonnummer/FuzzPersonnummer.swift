import Foundation
import FuzzSupport
import LotsCore

/// Personnummer parsing: any text must give a number or a LotsError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let p = try? Personnummer(text, reference: Date(timeIntervalSince1970: 1_795_000_000)) {
        _ = p.age(at: Date(timeIntervalSince1970: 1_795_000_000))
        _ = p.canonical
    }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzPersonnummer_main`; libFuzzer's driver takes over from there.
@_cdecl("FuzzPersonnummer_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
