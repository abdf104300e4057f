import ArgumentParser
import Foundation
import LotsCore

/// `lots templates validate PATH`: check a human-edited phrase template file.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Check phrase template files.",
        subcommands: [Validate.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a templates YAML file: codes, categories and {variables}, with line-precise errors.",
            discussion: """
            Examples:
              lots templates validate Fixtures/templates.yaml
            """
        )
        @Argument(help: "Templates YAML file.") var path: String

        func run() throws {
            let text: String
            do { text = try CatalogCommand.read(path).first!.1 } catch var e as LotsError {
                e.fix = "give a phrase-template YAML file (e.g. Fixtures/templates.yaml)"
                throw e
            }
            let templates = try TemplateCatalog.parse(text, file: path)
            print("ok: \(templates.count) templates")
        }
    }
}
