import Foundation

/// Bookable times imported from another booking system, as CSV with a header line:
///
/// ```
/// unit,profession,mode,start,minutes,resource
/// SE2321000016-DEMO1,lakare,physical,2026-11-24T10:20:00+01:00,20,Dr Berg
/// ```
/// Errors name the file, line and column. `mode` is `physical` or `video`; `resource` may be empty.
public enum SlotImport {
    public static let header = ["unit", "profession", "mode", "start", "minutes", "resource"]

    public static func parse(_ text: String, file: String = "slots.csv") throws -> [(unit: String, time: SlotTemplate.Time)] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, first.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) == header else {
            throw LotsError("the first line is not the header", at: "\(file):1", fix: "start the file with \(header.joined(separator: ","))")
        }
        var out: [(String, SlotTemplate.Time)] = []
        for (i, raw) in lines.enumerated().dropFirst() where !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            let f = raw.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let at = "\(file):\(i + 1)"
            guard f.count == header.count else {
                throw LotsError("\(f.count) fields, expected \(header.count)", at: at, fix: "write \(header.joined(separator: ",")) (no commas inside fields)")
            }
            func column(_ k: Int) -> String { "\(at):\(f[0..<k].reduce(1) { $0 + $1.count + 1 })" }
            guard let profession = Profession(rawValue: f[1]) else {
                throw LotsError("unknown profession \"\(SafeText.sanitize(String(f[1].prefix(30)), keepNewlines: false))\"", at: column(1),
                                fix: "use one of \(Profession.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let mode = SlotMode(rawValue: f[2]) else {
                throw LotsError("unknown mode \"\(SafeText.sanitize(String(f[2].prefix(30)), keepNewlines: false))\"", at: column(2), fix: "use physical or video")
            }
            guard let start = ISOTime.parse(f[3]) else {
                throw LotsError("invalid start \"\(SafeText.sanitize(String(f[3].prefix(40)), keepNewlines: false))\"", at: column(3),
                                fix: "write ISO 8601 with an offset, e.g. 2026-11-24T10:20:00+01:00")
            }
            guard let minutes = Int(f[4]), (5...240).contains(minutes) else {
                throw LotsError("invalid length \"\(SafeText.sanitize(String(f[4].prefix(10)), keepNewlines: false))\"", at: column(4), fix: "give 5 to 240 minutes")
            }
            out.append((f[0], SlotTemplate.Time(start: start, end: start.addingTimeInterval(Double(minutes) * 60), profession: profession, mode: mode, resource: f[5])))
        }
        guard !out.isEmpty else { throw LotsError("the file has no times", at: file, fix: "add one line per time after the header") }
        return out
    }
}
