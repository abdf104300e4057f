import Foundation
import Testing
import LotsCore
import LotsFixtures

/// Issue 15's pure parts: care pathways in the catalog, weekly slot templates, the `.ics`, video links, forecasts, FHIR codes.
@Suite struct CareCoreTests {
    static let engine = TriageEngine(catalog: try! CatalogParser.parse(files: LotsFixtures.catalogFiles()),
                                     directory: try! ProviderDirectory.parse(LotsFixtures.text("providers.yaml")))

    @Test func aComplaintNamesTheCarePathwayItMayStart() {
        let now = ISOTime.parse("2026-11-24T10:00:00+01:00")!
        #expect(Self.engine.triage(TriageInput(text: "Pappa sluddrar och hänger i mungipan sedan en timme", ageYears: 70), at: now).pathway == .strokeTIA)
        #expect(Self.engine.triage(TriageInput(text: "Jag har gått ner 8 kilo utan att försöka", ageYears: 60), at: now).pathway == .cancerNonSpecific)
        #expect(Self.engine.triage(TriageInput(text: "Ont i halsen sedan två dagar", ageYears: 30), at: now).pathway == nil)
    }

    @Test func aSlotIsLabelledInStockholmTimeInSwedishOrEnglish() {
        let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!
        let slot = Slot(id: 1, unitHsaId: "U", unitName: "Vårdcentralen", profession: .lakare, mode: .physical,
                        start: start, end: start.addingTimeInterval(1200))
        #expect(slot.label == "tis 1 dec 09:00–09:20")
        #expect(slot.englishLabel == "Tue 1 Dec 09:00–09:20")
        // Summer time: 07:30 UTC is 09:30 in Stockholm.
        let june = ISOTime.parse("2027-06-06T07:30:00Z")!
        #expect(Slot.label(start: june, end: june.addingTimeInterval(900), english: true) == "Sun 6 Jun 09:30–09:45")
    }

    @Test func anUnknownPathwayIsALinePreciseCatalogError() {
        let text = """
            symptoms:
              - code: X
                sv: X
                terms: [x]
                urgency: P4
                pathway: cancer-okand
            """
        #expect {
            try CatalogParser.parse(files: [("x.yaml", text)])
        } throws: { e in
            guard let e = e as? LotsError else { return false }
            return e.location == "x.yaml:6:14" && e.what.contains("cancer-okand")
        }
    }

    @Test func aWeeklyTemplateExpandsInStockholmTimeAcrossTheClockChange() throws {
        let t = try SlotTemplate.parse("""
            unit: U
            slots:
              - { days: [fri, mon], from: "09:00", to: "10:00", minutes: 20, profession: lakare, mode: video }
            """)
        // 2026-10-23 is a Friday (summer time), 2026-10-26 a Monday (winter time).
        let times = try t.expand(from: "2026-10-23", to: "2026-10-26")
        #expect(times.count == 6)
        #expect(times.map { ISOTime.utc($0.start) }.first == "2026-10-23T07:00:00Z")
        #expect(times.map { ISOTime.utc($0.start) }.last == "2026-10-26T08:40:00Z")
        #expect(times.allSatisfy { $0.mode == .video && $0.end.timeIntervalSince($0.start) == 1200 })
        #expect(throws: LotsError.self) { try SlotTemplate.parse("unit: U\nslots:\n  - { days: mon, from: \"9\", to: \"10:00\", minutes: 20, profession: lakare }\n") }
        #expect(throws: LotsError.self) { try t.expand(from: "2026-10-26", to: "2026-10-23") }
    }

    @Test func theIcsFoldsEscapesAndCarriesTheConference() {
        let start = ISOTime.parse("2026-11-26T13:00:00+01:00")!
        let slot = Slot(id: 1, unitHsaId: "U", unitName: "Vårdcentralen; Demo, Centrum", profession: .lakare, mode: .video, start: start,
                        end: start.addingTimeInterval(1200))
        let url = "https://video.regiondemo.se/m/" + String(repeating: "a", count: 26)
        let ics = ICalendar.render(Appointment(id: 1, slot: slot, caseId: 5, bookedAt: start, cancelledAt: nil, videoURL: url, uid: "u1@lots", sequence: 0),
                                   now: start)
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains("DTSTART:20261126T120000Z"))
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=\"Videomöte\":\(url)\r\n"))
        #expect(unfolded.contains("SUMMARY:Videomöte med läkare\\, Vårdcentralen\\; Demo\\, Centrum\r\n"))
    }

    @Test func videoRoomsAreLongRandomAndTemplatesAreChecked() throws {
        let rooms = Set((0..<200).map { _ in VideoLink.newRoomId() })
        #expect(rooms.count == 200 && rooms.allSatisfy { $0.count == 26 })
        try VideoLink.validate("https://v.example.se/{room}", at: "x")
        #expect(throws: LotsError.self) { try VideoLink.validate("http://v.example.se/{room}", at: "x") }
        #expect(throws: LotsError.self) { try VideoLink.validate("https://v.example.se/fixed", at: "x") }
    }

    @Test func forecastsOlderThanThreeMonthsAreStale() {
        let now = ISOTime.parse("2026-11-24T10:00:00+01:00")!
        #expect(!ExpectedWait(unitHsaId: "U", profession: .lakare, days: 3, reportedOn: "2026-08-25").isStale(now: now))
        #expect(ExpectedWait(unitHsaId: "U", profession: .lakare, days: 3, reportedOn: "2026-08-23").isStale(now: now))
        #expect(MeasuredWait.median([30, 100, 50]) == 50 && MeasuredWait.median([1, 2, 3, 10]) == 2.5 && MeasuredWait.median([]) == nil)
    }

    @Test func fhirIdentifiersFollowHL7Sweden() {
        #expect(FHIRCodes.patientIdentifier("19121212-1212") == ("http://electronichealth.se/identifier/personnummer", "191212121212"))
        #expect(FHIRCodes.patientIdentifier("19900571-2386").system == "http://electronichealth.se/identifier/samordningsnummer")
        #expect(FHIRCodes.birthDate("19900571-2386") == "1990-05-11")
        #expect(FHIRCodes.encounterPriority(.emergency).code == "EM" && FHIRCodes.requestPriority(.p5) == "routine")
        #expect(FHIRCodes.uuid("a") == FHIRCodes.uuid("a") && FHIRCodes.uuid("a") != FHIRCodes.uuid("b"))
    }
}
