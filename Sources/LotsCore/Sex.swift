/// Legal sex as derived from a personnummer, or `x` when not known or not stated.
public enum Sex: String, CaseIterable, Sendable, Codable {
    case f, m, x
}
