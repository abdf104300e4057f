import ArgumentParser
struct CitizenCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "citizen") }
