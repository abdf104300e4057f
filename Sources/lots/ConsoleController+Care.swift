import Foundation
import LotsCore
import LotsStore
import LotsUI

/// The console's effects of issue 15: free times for the offer picker, offering, a video meeting now, the day list.
extension ConsoleController {
    func performCare(_ effect: ConsoleEffect) throws -> [ConsoleEvent] {
        switch effect {
        case let .loadSlots(id):
            guard let d = try store.caseDetail(id) else { return [] }
            let units = [d.unitHsaId] + (d.referralUnitHsaId.map { [$0] } ?? []).filter { $0 != d.unitHsaId }
            return [.slotsLoaded(caseId: id, try store.freeSlots(units: units, after: Date(), limit: 300))]
        case let .offerSlots(id, slotIds):
            try store.offerSlots(caseId: id, slotIds: slotIds, by: try currentUser())
            return try refresh(id, Strings.t("slots.offered", lang, Int(id)))
        case let .startVideo(id):
            let url = try store.startVideoMeeting(caseId: id, by: try currentUser())
            return try refresh(id, Strings.t("video.started", lang, url))
        case let .loadDayList(day):
            return [.dayListLoaded(day, try store.dayList(day: day.addingTimeInterval(3600), for: try currentUser()))]
        default:
            return []
        }
    }
}
