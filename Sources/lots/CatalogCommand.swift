import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots catalog validate|import|synth`: the symptom catalog.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Validate, import or generate symptom catalogs.",
        subcommands: [Validate.self, Import.self, Synth.self, RealWords.self]
    )

    /// A catalog path: one YAML file, or a folder of them (read in name order).
    static func read(_ path: String) throws -> [(name: String, text: String)] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LotsError("no such file or folder", at: path, fix: "give a catalog YAML file or a folder of them", code: .noInput)
        }
        let files = isDir.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            : [path]
        guard !files.isEmpty else { throw LotsError("no .yaml files in the folder", at: path, fix: "put catalog files ending in .yaml there", code: .noInput) }
        return try files.map { f in
            guard let data = FileManager.default.contents(atPath: f) else { throw LotsError("cannot read the file", at: f, fix: "check its permissions", code: .noInput) }
            guard let text = String(validating: data, as: UTF8.self) else { throw LotsError("the file is not valid UTF-8", at: f, fix: "save it as UTF-8") }
            return (f, text)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a catalog file or folder; errors name file, line and column.",
            discussion: """
            Examples:
              lots catalog validate Fixtures/catalog
              lots catalog validate my-symptoms.yaml
            """
        )
        @Argument(help: "Catalog YAML file or folder.") var path: String

        func run() throws {
            let catalog = try CatalogParser.parse(files: CatalogCommand.read(path))
            print("ok: \(catalog.symptoms.count) symptoms, \(catalog.redFlags.count) global red flags, version \(SafeText.sanitize(String(catalog.version.prefix(80)), keepNewlines: false))")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate and import a catalog into the store in one transaction; new intakes use it.",
            discussion: """
            Needs an admin's identity.

            Examples:
              lots catalog import Fixtures/catalog --user admin
            """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: "Catalog YAML file or folder.") var path: String

        func run() throws {
            let files = try CatalogCommand.read(path)
            let catalog = try CatalogParser.parse(files: files)  // validate before touching the store
            let s = try store.open()
            let admin = try identity.authenticate(s, for: "lots catalog import")
            try s.importCatalog(files: files, by: admin)
            print("imported \(catalog.symptoms.count) symptoms, version \(SafeText.sanitize(String(catalog.version.prefix(80)), keepNewlines: false))")
        }
    }

    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a synthetic catalog of N symptoms as YAML (for benchmarks).",
            discussion: """
            Examples:
              lots catalog synth --symptoms 2000 > /tmp/synthetic.yaml
            """
        )
        @Option(help: "How many symptoms (1–4000).") var symptoms: Int = 2000
        @Option(help: "Random seed.") var seed: UInt64 = 1

        func run() throws {
            guard (1...4000).contains(symptoms) else {
                throw LotsError("\(symptoms) symptoms is out of range", at: "--symptoms", fix: "choose 1 to 4000", code: .usage)
            }
            print(SyntheticCatalog.yaml(count: symptoms, seed: seed), terminator: "")
        }
    }
}
