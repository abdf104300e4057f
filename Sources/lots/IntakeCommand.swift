import ArgumentParser
struct IntakeCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "intake") }
