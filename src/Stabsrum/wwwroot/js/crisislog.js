// Live crisis log: new entries arrive over Server-Sent Events and are added at the top of the log.
// Text is inserted with textContent only, never as HTML. Without JavaScript the page works by reload.
(function () {
    "use strict";
    var list = document.getElementById("log-entries");
    var quick = document.getElementById("quick-text");

    // Keyboard shortcut to the quick-entry box: Alt+Shift+L (works in every browser without clashing).
    document.addEventListener("keydown", function (e) {
        if (quick && e.altKey && e.shiftKey && (e.key === "L" || e.key === "l")) {
            e.preventDefault();
            quick.focus();
        }
    });
    if (quick) {
        // Ctrl/Cmd+Enter sends the entry from the text box.
        quick.addEventListener("keydown", function (e) {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                quick.form.requestSubmit();
            }
        });
    }

    if (!list || !list.dataset.stream || !window.EventSource) {
        return;
    }

    var status = document.getElementById("live-status");
    var last = Number(list.dataset.last || "0");
    var source = new EventSource(list.dataset.stream + "?efter=" + last);
    source.onopen = function () { if (status) { status.textContent = "Direkte: nye poster vises automatisk."; } };
    source.onerror = function () { if (status) { status.textContent = "Forbindelsen er afbrudt – prøver igen …"; } };

    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined && text !== null) { node.textContent = text; }
        return node;
    }

    function time(iso) {
        var d = new Date(iso);
        return d.toLocaleString("da-DK", { timeZone: "Europe/Copenhagen", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" }).replace(/\./g, "-").replace(",", "");
    }

    function setText(id, text) {
        var node = document.getElementById(id);
        if (node) { node.textContent = text; }
    }

    source.addEventListener("entry", function (message) {
        var data = JSON.parse(message.data);
        var e = data.entry;
        if (e.sequence <= last || document.getElementById("post-" + e.sequence)) { return; }
        last = e.sequence;
        var item = el("li", "log-entry" + (e.significant ? " significant" : "") + (e.redacted ? " redacted" : "") + " fresh");
        item.id = "post-" + e.sequence;
        item.dataset.id = e.id;
        var head = el("div", "log-entry-head");
        head.appendChild(el("span", "log-seq", "nr. " + e.sequence));
        head.appendChild(document.createTextNode(" "));
        head.appendChild(el("strong", "log-kind", e.kindName));
        if (e.significant) { head.appendChild(document.createTextNode(" ")); head.appendChild(el("span", "tag", "Væsentlig")); }
        if (e.classification === "Fortrolig") { head.appendChild(document.createTextNode(" ")); head.appendChild(el("span", "tag tag-confidential", "Fortrolig")); }
        item.appendChild(head);
        item.appendChild(el("p", "log-times", "Skete " + time(e.occurredAt) + " · registreret " + time(e.recordedAt) + " · " + e.authorName));
        if (e.redacted) {
            var p = el("p", "log-text");
            p.appendChild(el("em", null, "Fortroligt indhold – kræver sikkerhedsgodkendelse."));
            item.appendChild(p);
        } else {
            item.appendChild(el("p", "log-text", e.text));
            [["Besluttet af: ", e.decidedBy], ["Begrundelse: ", e.rationale], ["Modtager: ", e.recipient], ["Åbent: ", e.handoverOpen], ["Følg: ", e.handoverWatch]].forEach(function (pair) {
                if (pair[1]) { item.appendChild(el("p", "log-detail", pair[0] + pair[1])); }
            });
        }
        if (e.correctsEntryId) {
            var original = list.querySelector("[data-id='" + e.correctsEntryId + "']");
            if (original) {
                original.classList.add("corrected");
                var head2 = original.querySelector(".log-entry-head");
                if (head2) { head2.appendChild(document.createTextNode(" ")); head2.appendChild(el("span", "tag", "Rettet")); }
                item.appendChild(el("p", "log-detail", "Retter " + (original.querySelector(".log-seq") || { textContent: "" }).textContent));
            }
        }
        list.insertBefore(item, list.firstChild);

        var incident = data.incident;
        setText("incident-level", incident.levelName);
        setText("side-level", incident.levelName);
        setText("incident-phase", incident.phaseName);
        setText("side-phase", incident.phaseName);
        setText("incident-status", incident.status === "Aktiv" ? "Aktiv" : "Afsluttet");
        if (data.staff) {
            var staffList = document.querySelector("#staff-list .staff-list");
            if (staffList && !staffList.querySelector("form")) {
                staffList.textContent = "";
                data.staff.filter(function (m) { return !m.leftAt; }).forEach(function (m) {
                    var li = el("li");
                    li.appendChild(el("strong", null, m.name));
                    m.roles.filter(function (r) { return !r.renouncedAt; }).forEach(function (r) {
                        li.appendChild(document.createTextNode(" "));
                        li.appendChild(el("span", "tag", r.roleName));
                    });
                    staffList.appendChild(li);
                });
            } else if (status) {
                status.textContent = "Krisestaben er ændret – genindlæs for at se ændringen.";
            }
        }
    });
}());
