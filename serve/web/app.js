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

  function showErrors() {
    const byField = new Map();
    for (const li of preview.querySelectorAll("li[data-field]")) {
      const f = li.dataset.field;
      if (f && !byField.has(f)) byField.set(f, li.dataset.msg + (li.dataset.hint ? " (" + li.dataset.hint + ")" : ""));
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
        preview.innerHTML = await res.text();
        preview.dataset.state = res.status === 200 ? "plan" : "errors";
        showErrors();
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
    syncDays(ev);
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
