/// What a new staff password must be (`init`, `user add`, `user passwd`): at least 12 characters, not one
/// of the passwords attackers try first, not built from the user name, not one character repeated or a run
/// like `123456789abc`. Demo stores keep their accounts' password `demo` (they are made by `lots demo`, which
/// does not go through this policy).
///
/// ```swift
/// try PasswordPolicy.check("sommar2026!", username: "anna")   // throws: too short
/// ```
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 256

    /// Lowercased passwords (and stems: a common one plus digits or punctuation is refused too) that lead
    /// every breached-password list, English and Swedish.
    static let common: Set<String> = [
        "password", "passw0rd", "123456", "12345678", "123456789", "1234567890", "qwerty", "qwertyuiop", "asdfghjkl", "azerty",
        "abc123", "111111", "000000", "iloveyou", "letmein", "welcome", "monkey", "dragon", "football", "baseball", "sunshine",
        "princess", "admin", "administrator", "master", "secret", "trustno1", "starwars", "superman", "batman", "hello", "whatever",
        "changeme", "default", "login", "demo", "test", "guest", "root", "lots", "qazwsx", "zaq12wsx", "1q2w3e4r", "1qaz2wsx",
        "losenord", "lösenord", "hemligt", "sommar", "vinter", "hösten", "hosten", "våren", "varen", "sverige", "stockholm",
        "göteborg", "goteborg", "malmö", "malmo", "kalle", "anka", "kalleanka", "blomma", "katten", "hunden", "fotboll", "hejhej",
        "hejsan", "mamma", "pappa", "jultomten", "region", "vardcentral", "vårdcentral", "sjukhus", "doktor", "1177",
    ]

    public static func check(_ password: String, username: String) throws {
        func refuse(_ why: String) -> LotsError {
            LotsError("the password \(why)", at: "password",
                      fix: "choose at least \(minimumLength) characters, e.g. four unrelated words", code: .usage)
        }
        guard password.count >= minimumLength else { throw refuse("is shorter than \(minimumLength) characters") }
        guard password.count <= maximumLength else { throw refuse("is longer than \(maximumLength) characters") }
        let lower = password.lowercased()
        let stem = String(lower.reversed().drop { !$0.isLetter }.reversed())  // "sommar2026!" → "sommar"
        if common.contains(lower) || common.contains(stem) || (stem.count >= 3 && common.contains(where: { lower.hasPrefix($0) && $0.count >= 6 && lower.dropFirst($0.count).allSatisfy { !$0.isLetter } })) {
            throw refuse("is one of the passwords attackers try first")
        }
        if !username.isEmpty, lower.contains(username.lowercased()) { throw refuse("contains the user name") }
        if Set(lower).count <= 2 { throw refuse("repeats one or two characters") }
        let scalars = lower.unicodeScalars.map(\.value)
        let steps = zip(scalars, scalars.dropFirst()).map { Int($1) - Int($0) }
        if steps.filter({ abs($0) <= 1 }).count * 4 > steps.count * 3 { throw refuse("is mostly runs of consecutive or repeated characters") }
    }
}
