/// The web form's style sheet and its one script (served from /static; CSP allows no inline code).
enum WebAssets {
    /// Colours meet WCAG AA contrast (text #1b1b1b on white 16:1, links #0b4f8a 8:1, white on #0b4f8a 8:1,
    /// errors #a4000f 8:1); errors and states also carry words and borders, never colour alone.
    static let css = """
    *, *::before, *::after { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; }
    header, main, .demo { max-width: 42rem; margin: 0 auto; padding: 0.75rem 1rem; }
    header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; justify-content: space-between; align-items: center; border-bottom: 2px solid #0b4f8a; }
    header nav { display: flex; gap: 1rem; align-items: center; }
    .site { font-weight: 700; margin: 0; }
    h1 { font-size: 1.6rem; line-height: 1.25; }
    h2 { font-size: 1.25rem; }
    a { color: #0b4f8a; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem; }
    .skip:focus { left: 0.5rem; z-index: 10; }
    :focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; box-shadow: 0 0 0 5px #ffd24d; }
    .demo { border: 2px dashed #1b1b1b; background: #fff4c2; margin-top: 0.75rem; }
    .field { margin: 0 0 1.25rem; border: 0; padding: 0; min-width: 0; }
    fieldset.field { border: 1px solid #6b6b6b; padding: 0.5rem 0.75rem 0.75rem; }
    legend, label { font-weight: 600; }
    .hint { color: #4a4a4a; margin: 0.25rem 0; }
    input[type=text], textarea, select { display: block; width: 100%; max-width: 100%; font: inherit; padding: 0.5rem; border: 2px solid #4a4a4a; border-radius: 4px; background: #fff; color: #1b1b1b; }
    input[type=file] { font: inherit; max-width: 100%; }
    [aria-invalid=true] { border-color: #a4000f; border-width: 3px; }
    .choice { display: flex; gap: 0.5rem; align-items: center; margin: 0.25rem 0; }
    .choice input { width: 1.25rem; height: 1.25rem; }
    .choice label { font-weight: 400; }
    button, .button { display: inline-block; font: inherit; font-weight: 600; padding: 0.6rem 1.2rem; border: 2px solid #0b4f8a; border-radius: 4px; background: #0b4f8a; color: #fff; text-decoration: none; cursor: pointer; }
    button.link { background: none; color: #0b4f8a; border: 0; padding: 0; text-decoration: underline; font-weight: 400; }
    form.inline { display: inline; }
    .error { color: #a4000f; margin: 0.25rem 0; }
    .errors { border: 3px solid #a4000f; padding: 0.5rem 1rem; margin-bottom: 1.25rem; }
    .errors h2 { margin-top: 0.25rem; }
    .advice { border: 3px solid #0b4f8a; padding: 0.5rem 1rem; margin-bottom: 1rem; }
    .advice.emergency { border: 4px solid #a4000f; }
    .advice.emergency h2 { color: #a4000f; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
    .facts dt { font-weight: 600; }
    .facts dd { margin: 0; }
    .messages { list-style: none; padding: 0; }
    .msg { border: 1px solid #6b6b6b; border-radius: 6px; padding: 0.25rem 0.75rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
    .msg.citizen { margin-left: 2rem; background: #eef4fa; }
    .msg.staff { margin-right: 2rem; border-left: 6px solid #0b4f8a; }
    .msg .who { margin: 0.25rem 0 0; }
    .msg .body { white-space: pre-wrap; margin: 0.25rem 0; }
    @media (max-width: 30rem) { .msg.citizen, .msg.staff { margin-left: 0; margin-right: 0; } }
    """

    /// Live replies in the chat over Server-Sent Events; without JavaScript the page works by reloading.
    static let chatJS = """
    (function () {
      "use strict";
      var list = document.getElementById("messages");
      if (!list || !window.EventSource) { return; }
      var caseId = list.getAttribute("data-case");
      var note = document.getElementById("live-note");
      var labels = JSON.parse(document.getElementById("status-labels").textContent);
      if (note) { note.textContent = labels.live; }
      function seen(id) { return list.querySelector('[data-id="' + id + '"]') !== null; }
      function markRead(id) {
        fetch("/v1/cases/" + caseId + "/read", { method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json" }, body: JSON.stringify({ upTo: id }) });
      }
      var source = new EventSource("/v1/cases/" + caseId + "/events");
      source.addEventListener("message", function (e) {
        var m = JSON.parse(e.data);
        if (seen(m.id)) { return; }
        var li = document.createElement("li");
        li.className = "msg " + m.author;
        li.setAttribute("data-id", m.id);
        var who = document.createElement("p");
        who.className = "who";
        var strong = document.createElement("strong");
        strong.textContent = m.author === "staff" ? list.getAttribute("data-staff") + (m.staffName ? " (" + m.staffName + ")" : "")
          : list.getAttribute("data-system");
        who.appendChild(strong);
        var body = document.createElement("p");
        body.className = "body";
        body.textContent = m.body;
        li.appendChild(who);
        li.appendChild(body);
        list.appendChild(li);
        markRead(m.id);
      });
      function status(e) {
        var s = JSON.parse(e.data).status;
        var dd = document.getElementById("status");
        if (dd) { dd.textContent = labels[s] || s; }
      }
      source.addEventListener("status", status);
      source.addEventListener("forwarded", status);
      source.addEventListener("closed", status);
    })();
    """
}
