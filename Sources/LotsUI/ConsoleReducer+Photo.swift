import Foundation
import LotsCore

/// Keys in the photo viewer: back to the case, next and previous attachment (each opening is logged).
extension ConsoleState {
    mutating func handlePhoto(_ key: Key) -> [ConsoleEffect] {
        guard let action = Bindings.action(for: key, in: .photo, role: user?.role) else { return [] }
        if let effects = global(action) { return effects }
        guard let d = detail, let id = photoId, let i = d.attachments.firstIndex(where: { $0.id == id }) else {
            screen = .caseView
            return []
        }
        switch action {
        case .back: screen = .caseView; photoId = nil
        case .nextPhoto, .previousPhoto:
            let n = d.attachments.count
            let next = d.attachments[(i + (action == .nextPhoto ? 1 : n - 1)) % n]
            if next.id != id { return [.viewAttachment(caseId: d.id, attachmentId: next.id)] }
        default: break
        }
        return []
    }
}
