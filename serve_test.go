package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func serveEnv() env {
	return env{getenv: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return sourceDateEpoch
		}
		return ""
	}}
}

// syncBuffer is a log that handlers may write to at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newReq is a request to the server as a browser on this computer sends it.
func newReq(method, target string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	return r
}

func newTestServer(t *testing.T) (*server, *syncBuffer) {
	t.Helper()
	log := &syncBuffer{}
	s, err := newServer(serveEnv(), &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "127.0.0.1:8080", []string{"clinic.example"}, log)
	if err != nil {
		t.Fatal(err)
	}
	return s, log
}

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

const formType = "application/x-www-form-urlencoded"

func TestServeEndpoints(t *testing.T) {
	s, log := newTestServer(t)
	planYAML := postBody(t, s, "/plan", url.Values{"weeks": {"2"}, "patient": {"Ana Ruiz"}}, http.StatusOK)
	rosterType, roster := multipartBody(t, "batch", "class.csv", []byte("patient,weeks,focus\nAna Ruiz,2,posture\nBad Row,99,posture\nJosé Núñez,3,\n"), url.Values{"paper": {"a4"}})
	fromType, from := multipartBody(t, "from", "ana.yaml", planYAML, url.Values{"paper": {"a4"}})
	badFromType, badFrom := multipartBody(t, "from", "ana.yaml", planYAML, url.Values{"weeks": {"3"}})
	brokenType, broken := multipartBody(t, "from", "ana.yaml", []byte("weeks: [\n"), nil)
	big := strings.Repeat("x", formLimit+1)
	bigPlanType, bigPlan := multipartBody(t, "from", "big.yaml", bytes.Repeat([]byte("#"), planLimit+1), nil)
	bigRosterType, bigRoster := multipartBody(t, "batch", "big.csv", bytes.Repeat([]byte("a,"), rosterLimit/2+1), nil)

	tests := []struct {
		name, method, path, ctype string
		body                      string
		header                    map[string]string
		status                    int
		wantType                  string
		want                      []string // in the body
		wantHeader                map[string]string
	}{
		{name: "page", method: "GET", path: "/", status: 200, wantType: "text/html", want: []string{`<label for="f-weeks">`, "Week 1:", `name="equipment" value="band" checked`}},
		{name: "page letter for US", method: "GET", path: "/", header: map[string]string{"Accept-Language": "en-US,en;q=0.9"}, status: 200, want: []string{`<option value="letter" selected>`}},
		{name: "page A4 for Greece", method: "GET", path: "/", header: map[string]string{"Accept-Language": "el-GR,el;q=0.9,en-US;q=0.5"}, status: 200, want: []string{`<option value="a4" selected>`}},
		{name: "preview", method: "POST", path: "/preview", ctype: formType, body: "weeks=2&patient=Zo%C3%AB", status: 200, want: []string{"Zoë: 2 weeks", "Week 2:"}},
		{name: "preview escapes", method: "POST", path: "/preview", ctype: formType, body: "patient=%3Cscript%3Ex%3C%2Fscript%3E", status: 200, want: []string{"&lt;script&gt;"}},
		{name: "preview bad values beside fields", method: "POST", path: "/preview", ctype: formType, body: "weeks=99&focus=legs", status: 400, want: []string{`data-field="weeks"`, "weeks must be 1–52, got 99", `data-field="focus"`}},
		{name: "page preview without script", method: "POST", path: "/", ctype: formType, body: "weeks=3&focus=core", status: 200, want: []string{`value="3"`, `<option value="core" selected>`, "Week 3:"}},
		{name: "page preview error beside field", method: "POST", path: "/", ctype: formType, body: "weeks=0", status: 400, want: []string{`id="e-weeks" data-for="weeks">weeks must be at least 1, got 0`}},
		{name: "workbook", method: "POST", path: "/workbook", ctype: formType, body: "patient=Ana+Ruiz&paper=a4", status: 200, wantType: "application/pdf", want: []string{"%PDF-"}, wantHeader: map[string]string{"Content-Disposition": "attachment; filename=ana-ruiz.pdf"}},
		{name: "workbook without a name", method: "POST", path: "/workbook", ctype: formType, body: "weeks=1", status: 200, wantHeader: map[string]string{"Content-Disposition": "attachment; filename=plan.pdf"}},
		{name: "workbook bad value", method: "POST", path: "/workbook", ctype: formType, body: "focus=legs", status: 400, wantType: "text/plain", want: []string{`focus: unknown focus "legs" (choose balanced, mobility, posture, strength or core)`}},
		{name: "workbook bad value from a browser", method: "POST", path: "/workbook", ctype: formType, body: "days=9", header: map[string]string{"Sec-Fetch-Mode": "navigate"}, status: 400, wantType: "text/html", want: []string{"days must be 1–7 a week, got 9"}},
		{name: "workbook unknown exercise", method: "POST", path: "/workbook", ctype: formType, body: "include=plank99", status: 400, want: []string{"include: unknown exercise \"plank99\"\nhint: the list under Choose exercises shows the ids"}},
		{name: "workbook cannot build", method: "POST", path: "/workbook", ctype: formType, body: "minutes=10&include=wall-angels,bridge,cat-cow,cobra,pelvic-tilt", status: 400, want: []string{"include: exercise \"bridge\" does not fit in a 10-minute session\nhint: raise the minutes field or include fewer exercises"}},
		{name: "unknown field", method: "POST", path: "/workbook", ctype: formType, body: "catalog=/etc/passwd", status: 400, want: []string{`unknown field "catalog"`}},
		{name: "options that clash", method: "POST", path: "/workbook", ctype: formType, body: "days=3&weekdays=mon,thu", status: 400, want: []string{"weekdays names the training days, and so their number, so days cannot go with it"}},
		{name: "field twice", method: "POST", path: "/workbook", ctype: formType, body: "weeks=2&weeks=3", status: 400, want: []string{"weeks is given more than once"}},
		{name: "text the fonts cannot draw", method: "POST", path: "/workbook", ctype: formType, body: "patient=%E4%BD%A0%E5%A5%BD", status: 400},
		{name: "plan file", method: "POST", path: "/plan", ctype: formType, body: "patient=Ana+Ruiz", status: 200, wantType: "application/yaml", want: []string{"name: Ana Ruiz"}, wantHeader: map[string]string{"Content-Disposition": "attachment; filename=ana-ruiz.yaml"}},
		{name: "from", method: "POST", path: "/from", ctype: fromType, body: string(from), status: 200, wantType: "application/pdf", want: []string{"%PDF-"}},
		{name: "from with plan options", method: "POST", path: "/from", ctype: badFromType, body: string(badFrom), status: 400, want: []string{"a plan file is printed as written, so weeks cannot go with it"}},
		{name: "from broken plan file", method: "POST", path: "/from", ctype: brokenType, body: string(broken), status: 400, want: []string{"ana.yaml"}},
		{name: "from not multipart", method: "POST", path: "/from", ctype: formType, body: "from=x", status: 400, want: []string{"multipart/form-data"}},
		{name: "batch", method: "POST", path: "/batch", ctype: rosterType, body: string(roster), status: 200, wantType: "application/zip"},
		{name: "form too large", method: "POST", path: "/workbook", ctype: formType, body: "notes=" + big, status: 413},
		{name: "preview too large", method: "POST", path: "/preview", ctype: formType, body: "notes=" + big, status: 413},
		{name: "plan file too large", method: "POST", path: "/from", ctype: bigPlanType, body: string(bigPlan), status: 413},
		{name: "roster too large", method: "POST", path: "/batch", ctype: bigRosterType, body: string(bigRoster), status: 413},
		{name: "wrong method workbook", method: "GET", path: "/workbook", status: 405},
		{name: "wrong method page", method: "PUT", path: "/", ctype: formType, status: 405},
		{name: "wrong content type", method: "POST", path: "/workbook", ctype: "application/json", body: `{"weeks":4}`, status: 415},
		{name: "DNS rebinding", method: "GET", path: "/", header: map[string]string{"Host": "attacker.example:8080"}, status: 403},
		{name: "DNS rebinding POST", method: "POST", path: "/workbook", ctype: formType, header: map[string]string{"Host": "attacker.example"}, status: 403},
		{name: "localhost", method: "GET", path: "/", header: map[string]string{"Host": "localhost:8080"}, status: 200},
		{name: "a name given with --host", method: "GET", path: "/", header: map[string]string{"Host": "clinic.example"}, status: 200},
		{name: "cross-site POST", method: "POST", path: "/workbook", ctype: formType, header: map[string]string{"Sec-Fetch-Site": "cross-site"}, status: 403},
		{name: "same-site POST from another port", method: "POST", path: "/preview", ctype: formType, header: map[string]string{"Sec-Fetch-Site": "same-site"}, status: 403},
		{name: "foreign Origin", method: "POST", path: "/preview", ctype: formType, header: map[string]string{"Origin": "http://attacker.example"}, status: 403},
		{name: "own Origin", method: "POST", path: "/preview", ctype: formType, header: map[string]string{"Origin": "http://127.0.0.1:8080", "Sec-Fetch-Site": "same-origin"}, status: 200},
		{name: "style sheet", method: "GET", path: "/static/style.css", status: 200, wantType: "text/css"},
		{name: "script", method: "GET", path: "/static/app.js", status: 200, wantType: "text/javascript"},
		{name: "no such file", method: "GET", path: "/static/page.html", status: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := newReq(tt.method, tt.path, strings.NewReader(tt.body))
			req.Host = "127.0.0.1:8080"
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			for k, v := range tt.header {
				if k == "Host" {
					req.Host = v
					continue
				}
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			body := rec.Body.String()
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d; body:\n%.500s", rec.Code, tt.status, body)
			}
			if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, tt.wantType) {
				t.Errorf("Content-Type %q, want %q", got, tt.wantType)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q:\n%.1500s", w, body)
				}
			}
			for k, v := range tt.wantHeader {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("Content-Security-Policy = %q", csp)
			}
			for _, bad := range []string{"goroutine ", "panic", ".go:"} {
				if strings.Contains(body, bad) && !strings.HasPrefix(body, "%PDF") && !strings.HasPrefix(body, "PK") {
					t.Errorf("body holds %q", bad)
				}
			}
		})
	}
	// The log names no patient.
	for _, secret := range []string{"Ana", "Zo", "script", "José"} {
		if strings.Contains(log.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, log.String())
		}
	}
}

// postBody posts a form and returns the body, checking the status.
func postBody(t *testing.T, s *server, path string, form url.Values, status int) []byte {
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
	s, _ := newTestServer(t)
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
	s, _ := newTestServer(t)
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

// TestServeBusy: with the queue full, a workbook is a 503 with Retry-After.
func TestServeBusy(t *testing.T) {
	s, _ := newTestServer(t)
	s.maxAdmit = 0
	req := newReq("POST", "/workbook", strings.NewReader("weeks=2"))
	req.Header.Set("Content-Type", formType)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("status %d, Retry-After %q; want 503 and a Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	// The preview draws nothing, so it still works.
	postBody(t, s, "/preview", url.Values{"weeks": {"2"}}, http.StatusOK)
}

// TestServePanic: a panic is a plain 500, with no trace in the page.
func TestServePanic(t *testing.T) {
	s, log := newTestServer(t)
	h := s.recovered(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newReq("GET", "/", nil))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "goroutine") || strings.Contains(rec.Body.String(), "boom") {
		t.Errorf("status %d, body %q", rec.Code, rec.Body)
	}
	if !strings.Contains(log.String(), "internal error") {
		t.Errorf("log %q", log.String())
	}
}

func TestPaperFor(t *testing.T) {
	for in, want := range map[string]string{
		"en-US,en;q=0.9": "letter", "fr-CA": "letter", "en-GB": "a4", "de-DE,de": "a4",
		"en": "a4", "": "a4", "zh-Hant-TW": "a4", "es-419": "a4", "en,en-US;q=0.8": "letter",
	} {
		if got := string(paperFor(in)); got != want {
			t.Errorf("paperFor(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestServeShutdown: the server stops on its context, and a request in
// flight still gets its whole answer.
func TestServeShutdown(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, &serveConfig{addr: "127.0.0.1:0"}, newPrinter(pw, io.Discard), serveEnv())
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

// TestServeWarnsBeyondLoopback: listening on every address warns that the
// page has no login.
func TestServeWarnsBeyondLoopback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errs bytes.Buffer
	if err := serve(ctx, &serveConfig{addr: "0.0.0.0:0"}, newPrinter(&out, &errs), serveEnv()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs.String(), "backplan: warning: listening on 0.0.0.0:") || !strings.Contains(errs.String(), "no login") {
		t.Errorf("stderr %q", errs.String())
	}
	if !strings.Contains(out.String(), "http://localhost:") {
		t.Errorf("stdout %q", out.String())
	}
}
