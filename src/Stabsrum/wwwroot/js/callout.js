// Staffing board: reloads itself when the incident's live stream announces a new log entry (answers and escalation
// steps are log entries), and every 15 seconds as a fallback (a prøvealarm has no incident stream).
// The board is server-rendered HTML from the same page; without JavaScript the page works by reload.
(function () {
    "use strict";
    var board = document.getElementById("tavle");
    if (!board || !board.dataset.refresh || !window.fetch) {
        return;
    }

    var pending = false;
    function refresh() {
        if (pending) { return; }
        pending = true;
        fetch(board.dataset.refresh, { credentials: "same-origin", headers: { "Accept": "text/html" } })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
                pending = false;
                if (!html) { return; }
                var doc = new DOMParser().parseFromString(html, "text/html");
                var next = doc.getElementById("tavle");
                if (next) {
                    board.replaceWith(next);
                    board = next;
                    var live = document.getElementById("board-live");
                    if (live) { live.textContent = "Tavlen er opdateret."; }
                }
            })
            .catch(function () { pending = false; });
    }

    if (board.dataset.stream && window.EventSource) {
        var source = new EventSource(board.dataset.stream);
        source.addEventListener("entry", refresh);
    }
    if (board.dataset.active === "1") {
        setInterval(refresh, 15000);
    }
})();
