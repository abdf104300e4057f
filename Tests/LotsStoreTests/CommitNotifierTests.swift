import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// The notifier that replaces polling (issue 14): a commit to a unit's cases wakes that unit's consoles (and the
/// phone nurses'), not the others'; presence heartbeats and drafts wake no one.
@Suite struct CommitNotifierTests {
    func wait(_ l: CommitListener) -> Int {
        var p = pollfd(fd: l.fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&p, 1, 500)
        return l.drain()
    }

    @Test func aCommitWakesOnlyTheConsolesOfItsUnit() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna")
        let own = try #require(CommitListener(store: f.store.path, unit: StoreFixture.unit))
        let other = try #require(CommitListener(store: f.store.path, unit: "SE2321000016-DEMO2"))
        let everyUnit = try #require(CommitListener(store: f.store.path, unit: nil))
        let id = try f.addCase("Hosta")
        #expect(wait(own) == 1 && other.drain() == 0 && wait(everyUnit) == 1)
        try f.store.take(caseId: id, by: anna)
        #expect(wait(own) == 1 && other.drain() == 0 && wait(everyUnit) == 1)
        // Routine writes that touch no case wake no one.
        try f.store.touchPresence(anna, at: Date())
        try f.store.saveDraft(caseId: id, body: "utkast", templateCode: nil, by: anna)
        usleep(100_000)
        #expect(own.drain() == 0 && other.drain() == 0 && everyUnit.drain() == 0)
        // A forward wakes both units.
        _ = everyUnit.drain()
        try f.store.forward(caseId: id, to: "SE2321000016-DEMO2", note: "Hör till er", by: anna)
        #expect(wait(own) == 1 && wait(other) == 1)
    }

    @Test func anotherProcessesCommitWakesTheConsoleAndAGoneConsolesSocketIsRemoved() throws {
        let f = try StoreFixture()
        let dir = CommitNotifier.directory(forStore: f.store.path)
        var listener: CommitListener? = CommitListener(store: f.store.path, unit: StoreFixture.unit)
        let path = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first)
        // A socket file whose console died without cleaning up: refused, then removed by the next poke.
        let stale = dir + "/u-SE2321000016-DEMO1-999999999-3.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var addr = sockaddr_un(); addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(stale.utf8)) }
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
        #expect(FileManager.default.fileExists(atPath: stale))
        let r = try LotsProcess.run(["intake", TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path, "--db", f.store.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(wait(try #require(listener)) >= 1)
        #expect(!FileManager.default.fileExists(atPath: stale))
        listener = nil
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + path))
    }
}
