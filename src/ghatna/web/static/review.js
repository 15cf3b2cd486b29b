// Reviewing events on the events explorer, the article page and the review queue.
//
// Every element with data-event-id is an event (a table row or an article's card). Once the
// reviewer has entered the server's token (kept in sessionStorage for this tab only, never
// put in a URL), its ✓, ✗ and edit buttons post to /api/events/{id}/review, and the keys
// j/k move between events, y marks the selected one correct, n wrong, e opens the
// correction dialog. The element shows the verdict the server answered with.
(function () {
  "use strict";
  const panel = document.getElementById("review-panel");
  if (!panel) return;
  const TOKEN = "ghatna-review-token", NAME = "ghatna-review-name";
  const tokenForm = document.getElementById("review-token");
  const on = document.getElementById("review-on");
  const message = document.getElementById("review-message");
  const dialog = document.getElementById("review-edit");
  const field = (name) => document.getElementById("review-edit-" + name);
  const events = () => Array.from(document.querySelectorAll("[data-event-id]"));
  let selected = null, editing = null;

  function say(text, isError) {
    message.textContent = text;
    message.classList.toggle("error", Boolean(isError));
  }

  function token() { return sessionStorage.getItem(TOKEN); }

  function showState() {
    const active = Boolean(token());
    document.body.classList.toggle("reviewing", active);
    tokenForm.hidden = active;
    on.hidden = !active;
  }

  tokenForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const value = document.getElementById("review-token-input").value.trim();
    if (!value) return;
    sessionStorage.setItem(TOKEN, value);
    const name = document.getElementById("review-name-input").value.trim();
    if (name) sessionStorage.setItem(NAME, name); else sessionStorage.removeItem(NAME);
    document.getElementById("review-token-input").value = "";
    say("");
    showState();
    if (!selected && events().length) select(events()[0]);
  });

  document.getElementById("review-forget").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN);
    showState();
  });

  function select(el) {
    if (selected) selected.classList.remove("selected");
    selected = el;
    if (!el) return;
    el.classList.add("selected");
    el.scrollIntoView({block: "nearest"});
  }

  function move(step) {
    const all = events();
    if (!all.length) return;
    const at = all.indexOf(selected);
    if (at < 0) { select(all[step > 0 ? 0 : all.length - 1]); return; }
    select(all[Math.min(all.length - 1, Math.max(0, at + step))]);
  }

  function codes(text) {
    return text.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
  }

  function show(el, record) {
    const verdict = record.review ? record.review.verdict : "";
    el.dataset.verdict = verdict;
    el.dataset.type = record.event;
    el.dataset.date = record.date || "";
    el.querySelector(".verdict").textContent = verdict || "unreviewed";
    const type = el.querySelector(".etype");
    if (type) {
      type.textContent = record.event;
      type.className = "etype t-" + record.event;
    }
    if (record.review && record.review.verdict === "corrected") {
      const key = (r) => r.code || r.country || (r.org ? "IGO:" + r.org : null);
      el.dataset.actor = record.actor.map(key).filter(Boolean).join(",");
      el.dataset.recipient = record.recipient.map(key).filter(Boolean).join(",");
    }
  }

  async function judge(el, body) {
    if (!token()) { say("Enter the review token first.", true); return; }
    const name = sessionStorage.getItem(NAME);
    if (name) body.reviewer = name;
    el.dataset.pending = "true";
    try {
      const response = await fetch("/api/events/" + encodeURIComponent(el.dataset.eventId) + "/review", {
        method: "POST",
        headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token()},
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => ({}));
      if (response.ok) {
        show(el, data);
        say("");
      } else {
        if (response.status === 401 || response.status === 403) {
          sessionStorage.removeItem(TOKEN);
          showState();
        }
        say((data.error && data.error.message) || ("the server answered " + response.status), true);
      }
    } catch (err) {
      say("the verdict was not saved: " + err, true);
    } finally {
      delete el.dataset.pending;
    }
  }

  function edit(el) {
    if (!token()) { say("Enter the review token first.", true); return; }
    editing = el;
    field("type").value = el.dataset.type;
    field("actor").value = el.dataset.actor.split(",").filter(Boolean).join(", ");
    field("recipient").value = el.dataset.recipient.split(",").filter(Boolean).join(", ");
    field("date").value = el.dataset.date;
    field("note").value = "";
    dialog.returnValue = "";  // Escape keeps the last one
    dialog.showModal();
    field("type").focus();
  }

  dialog.addEventListener("close", () => {
    const el = editing;
    editing = null;
    if (!el || dialog.returnValue !== "save") return;
    const body = {verdict: "corrected"};
    if (field("type").value !== el.dataset.type) body.event = field("type").value;
    for (const side of ["actor", "recipient"]) {
      const given = codes(field(side).value);
      if (given.join(",") !== el.dataset[side]) body[side] = given;
    }
    const date = field("date").value.trim();
    if (date && date !== el.dataset.date) body.date = date;
    const note = field("note").value.trim();
    if (note) body.note = note;
    if (Object.keys(body).filter((k) => k !== "note").length === 1) {
      say("Nothing was changed, so nothing was saved.", true);
      return;
    }
    judge(el, body);
  });

  document.addEventListener("click", (ev) => {
    const button = ev.target.closest("[data-judge]");
    if (!button) return;
    const el = button.closest("[data-event-id]");
    select(el);
    if (button.dataset.judge === "edit") edit(el);
    else judge(el, {verdict: button.dataset.judge});
  });

  document.addEventListener("keydown", (ev) => {
    if (!token() || dialog.open || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest("input, select, textarea, [contenteditable]")) return;
    const actions = {
      j: () => move(1), k: () => move(-1),
      y: () => selected && judge(selected, {verdict: "correct"}),
      n: () => selected && judge(selected, {verdict: "wrong"}),
      e: () => selected && edit(selected),
    };
    const action = actions[ev.key];
    if (!action) return;
    ev.preventDefault();
    action();
  });

  showState();
})();
