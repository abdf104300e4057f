/// Generates a large synthetic catalog (the size of Hänvisningsstödet, ≈2,000 symptoms) for benchmarks.
///
/// Entries are built from body parts × complaints × qualifiers, so their terms overlap the way a real
/// catalog's do; the real red flags are kept so the triage does its full work.
public enum SyntheticCatalog {
    static let parts = ["huvud", "hals", "öra", "öga", "näsa", "bröst", "rygg", "mage", "arm", "ben", "fot", "knä", "hand",
                        "axel", "höft", "nacke", "hud", "mun", "tand", "underliv", "urin", "led", "käke", "panna", "kind"]
    static let complaints = ["ont", "svullnad", "klåda", "domning", "värk", "stickningar", "rodnad", "blödning", "utslag", "stelhet",
                             "sveda", "kramp", "knöl", "sår", "tryck", "brännande"]
    static let qualifiers = ["plötslig", "långvarig", "återkommande", "lätt", "kraftig", "nattlig", "efter träning", "efter fall",
                             "vid belastning", "i vila"]

    /// YAML text of `count` symptoms.
    public static func yaml(count: Int, seed: UInt64 = 1) -> String {
        var rng = SeededRandom(seed: seed)
        let urgencies = ["P1", "P2", "P3", "P3", "P4", "P4", "P4", "P5", "P5", "P5"]
        var out = "version: \"synthetic-\(count)\"\nsymptoms:\n"
        var n = 0
        outer: for q in qualifiers {
            for p in parts {
                for c in complaints {
                    if n >= count { break outer }
                    n += 1
                    let u = urgencies[Int(rng.next() % UInt64(urgencies.count))]
                    out += """
                      - code: SYN-\(n)
                        sv: "\(q.capitalized) \(c) i \(p)"
                        terms: ["\(c) i \(p)", "\(q) \(c) \(p)", "\(p)\(c)"]
                        urgency: \(u)
                        redFlags:
                          - {label: hög feber, feverAtLeast: 39.5, urgency: P3}
                        advice: "Syntetiskt råd \(n)."

                    """
                }
            }
        }
        return out
    }
}
