import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// When an idle console must wake by itself (issue 14): the clock's next minute, the lock, a snoozed case – never
/// every second.
@Suite struct TimedEventTests {
    @Test func anIdleConsoleWakesAtTheNextMinuteAtTheEarliest() {
        var s = Samples.queueState()  // 10:30:00 in Stockholm
        s.lockAfter = 3600
        let t = Samples.now.addingTimeInterval(5)
        #expect(s.nextTimedEvent(after: t) == Samples.now.addingTimeInterval(60))
        // The lock comes first when it is due sooner.
        s.lockAfter = 20
        #expect(s.nextTimedEvent(after: t) == Samples.now.addingTimeInterval(20))
        // A snoozed case's time, when sooner still.
        s.lockAfter = 3600
        s.queue[0].snoozedUntil = Samples.now.addingTimeInterval(42)
        #expect(s.nextTimedEvent(after: t) == Samples.now.addingTimeInterval(42))
        // A snooze already past is not a reason to wake (it came back at its tick).
        #expect(s.nextTimedEvent(after: Samples.now.addingTimeInterval(50)) == Samples.now.addingTimeInterval(60))
    }

    @Test func aLockedOrLoggedOutConsoleWaitsForTheMinuteOnly() {
        var s = Samples.queueState()
        s.lockAfter = 10
        s.locked = true
        #expect(s.nextTimedEvent(after: Samples.now.addingTimeInterval(1)) == Samples.now.addingTimeInterval(60))
        let login = ConsoleState(lang: .sv, now: Samples.now)
        #expect(login.nextTimedEvent(after: Samples.now.addingTimeInterval(59.5)) == Samples.now.addingTimeInterval(60))
    }
}
