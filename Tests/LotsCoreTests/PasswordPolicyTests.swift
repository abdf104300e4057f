import Testing
import LotsCore

/// What `init`, `user add` and `user passwd` accept as a new password (issue 11, build item d).
@Suite struct PasswordPolicyTests {
    @Test func shortCommonAndPatternedPasswordsAreRefused() {
        for bad in ["demo", "kort123", "password123456", "Password123456!", "lösenord2026!!", "sommar2026!!!!", "aaaaaaaaaaaaaa",
                    "abababababababab", "123456789abcdefg", "anna-is-the-best", "qwertyuiop123"] {
            #expect(throws: LotsError.self, "\(bad)") { try PasswordPolicy.check(bad, username: "anna") }
        }
    }

    @Test func longUnrelatedWordsAreAccepted() throws {
        for good in ["mossa kaffe tåg regn", "granris och blåbär", "Tr4ktor-Sn0-Lampa"] {
            try PasswordPolicy.check(good, username: "anna")
        }
    }
}
