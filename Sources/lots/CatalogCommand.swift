import ArgumentParser
struct CatalogCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "catalog") }
