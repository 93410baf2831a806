// Live lists: an element with data-live-refresh="<url>" is replaced by the element with the same id from that URL
// when the incident's live stream (data-stream) announces a log entry, and every data-live-interval seconds as a
// fallback for changes that are not log entries (e.g. a task's status). Someone working inside the list (focus in
// it) is never interrupted: the refresh waits and a polite status says that there is news. Without JavaScript the
// page works by reload.
(function () {
    "use strict";
    if (!window.fetch || !window.DOMParser) {
        return;
    }

    document.querySelectorAll("[data-live-refresh]").forEach(function (region) {
        var id = region.id;
        var status = document.getElementById(id + "-live");
        var pending = false;
        var waiting = false;

        function say(text) {
            if (status) { status.textContent = text; }
        }

        function busy() {
            return region.contains(document.activeElement);
        }

        function refresh() {
            if (pending) { return; }
            if (busy()) {
                waiting = true;
                say("Der er nyt i listen; den opdateres, når du forlader den.");
                return;
            }
            pending = true;
            fetch(region.dataset.liveRefresh, { credentials: "same-origin", headers: { "Accept": "text/html" } })
                .then(function (r) { return r.ok ? r.text() : null; })
                .then(function (html) {
                    pending = false;
                    if (!html || busy()) { return; }
                    var next = new DOMParser().parseFromString(html, "text/html").getElementById(id);
                    if (next && next.innerHTML !== region.innerHTML) {
                        region.innerHTML = next.innerHTML;
                        say("Listen er opdateret.");
                    }
                })
                .catch(function () { pending = false; });
        }

        region.addEventListener("focusout", function () {
            if (waiting) {
                setTimeout(function () { if (!busy()) { waiting = false; refresh(); } }, 0);
            }
        });
        if (region.dataset.stream && window.EventSource) {
            new EventSource(region.dataset.stream).addEventListener("entry", refresh);
        }
        var seconds = parseInt(region.dataset.liveInterval || "0", 10);
        if (seconds > 0) {
            setInterval(refresh, seconds * 1000);
        }
    });
})();
