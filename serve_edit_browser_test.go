package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeScript is axe-core, from where .ci/run installs the npm package
// ($BACKPLAN_AXE names another axe.min.js). Nothing is fetched at run time.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("BACKPLAN_AXE")
	if path == "" {
		home, _ := os.UserHomeDir()
		path = filepath.Join(home, ".cache", "backplan-axe", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("axe-core is missing (%v): run .ci/run, or npm install --prefix ~/.cache/backplan-axe axe-core@4.14.1", err)
	}
	return string(data)
}

// checkAxe runs axe-core on the page as it is and fails on every serious
// or critical finding, naming the state the page is in.
func checkAxe(t *testing.T, ctx context.Context, axe, state string) {
	t.Helper()
	type finding struct {
		ID, Impact string
		Nodes      []struct{ Target []any }
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]finding](axe+`;
		axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
			.filter(v => v.impact === "serious" || v.impact === "critical")
			.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => ({target: n.target}))})))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe-core (%s): %v", state, err)
	}
	for _, f := range found {
		var where []string
		for _, n := range f.Nodes {
			where = append(where, fmt.Sprint(n.Target...))
		}
		t.Errorf("axe-core, %s: %s (%s) at %s", state, f.ID, f.Impact, strings.Join(where, "; "))
	}
}

// TestServeBrowserEdit shapes a plan on the page as a clinician would:
// gives the band row a dose of her own, takes an exercise out, moves one
// up, downloads the workbook (the command line's, given the same
// choices), saves the plan file and opens it back into the page, whose
// workbook is the same again. axe-core checks the page at each step.
func TestServeBrowserEdit(t *testing.T) {
	ctx := browserContext(t, 120*time.Second)
	ts := newHTTPTestServer(t)
	axe := axeScript(t)
	row := `#preview li[data-id="row-band"]`
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts),
		chromedp.WaitVisible(chromedp.CSS(row)),
	); err != nil {
		t.Fatalf("loading the page: %v", err)
	}
	checkAxe(t, ctx, axe, "the page as it opens")
	checkChooser(t, ctx, axe)
	changeExercises(t, ctx, axe, row)
	order, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`input[name="order"]`)))
	if err != nil {
		t.Fatal(err)
	}
	paper, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-paper")))
	if err != nil {
		t.Fatal(err)
	}
	got := download(t, ctx, "download")
	want := cliOutput(t, "--dose", "row-band=1 set of 6 to 2 sets of 10", "--exclude", "cat-cow", "--order", order, "--paper", paper)
	if !bytes.Equal(got, want) {
		t.Errorf("the changed plan's PDF (%d bytes) is not the command line's (%d bytes)", len(got), len(want))
	}
	saved := download(t, ctx, "save-plan")
	file := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(file, saved, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts),
		chromedp.WaitVisible(chromedp.ID("u-from")),
		chromedp.SetUploadFiles(chromedp.ID("u-from"), []string{file}),
		chromedp.Click(chromedp.ID("open-plan")),
		chromedp.WaitVisible(chromedp.CSS(row+` .tag`)),
	); err != nil {
		t.Fatalf("opening the plan file: %v", err)
	}
	checkAxe(t, ctx, axe, "a plan file opened")
	if again := download(t, ctx, "download"); !bytes.Equal(again, want) {
		t.Errorf("the reopened plan's PDF (%d bytes) is not the one it was saved from (%d bytes)", len(again), len(want))
	}
}

// newHTTPTestServer serves the page on loopback for the test's length and
// returns its address.
func newHTTPTestServer(t *testing.T) string {
	ts := httptest.NewServer(newTestHandler(t))
	t.Cleanup(ts.Close)
	return ts.URL
}

// TestServeBrowserWorkbench drives the rest of the workbench: on a phone
// the preview is one link away; Enter previews and a screen reader hears
// one sentence; a swap; "Remember me" and "Forget them"; and a roster
// that takes the form's choices and reports its refused row on the page.
func TestServeBrowserWorkbench(t *testing.T) {
	ctx := browserContext(t, 150*time.Second)
	ts := newHTTPTestServer(t)
	axe := axeScript(t)
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts),
		chromedp.WaitVisible(chromedp.CSS(".skip")),
	); err != nil {
		t.Fatalf("the page on a phone: %v", err)
	}
	above, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".skip").getBoundingClientRect().bottom < 844 &&
		document.querySelector(".skip").getBoundingClientRect().top < document.getElementById("download").getBoundingClientRect().top`))
	if err != nil || !above {
		t.Errorf("on a phone the link to the preview is not on the first screen, above the downloads (%v)", err)
	}
	checkAxe(t, ctx, axe, "a phone, 390 px")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".skip")),
		chromedp.Poll[chromedp.Void](`Math.abs(document.getElementById("preview-pane").getBoundingClientRect().top) < 50`, wait),
		chromedp.EmulateViewport(1280, 1000),
		chromedp.SendKeys(chromedp.ID("f-patient"), "Cy Ng\r"),
		chromedp.Poll[chromedp.Void](`document.querySelector("#preview h2").textContent.startsWith("Cy Ng")`, wait),
		chromedp.Poll[chromedp.Void](`document.getElementById("preview-status").textContent.startsWith("Preview updated: ")`, wait),
	); err != nil {
		t.Fatalf("the preview link, then Enter in the name: %v", err)
	}
	if got := text(t, ctx, "preview-status"); len(got) > 200 {
		t.Errorf("a screen reader hears %d characters: %.100q…", len(got), got)
	}
	swapBandRow(t, ctx, axe)
	rememberMe(t, ctx, ts)
	rosterOnPage(t, ctx, axe)
	keyboardAlone(t, ctx, ts)
}

// keyboardAlone makes a workbook with the keys alone: the weeks raised
// with the arrow key, Tab to the download button, Enter.
func keyboardAlone(t *testing.T, ctx context.Context, ts string) {
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts),
		chromedp.WaitVisible(chromedp.ID("f-weeks")),
		chromedp.Focus(chromedp.ID("f-weeks")),
		chromedp.KeyEvent(kb.ArrowUp+kb.ArrowUp), // 4 weeks, up to 6
		chromedp.Poll[chromedp.Void](`document.querySelector("#preview h2").textContent.startsWith("6 weeks")`, wait),
	); err != nil {
		t.Fatalf("typing the weeks: %v", err)
	}
	for range 300 {
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
		if err != nil {
			t.Fatal(err)
		}
		if id == "download" {
			break
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
	}
	paper, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-paper")))
	got := downloadBy(t, ctx, "Enter on the download button", chromedp.KeyEvent("\r"))
	if want := cliOutput(t, "--weeks", "6", "--paper", paper); !bytes.Equal(got, want) {
		t.Errorf("the workbook made with the keys (%d bytes) is not backplan --weeks 6's (%d bytes)", len(got), len(want))
	}
}

// zipEntry is the file called name in a zip.
func zipEntry(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("the zip has no %s", name)
	return nil
}

// checkChooser opens the chooser and searches it: the cable row is greyed,
// saying why, and the band row is marked as in the plan.
func checkChooser(t *testing.T, ctx context.Context, axe string) {
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#f-include summary`)),
		chromedp.SendKeys(chromedp.CSS(`#f-search`), "row"),
		chromedp.Poll[chromedp.Void](`document.querySelector('#catalogue tr[data-id="row-cable"]').classList.contains("unsuited")`, wait),
	); err != nil {
		t.Fatalf("the chooser: %v", err)
	}
	if got := text(t, ctx, "m-row-cable"); !strings.Contains(got, "cable machine") {
		t.Errorf("the chooser says of the cable row %q; want why it is ruled out", got)
	}
	if got := text(t, ctx, "m-row-band"); got != "In the plan." {
		t.Errorf("the chooser says of the band row %q", got)
	}
	checkAxe(t, ctx, axe, "the chooser open, searched")
}

// changeExercises sets the band row's own dose with Enter, takes out the
// cat-cow and moves the bridge up.
func changeExercises(t *testing.T, ctx context.Context, axe, row string) {
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector('`+row+` [data-edit="start"]').value = "1 set of 6";
			document.querySelector('`+row+` [data-edit="top"]').value = ""`),
		// Enter in a dose sets it: it does not download.
		chromedp.SendKeys(chromedp.CSS(row+` [data-edit="top"]`), "2 sets of 10\r"),
	); err != nil {
		t.Fatalf("setting a dose: %v", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Poll[chromedp.Void](`!!document.querySelector('`+row+` .tag')`, wait),
	); err != nil {
		state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('input[name="dose"]'), h => h.value).join("|") + " / " + document.querySelector("#e-dose").textContent + " / " + document.querySelector("#preview").textContent.slice(0, 300)`))
		t.Fatalf("the dose did not take: %v (%s)", err, state)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#preview li[data-id="cat-cow"] [data-act="remove"]`)),
		chromedp.Poll[chromedp.Void](`!document.querySelector('#preview .edits li[data-id="cat-cow"]')`, wait),
		chromedp.Click(chromedp.CSS(`#preview li[data-id="bridge"] [data-act="up"]`)),
		chromedp.Poll[chromedp.Void](`document.querySelector('input[name="order"]').value.includes("bridge")`, wait),
	); err != nil {
		state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('input[name="order"]').value + " / " + Array.from(document.querySelectorAll("#preview .edits li"), l => l.dataset.id).join(",") + " / " + document.querySelector("#preview").textContent.slice(0, 300)`))
		t.Fatalf("changing the exercises: %v (%s)", err, state)
	}
	preview := text(t, ctx, "preview")
	if !strings.Contains(preview, "1 set of 6") {
		t.Errorf("the preview does not show the band row's new start dose")
	}
	checkAxe(t, ctx, axe, "the plan changed")
}

// swapBandRow swaps the band row for the first exercise offered.
func swapBandRow(t *testing.T, ctx context.Context, axe string) {
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	to, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#preview li[data-id="row-band"] select[data-edit="swap"] option:nth-child(2)').value`))
	if err != nil {
		t.Fatalf("the band row has no swap: %v", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`const s = document.querySelector('#preview li[data-id="row-band"] select[data-edit="swap"]');
			s.focus(); s.value = "`+to+`"; s.dispatchEvent(new Event("change", {bubbles: true}))`),
		chromedp.Poll[chromedp.Void](`!!document.querySelector('#preview .edits li[data-id="`+to+`"]') && !document.querySelector('#preview .edits li[data-id="row-band"]')`, wait),
	); err != nil {
		t.Fatalf("swapping the band row for %s: %v", to, err)
	}
	checkAxe(t, ctx, axe, "after a swap")
}

// rememberMe keeps the clinician across a reload, then forgets.
func rememberMe(t *testing.T, ctx context.Context, ts string) {
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("f-clinician"), "Dr Lee"),
		chromedp.Click(chromedp.ID("f-remember")),
		chromedp.Navigate(ts),
		chromedp.Poll[chromedp.Void](`document.getElementById("f-clinician").value === "Dr Lee" && document.getElementById("f-patient").value === ""`, wait),
		chromedp.Click(chromedp.ID("forget")),
		chromedp.Navigate(ts),
		chromedp.WaitVisible(chromedp.ID("f-clinician")),
	); err != nil {
		t.Fatalf("remember me: %v", err)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-clinician"))); v != "" {
		t.Errorf("after Forget them the clinician is still %q", v)
	}
}

// rosterOnPage sends a roster with one bad row: the form's weeks and
// clinician fill the roster's gaps, and the report shows on the page.
func rosterOnPage(t *testing.T, ctx context.Context, axe string) {
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	roster := filepath.Join(t.TempDir(), "class.csv")
	if err := os.WriteFile(roster, []byte("patient,weeks\nAna Ruiz,\nBen Ode,99\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("f-weeks"), ""),
		chromedp.SendKeys(chromedp.ID("f-weeks"), "6"),
		chromedp.SendKeys(chromedp.ID("f-clinician"), "Dr Lee"),
		chromedp.SetUploadFiles(chromedp.ID("u-batch"), []string{roster}),
	); err != nil {
		t.Fatalf("the roster: %v", err)
	}
	zipped := download(t, ctx, "batch-button")
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`document.getElementById("batch-report").textContent.includes("1 of 2 rows made")`, wait)); err != nil {
		t.Fatalf("the roster's report: %v", err)
	}
	if got := text(t, ctx, "batch-report"); !strings.Contains(got, "line 3 (Ben Ode)") {
		t.Errorf("the roster's report: %q", got)
	}
	checkAxe(t, ctx, axe, "a roster's report")
	paper, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-paper")))
	if pdf := zipEntry(t, zipped, "ana-ruiz.pdf"); !bytes.Equal(pdf, cliOutput(t, "--patient", "Ana Ruiz", "--weeks", "6", "--clinician", "Dr Lee", "--paper", paper)) {
		t.Errorf("Ana Ruiz's workbook from the roster did not take the form's weeks and clinician")
	}
}

// TestServePhoneScreenshot writes what a phone shows after "Go to the
// preview", when BACKPLAN_PHONE_SCREENSHOT names the PNG to write.
func TestServePhoneScreenshot(t *testing.T) {
	out := os.Getenv("BACKPLAN_PHONE_SCREENSHOT")
	if out == "" {
		t.Skip("set BACKPLAN_PHONE_SCREENSHOT to the PNG to write")
	}
	ctx := browserContext(t, 60*time.Second)
	ts := newHTTPTestServer(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts),
		chromedp.Click(chromedp.CSS(".skip")),
		chromedp.Sleep(300*time.Millisecond),
	); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
