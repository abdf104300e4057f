import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// `lots user cap NAME N` (issue 14): the per-user chat cap, set by admins, used by the store.
@Suite(.timeLimit(.minutes(10))) struct UserCapTests {
    @Test func anAdminSetsAClinciansChatCapAndOthersCannot() throws {
        let db = try DemoStore.copy(cases: 0)
        let ok = try LotsProcess.run(["user", "cap", "anna", "2", "--db", db], as: "admin")
        #expect(ok.status == 0 && ok.stdout == "chat cap of anna: 2\n", "\(ok.stderr)")
        let store = try LotsStore.open(path: db)
        #expect(try store.chatCap(for: try #require(try store.user(named: "anna"))) == 2)
        let denied = try LotsProcess.run(["user", "cap", "anna", "9", "--db", db], as: "anna")
        #expect(denied.status == 77 && denied.stderr.hasPrefix("lots: "), "\(denied.stderr)")
        let range = try LotsProcess.run(["user", "cap", "anna", "0", "--db", db], as: "admin")
        #expect(range.status == 64 && range.stderr == "lots: chat cap 0 is out of range (CAP): choose 1 to 50\n", "\(range.stderr)")
        let missing = try LotsProcess.run(["user", "cap", "nobody", "3", "--db", db], as: "admin")
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(try store.chatCap(for: try #require(try store.user(named: "anna"))) == 2)
    }
}
