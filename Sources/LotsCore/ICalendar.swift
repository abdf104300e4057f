import Foundation

/// An appointment as an iCalendar file (RFC 5545) for the citizen's calendar, with the video meeting's link as an
/// RFC 7986 `CONFERENCE` property. Lines end in CRLF and are folded at 75 octets; text is escaped.
///
/// ```swift
/// let ics = ICalendar.render(appointment, unitAddress: "Storgatan 1", now: Date())
/// ```
public enum ICalendar {
    /// The calendar with one VEVENT. A cancelled appointment is `METHOD:CANCEL` with `STATUS:CANCELLED` and a
    /// higher SEQUENCE, so a calendar that has the event removes it.
    public static func render(_ a: Appointment, unitAddress: String = "", unitPhone: String = "", now: Date = Date()) -> String {
        let s = a.slot
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lots//Appointment book//SV", "CALSCALE:GREGORIAN",
                     "METHOD:" + (a.isCancelled ? "CANCEL" : "PUBLISH"), "BEGIN:VEVENT",
                     "UID:" + a.uid, "DTSTAMP:" + stamp(now), "DTSTART:" + stamp(s.start), "DTEND:" + stamp(s.end),
                     "SEQUENCE:\(a.sequence)", "STATUS:" + (a.isCancelled ? "CANCELLED" : "CONFIRMED")]
        let who = s.profession.swedishTitle.lowercased()
        let summary = s.mode == .video ? "Videomöte med \(who), \(s.unitName)" : "Besök hos \(who), \(s.unitName)"
        lines.append("SUMMARY:" + escape(summary))
        var description = s.mode == .video
            ? "Ditt videomöte med \(who) på \(s.unitName). Öppna länken några minuter före utsatt tid."
            : "Ditt besök hos \(who) på \(s.unitName). Kom några minuter före utsatt tid och ta med legitimation."
        if !unitPhone.isEmpty { description += " Förhinder? Avboka i appen eller ring \(unitPhone)." }
        if let url = a.videoURL, s.mode == .video {
            description += "\nLänk: \(url)"
            lines.append("LOCATION:" + escape("Video"))
            lines.append("URL:" + url)
            lines.append("CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=" + paramValue("Videomöte") + ":" + url)
        } else {
            lines.append("LOCATION:" + escape([s.unitName, unitAddress].filter { !$0.isEmpty }.joined(separator: ", ")))
        }
        lines.append("DESCRIPTION:" + escape(description))
        if !a.isCancelled {
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(summary), "TRIGGER:-PT1H", "END:VALARM"]
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261124T092000Z`.
    static func stamp(_ d: Date) -> String {
        ISOTime.utc(d).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// TEXT escaping (RFC 5545 §3.3.11); control characters other than newline are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in SafeText.sanitize(text).unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A parameter value, quoted (RFC 5545 §3.2: no DQUOTE or control inside).
    static func paramValue(_ text: String) -> String {
        "\"" + text.filter { $0 != "\"" && !$0.isNewline } + "\""
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for ch in line.unicodeScalars {
            let n = String(ch).utf8.count
            if count + n > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(ch)
            count += n
        }
        return out
    }
}
