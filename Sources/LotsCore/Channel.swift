/// How a case reached the queue. DESIGN §2.
public enum Channel: String, CaseIterable, Sendable, Codable {
    case app, web, phone
}
