import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// Issue 15 in the console: the offer picker, the day list, the case's care line and waits in the dashboard.
@Suite struct CareScreensTests {
    static func slot(_ id: Int64, minutes: Double, mode: SlotMode = .physical) -> Slot {
        let start = Samples.now.addingTimeInterval(86_400 + minutes * 60)
        return Slot(id: id, unitHsaId: "SE2321000016-DEMO1", unitName: "Vårdcentralen Demo Centrum", profession: .lakare, mode: mode,
                    start: start, end: start.addingTimeInterval(1200), resource: "Bertil Ek")
    }

    @Test func bOpensTheOfferPickerWhereSpaceMarksAtMostThreeAndEnterOffersThem() {
        var s = Samples.caseState()
        #expect(s.handle(.char("b")) == [.loadSlots(caseId: 5)])
        _ = s.apply(.slotsLoaded(caseId: 5, (1...5).map { Self.slot($0, minutes: Double($0) * 20, mode: $0 == 2 ? .video : .physical) }))
        guard case .slots = s.modal else { Issue.record("no slot picker"); return }
        let screen = ConsoleView.render(s, width: 100, height: 30).text
        #expect(screen.contains("[ ] ons 25 nov 10:50–11:10"))
        #expect(screen.contains("videomöte · Läkare · Vårdcentralen Demo Centrum · Bertil Ek"))
        for _ in 0..<4 {
            _ = s.handle(.char(" "))
            _ = s.handle(.down)
        }
        #expect(s.statusIsError && s.status == Strings.t("slots.max", .sv))
        let marked = ConsoleView.render(s, width: 100, height: 30).text
        #expect(marked.contains("[1] ons 25 nov 10:50") && marked.contains("[3] ons 25 nov 11:30") && marked.contains("3 markerade"))
        #expect(s.handle(.enter) == [.offerSlots(caseId: 5, slotIds: [1, 2, 3])])
        #expect(s.modal == nil)
    }

    @Test func anEmptyBookSaysSoAndVideoStartsAMeeting() {
        var s = Samples.caseState()
        _ = s.apply(.slotsLoaded(caseId: 5, []))
        #expect(s.modal == nil && s.statusIsError && s.status.contains("Inga lediga tider"))
        #expect(s.handle(.char("v")).contains(.startVideo(caseId: 5)))
    }

    @Test func theDayListShowsBookedVisitsAndMovesBetweenDays() {
        var s = Samples.queueState()
        let effects = s.handle(.char("D"))
        #expect(s.screen == .dayList)
        let day = try! #require(s.dayListDay)
        #expect(effects == [.loadDayList(day)])
        _ = s.apply(.dayListLoaded(day, [
            DayListEntry(slot: Self.slot(1, minutes: -1440)),
            DayListEntry(slot: Self.slot(2, minutes: -1420, mode: .video), caseId: 7, patientName: "Li Wei 李伟", personnummer: "19900571-2386",
                         urgency: .p3, reason: "Hosta\u{1B}[2J", videoURL: "https://video.regiondemo.se/m/abc"),
        ]))
        let text = ConsoleView.render(s, width: 80, height: 24).text
        #expect(text.contains("Dagens bokningar tis 2026-11-24 · 1 av 2 tider bokade"))
        #expect(text.contains("ledig"))
        #expect(text.contains("  10:50–11:10 videomöte Läkare         P3 ärende 7 · Li Wei 李伟 · Hosta"))
        #expect(!text.contains("\u{1B}"))
        _ = s.handle(.down)
        #expect(s.handle(.enter) == [.openCase(7)])
        let next = s.handle(.right)
        #expect(next.count == 1 && s.dayListDay! > day && s.dayList.isEmpty)
        _ = s.handle(.escape)
        #expect(s.screen == .queue)
    }

    @Test func theCaseShowsItsCarePathwayAndBookedTimeWithTheVideoLink() {
        var d = Samples.detail
        d.pathway = .strokeTIA
        d.appointment = Appointment(id: 1, slot: Self.slot(3, minutes: 0, mode: .video), caseId: 5, bookedAt: Samples.now, cancelledAt: nil,
                                    videoURL: "https://video.regiondemo.se/m/xyz", uid: "u@lots", sequence: 0)
        var s = Samples.queueState()
        _ = s.apply(.caseLoaded(d, draft: nil, draftTemplate: nil, templateValues: [:]))
        let text = ConsoleView.render(s, width: 200, height: 60).text
        #expect(text.contains("Vårdförlopp: Vårdförlopp stroke och TIA · Bokad tid: ons 25 nov 10:30–10:50 videomöte, Vårdcentralen Demo Centrum https://video.regiondemo.se/m/xyz"))
    }

    @Test func theDashboardShowsExpectedAndMeasuredWaitsWithAStaleWarning() {
        var s = Samples.queueState()
        var stats = DashboardStats(unitName: "Vårdcentralen Demo Centrum", open: [:], oldest: [:], overdue: [], arrivalsPerHour: Array(repeating: 0, count: 24),
                                   medianFirstResponseMinutesToday: nil, staffOnline: [])
        stats.waits = UnitWaits(unitHsaId: "SE2321000016-DEMO1", unitName: "Vårdcentralen Demo Centrum",
                                expected: [ExpectedWait(unitHsaId: "SE2321000016-DEMO1", profession: .lakare, days: 9, reportedOn: "2026-07-01")],
                                measured: [MeasuredWait(unitHsaId: "SE2321000016-DEMO1", profession: .lakare, firstAnswerMinutes: 75, answeredCases: 4,
                                                        visitHours: 30, bookedVisits: 2)])
        _ = s.apply(.dashboardLoaded(stats))
        s.screen = .dashboard
        let text = ConsoleView.render(s, width: 120, height: 30).text
        #expect(text.contains("Väntetider: läk väntat 9d (rapp. 2026-07-01 ⚠ >3 mån) mätt 30d svar 1h15, besök 1d6h"), "\(text)")
    }
}
