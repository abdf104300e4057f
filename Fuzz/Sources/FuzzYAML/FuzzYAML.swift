import Foundation
import FuzzSupport
import LotsCore

/// The YAML readers – catalog, phrase templates, provider directory: any text must give a result or a
/// LotsError, never a crash, and never minutes of work (aliases are refused before Yams composes them).
/// The first byte picks the reader, so one corpus serves all three.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    guard let text = String(validating: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self) else { return 0 }
    switch data[0] % 3 {
    case 0: _ = try? CatalogParser.parse(files: [(name: "fuzz.yaml", text: text)])
    case 1: _ = try? TemplateCatalog.parse(text, file: "fuzz.yaml")
    default: _ = try? ProviderDirectory.parse(text, file: "fuzz.yaml")
    }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzYAML_main`; libFuzzer's driver takes over from there.
@_cdecl("FuzzYAML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
