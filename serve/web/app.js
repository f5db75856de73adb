// backplan serve: the preview follows the form as it changes. Without this
// script the Preview button does the same with a round trip.
"use strict";
(function () {
  const form = document.getElementById("plan-form");
  const preview = document.getElementById("preview");
  if (!form || !preview || !window.fetch) return;
  document.documentElement.classList.add("js");

  let timer = 0;
  let pending = null;

  // Dates in mistakes as the date fields show them, in the browser's own
  // short form (01/02/2020 in the US), not the server's 2020-01-02.
  const isoDate = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
  function shownDates(text) {
    return text.replace(isoDate, (all, y, m, d) => {
      const t = new Date(Date.UTC(+y, +m - 1, +d));
      if (isNaN(t.getTime())) return all;
      return t.toLocaleDateString(undefined, { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" });
    });
  }

  function showErrors() {
    const byField = new Map();
    for (const li of preview.querySelectorAll("li[data-field]")) {
      const walk = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) n.nodeValue = shownDates(n.nodeValue);
      const f = li.dataset.field;
      if (f && !byField.has(f)) byField.set(f, shownDates(li.dataset.msg + (li.dataset.hint ? " (" + li.dataset.hint + ")" : "")));
    }
    for (const box of form.querySelectorAll("p.error[data-for]")) {
      const msg = byField.get(box.dataset.for);
      box.textContent = msg || "";
      box.hidden = !msg;
      for (const input of form.querySelectorAll('[name="' + box.dataset.for + '"]')) {
        if (input.type === "hidden") continue;
        if (msg) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    }
  }

  // Ticked weekdays name the days, so the number of days is left empty;
  // typing a number of days unticks them. The two never clash.
  function syncDays(ev) {
    const t = ev.target;
    if (!t || ev.type !== "input" && ev.type !== "change") return;
    const days = form.elements.namedItem("days");
    if (!days) return;
    if (t.name === "weekdays") {
      const n = form.querySelectorAll('input[name="weekdays"]:checked').length;
      days.value = "";
      days.placeholder = n > 0 ? String(n) : "";
    } else if (t.name === "days" && t.value !== "") {
      for (const box of form.querySelectorAll('input[name="weekdays"]:checked')) box.checked = false;
    }
  }

  // The preview needs the choices, not the logo: the file stays out.
  function previewBody() {
    const data = new FormData(form);
    data.delete("logo");
    return new URLSearchParams(data);
  }

  async function update() {
    if (pending) pending.abort();
    pending = new AbortController();
    document.body.classList.add("busy");
    try {
      const res = await fetch("/preview", {
        method: "POST",
        body: previewBody(),
        signal: pending.signal,
      });
      if (res.status === 200 || res.status === 400) {
        const keep = focused();
        // While a field is wrong, the last plan stays below the mistakes,
        // marked as out of date.
        const last = res.status === 400 ? preview.querySelector(".plan") : null;
        preview.innerHTML = await res.text();
        if (last) {
          last.classList.add("stale");
          const note = document.createElement("p");
          note.className = "note";
          note.textContent = "Below: the plan as it was before this change.";
          preview.append(note, last);
        }
        preview.dataset.state = res.status === 200 ? "plan" : "errors";
        showErrors();
        markChooser();
        announce();
        refocus(keep);
      } else {
        preview.textContent = (await res.text()).trim();
      }
    } catch (e) {
      if (e.name !== "AbortError") preview.textContent = "The preview could not be loaded: is backplan serve still running?";
    } finally {
      document.body.classList.remove("busy");
    }
  }

  // Presets block (page.html): choosing a preset fills the plan's fields
  // with its values (its data-fill, the defaults for what it leaves
  // unsaid) and shows its reason; the clinician changes any field after.
  // The form's change listener then updates the preview. The choice is
  // hidden until this script shows it: without it nothing fills the form.
  function fillFromPreset(ev) {
    const t = ev.target;
    if (!t || t.name !== "preset" || ev.type !== "change") return;
    const chosen = t.selectedOptions[0];
    if (!chosen || !chosen.dataset.fill) return;
    const fill = new URLSearchParams(chosen.dataset.fill);
    for (const el of form.elements) {
      if (!el.name || !fill.has(el.name) || el.type === "hidden") continue;
      const v = fill.get(el.name);
      if (el.type === "checkbox") el.checked = v.split(",").includes(el.value);
      else el.value = v;
    }
    const note = document.getElementById("h-preset");
    if (note && chosen.dataset.reason) note.textContent = chosen.dataset.reason;
  }
  form.addEventListener("change", fillFromPreset);
  const presetBox = document.getElementById("preset-box");
  if (presetBox) presetBox.hidden = false;

  function later(ev) {
    // The controls that change the plan's exercises act on their own.
    if (ev.target && preview.contains(ev.target)) return;
    if (ev.target && ev.target.id === "f-search") return;
    syncDays(ev);
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);

  // Screen readers hear one sentence when the preview changes, not the
  // whole plan.
  const status = document.getElementById("preview-status");
  function announce() {
    const s = preview.querySelector("[data-summary]");
    if (status && s) status.textContent = s.dataset.summary;
  }

  // The focus stays on the control it was on when the preview is redrawn.
  function focused() {
    const a = document.activeElement;
    if (!a || !preview.contains(a)) return null;
    const li = a.closest("li[data-id]");
    return li ? { id: li.dataset.id, act: a.dataset.act || "", edit: a.dataset.edit || "" } : { heading: true };
  }
  function refocus(k) {
    if (!k) return;
    let el = null;
    if (k.id) {
      const li = preview.querySelector('li[data-id="' + CSS.escape(k.id) + '"]');
      if (li) el = k.act ? li.querySelector('[data-act="' + k.act + '"]') : li.querySelector('[data-edit="' + k.edit + '"]');
      if (el && el.disabled) el = li.querySelector("button:not([disabled])");
    }
    (el || document.getElementById("preview-pane")).focus();
  }

  // The plan's changes are fields of the form: dose (one each), order,
  // include and exclude.
  function box(name, id) {
    return form.querySelector('input[name="' + name + '"][value="' + CSS.escape(id) + '"]');
  }
  function setDose(id, text) {
    for (const h of form.querySelectorAll('input[name="dose"]')) {
      if (h.value.split("=")[0] === id) h.remove();
    }
    if (!text) return;
    const h = document.createElement("input");
    h.type = "hidden"; h.name = "dose"; h.value = id + "=" + text;
    document.getElementById("f-dose").prepend(h);
  }
  function listed() {
    return Array.from(preview.querySelectorAll(".edits li[data-id]"), (li) => li.dataset.id);
  }
  function setOrder(ids) {
    form.elements.namedItem("order").value = ids.join(",");
  }
  function takeOut(id) {
    const inc = box("include", id), exc = box("exclude", id);
    if (inc) inc.checked = false;
    if (exc) exc.checked = true;
    setDose(id, "");
    setOrder(listed().filter((x) => x !== id));
  }
  async function act(li, what) {
    const id = li.dataset.id;
    const before = Array.from(form.querySelectorAll('input[name="dose"]'), (h) => h.value);
    const ids = listed();
    const i = ids.indexOf(id);
    if (what === "dose") {
      const start = li.querySelector('[data-edit="start"]').value.trim();
      const top = li.querySelector('[data-edit="top"]').value.trim();
      setDose(id, top && top !== start ? start + " to " + top : start);
    } else if (what === "up" || what === "down") {
      const j = what === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= ids.length) return;
      [ids[i], ids[j]] = [ids[j], ids[i]];
      setOrder(ids);
    } else if (what === "remove") {
      takeOut(id);
    } else if (what.startsWith("swap:")) {
      const to = what.slice(5);
      takeOut(id);
      const inc = box("include", to), exc = box("exclude", to);
      if (exc) exc.checked = false;
      if (inc) inc.checked = true;
      ids[i] = to;
      setOrder(ids);
    }
    clearTimeout(timer);
    await update();
    // A dose the planner refuses is put back, so that the plan stays on
    // the page to change, and the mistake shows beside the doses.
    const bad = preview.querySelector('li[data-field="dose"]');
    if (what === "dose" && bad) {
      const msg = bad.dataset.msg + (bad.dataset.hint ? " (" + bad.dataset.hint + ")" : "");
      for (const h of form.querySelectorAll('input[name="dose"]')) h.remove();
      for (const v of before) { setDose(v.split("=")[0], v.slice(v.indexOf("=") + 1)); }
      await update();
      const e = document.getElementById("e-dose");
      if (e) { e.textContent = msg; e.hidden = false; }
      const again = preview.querySelector('li[data-id="' + CSS.escape(id) + '"] [data-edit="start"]');
      if (again) { again.setAttribute("aria-invalid", "true"); again.setAttribute("aria-describedby", "e-dose"); again.focus(); }
      if (status) status.textContent = "That dose was not taken: " + msg;
    }
  }
  preview.addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-act]");
    if (b) act(b.closest("li[data-id]"), b.dataset.act);
  });
  preview.addEventListener("change", (ev) => {
    const sel = ev.target.closest('select[data-edit="swap"]');
    if (sel && sel.value) act(sel.closest("li[data-id]"), "swap:" + sel.value);
  });

  // Enter previews (or sets the dose it was typed in); it never downloads.
  form.addEventListener("keydown", (ev) => {
    const t = ev.target;
    if (ev.key !== "Enter" || !t || t.tagName !== "INPUT" || ["checkbox", "file", "submit", "button"].includes(t.type)) return;
    ev.preventDefault();
    const li = t.closest(".edits li[data-id]");
    if (li) act(li, "dose");
    else if (t.id !== "f-search") { clearTimeout(timer); update(); }
  });

  // The chooser shows which exercises the plan uses, and greys out (and
  // says why) those the settings rule out.
  function markChooser() {
    const marks = new Map(Array.from(preview.querySelectorAll(".marks li"), (m) => [m.dataset.id, m]));
    if (marks.size === 0) return;
    for (const row of form.querySelectorAll(".catalogue tr[data-id]")) {
      const m = marks.get(row.dataset.id);
      const used = !!(m && m.dataset.used), why = (m && m.dataset.why) || "";
      row.classList.toggle("used", used);
      row.classList.toggle("unsuited", why !== "");
      const note = row.querySelector(".mark");
      if (note) note.textContent = used ? "In the plan." : why;
      const inc = row.querySelector('input[name="include"]');
      if (inc) inc.disabled = why !== "" && !inc.checked;
    }
  }

  // Searching the chooser by name.
  const search = document.getElementById("f-search");
  if (search) {
    search.addEventListener("input", () => {
      const q = search.value.trim().toLowerCase();
      let n = 0;
      for (const row of form.querySelectorAll(".catalogue tr[data-id]")) {
        const hit = !q || row.dataset.name.toLowerCase().includes(q);
        row.hidden = !hit;
        if (hit) n++;
      }
      const h = document.getElementById("h-search");
      if (h) h.textContent = q ? n + (n === 1 ? " exercise matches." : " exercises match.") : "";
    });
  }

  // A page sent back with mistakes takes the focus to them.
  const problem = document.querySelector(".problems, p.error[role=alert]");
  if (problem) {
    problem.tabIndex = -1;
    problem.focus();
  }
  // Remember me: the clinician's own details, in this browser only.
  const keep = ["clinician", "clinic", "contact", "paper"];
  const store = "backplan.clinician";
  const remember = document.getElementById("f-remember");
  function saveMe() {
    if (!remember || !remember.checked) return;
    const me = {};
    for (const k of keep) me[k] = form.elements.namedItem(k).value;
    try { localStorage.setItem(store, JSON.stringify(me)); } catch (e) { /* storage off: nothing kept */ }
  }
  function forget() {
    try { localStorage.removeItem(store); } catch (e) { /* nothing kept */ }
    if (remember) remember.checked = false;
  }
  if (remember) {
    let me = null;
    try { me = JSON.parse(localStorage.getItem(store) || "null"); } catch (e) { me = null; }
    if (me) {
      remember.checked = true;
      for (const k of keep) if (typeof me[k] === "string" && me[k] !== "") form.elements.namedItem(k).value = me[k];
      update();
    }
    remember.addEventListener("change", () => (remember.checked ? saveMe() : forget()));
    form.addEventListener("input", (ev) => { if (keep.includes(ev.target.name)) saveMe(); });
    form.addEventListener("change", (ev) => { if (keep.includes(ev.target.name)) saveMe(); });
    document.getElementById("forget").addEventListener("click", () => {
      forget();
      if (status) status.textContent = "Your details are no longer kept on this computer.";
    });
  }

  // New patient: clears the patient's own fields and the plan's changes,
  // keeping the clinician's.
  document.getElementById("new-patient").addEventListener("click", () => {
    for (const k of ["patient", "notes", "email"]) form.elements.namedItem(k).value = "";
    for (const k of ["protect", "eml-plan"]) form.elements.namedItem(k).checked = false;
    for (const h of form.querySelectorAll('input[name="dose"]')) h.remove();
    form.elements.namedItem("order").value = "";
    const logo = form.elements.namedItem("logo");
    if (logo && !remember) logo.value = "";
    form.elements.namedItem("patient").focus();
    update();
  });

  // The PDF itself, in the page, and printing it.
  const view = document.getElementById("pdf-view"), frame = document.getElementById("pdf-frame");
  let pdfURL = "";
  async function showPDF() {
    const data = new FormData(form);
    data.delete("protect");
    const res = await fetch("/workbook", { method: "POST", body: data });
    if (!res.ok || !(res.headers.get("Content-Type") || "").startsWith("application/pdf")) {
      update();
      return false;
    }
    if (pdfURL) URL.revokeObjectURL(pdfURL);
    pdfURL = URL.createObjectURL(await res.blob());
    frame.src = pdfURL;
    view.hidden = false;
    return true;
  }
  document.getElementById("show-pdf").addEventListener("click", () => { showPDF(); });
  document.getElementById("print-pdf").addEventListener("click", async () => {
    if (!(await showPDF())) return;
    frame.addEventListener("load", () => { try { frame.contentWindow.print(); } catch (e) { /* the viewer has its own Print */ } }, { once: true });
  });

  // A roster takes the form's choices for the columns it lacks, and its
  // report shows here: rows made, rows refused with their line and why.
  const batch = document.getElementById("batch-form"), report = document.getElementById("batch-report");
  if (batch && report) {
    const own = ["patient", "email", "notes", "logo", "dose", "order"];
    batch.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const data = new FormData(batch);
      for (const [k, v] of new FormData(form)) {
        if (own.includes(k) || batch.elements.namedItem(k) || typeof v !== "string") continue;
        data.append(k, v);
      }
      report.textContent = "Making the workbooks…";
      report.className = "";
      const res = await fetch("/batch", { method: "POST", body: data });
      if (res.ok && (res.headers.get("Content-Type") || "").startsWith("application/zip")) {
        const lines = decodeURIComponent(res.headers.get("X-Backplan-Report") || "").split("\n").filter(Boolean);
        const a = document.createElement("a");
        a.href = URL.createObjectURL(await res.blob());
        a.download = "workbooks.zip";
        document.body.append(a);
        a.click();
        a.remove();
        report.innerHTML = "";
        const h = document.createElement("p");
        h.textContent = "Downloaded workbooks.zip: " + (lines[0] || "") + ".";
        report.append(h);
        if (lines.length > 1) {
          const ul = document.createElement("ul");
          for (const l of lines.slice(1)) { const li = document.createElement("li"); li.textContent = "Refused: " + l; ul.append(li); }
          report.append(ul);
        }
      } else {
        report.textContent = (await res.text()).trim();
        report.className = "error";
        report.tabIndex = -1;
        report.focus();
      }
    });
  }

  markChooser();
  announce();
})();
