import ArgumentParser
struct UserCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "user") }
