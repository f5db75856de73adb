package main

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/backplan/backplan/internal/testenv"
)

// chromiumPath finds Debian's chromium, or skips the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	testenv.SkipUnlessFull(t, "the browser test starts chromium")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium installed (apt-get install -y chromium); skipping the browser test")
	return ""
}

// browserContext starts a headless Chromium with its own throw-away
// profile and nothing running in the background.
func browserContext(t *testing.T, timeout time.Duration) context.Context {
	path := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// TestServeBrowser drives the page in a real browser: fill in a Greek
// name, see the preview follow, put a mistake right, press download, and
// get the command line's PDF.
func TestServeBrowser(t *testing.T) {
	ctx := browserContext(t, 90*time.Second)
	ts := httptest.NewServer(newTestHandler(t)) // on loopback
	defer ts.Close()

	const name = "Ζωή Παπαδοπούλου-Núñez"
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL),
		chromedp.WaitVisible(chromedp.ID("f-patient")),
	); err != nil {
		t.Fatalf("loading the page: %v", err)
	}
	checkLabels(t, ctx)
	before := text(t, ctx, "preview")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("f-patient")),
		chromedp.SendKeys(chromedp.ID("f-patient"), name),
		chromedp.Poll[chromedp.Void](`document.querySelector("#preview h2") && document.querySelector("#preview h2").textContent.includes("Παπαδοπούλου-Núñez")`, wait),
	); err != nil {
		t.Fatalf("typing the name: %v", err)
	}
	if after := text(t, ctx, "preview"); before == after || !strings.Contains(after, name) {
		t.Errorf("the preview did not follow the name: it reads %.200q", after)
	}
	paper, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-paper")))
	if err != nil {
		t.Fatal(err)
	}
	checkWeeksMistake(t, ctx)
	checkDateMistake(t, ctx)
	got := download(t, ctx, "download")
	want := cliOutput(t, "--patient", name, "--paper", paper)
	if !bytes.Equal(got, want) {
		t.Errorf("the downloaded PDF (%d bytes) differs from backplan --patient %q --paper %s (%d bytes)", len(got), name, paper, len(want))
	}
}

// text is the text of the element with the id.
func text(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
	if err != nil {
		t.Fatalf("reading #%s: %v", id, err)
	}
	return s
}

// checkLabels checks that every field a person can reach has a label.
func checkLabels(t *testing.T, ctx context.Context) {
	t.Helper()
	unlabelled, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("input:not([type=hidden]), select, textarea"))
		.filter(e => e.labels.length === 0).map(e => e.name + "#" + e.id)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(unlabelled) > 0 {
		t.Errorf("fields without a label: %v", unlabelled)
	}
}

// checkWeeksMistake types a number of weeks out of range: the mistake
// shows beside the field, in the command line's words, and goes when it
// is put right.
func checkWeeksMistake(t *testing.T, ctx context.Context) {
	t.Helper()
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("f-weeks"), ""),
		chromedp.SendKeys(chromedp.ID("f-weeks"), "99"),
		chromedp.Poll[chromedp.Void](`!document.querySelector("#e-weeks").hidden`, wait),
	); err != nil {
		t.Fatalf("the weeks field: %v", err)
	}
	if got := text(t, ctx, "e-weeks"); got != "weeks must be 1–52, got 99" {
		t.Errorf("beside weeks: %q", got)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("f-weeks"), ""),
		chromedp.SendKeys(chromedp.ID("f-weeks"), "4"),
		chromedp.Poll[chromedp.Void](`document.querySelector("#e-weeks").hidden`, wait),
	); err != nil {
		t.Fatalf("the weeks field: %v", err)
	}
}

// checkDateMistake gives a review date before today: the mistake beside
// the field shows its dates as the date field does, in the browser's own
// short form, not the server's ISO form; and goes when it is cleared.
func checkDateMistake(t *testing.T, ctx context.Context) {
	t.Helper()
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	set := func(v string) string {
		return `(() => { const f = document.getElementById("f-review"); f.value = "` + v + `"; f.dispatchEvent(new Event("input", {bubbles: true})); f.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`
	}
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](set("2020-01-02")),
		chromedp.Poll[chromedp.Void](`!document.querySelector("#e-review").hidden`, wait),
	); err != nil {
		t.Fatalf("the review field: %v", err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`new Date(Date.UTC(2020, 0, 2)).toLocaleDateString(undefined, {timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit"})`))
	if err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "e-review"); !strings.Contains(got, shown) || strings.Contains(got, "2020-01-02") {
		t.Errorf("beside review: %q, want the date as the field shows it (%s)", got, shown)
	}
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](set("")),
		chromedp.Poll[chromedp.Void](`document.querySelector("#e-review").hidden`, wait),
	); err != nil {
		t.Fatalf("the review field: %v", err)
	}
}

// download presses the button with the id and returns the file the
// browser saved.
func download(t *testing.T, ctx context.Context, button string) []byte {
	t.Helper()
	return downloadBy(t, ctx, button, chromedp.Click(chromedp.ID(button)))
}

// downloadBy does press, named what in errors, and returns the file the
// browser saved.
func downloadBy(t *testing.T, ctx context.Context, button string, press chromedp.Action[chromedp.Void]) []byte {
	t.Helper()
	dir := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			yes := true
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes,
			})
			return err
		}),
		press,
	); err != nil {
		t.Fatalf("pressing %s: %v", button, err)
	}
	guid := ""
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for the download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			guid = ev.GUID
			break
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, guid))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestServeScreenshot writes the README's picture of the page, filled in
// for a patient, when BACKPLAN_SCREENSHOT names the PNG to write:
//
//	BACKPLAN_SLOW_TESTS=1 BACKPLAN_SCREENSHOT=$PWD/docs/serve.png go test -run TestServeScreenshot .
func TestServeScreenshot(t *testing.T) {
	out := os.Getenv("BACKPLAN_SCREENSHOT")
	if out == "" {
		t.Skip("set BACKPLAN_SCREENSHOT to the PNG to write")
	}
	ctx := browserContext(t, 60*time.Second)
	ts := httptest.NewServer(newTestHandler(t))
	defer ts.Close()
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 1000),
		chromedp.Navigate(ts.URL),
		chromedp.WaitVisible(chromedp.ID("f-patient")),
		chromedp.SendKeys(chromedp.ID("f-patient"), "Ana Ruiz"),
		chromedp.SendKeys(chromedp.ID("f-clinician"), "Dr Lee"),
		chromedp.SetValue(chromedp.ID("f-focus"), "posture"),
		chromedp.SetValue(chromedp.ID("f-weeks"), ""),
		chromedp.SendKeys(chromedp.ID("f-weeks"), "6"),
		chromedp.Poll[chromedp.Void](`document.querySelector("#preview h2") && document.querySelector("#preview h2").textContent.startsWith("Ana Ruiz: 6 weeks")`, wait),
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

// TestServeBrowserDeliver: in a real browser, "Email draft" downloads the
// command line's draft, and with a logo chosen and "Protect with a
// passphrase" ticked, the download shows the passphrase once, on a page
// whose button saves the command line's protected workbook.
func TestServeBrowserDeliver(t *testing.T) {
	ctx := browserContext(t, 90*time.Second)
	ts := httptest.NewServer(newTestHandler(t))
	defer ts.Close()
	logo, err := filepath.Abs(filepath.Join("render", "testdata", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL),
		chromedp.WaitVisible(chromedp.ID("f-patient")),
		chromedp.SendKeys(chromedp.ID("f-patient"), "Ana Ruiz"),
		chromedp.SendKeys(chromedp.ID("f-email"), "ana@example.com"),
		chromedp.SetValue(chromedp.ID("f-paper"), "a4"),
	); err != nil {
		t.Fatalf("filling in the form: %v", err)
	}
	eml := download(t, ctx, "email-draft")
	dir := t.TempDir()
	var stderr bytes.Buffer
	if code := run([]string{"--patient", "Ana Ruiz", "--email", "ana@example.com", "--paper", "a4", "-o", filepath.Join(dir, "a.pdf"),
		"--eml", filepath.Join(dir, "a.eml")}, strings.NewReader(""), io.Discard, &stderr, serveEnv()); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want, _ := os.ReadFile(filepath.Join(dir, "a.eml")); !bytes.Equal(eml, want) {
		t.Errorf("the page's draft (%d bytes) is not the command line's (%d bytes)", len(eml), len(want))
	}
	if err := chromedp.Do(ctx,
		chromedp.SetUploadFiles(chromedp.ID("f-logo"), []string{logo}),
		chromedp.Click(chromedp.ID("f-protect")),
		chromedp.Click(chromedp.ID("download")),
		chromedp.WaitVisible(chromedp.ID("passphrase")),
	); err != nil {
		t.Fatalf("downloading a protected workbook: %v", err)
	}
	pass := text(t, ctx, "passphrase")
	got := download(t, ctx, "save")
	stderr.Reset()
	if code := run([]string{"--patient", "Ana Ruiz", "--paper", "a4", "--logo", logo, "--protect",
		"-o", filepath.Join(dir, "p.pdf")}, strings.NewReader(""), io.Discard, &stderr, serveEnv()); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want, _ := os.ReadFile(filepath.Join(dir, "p.pdf")); !bytes.Equal(got, want) {
		t.Errorf("the saved workbook (%d bytes) is not the command line's (%d bytes)", len(got), len(want))
	}
	if !strings.Contains(stderr.String(), "is: "+pass+"\n") {
		t.Errorf("the page showed %q; the command line said %q", pass, stderr.String())
	}
}

// TestServeBrowserPreset: in a real browser, choosing a preset fills in
// the form with its choices and shows its reason; a field changed after
// wins, and the download is the command line's workbook for the preset
// with that option given.
func TestServeBrowserPreset(t *testing.T) {
	ctx := browserContext(t, 90*time.Second)
	ts := httptest.NewServer(newTestHandler(t))
	defer ts.Close()
	wait := chromedp.WithPollingTimeout(20 * time.Second)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL),
		chromedp.WaitVisible(chromedp.ID("f-preset")),
		chromedp.SendKeys(chromedp.ID("f-patient"), "Ana Ruiz"),
		// Choosing from the list, as a person does: the value changes and
		// the select says so.
		chromedp.Poll[chromedp.Void](`(() => { const s = document.getElementById("f-preset"); s.value = "older-adult";
			return s.dispatchEvent(new Event("change", {bubbles: true})); })()`, wait),
		chromedp.Poll[chromedp.Void](`document.querySelector("#preview h2") && document.querySelector("#preview h2").textContent.includes("6 weeks")`, wait),
	); err != nil {
		t.Fatalf("choosing the preset: %v", err)
	}
	filled, err := chromedp.Run(ctx, chromedp.Evaluate[string](`["weeks", "focus", "minutes"].map(n => document.getElementById("f-" + n).value).join(" ") +
		" floor:" + !document.getElementById("f-no-floor").checked + " large:" + document.getElementById("f-large-print").checked +
		" band:" + document.querySelector('input[name=equipment][value=band]').checked`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "6 balanced 20 floor:false large:true band:true"; filled != want {
		t.Errorf("the preset filled in %q, want %q", filled, want)
	}
	if got := text(t, ctx, "h-preset"); !strings.Contains(got, "16 pt print") {
		t.Errorf("beside the preset: %q, want its reason", got)
	}
	checkLabels(t, ctx)
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("f-weeks"), ""),
		chromedp.SendKeys(chromedp.ID("f-weeks"), "8"),
		chromedp.Poll[chromedp.Void](`document.querySelector("#preview h2").textContent.includes("8 weeks")`, wait),
	); err != nil {
		t.Fatalf("changing the weeks: %v", err)
	}
	paper, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-paper")))
	if err != nil {
		t.Fatal(err)
	}
	got := download(t, ctx, "download")
	want := cliOutput(t, "--preset", "older-adult", "--weeks", "8", "--patient", "Ana Ruiz", "--paper", paper)
	if !bytes.Equal(got, want) {
		t.Errorf("the downloaded PDF (%d bytes) differs from backplan --preset older-adult --weeks 8 (%d bytes)", len(got), len(want))
	}
}
