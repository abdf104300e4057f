import ArgumentParser
struct ConsoleCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "console") }
