import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// Output that could not be written is a failure, and an export that did not reach its reader is not logged
/// (issue 11, group 10).
@Suite(.timeLimit(.minutes(10))) struct OutputFailureTests {
    /// Runs `lots ARGS > /dev/full` through the shell.
    func toFullDevice(_ args: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "printf 'demo\\n' | \"$0\" \"$@\" > /dev/full", TestPaths.lotsBinary.path] + args + ["--password-stdin"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test func exportAndReportToAFullDiskExit74AndTheExportIsNotLogged() throws {
        let db = try DemoStore.copy(cases: 3)
        let id = try #require(try LotsStore.open(path: db).queue(unit: "SE2321000016-DEMO1").first?.id)  // a case of anna's unit
        let exports = { try LotsStore.open(path: db).auditEvents(caseId: id).filter { $0.action == "export" }.count }
        let before = try exports()
        let export = try toFullDevice(["export", String(id), "--db", db, "--user", "anna"])
        #expect(export.status == 74, "\(export.stderr)")
        #expect(export.stderr.hasPrefix("lots: cannot write the output: No space left on device (stdout): free disk space"), "\(export.stderr)")
        #expect(try exports() == before)
        let report = try toFullDevice(["report", "contacts", "--from", "2026-01-01", "--to", "2026-12-31", "--db", db, "--user", "admin"])
        #expect(report.status == 74, "\(report.stderr)")
        let ok = try LotsProcess.run(["export", String(id), "--db", db], as: "anna")
        #expect(ok.status == 0)
        #expect(try exports() == before + 1)
    }
}
