import Foundation
import GRDB
import LotsCore
import LotsBenchSupport
import LotsStore

// The cross-process half of Scripts/bench. Each mode commits through the same store code the product uses.
//
//   lots-bench commit DB USER    takes the newest new case of USER's unit as USER and prints "case ID"; then,
//                                for every line "go TEXT" on stdin, stores TEXT as a citizen message on that case
//                                and prints the CLOCK_MONOTONIC nanoseconds at which the commit returned.
//   lots-bench reply DB          for every line "go CASE TEXT" on stdin, stores TEXT as a citizen message on CASE and
//                                prints "START END": CLOCK_MONOTONIC ns before the write began and after it returned
//                                (the scale figure measures from START: the commit, its poke and the frame together).
//   lots-bench writer DB N START IDS
//                                waits until CLOCK_MONOTONIC START (ns), then stores N citizen messages on the
//                                comma-separated case ids, each in its own transaction, and prints one JSON line:
//                                {"stored": n, "busy": n, "errors": n, "first": ns, "last": ns, "error": "..."}.
//   lots-bench profile frame DB N | profile dashboard DB N | profile triage N
//                                the in-process loops alone, to run under valgrind --tool=callgrind.

func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// One line on stdout, unbuffered (the driver waits for it).
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lots-bench: \(message)\n".utf8))
    exit(64)
}

func commit(db: String, username: String) throws {
    let store = try LotsStore.open(path: db)
    guard let user = try store.user(named: username), let unit = user.unitHsaId else { fail("no clinician \(username) in \(db)") }
    guard let caseId = try store.queue(unit: unit, limit: 100_000).last(where: { $0.status == .new })?.id else {
        fail("no new case at \(unit) to take")
    }
    try store.take(caseId: caseId, by: user, cap: 50)
    emit("case \(caseId)")
    while let line = readLine() {
        guard line.hasPrefix("go ") else { fail("expected \"go TEXT\", got \"\(line)\"") }
        try store.addCitizenMessage(caseId: caseId, body: String(line.dropFirst(3)))
        emit(String(monotonicNanos()))
    }
}

func reply(db: String) throws {
    let store = try LotsStore.open(path: db)
    emit("ready")
    while let line = readLine() {
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count == 3, parts[0] == "go", let id = Int64(parts[1]) else { fail("expected \"go CASE TEXT\", got \"\(line)\"") }
        let start = monotonicNanos()
        try store.addCitizenMessage(caseId: id, body: String(parts[2]))
        emit("\(start) \(monotonicNanos())")
    }
}

func writer(db: String, count: Int, start: UInt64, caseIds: [Int64]) {
    var stored = 0, busy = 0, errors = 0
    var lastError = ""
    var first: UInt64 = 0
    do {
        let store = try LotsStore.open(path: db)
        while monotonicNanos() < start { usleep(200) }
        first = monotonicNanos()
        for i in 0..<count {
            do {
                try store.addCitizenMessage(caseId: caseIds[i % caseIds.count], body: "Mätmeddelande \(i) från skrivare \(getpid()).")
                stored += 1
            } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                busy += 1
                lastError = "\(e)"
            } catch {
                errors += 1
                lastError = "\(error)"
            }
        }
    } catch {
        errors += 1
        lastError = "\(error)"
    }
    let json: [String: Any] = ["stored": stored, "busy": busy, "errors": errors, "first": first, "last": monotonicNanos(), "error": lastError]
    emit(String(data: try! JSONSerialization.data(withJSONObject: json), encoding: .utf8)!)
}

func profile(_ what: String, _ args: [String]) throws {
    switch what {
    case "frame":
        let store = try LotsStore.open(path: args[0])
        var (state, anna, rev) = try BenchData.console(store)
        for _ in 0..<(Int(args[1]) ?? 10) {
            _ = try BenchData.reloadAfterOneCommit(store, &state, anna, rev: rev, width: 200, height: 60)
        }
    case "dashboard":
        let store = try LotsStore.open(path: args[0])
        guard let david = try store.user(named: "david") else { fail("no david") }
        let n = Int(args[1]) ?? 10
        let t = monotonicNanos()
        for _ in 0..<n { _ = try store.dashboard(for: david) }
        emit("dashboard: \(Double(monotonicNanos() - t) / Double(n) / 1e6) ms each")
    case "triage":
        let engine = try BenchData.engine()
        let inputs = BenchData.inputs(200)
        var urgent = 0
        for i in 0..<(Int(args[0]) ?? 1000) where engine.triage(inputs[i % inputs.count], at: Date()).urgency <= .p2 { urgent += 1 }
        emit("\(urgent) urgent")
    default:
        fail("profile frame DB N | profile triage N")
    }
}

let args = CommandLine.arguments
switch args.dropFirst().first {
case "commit" where args.count == 4:
    do { try commit(db: args[2], username: args[3]) } catch { fail("\(error)") }
case "reply" where args.count == 3:
    do { try reply(db: args[2]) } catch { fail("\(error)") }
case "writer" where args.count == 6:
    guard let n = Int(args[3]), let start = UInt64(args[4]) else { fail("writer: N and START are numbers") }
    let ids = args[5].split(separator: ",").compactMap { Int64($0) }
    guard !ids.isEmpty else { fail("writer: give open case ids, comma-separated") }
    writer(db: args[2], count: n, start: start, caseIds: ids)
case "profile" where args.count >= 4:
    do { try profile(args[2], Array(args.dropFirst(3))) } catch { fail("\(error)") }
default:
    fail("usage: lots-bench commit DB USER | lots-bench reply DB | lots-bench writer DB N START IDS")
}
