import Foundation
import FuzzSupport
import LotsCore

/// Intake parsing and validation: any bytes must give an Intake or a LotsError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let parser = IntakeParser(source: "fuzz", now: Date(timeIntervalSince1970: 1_795_000_000)) { _ in bytes.prefix(64) }
    _ = try? parser.parse(bytes)
    return 0
}

// SwiftPM links an executable's entry point as `FuzzIntake_main`; libFuzzer's driver takes over from there.
@_cdecl("FuzzIntake_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
