import Foundation
import LotsCore

/// Issue 15 in the console: offering times from a case (a picker marking up to three), a video meeting now, and
/// the unit's day list of booked visits.
extension ConsoleState {
    /// The picker over the free times the store found (own unit and the unit the triage referred to).
    mutating func openSlotPicker(caseId: Int64, slots: [Slot]) {
        guard screen == .caseView, detail?.id == caseId else { return }
        guard !slots.isEmpty else { setStatus(t("slots.none"), error: true); return }
        modal = .slots(PickerState(title: t("slots.title"), items: slots.map { s in
            PickerItem(id: String(s.id), title: s.label,
                       detail: "\(Strings.t(s.mode == .video ? "slots.video" : "slots.physical", lang)) · \(Strings.profession(s.profession, lang)) · \(s.unitName)"
                           + (s.resource.isEmpty ? "" : " · \(s.resource)"),
                       keywords: "\(s.mode.rawValue) \(s.profession.rawValue)")
        }), chosen: [])
    }

    /// Space marks or unmarks a time (at most three); Enter offers the marked times, or the selected one.
    mutating func handleSlotPicker(_ key: Key, _ picker: PickerState, _ chosen: [String]) -> [ConsoleEffect] {
        var p = picker, chosen = chosen
        switch key {
        case .char(" "):
            guard let item = p.selected else { return [] }
            if let i = chosen.firstIndex(of: item.id) {
                chosen.remove(at: i)
            } else if chosen.count >= 3 {
                setStatus(t("slots.max"), error: true)
            } else {
                chosen.append(item.id)
            }
            modal = .slots(p, chosen: chosen)
        case .enter:
            let ids = (chosen.isEmpty ? [p.selected?.id].compactMap { $0 } : chosen).compactMap(Int64.init)
            guard let d = detail, !ids.isEmpty else { return [] }
            modal = nil
            return saveDraftIfDirty() + [.offerSlots(caseId: d.id, slotIds: ids)]
        default:
            _ = p.handle(key)
            modal = .slots(p, chosen: chosen)
        }
        return []
    }

    /// Opens today's day list.
    mutating func openDayList() -> [ConsoleEffect] {
        let day = StockholmTime(now).startOfDay
        dayListDay = day
        dayList = []
        dayListScroll = 0
        screen = .dayList
        return [.loadDayList(day)]
    }

    mutating func showDayList(_ day: Date, _ entries: [DayListEntry]) {
        guard screen == .dayList, dayListDay == day else { return }
        dayList = entries
        dayListScroll = min(dayListScroll, max(0, entries.count - 1))
    }

    mutating func handleDayList(_ key: Key) -> [ConsoleEffect] {
        guard let action = Bindings.action(for: key, in: .dayList, role: user?.role) else { return [] }
        if let effects = global(action) { return effects }
        let day = dayListDay ?? StockholmTime(now).startOfDay
        switch action {
        case .back: screen = .queue; return [.loadQueue]
        case .up: dayListScroll = max(0, dayListScroll - 1)
        case .down: dayListScroll = min(max(0, dayList.count - 1), dayListScroll + 1)
        case .previousDay, .nextDay:
            // Noon ± a day, then that day's midnight: right across a change of clock.
            let next = StockholmTime(day.addingTimeInterval(12 * 3600 + (action == .nextDay ? 86_400 : -86_400))).startOfDay
            dayListDay = next
            dayList = []
            dayListScroll = 0
            return [.loadDayList(next)]
        case .open:
            if dayList.indices.contains(dayListScroll), let id = dayList[dayListScroll].caseId { return [.openCase(id)] }
        default: break
        }
        return []
    }
}

/// How the slot picker shows what is marked.
enum SlotPicker {
    static func marked(_ p: PickerState, _ chosen: [String]) -> PickerState {
        var m = p
        m.items = p.items.map { item in
            var i = item
            i.title = (chosen.firstIndex(of: item.id).map { "[\($0 + 1)] " } ?? "[ ] ") + item.title
            return i
        }
        return m
    }

    static func hint(_ chosen: [String], _ lang: Lang) -> String {
        Strings.t("slots.hint", lang, chosen.count)
    }
}
