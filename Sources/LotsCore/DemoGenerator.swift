import Foundation

/// Realistic, reproducible demo intakes: Swedish names (and a few from elsewhere), valid personnummer,
/// and reasons for contact written the way citizens write them.
public struct DemoGenerator: Sendable {
    public var random: SeededRandom
    public var units: [String]
    /// Share of cases that go to the first unit (the demo clinicians' own).
    public var homeShare: Double

    public init(seed: UInt64, units: [String], homeShare: Double = 0.7) {
        self.random = SeededRandom(seed: seed)
        self.units = units
        self.homeShare = homeShare
    }

    static let firstF = ["Anna", "Maria", "Karin", "Sara", "Elin", "Åsa", "Ebba", "Linnéa", "Maja", "Ingrid", "Fatima", "Sofia", "Märta", "Agnes"]
    static let firstM = ["Erik", "Lars", "Johan", "Karl", "Anders", "Oskar", "Björn", "Göran", "Ali", "Mohammed", "Nils", "Olle", "Hugo", "Sven"]
    static let last = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Öberg", "Åkesson", "Lindström",
                       "Bergqvist", "Hassan", "Nguyen", "Sjöström", "Ekström", "Holmgren", "Yılmaz"]
    static let special = ["Li Wei 李伟", "Sven-Åke Ölund", "Zoë Ångström 🌻", "Tolvan Tolvansson"]

    /// (reason, minimum age, maximum age, answers) — phrased like real citizen text.
    static let reasons: [(String, Int, Int)] = [
        ("Ont i halsen sedan tre dagar och feber 38,5", 5, 80), ("Snuva och hosta sedan en vecka", 1, 90),
        ("Svider när jag kissar och måste kissa ofta", 16, 85), ("Vrickade foten i fotbollen igår, svullen", 8, 60),
        ("Ont i ländryggen efter flytt, kan röra mig", 20, 80), ("Kliande utslag på armarna sedan en vecka", 1, 90),
        ("Mitt barn har ont i örat och 38 graders feber", 1, 8), ("Rött öga med gult var sedan i morse", 1, 80),
        ("Hostat i fyra veckor, inte blivit bättre", 30, 85), ("Nedstämd och sover dåligt sedan en månad", 16, 80),
        ("Behöver förnya mitt recept på blodtrycksmedicin", 45, 90), ("Magsjuk sedan igår, kräks och har diarré", 2, 90),
        ("Ont i magen nere till höger sedan i natt", 10, 60), ("Fästingbett för en vecka sedan, röd ring som växer", 5, 85),
        ("Hjärtklappning som kommer och går", 25, 85), ("Yrsel när jag reser mig", 40, 95), ("Huvudvärk varje eftermiddag", 15, 70),
        ("Bröstsmärta när jag går i trappor", 50, 90), ("Svårt att andas och pip i bröstet, har astma", 10, 70),
        ("Brände mig på ugnen, blåsor på handen", 10, 80), ("Getingstick i handen, svullen men mår bra", 5, 80),
        ("Min bebis skriker mycket på kvällarna", 0, 0), ("Ångest och hjärtklappning på jobbet", 18, 65),
        ("Knöl i bröstet som jag inte haft förut", 25, 80), ("Blod i avföringen sedan några dagar", 30, 90),
        ("Har tappat rösten, hes sedan tre veckor", 30, 80), ("Svullet och ömt ben efter en lång flygresa", 30, 85),
        ("Ramlat hemma och har ont i höften", 70, 98), ("Plötsligt förvirrad sedan i morse", 75, 98),
        ("Gravid i vecka 12 och mår illa hela tiden", 20, 42), ("Vill ha preventivmedel", 15, 40),
        ("Sår på foten som inte läker, har diabetes", 50, 90), ("Feber 39 och ont i kroppen", 18, 70),
        ("I have had a sore throat for two days", 18, 60), ("Ont i nacken efter jobbet vid datorn", 20, 65),
    ]

    mutating func pick<T>(_ a: [T]) -> T { a[Int.random(in: 0..<a.count, using: &random)] }

    /// One demo intake submitted at `at`.
    public mutating func intake(at: Date) -> Intake {
        let (reason, lo, hi) = pick(Self.reasons)
        let age = Int.random(in: lo...max(lo, hi), using: &random)
        let female = Bool.random(using: &random)
        let name = Int.random(in: 0..<40, using: &random) == 0 ? pick(Self.special)
            : "\(pick(female ? Self.firstF : Self.firstM)) \(pick(Self.last))"
        let cal = Calendar.stockholm
        let birthYear = cal.component(.year, from: at) - age - (age == 0 ? 0 : 1)
        let month = age == 0 ? max(1, cal.component(.month, from: at) - 2) : Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        var serial = Int.random(in: 0..<500, using: &random) * 2 + (female ? 0 : 1)
        serial = max(2, (serial / 10) * 10 + (serial % 10))  // serial 000 is never issued
        let pnrText = Personnummer.make(year: birthYear, month: month, day: day, serial: serial)
        let pnr = try! Personnummer(pnrText, reference: at)
        let unit = Double.random(in: 0..<1, using: &random) < homeShare || units.count == 1 ? units[0] : pick(Array(units.dropFirst()))
        let channel: Channel = pick([.app, .app, .web, .phone])
        return Intake(personnummer: pnr, name: name, phone: "+4670\(Int.random(in: 1_000_000...9_999_999, using: &random))",
                      channel: channel, unit: unit, submittedAt: at, reason: reason,
                      answers: [FormAnswer(id: "duration", question: "Hur länge har du haft besvären?", answer: pick(["1 dag", "2–3 dagar", "en vecka", "längre"]))],
                      selfRatedHealth: Int.random(in: 1...5, using: &random),
                      expectations: pick(["Vill ha råd", "Vill träffa läkare", "Vill veta om jag behöver antibiotika", "Recept", ""]))
    }

    /// A citizen's follow-up line for the simulator.
    public mutating func reply() -> String {
        pick(["Det har blivit lite bättre nu.", "Jag har fortfarande feber.", "Ska jag komma in?", "Tack för svaret!",
              "Det gör mer ont nu än i morse.", "Jag har tagit Alvedon.", "Kan ni ringa mig?", "Här är en bild på utslaget."])
    }

    static let staffOpenings = ["Hej!", "Hej, tack för ditt meddelande.", "Hej igen!", "Tack för svaret."]
    static let staffQuestions = ["Hur länge har du haft besvären?", "Har du feber, och i så fall hur hög?", "Tar du några läkemedel just nu?",
                                 "Kan du beskriva var det gör ont?", "Har det blivit bättre eller sämre sedan i går?",
                                 "Har du kunnat äta och dricka som vanligt?", "Kan du skicka en bild på utslaget?"]
    static let staffAdvice = ["Vila och drick mycket vatten.", "Du kan ta receptfria värktabletter enligt bipacksedeln.",
                              "Jag bokar en tid på vårdcentralen åt dig i morgon.", "Hör av dig igen om det blir värre.",
                              "Ring 1177 om du får svårt att andas.", "Jag har förnyat ditt recept, det finns på apoteket i eftermiddag."]
    static let citizenLines = ["Sedan i förrgår ungefär.", "Jag har 38,2 i feber i kväll.", "Nej, inga mediciner.", "Det gör ont mest på natten.",
                               "Lite bättre i dag faktiskt.", "Jag har svårt att sova på grund av värken.", "Tack för hjälpen!",
                               "Ska jag komma in till mottagningen?", "Hostan sitter kvar men febern har gått ner.", "Det kliar fortfarande.",
                               "Jag tog Alvedon i morse.", "Kan jag jobba som vanligt?", "Det svider när jag kissar.", "Barnet äter dåligt."]

    /// One line of a demo chat: staff write an opening with a question or advice, citizens answer.
    public mutating func chatLine(staff: Bool) -> String {
        if staff { return pick(Self.staffOpenings) + " " + (Bool.random(using: &random) ? pick(Self.staffQuestions) : pick(Self.staffAdvice)) }
        return pick(Self.citizenLines) + (Int.random(in: 0..<3, using: &random) == 0 ? " " + pick(Self.citizenLines) : "")
    }
}
