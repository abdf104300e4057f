import Foundation
import LotsCore

/// Keys on the 1177 phone form and the supervisor dashboard.
extension ConsoleState {
    /// Symptoms matching the phone form's search.
    public var symptomMatches: [SymptomChoice] {
        let q = TextAnalysis.fold(phone.symptomSearch.text).trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        return symptoms.filter { TextAnalysis.fold($0.title).contains(q) || $0.code.lowercased().contains(q) }
    }

    mutating func handlePhone(_ key: Key) -> [ConsoleEffect] {
        // Keys from the binding table; in the reason and the question list ↑/↓ move inside the field.
        let inList = phone.focus == .reason || phone.focus == .questions || phone.focus == .symptomSearch
        let action = (inList && (key == .up || key == .down)) || (phone.focus == .questions && key != .tab && key != .backTab
            && Bindings.all.contains { $0.action == .answer && $0.keys.contains(key) }) ? nil : Bindings.action(for: key, in: .phone, role: user?.role)
        switch action {
        case .quit?: return [.quit]
        case .help?: helpReturn = screen; screen = .help; helpScroll = 0; return []
        case .nextField?:
            phone.focus = PhoneForm.Field(rawValue: (phone.focus.rawValue + 1) % PhoneForm.Field.allCases.count)!
            return []
        case .previousField?:
            phone.focus = PhoneForm.Field(rawValue: (phone.focus.rawValue + PhoneForm.Field.allCases.count - 1) % PhoneForm.Field.allCases.count)!
            return []
        case .digitalCase?: return endCall(.digitalCase)
        case .selfCareCall?: return endCall(.selfCare)
        case .call112?: return endCall(.call112)
        case .myCases?: screen = .queue; return [.loadQueue]
        default: break
        }
        switch phone.focus {
        case .personnummer: phone.personnummer.handle(key); phone.errors[.personnummer] = nil
        case .name: phone.name.handle(key); phone.errors[.name] = nil
        case .phone: phone.phone.handle(key); phone.errors[.phone] = nil
        case .listedUnit: phone.listedUnit.handle(key); phone.errors[.listedUnit] = nil
        case .reason: phone.reason.handle(key); phone.errors[.reason] = nil
        case .symptomSearch:
            let matches = symptomMatches
            switch key {
            case .up: phone.symptomSelection = max(0, phone.symptomSelection - 1)
            case .down: phone.symptomSelection = min(max(0, matches.count - 1), phone.symptomSelection + 1)
            case .enter:
                guard !matches.isEmpty else { return [] }
                phone.chosen = matches[min(phone.symptomSelection, matches.count - 1)]
                phone.focus = .questions
            default:
                phone.symptomSearch.handle(key)
                phone.symptomSelection = 0
                return []
            }
        case .questions:
            let n = phone.questions.count
            guard n > 0 else { return [] }
            let id = phone.questions[min(phone.questionSelection, n - 1)].id
            switch key {
            case .up: phone.questionSelection = max(0, phone.questionSelection - 1); return []
            case .down: phone.questionSelection = min(n - 1, phone.questionSelection + 1); return []
            case .char(" "), .enter: phone.cycleAnswer(id)
            case .char("j"), .char("y"): phone.answers[id] = true
            case .char("n"): phone.answers[id] = false
            case .char("-"), .backspace, .delete: phone.answers[id] = nil
            default: return []
            }
        }
        return [.triagePhone(text: phone.triageText, personnummer: phone.personnummer.text, answers: phone.answers, listedUnit: phone.listedUnit.text)]
    }

    /// Ends the call; an ending less urgent than the live triage first asks for confirmation and a reason.
    mutating func endCall(_ outcome: PhoneOutcome) -> [ConsoleEffect] {
        if let t = phone.triage, outcome.isLessUrgent(than: t.urgency) {
            modal = .phoneOverride(outcome, t.urgency, TextEditor("", maxLength: 500))
            return []
        }
        return [.submitPhone(phone, outcome, overrideReason: nil)]
    }

    mutating func handleDashboard(_ key: Key) -> [ConsoleEffect] {
        guard let action = Bindings.action(for: key, in: .dashboard) else { return [] }
        if let effects = global(action) { return effects }
        switch action {
        case .up: dashboardSelection = max(0, dashboardSelection - 1)
        case .down: dashboardSelection = min(7, dashboardSelection + 1)
        case .open:
            // Drill down: the queue filtered to the chosen tile.
            filter = QueueFilter()
            if dashboardSelection < 6 { filter.urgency = Urgency.allCases[dashboardSelection] }
            else if dashboardSelection == 6 { filter.overdue = true }
            else { filter.silentIds = dashboard?.silentOwners.map(\.id) ?? [] }
            selectedId = visibleQueue.first?.id
            screen = .queue
        case .dashboard: screen = .queue
        default: break
        }
        return []
    }
}
