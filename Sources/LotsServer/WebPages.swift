import Foundation
import LotsCore
import LotsStore

/// The web form's pages: plain HTML that works without JavaScript (WCAG 2.1 AA: labels, errors tied to their
/// fields, a skip link, `lang`, visible focus, reflow at 320 px, no meaning by colour alone).
struct WebPages {
    let s: WebStrings
    let demo: Bool

    static func clock(_ d: Date) -> String {
        let t = StockholmTime(d)
        return String(format: "%02d:%02d", t.hour, t.minute)
    }

    /// A field's error, shown next to it and in the summary at the top.
    struct FieldError { var field: String; var text: String }

    func page(_ title: String, loggedIn: Bool = false, body: String) -> String {
        let other = s.otherLanguage
        return """
        <!DOCTYPE html>
        <html lang="\(s.lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title.html) – \(s.siteName.html)</title>
        <link rel="stylesheet" href="/static/lots.css">
        </head>
        <body>
        <a class="skip" href="#main">\(s.skip.html)</a>
        <header>
        <p class="site">\(s.siteName.html)</p>
        <nav aria-label="\(s.t("Språk och konto", "Language and account"))">
        <a href="\(other.href)" lang="\(other.lang)" hreflang="\(other.lang)">\(other.label.html)</a>
        \(loggedIn ? "<form method=\"post\" action=\"\(s.prefix)/logout\" class=\"inline\"><button type=\"submit\" class=\"link\">\(s.logout.html)</button></form>" : "")
        </nav>
        </header>
        \(demo ? "<p class=\"demo\" role=\"note\"><strong>\(s.demoBanner.html)</strong></p>" : "")
        <main id="main" tabindex="-1">
        <h1>\(title.html)</h1>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    func errorSummary(_ errors: [FieldError]) -> String {
        guard !errors.isEmpty else { return "" }
        let items = errors.map { "<li><a href=\"#\($0.field)\">\($0.text.html)</a></li>" }.joined()
        return "<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><h2>\(s.errorSummary.html)</h2><ul>\(items)</ul></div>"
    }

    /// Attributes and the message of one field's error.
    func fieldError(_ field: String, _ errors: [FieldError]) -> (attrs: String, message: String) {
        guard let e = errors.first(where: { $0.field == field }) else { return ("", "") }
        return (" aria-invalid=\"true\" aria-describedby=\"\(field)-error\"",
                "<p class=\"error\" id=\"\(field)-error\"><strong>\(s.errorPrefix.html)</strong> \(e.text.html)</p>")
    }

    func login(pnr: String = "", name: String = "", errors: [FieldError] = []) -> String {
        guard demo else { return page(s.loginTitle, body: "<p>\(s.noLogin.html)</p>") }
        let p = fieldError("personnummer", errors), n = fieldError("name", errors)
        return page(s.loginTitle, body: """
        \(errorSummary(errors))
        <p>\(s.loginIntro.html)</p>
        <form method="post" action="\(s.prefix)/login" novalidate>
        <div class="field">
        <label for="personnummer">\(s.pnrLabel.html)</label>
        <p class="hint" id="personnummer-hint">\(s.pnrHint.html)</p>
        \(p.message)
        <input id="personnummer" name="personnummer" type="text" inputmode="numeric" autocomplete="off" required value="\(pnr.html)" aria-describedby="personnummer-hint\(p.attrs.isEmpty ? "" : " personnummer-error")"\(p.attrs.isEmpty ? "" : " aria-invalid=\"true\"")>
        </div>
        <div class="field">
        <label for="name">\(s.nameLabel.html)</label>
        \(n.message)
        <input id="name" name="name" type="text" autocomplete="name" required value="\(name.html)"\(n.attrs)>
        </div>
        <button type="submit">\(s.loginButton.html)</button>
        </form>
        """)
    }

    func reasonForm(reason: String = "", unit: String?, units: [Provider], errors: [FieldError] = []) -> String {
        let r = fieldError("reason", errors)
        let options = units.map { "<option value=\"\($0.hsaId.html)\"\($0.hsaId == unit ? " selected" : "")>\($0.name.html)</option>" }.joined()
        return page(s.formTitle, loggedIn: true, body: """
        \(errorSummary(errors))
        <form method="post" action="\(s.prefix)/questions" novalidate>
        <div class="field">
        <label for="reason">\(s.reasonLabel.html)</label>
        <p class="hint" id="reason-hint">\(s.reasonHint.html)</p>
        \(r.message)
        <textarea id="reason" name="reason" rows="6" required aria-describedby="reason-hint\(r.attrs.isEmpty ? "" : " reason-error")"\(r.attrs.isEmpty ? "" : " aria-invalid=\"true\"")>\(reason.html)</textarea>
        </div>
        <div class="field">
        <label for="unit">\(s.unitLabel.html)</label>
        <select id="unit" name="unit">\(options)</select>
        </div>
        <button type="submit">\(s.next.html)</button>
        </form>
        """)
    }

    struct Details {
        var reason: String
        var unit: String
        var questions: [FollowUpQuestion]
        var answers: [String: String] = [:]
        var health: String = ""
        var expectations: String = ""
    }

    func detailsForm(_ d: Details, errors: [FieldError] = []) -> String {
        var qs = ""
        for (i, q) in d.questions.enumerated() {
            let text = s.en ? q.en : q.sv
            let name = "q-\(q.id)"
            let chosen = d.answers[q.id]
            qs += """
            <fieldset class="field" id="\(name.html)">
            <legend>\(text.html)</legend>
            <input type="hidden" name="qtext-\(q.id.html)" value="\(q.sv.html)">
            <div class="choice"><input type="radio" id="\(name.html)-yes" name="\(name.html)" value="ja"\(chosen == "ja" ? " checked" : "")><label for="\(name.html)-yes">\(s.yes.html)</label></div>
            <div class="choice"><input type="radio" id="\(name.html)-no" name="\(name.html)" value="nej"\(chosen == "nej" ? " checked" : "")><label for="\(name.html)-no">\(s.no.html)</label></div>
            </fieldset>
            """
            if i == 0 { qs = "<h2>\(s.questionsTitle.html)</h2>" + qs }
        }
        let h = fieldError("health", errors), e = fieldError("expectations", errors), p = fieldError("photo", errors), r = fieldError("reason", errors)
        let health = s.healthLabels.enumerated().map { i, label in
            "<div class=\"choice\"><input type=\"radio\" id=\"health-\(i + 1)\" name=\"health\" value=\"\(i + 1)\"\(d.health == "\(i + 1)" ? " checked" : "")><label for=\"health-\(i + 1)\">\(label.html)</label></div>"
        }.joined()
        return page(s.formTitle, loggedIn: true, body: """
        \(errorSummary(errors))
        <form method="post" action="\(s.prefix)/submit" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="unit" value="\(d.unit.html)">
        <div class="field">
        <label for="reason">\(s.reasonLabel.html)</label>
        \(r.message)
        <textarea id="reason" name="reason" rows="4" required\(r.attrs)>\(d.reason.html)</textarea>
        </div>
        \(qs)
        <fieldset class="field" id="health"\(h.attrs)>
        <legend>\(s.healthLegend.html)</legend>
        \(h.message)
        \(health)
        </fieldset>
        <div class="field">
        <label for="expectations">\(s.expectationsLabel.html)</label>
        \(e.message)
        <textarea id="expectations" name="expectations" rows="3"\(e.attrs)>\(d.expectations.html)</textarea>
        </div>
        <div class="field">
        <label for="photo">\(s.photoLabel.html)</label>
        \(p.message)
        <input id="photo" name="photo" type="file" accept="image/jpeg,image/png"\(p.attrs)>
        </div>
        <button type="submit">\(s.send.html)</button>
        </form>
        """)
    }

    func advice(_ a: CitizenAdvice, urgency: String) -> String {
        let emergency = a.kind == .call112
        return page(s.adviceTitle, loggedIn: true, body: """
        <section class="advice\(emergency ? " emergency" : "")" aria-labelledby="advice-title">
        <h2 id="advice-title">\(emergency ? "⚠ " : "")\(a.title.html)</h2>
        <p>\(a.text.html)</p>
        \(emergency ? "<p><a class=\"button\" href=\"tel:112\">\(s.call112.html)</a></p>" : "")
        </section>
        <p><a class="button" href="\(s.prefix)/chat">\(s.toChat.html)</a></p>
        """)
    }

    /// Status texts and the live note for the script, as JSON (not executed; the CSP allows no inline script).
    var statusLabels: String {
        var o: [String: String] = ["live": s.live]
        for st in ["new", "active", "awaiting-staff", "awaiting-citizen", "forwarded", "closed"] { o[st] = s.status(st) }
        return String(decoding: JSONOut.data(o), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    func chat(_ c: CitizenCaseView, errors: [FieldError] = [], draft: String = "") -> String {
        let items = c.messages.map { m -> String in
            let who = m.author == .citizen ? s.you : m.author == .staff ? (m.staffName.map { "\(s.staff) (\($0))" } ?? s.staff) : s.system
            return "<li class=\"msg \(m.author.rawValue)\" data-id=\"\(m.id)\"><p class=\"who\"><strong>\(who.html)</strong> <time datetime=\"\(ISOTime.utc(m.at))\">\(Self.clock(m.at))</time></p><p class=\"body\">\(m.body.html)</p></li>"
        }.joined()
        let t = fieldError("text", errors)
        let closed = c.status == "closed"
        return page(s.chatTitle, loggedIn: true, body: """
        <dl class="facts"><dt>\(s.statusLabel.html)</dt><dd id="status">\(s.status(c.status).html)</dd><dt>\(s.unitName.html)</dt><dd>\(c.unitName.html)</dd></dl>
        <h2 id="messages-title">\(s.messagesTitle.html)</h2>
        <div role="log" aria-live="polite" aria-labelledby="messages-title"><ol id="messages" class="messages" data-case="\(c.id)" data-you="\(s.you.html)" data-staff="\(s.staff.html)" data-system="\(s.system.html)">\(items)</ol></div>
        \(c.messages.isEmpty ? "<p>\(s.noMessages.html)</p>" : "")
        <p class="hint" id="live-note">\(s.reload.html)</p>
        <p><a href="\(s.prefix)/booking">\(s.t("Boka tid eller se din bokade tid", "Book a time or see your booked time").html)</a></p>
        \(errorSummary(errors))
        \(closed ? "<p>\(s.closedNote.html)</p><p><a class=\"button\" href=\"\(s.prefix)/form\">\(s.newContact.html)</a></p>" : """
        <form method="post" action="\(s.prefix)/chat" novalidate>
        <div class="field">
        <label for="text">\(s.replyLabel.html)</label>
        \(t.message)
        <textarea id="text" name="text" rows="3" required\(t.attrs)>\(draft.html)</textarea>
        </div>
        <button type="submit">\(s.sendMessage.html)</button>
        </form>
        """)
        <script type="application/json" id="status-labels">\(statusLabels)</script>
        <script src="/static/chat.js" defer></script>
        """)
    }
}
