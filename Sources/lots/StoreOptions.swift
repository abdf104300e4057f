import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `--db PATH`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("Database file (else $LOTS_DB, else $XDG_DATA_HOME/lots/lots.sqlite).", valueName: "path"))
    var path: String?

    var resolvedPath: String { StoreLocation.resolve(flag: path) }

    /// Opens an existing store (66 when there is none); `create: true` only for commands meant to make one.
    func open(create: Bool = false) throws -> LotsStore { try LotsStore.open(path: resolvedPath, create: create) }
}

/// The triage engine for stored cases: the store's imported catalog when there is one, else the embedded one.
func triageEngine(for store: LotsStore) throws -> TriageEngine {
    let files = try store.catalogFiles()
    let catalog = files.isEmpty ? try Embedded.catalog() : try CatalogParser.parse(files: files)
    return TriageEngine(catalog: catalog, directory: try Embedded.directory())
}

/// True when stderr is a terminal: long commands show progress there and stay quiet when piped.
var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
