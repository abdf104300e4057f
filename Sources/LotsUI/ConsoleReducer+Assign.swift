import Foundation
import LotsCore

/// The supervisor's assign picker (issue 14): the unit's clinicians, the current owner marked, each with open
/// chats against their own cap and whether they are logged in; full ones are listed but refused by the store.
extension ConsoleState {
    func assignPicker(_ list: [ClinicianLoad]) -> PickerState {
        let owner = detail?.ownerName
        // Those with room and online first; the owner last (assigning to them changes nothing).
        let sorted = list.sorted {
            ($0.displayName == owner ? 1 : 0, $0.isFull ? 1 : 0, $0.isOnline(at: now) ? 0 : 1, $0.openChats, $0.displayName)
                < ($1.displayName == owner ? 1 : 0, $1.isFull ? 1 : 0, $1.isOnline(at: now) ? 0 : 1, $1.openChats, $1.displayName)
        }
        var picker = PickerState(title: Strings.t("assign.title", lang, Int(detail?.id ?? 0)), items: sorted.map { c in
            var detail = Strings.t("assign.load", lang, c.openChats, c.chatCap) + " · " + t(c.isOnline(at: now) ? "assign.online" : "assign.offline")
            if c.isFull { detail += " · " + t("assign.full") }
            if c.displayName == owner { detail += " · " + t("assign.owner") }
            return PickerItem(id: String(c.id), title: SafeText.sanitize(c.displayName, keepNewlines: false), detail: detail, keywords: c.username)
        })
        picker.selection = 0
        return picker
    }

    mutating func handleAssignPicker(_ p: PickerState, _ key: Key) -> [ConsoleEffect] {
        var p = p
        if key == .enter, let item = p.selected, let id = Int64(item.id), let d = detail {
            modal = nil
            return [.assign(caseId: d.id, staffId: id, name: item.title)]
        }
        _ = p.handle(key)
        modal = .assign(p)
        return []
    }
}
