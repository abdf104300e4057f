import LotsCore

/// One choice in a modal picker.
public struct PickerItem: Sendable, Equatable {
    public var id: String
    public var title: String
    public var detail: String
    /// Folded text the filter matches against.
    var haystack: String
    /// Folded title, for fuzzy (subsequence) matching.
    var titleKey: String

    public init(id: String, title: String, detail: String = "", keywords: String = "") {
        self.id = id
        self.title = title
        self.detail = detail
        self.haystack = TextAnalysis.fold(title + " " + detail + " " + keywords + " " + id)
        self.titleKey = TextAnalysis.fold(title)
    }
}

/// A modal list with a fuzzy filter: typed letters must appear in order; word starts rank first.
public struct PickerState: Sendable, Equatable {
    public var title: String
    public var items: [PickerItem]
    public var filter = TextEditor("", maxLength: 60)
    public var selection = 0

    public init(title: String, items: [PickerItem]) {
        self.title = title
        self.items = items
    }

    /// Items matching the filter, best first; with no filter, in the given order. The title may match
    /// fuzzily (letters in order); the rest (detail, body, keywords) only as a substring.
    public var visible: [PickerItem] {
        let q = TextAnalysis.fold(filter.text).filter { $0 != " " }
        guard !q.isEmpty else { return items }
        return items.enumerated().compactMap { (i, item) -> (Int, Int, PickerItem)? in
            guard let s = Self.score(q, item.titleKey) ?? (item.haystack.contains(q) ? 50 : nil) else { return nil }
            return (s, i, item)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Lower is better; nil when `q` is not a subsequence of `h`.
    static func score(_ q: String, _ h: String) -> Int? {
        if h.contains(q) { return h.hasPrefix(q) ? 0 : 1 }
        var gaps = 0
        var hi = h.startIndex
        for c in q {
            guard let found = h[hi...].firstIndex(of: c) else { return nil }
            gaps += h.distance(from: hi, to: found)
            hi = h.index(after: found)
        }
        return 2 + gaps
    }

    public var selected: PickerItem? {
        let v = visible
        return v.isEmpty ? nil : v[min(selection, v.count - 1)]
    }

    /// Navigation and filter typing; returns false for keys it does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(max(0, visible.count - 1), selection + 1)
        case .pageUp: selection = max(0, selection - 10)
        case .pageDown: selection = min(max(0, visible.count - 1), selection + 10)
        case .char, .backspace, .delete, .left, .right, .home, .end, .ctrl("u"):
            guard filter.handle(key) else { return false }
            selection = 0
        default: return false
        }
        return true
    }
}
