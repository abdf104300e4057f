import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

@Suite(.timeLimit(.minutes(10))) struct ChangeDetectorTests {  // the limit guards against hangs; on 2 shared cores a test may wait minutes for a thread
    @Test func noCommitMeansNoChange() throws {
        let f = try StoreFixture()
        let detector = try ChangeDetector(path: f.store.path)
        #expect(try detector.poll() == false)
        _ = try f.store.queue(unit: StoreFixture.unit)  // reads do not count
        #expect(try detector.poll() == false)
    }

    @Test func commitFromThisProcessesPoolIsSeen() throws {
        let f = try StoreFixture()
        let detector = try ChangeDetector(path: f.store.path)
        try f.addCase("Snuva")
        #expect(try detector.poll() == true)
        #expect(try detector.poll() == false)
    }

    @Test func newCaseFromAnotherProcessIsSeen() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Hosta")
        let detector = try ChangeDetector(path: f.store.path)
        #expect(try detector.poll() == false)
        let run = try LotsProcess.run(["citizen", "reply", String(id), "Hej från en annan process", "--db", f.store.path], timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try detector.poll() == true)
        #expect(try f.store.messages(caseId: id).last?.body == "Hej från en annan process")
    }
}
