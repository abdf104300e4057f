import Foundation
import Testing
import LotsCore
import LotsTestSupport

/// The log file (issue 14, DESIGN §4): errors and crashes of commands, never patient text, rotated by size;
/// only `lots --help` names its path.
@Suite(.timeLimit(.minutes(10))) struct LogFileTests {
    static func log(_ state: URL, _ suffix: String = "") -> String {
        (try? String(contentsOfFile: state.appendingPathComponent("lots/lots.log" + suffix).path, encoding: .utf8)) ?? ""
    }

    @Test func aFailingCommandLogsOneLineWithoutThePatientsWords() throws {
        let state = TestPaths.temporaryDirectory("lots-state"), dir = TestPaths.temporaryDirectory("lots-log")
        let intake = #"{"citizen": {"personnummer": "19121212-1213", "name": "Tolvan Hemligsson"}, "channel": "app", "#
            + #""unit": "SE2321000016-DEMO1", "submittedAt": "2026-11-23T09:12:00+01:00", "reason": "Hemlig klåda i ljumsken"}"#
        let r = try LotsProcess.run(["intake", "-", "--db", dir.appendingPathComponent("x.sqlite").path], stdin: Data(intake.utf8),
                                    env: ["XDG_STATE_HOME": state.path])
        #expect(r.status == 65 && r.stderr.contains("19121212-1213"), "\(r.stderr)")  // the user sees their input…
        let log = Self.log(state)
        let lines = log.split(separator: "\n")
        #expect(lines.count == 1 && log.contains("command failed") && log.contains("command=intake") && log.contains("exit=65"), "\(log)")
        for secret in ["19121212", "1213", "Tolvan", "Hemlig", "klåda"] { #expect(!log.contains(secret), "\(secret) in \(log)") }  // …the log never
        #expect(!r.stdout.contains("lots.log") && !r.stderr.contains("lots.log"))
    }

    @Test func theLogIsRotatedBySize() throws {
        let state = TestPaths.temporaryDirectory("lots-state")
        let folder = state.appendingPathComponent("lots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let full = String(repeating: "old line\n", count: 120_000)  // 1.08 MB, over the 1 MiB limit
        try full.write(to: folder.appendingPathComponent("lots.log"), atomically: false, encoding: .utf8)
        try "older\n".write(to: folder.appendingPathComponent("lots.log.1"), atomically: false, encoding: .utf8)
        let r = try LotsProcess.run(["export", "1", "--db", state.appendingPathComponent("none.sqlite").path], env: ["XDG_STATE_HOME": state.path])
        #expect(r.status == 66)
        #expect(Self.log(state).split(separator: "\n").count == 1 && Self.log(state).contains("command=export exit=66"), "\(Self.log(state).prefix(200))")
        #expect(Self.log(state, ".1") == full)
        #expect(Self.log(state, ".2") == "older\n")
    }

    @Test func aCommandsCrashIsReportedToTheLog() throws {
        let state = TestPaths.temporaryDirectory("lots-state")
        let db = try DemoStore.copy(cases: 0)
        let p = Process()
        p.executableURL = TestPaths.lotsBinary
        p.arguments = ["simulate", "--duration", "60", "--rate", "1", "--db", db]
        p.environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": state.path]) { _, b in b }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        usleep(800_000)
        kill(p.processIdentifier, SIGSEGV)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGSEGV)
        let log = Self.log(state)
        #expect(log.contains("lots: command crashed with signal 11 SIGSEGV") && log.contains("pid \(p.processIdentifier)"), "\(log)")
        #expect(log.contains("end of crash report"))
    }

    @Test func onlyTheMainHelpNamesThePath() throws {
        let state = TestPaths.temporaryDirectory("lots-state")
        let main = try LotsProcess.run(["--help"], env: ["XDG_STATE_HOME": state.path])
        #expect(main.stdout.contains("$XDG_STATE_HOME/lots/lots.log") && main.stdout.contains("~/.local/state/lots/lots.log"))
        for sub in ["console", "export", "intake", "triage", "demo", "audit"] {
            let r = try LotsProcess.run([sub, "--help"], env: ["XDG_STATE_HOME": state.path])
            #expect(!(r.stdout + r.stderr).contains("lots.log"), "\(sub)")
        }
        // Running a command that succeeds creates no log file.
        _ = try LotsProcess.run(["triage", "--text", "ont i halsen", "--age", "30"], env: ["XDG_STATE_HOME": state.path])
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("lots/lots.log").path))
    }
}
