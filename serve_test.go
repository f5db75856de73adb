package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"html"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The page against the command line: the same choices make the same
// bytes, and its messages are the command line's. The page's own tests
// are package serve's.

const formType = "application/x-www-form-urlencoded"

// newTestHandler is the page as backplan serve makes it, on the run
// date of the scripts.
func newTestHandler(t *testing.T) http.Handler {
	t.Helper()
	h, err := newHandler(&serveConfig{}, io.Discard, serveEnv())
	if err != nil {
		t.Fatal(err)
	}
	return h(nil)
}

// newReq is a request to the page as a browser on this computer sends it.
func newReq(method, target string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	return r
}

// serveEnv is the world of a test of backplan serve: testEnv's.
func serveEnv() env { return testEnv() }

// multipartBody makes an upload: the file in field, and the other fields.
func multipartBody(t testing.TB, field, name string, file []byte, fields url.Values) (string, []byte) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(file)
	mw.Close()
	return mw.FormDataContentType(), b.Bytes()
}

// postBody posts a form and returns the body, checking the status.
func postBody(t *testing.T, s http.Handler, path string, form url.Values, status int) []byte {
	t.Helper()
	req := newReq("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", formType)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != status {
		t.Fatalf("POST %s: status %d, want %d: %s", path, rec.Code, status, rec.Body)
	}
	return rec.Body.Bytes()
}

// cliOutput runs the command line and returns the file it wrote.
func cliOutput(t *testing.T, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.pdf")
	var stderr bytes.Buffer
	if code := run(append(args, "--out", out), strings.NewReader(""), io.Discard, &stderr, serveEnv()); code != 0 {
		t.Fatalf("backplan %q: exit %d: %s", args, code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestServeSameBytes: the page's PDF is the command line's, byte for byte,
// for the same options and SOURCE_DATE_EPOCH.
func TestServeSameBytes(t *testing.T) {
	s := newTestHandler(t)
	for _, tt := range []struct {
		form url.Values
		args []string
	}{
		{url.Values{"paper": {"letter"}}, []string{"--paper", "letter"}},
		{url.Values{"weeks": {"6"}, "days": {"2"}, "focus": {"posture"}, "equipment": {"band", "dumbbells"}, "no-floor": {"yes"},
			"minutes": {"25"}, "start": {"2026-12-07"}, "patient": {"Ζωή Παπαδοπούλου"}, "clinician": {"Dr Lee"}, "clinic": {"Clínica Sur"},
			"contact": {"555 0100"}, "notes": {"Stop if the pain spreads."}, "paper": {"a4"}, "large-print": {"on"}},
			[]string{"--weeks", "6", "--days", "2", "--focus", "posture", "--equipment", "band,dumbbells", "--no-floor",
				"--minutes", "25", "--start", "2026-12-07", "--patient", "Ζωή Παπαδοπούλου", "--clinician", "Dr Lee", "--clinic", "Clínica Sur",
				"--contact", "555 0100", "--notes", "Stop if the pain spreads.", "--paper", "a4", "--large-print"}},
		{url.Values{"equipment": {""}, "level": {"intermediate"}, "focus": {"strength"}, "paper": {"a4"}},
			[]string{"--equipment", "none", "--level", "intermediate", "--focus", "strength", "--paper", "a4"}},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got := postBody(t, s, "/workbook", tt.form, http.StatusOK)
			want := cliOutput(t, tt.args...)
			if !bytes.Equal(got, want) {
				t.Errorf("the page's PDF (%d bytes) differs from the command line's (%d bytes)", len(got), len(want))
			}
		})
	}
}

// TestServeFromAndBatchSameBytes: a plan file printed by the page, and a
// roster's workbooks, are the command line's.
func TestServeFromAndBatchSameBytes(t *testing.T) {
	s := newTestHandler(t)
	planYAML := postBody(t, s, "/plan", url.Values{"weeks": {"3"}, "patient": {"Ana Ruiz"}}, http.StatusOK)
	dir := t.TempDir()
	planPath := filepath.Join(dir, "ana.yaml")
	os.WriteFile(planPath, planYAML, 0o644)
	ctype, body := multipartBody(t, "from", "ana.yaml", planYAML, url.Values{"paper": {"a4"}})
	req := newReq("POST", "/from", bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if want := cliOutput(t, "--from", planPath, "--paper", "a4"); !bytes.Equal(rec.Body.Bytes(), want) {
		t.Errorf("/from differs from --from (status %d)", rec.Code)
	}

	roster := "patient,weeks,focus\nAna Ruiz,2,posture\nBad Row,99,\nAna Ruiz,3,core\n"
	ctype, body = multipartBody(t, "batch", "class.csv", []byte(roster), url.Values{"paper": {"a4"}, "clinician": {"Dr Lee"}})
	req = newReq("POST", "/batch", bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
	if err != nil {
		t.Fatalf("status %d: %v", rec.Code, err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
	}
	if len(files) != 3 {
		t.Errorf("zip holds %d files, want ana-ruiz.pdf, ana-ruiz-2.pdf and report.txt", len(files))
	}
	report := string(files["report.txt"])
	for _, w := range []string{"made 2 of 3 workbooks", "class.csv line 3 (Bad Row): weeks must be 1–52, got 99"} {
		if !strings.Contains(report, w) {
			t.Errorf("report.txt lacks %q:\n%s", w, report)
		}
	}
	if want := cliOutput(t, "--weeks", "3", "--focus", "core", "--patient", "Ana Ruiz", "--clinician", "Dr Lee", "--paper", "a4"); !bytes.Equal(files["ana-ruiz-2.pdf"], want) {
		t.Error("the roster's ana-ruiz-2.pdf differs from the command line's")
	}
}

// TestServeShutdown: the server stops on its context, and a request in
// flight still gets its whole answer.
func TestServeShutdown(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- listenAndServe(ctx, nil, &serveConfig{addr: "127.0.0.1:0"}, newPrinter(pw, io.Discard), serveEnv())
		pw.Close()
	}()
	line := make([]byte, 200)
	n, _ := pr.Read(line)
	go io.Copy(io.Discard, pr)
	u := strings.Fields(string(line[:n]))[5]
	if !strings.HasPrefix(u, "http://127.0.0.1:") {
		t.Fatalf("printed %q", line[:n])
	}
	var roster strings.Builder
	roster.WriteString("patient,weeks\n")
	for i := range 12 {
		roster.WriteString("P" + string(rune('a'+i)) + ",8\n")
	}
	ctype, body := multipartBody(t, "batch", "r.csv", []byte(roster.String()), nil)
	type result struct {
		n   int
		err error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Post(u+"batch", ctype, bytes.NewReader(body))
		if err != nil {
			got <- result{0, err}
			return
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		if err == nil {
			_, err = zip.NewReader(bytes.NewReader(data), int64(len(data)))
		}
		got <- result{len(data), err}
	}()
	time.Sleep(150 * time.Millisecond)
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	if r := <-got; r.err != nil {
		t.Errorf("the request in flight: %v (%d bytes)", r.err, r.n)
	}
}

// TestServeCommandLine: backplan serve's own options and mistakes.
func TestServeCommandLine(t *testing.T) {
	for _, tt := range []struct {
		args      []string
		code      int
		out, errs string
	}{
		{[]string{"serve", "--help"}, 0, "Usage: backplan serve [--addr ADDR] [--open]", ""},
		{[]string{"serve", "--addr", "nonsense"}, 2, "", "backplan: cannot listen on nonsense:"},
		{[]string{"serve", "--port", "80"}, 2, "", "backplan: unknown option --port"},
		{[]string{"serve", "now"}, 2, "", `backplan: unexpected argument "now"`},
	} {
		var out, errs bytes.Buffer
		code := run(tt.args, strings.NewReader(""), &out, &errs, serveEnv())
		if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errs.String(), tt.errs) {
			t.Errorf("backplan %q: exit %d\nstdout %q\nstderr %q", tt.args, code, out.String(), errs.String())
		}
	}
}

// TestFormWords: a form's mistake reads on the page as on the command
// line, whether the option's parser or the planner finds it: the same
// fact, which each front end places its own way (beside the field, after
// "backplan: "), naming the field once.
func TestFormWords(t *testing.T) {
	s := newTestHandler(t)
	for _, tt := range []struct{ form, field, args string }{
		{"weeks=x", "weeks", "--weeks=x"},
		{"weeks=0", "weeks", "--weeks=0"},
		{"days=9", "days", "--days=9"},
		{"minutes=200", "minutes", "--minutes=200"},
		{"focus=legs", "focus", "--focus=legs"},
		{"level=pro", "level", "--level=pro"},
		{"equipment=kettlebell", "equipment", "--equipment=kettlebell"},
		{"start=7/12/2026", "start", "--start=7/12/2026"},
		{"review=soon", "review", "--review=soon"},
		{"weekdays=mon,funday", "weekdays", "--weekdays=mon,funday"},
		{"include=plank99", "include", "--include=plank99"},
		{"exclude=walking,plank99", "exclude", "--exclude=walking,plank99"},
		{"no-floor=maybe", "no-floor", "--no-floor=maybe"},
		{"paper=a5", "paper", "--paper=a5"},
		// Options that can never make a plan: beside the option that
		// keeps the role's exercises out.
		{"focus=strength&equipment=none&no-floor=on", "equipment", "--focus=strength --equipment=none --no-floor"},
		{"focus=strength&equipment=band,dumbbells,cable&no-floor=on&exclude=row-band,row-dumbbell,row-cable,band-pull-apart", "no-floor",
			"--focus=strength --equipment=band,dumbbells,cable --no-floor --exclude=row-band,row-dumbbell,row-cable,band-pull-apart"},
		{"dose=row-band%3D2x8+to+1x8", "dose", "--dose=row-band=2x8 to 1x8"},
		{"order=row-band,nope", "order", "--order=row-band,nope"},
	} {
		req := newReq("POST", "/workbook", strings.NewReader(tt.form))
		req.Header.Set("Content-Type", formType)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		page, _, _ := strings.Cut(rec.Body.String(), "\n")
		var stderr strings.Builder
		// One argument an option, a value's spaces kept.
		args := strings.Split(tt.args, " --")
		for i := 1; i < len(args); i++ {
			args[i] = "--" + args[i]
		}
		run(append(args, "--out", filepath.Join(t.TempDir(), "x.pdf")), strings.NewReader(""), io.Discard, &stderr, serveEnv())
		cli, _, _ := strings.Cut(stderr.String(), "\n")
		// The page names the field once: before a message that does not.
		want := strings.TrimPrefix(cli, "backplan: ")
		if !strings.HasPrefix(want, tt.field+" ") && !strings.HasPrefix(want, tt.field+": ") {
			want = tt.field + ": " + want
		}
		if rec.Code != 400 || page != want {
			t.Errorf("%s: the page says %q (%d), want %q as on the command line", tt.form, page, rec.Code, want)
		}
	}
}

// TestServeExposed: listening beyond loopback warns that the page has no
// login, and lets in this computer's name; on loopback it does neither.
// No test listens beyond loopback: the addresses here are made up.
func TestServeExposed(t *testing.T) {
	hostname := func() (string, error) { return "clinic-pc", nil }
	any := &net.TCPAddr{IP: net.IPv4zero, Port: 8080}
	local := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	if got := exposed("0.0.0.0:0", any); !strings.HasPrefix(got, "warning: listening on 0.0.0.0:8080: the page has no login") {
		t.Errorf("warning %q", got)
	}
	if got := exposed("127.0.0.1:8080", local); got != "" {
		t.Errorf("on loopback, warning %q", got)
	}
	if got := pageURL(any); got != "http://localhost:8080/" {
		t.Errorf("url %q", got)
	}
	c := &serveConfig{addr: "backplan.local:8080", hosts: []string{"proxy.example"}}
	if got := strings.Join(allowedHosts(c, any, hostname), ","); got != "proxy.example,backplan.local,clinic-pc" {
		t.Errorf("hosts beyond loopback: %s", got)
	}
	if got := strings.Join(allowedHosts(c, local, hostname), ","); got != "proxy.example,backplan.local" {
		t.Errorf("hosts on loopback: %s", got)
	}
}

// TestServeDeliverSameBytes: with the same randomness, the page's
// protected workbook with the clinic's logo and link, and its email
// draft, are the command line's, byte for byte, with the same
// passphrase; a program gets the passphrase in a header, a browser a
// page that shows it once and saves the file from a data: link.
func TestServeDeliverSameBytes(t *testing.T) {
	logo, err := os.ReadFile(filepath.Join("render", "testdata", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	fields := url.Values{"patient": {"Ana Ruiz"}, "clinic": {"Northside Physio"}, "clinic-url": {"https://northside.example/videos"},
		"protect": {"yes"}, "email": {"ana@example.com"}, "paper": {"a4"}}
	args := []string{"--patient", "Ana Ruiz", "--clinic", "Northside Physio", "--clinic-url", "https://northside.example/videos",
		"--protect", "--email", "ana@example.com", "--paper", "a4", "--logo", filepath.Join("render", "testdata", "logo.png")}
	dir := t.TempDir()
	var stderr bytes.Buffer
	pdfFile, emlFile := filepath.Join(dir, "ana.pdf"), filepath.Join(dir, "ana.eml")
	if code := run(append(args, "--out", pdfFile, "--eml", emlFile), strings.NewReader(""), io.Discard, &stderr, serveEnv()); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for path, file := range map[string]string{"/workbook": pdfFile, "/eml": emlFile} {
		ct, body := multipartBody(t, "logo", "logo.png", logo, fields)
		req := newReq("POST", path, bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		rec := httptest.NewRecorder()
		newTestHandler(t).ServeHTTP(rec, req)
		want, _ := os.ReadFile(file)
		if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want) {
			t.Errorf("%s: status %d, %d bytes; the command line wrote %d", path, rec.Code, rec.Body.Len(), len(want))
		}
		pass := rec.Header().Get("Backplan-Passphrase")
		if pass == "" || !strings.Contains(stderr.String(), "is: "+pass+"\n") {
			t.Errorf("%s: passphrase %q; the command line said %q", path, pass, stderr.String())
		}
		// A browser gets the passphrase on a page, and the file in it.
		req = newReq("POST", path, bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Sec-Fetch-Mode", "navigate")
		rec = httptest.NewRecorder()
		newTestHandler(t).ServeHTTP(rec, req)
		page := html.UnescapeString(rec.Body.String()) // the href's + is &#43;, as a browser reads it
		link := base64.StdEncoding.EncodeToString(want)
		if !strings.Contains(page, `id="passphrase">`+pass+`<`) || !strings.Contains(page, link) {
			t.Errorf("%s: the page for a browser lacks the passphrase or the file:\n%.400s", path, page)
		}
	}
}

// TestServeSecondSignal: while the server drains, a request still in
// flight (here a body that never comes) holds the drain open; a second
// signal (hurry) ends it at once rather than after drainTime.
func TestServeSecondSignal(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	hurry := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- listenAndServe(ctx, hurry, &serveConfig{addr: "127.0.0.1:0"}, newPrinter(pw, io.Discard), serveEnv())
		pw.Close()
	}()
	line := make([]byte, 200)
	n, _ := pr.Read(line)
	go io.Copy(io.Discard, pr)
	u := strings.Fields(string(line[:n]))[5]
	conn, err := net.Dial("tcp", strings.TrimSuffix(strings.TrimPrefix(u, "http://"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "POST /preview HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nweeks=")
	time.Sleep(100 * time.Millisecond) // the handler is reading the body
	cancel()
	select {
	case <-done:
		t.Fatal("the drain ended with a request in flight")
	case <-time.After(300 * time.Millisecond):
	}
	close(hurry)
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(drainTime / 2):
		t.Fatal("a second signal did not end the drain")
	}
}
