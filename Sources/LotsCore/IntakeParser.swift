import Foundation

/// Validates intake JSON (DESIGN §4) into an `Intake`. Pure: attachments are read through `loadFile`.
///
/// Every problem is a `LotsError` naming the field, e.g.
/// `lots: reason is 4012 characters, over 4000 (reason in a.json): shorten the text`.
public struct IntakeParser {
    public static let maxJSONBytes = 1_000_000
    public static let maxReason = 4_000
    public static let maxName = 200
    public static let maxExpectations = 2_000
    public static let maxAnswers = 100
    public static let maxAttachments = 10
    public static let tooLongFix = "send attachments as files next to the JSON, not inside it"

    static let topKeys: Set<String> = ["citizen", "channel", "unit", "submittedAt", "reason", "answers", "selfRatedHealth",
                                       "expectations", "attachments", "language"]

    /// Where the JSON came from, for error locations (`-` for stdin).
    public var source: String
    /// Reads an attachment path (relative to the JSON file); throws if missing.
    public var loadFile: (String) throws -> Data
    /// Submissions later than this are refused (clock skew allowance included).
    public var now: Date

    public init(source: String, now: Date = Date(), loadFile: @escaping (String) throws -> Data) {
        self.source = source
        self.now = now
        self.loadFile = loadFile
    }

    func fail(_ what: String, _ field: String, _ fix: String) -> LotsError {
        LotsError(what, at: "\(field) in \(source)", fix: fix)
    }

    public func parse(_ data: Data) throws -> Intake {
        guard data.count <= Self.maxJSONBytes else {
            throw LotsError("intake is \(data.count) bytes, over the \(Self.maxJSONBytes)-byte limit", at: source, fix: Self.tooLongFix)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8(data)
            throw LotsError("intake is not valid UTF-8 (byte \(offset))", at: source, fix: "save the file as UTF-8")
        }
        // Scalar by scalar, not trimmingCharacters: that copies the whole body into an NSString first (issue 13).
        guard !text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) }) else {
            throw LotsError("intake is empty", at: source, fix: "send one JSON object as described in the README")
        }
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw LotsError("malformed JSON: \(Self.describe(error))", at: source, fix: "send one valid JSON object")
        }
        guard let root = any as? [String: Any] else {
            throw LotsError("intake must be a JSON object", at: source, fix: "wrap the fields in { }")
        }
        if let duplicate = JSONDuplicateKeys.first(in: data) {
            let key = Self.shown(duplicate, 40)
            throw fail("field \"\(key)\" occurs twice", key, "write each field once")
        }
        if let unknown = root.keys.filter({ !Self.topKeys.contains($0) }).sorted().first {
            let key = Self.shown(unknown, 40)
            throw fail("unknown field \"\(key)\"", key, "use only: \(Self.topKeys.sorted().joined(separator: ", "))")
        }

        guard let citizen = root["citizen"] as? [String: Any] else {
            throw fail(root["citizen"] == nil ? "missing citizen" : "citizen must be an object", "citizen", "add \"citizen\": {\"personnummer\": …, \"name\": …}")
        }
        let pnrText = try string(citizen["personnummer"], "citizen.personnummer", max: 20)
        let personnummer: Personnummer
        do { personnummer = try Personnummer(pnrText, reference: now) } catch let e as LotsError {
            throw fail(e.what, "citizen.personnummer", e.fix)
        }
        let name = try string(citizen["name"], "citizen.name", max: Self.maxName)
        var phone: String?
        if let p = citizen["phone"], !(p is NSNull) {
            let s = try string(p, "citizen.phone", max: 20)
            guard s.range(of: #"^\+?[0-9][0-9 \-]{5,18}$"#, options: .regularExpression) != nil else {
                throw fail("invalid phone number \"\(Self.shown(s, 20))\"", "citizen.phone", "write digits, optionally starting with +46")
            }
            phone = s
        }

        let channelText = try string(root["channel"], "channel", max: 10)
        guard let channel = Channel(rawValue: channelText) else {
            throw fail("unknown channel \"\(Self.shown(channelText, 10))\"", "channel", "use app, web or phone")
        }
        let unit = try string(root["unit"], "unit", max: 64)
        // The plain form without a regular expression (compiled anew on every call); anything else as before.
        let plainHSA = unit.utf8.count >= 6 && unit.utf8.count <= 42 && unit.hasPrefix("SE")
            && unit.utf8.dropFirst(2).allSatisfy { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        guard plainHSA || unit.range(of: #"^SE[0-9A-Za-z\-]{4,40}$"#, options: .regularExpression) != nil else {
            throw fail("invalid HSA-id \"\(Self.shown(unit, 64))\"", "unit", "write the unit's HSA-id, e.g. SE2321000016-DEMO1")
        }
        let when = try string(root["submittedAt"], "submittedAt", max: 40)
        guard let submittedAt = ISOTime.parse(when) else {
            throw fail("unparsable time \"\(Self.shown(when, 40))\"", "submittedAt", "write ISO 8601 with offset, e.g. 2026-11-23T09:12:00+01:00")
        }
        guard submittedAt <= now.addingTimeInterval(300) else {
            throw fail("submittedAt \(Self.shown(when, 40)) lies in the future", "submittedAt", "check the sending device's clock")
        }
        if let birth = personnummer.birthDate, submittedAt < birth {
            throw fail("submittedAt \(Self.shown(when, 40)) lies before the patient's birth date", "submittedAt",
                       "check the sending device's clock and the personnummer")
        }
        let reason = try string(root["reason"], "reason", max: Self.maxReason)

        var answers: [FormAnswer] = []
        if let a = root["answers"], !(a is NSNull) {
            guard let list = a as? [Any] else { throw fail("answers must be a list", "answers", "write [ {\"id\": …, \"question\": …, \"answer\": …} ]") }
            guard list.count <= Self.maxAnswers else { throw fail("\(list.count) answers, over \(Self.maxAnswers)", "answers", "send at most \(Self.maxAnswers) answers") }
            for (i, item) in list.enumerated() {
                guard let o = item as? [String: Any] else { throw fail("answer must be an object", "answers[\(i)]", "write {\"id\": …, \"question\": …, \"answer\": …}") }
                answers.append(FormAnswer(id: try string(o["id"], "answers[\(i)].id", max: 64),
                                          question: try string(o["question"], "answers[\(i)].question", max: 500),
                                          answer: try string(o["answer"], "answers[\(i)].answer", max: 2_000)))
            }
        }
        var health: Int?
        if let h = root["selfRatedHealth"], !(h is NSNull) {
            // The double, not `intValue`: 18446744073709551617 wraps to 1 as an integer.
            guard !Self.isJSONBool(h), let num = h as? NSNumber, case let v = num.doubleValue, v == v.rounded(), v >= 1, v <= 5 else {
                throw fail("selfRatedHealth must be a whole number from 1 to 5", "selfRatedHealth", "write 1 (very poor) to 5 (very good)")
            }
            health = Int(v)
        }
        var expectations: String?
        if let e = root["expectations"], !(e is NSNull) {
            expectations = try string(e, "expectations", max: Self.maxExpectations, allowEmpty: true)
        }
        var attachments: [IntakeAttachment] = []
        if let a = root["attachments"], !(a is NSNull) {
            guard let list = a as? [Any] else { throw fail("attachments must be a list", "attachments", "write [ {\"path\": \"photo.jpg\"} ]") }
            guard list.count <= Self.maxAttachments else { throw fail("\(list.count) attachments, over \(Self.maxAttachments)", "attachments", "attach at most \(Self.maxAttachments) photos") }
            for (i, item) in list.enumerated() {
                guard let o = item as? [String: Any] else { throw fail("attachment must be an object", "attachments[\(i)]", "write {\"path\": \"photo.jpg\"}") }
                let path = try string(o["path"], "attachments[\(i)].path", max: 500)
                let bytes: Data
                do { bytes = try loadFile(path) } catch let e as LotsError {
                    throw fail("\(Self.shown(path, 80)): \(e.what)", "attachments[\(i)].path", e.fix)
                } catch {
                    throw LotsError("attachment \"\(Self.shown(path, 80))\" cannot be read", at: "attachments[\(i)].path in \(source)",
                                    fix: "put the file next to the JSON file or correct the path")
                }
                let meta: ImageMetadata
                do { meta = try ImageInspector.inspect(bytes, name: path) } catch let e as LotsError {
                    throw fail("\(Self.shown(path, 80)): \(e.what)", "attachments[\(i)].path", e.fix)
                }
                attachments.append(IntakeAttachment(fileName: (path as NSString).lastPathComponent, data: bytes, metadata: meta))
            }
        }
        var language = "sv"
        if let l = root["language"], !(l is NSNull) {
            language = try string(l, "language", max: 8)
            guard ["sv", "en"].contains(language) else { throw fail("unknown language \"\(language.prefix(8))\"", "language", "write \"sv\" or \"en\"") }
        }
        var intake = Intake(personnummer: personnummer, name: name, phone: phone, channel: channel, unit: unit, submittedAt: submittedAt,
                            reason: reason, answers: answers, selfRatedHealth: health, expectations: expectations, attachments: attachments)
        intake.language = language
        return intake
    }

    /// A required, trimmed, non-empty string of at most `max` characters.
    func string(_ value: Any?, _ field: String, max: Int, allowEmpty: Bool = false) throws -> String {
        guard let value, !(value is NSNull) else { throw fail("missing \(field)", field, "add \"\(field.split(separator: ".").last!)\" to the intake") }
        guard let s = value as? String else { throw fail("\(field) must be text, found \(Self.typeName(value))", field, "write it as a JSON string in quotes") }
        // SQLite would keep only the text before a NUL: refuse it rather than store a truncated text.
        guard !s.unicodeScalars.contains("\u{0}") else {
            throw fail("\(field) contains a NUL character (\\u0000)", field, "remove the NUL character from the text")
        }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty && !allowEmpty { throw fail("\(field) is empty", field, "write at least one visible character") }
        guard trimmed.count <= max else { throw fail("\(field) is \(trimmed.count) characters, over \(max)", field, "shorten it to at most \(max) characters") }
        // Characters are graphemes: without a bound on code points, one character can hide megabytes of combining marks.
        guard trimmed.unicodeScalars.count <= 2 * max else {
            throw fail("\(field) has \(trimmed.unicodeScalars.count) code points, over \(2 * max)", field, "remove the stacked combining marks")
        }
        return trimmed
    }

    /// Untrusted input for an error message: sanitized to one line and shortened.
    static func shown(_ text: String, _ limit: Int) -> String {
        SafeText.sanitize(String(text.prefix(limit)), keepNewlines: false)
    }

    /// JSON `true`/`false` (Foundation bridges them to NSNumber, and numbers also cast to Bool).
    static func isJSONBool(_ v: Any) -> Bool {
        (v as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    static func typeName(_ v: Any) -> String {
        if isJSONBool(v) { return "true/false" }
        return switch v {
        case is NSNumber: "a number"
        case is [Any]: "a list"
        case is [String: Any]: "an object"
        default: "another type"
        }
    }

    /// Offset of the first byte that does not start a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ data: Data) -> Int {
        let b = [UInt8](data)
        var i = 0
        while i < b.count {
            let c = b[i]
            let n = c < 0x80 ? 1 : (0xC2...0xDF).contains(c) ? 2 : (0xE0...0xEF).contains(c) ? 3 : (0xF0...0xF4).contains(c) ? 4 : 0
            guard n > 0, i + n <= b.count, (1..<n).allSatisfy({ b[i + $0] & 0xC0 == 0x80 }) else { return i }
            i += n
        }
        return i
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        let detail = (ns.userInfo["NSDebugDescription"] as? String) ?? ns.localizedDescription
        return detail.split(separator: "\n").first.map(String.init) ?? "unreadable"
    }
}
