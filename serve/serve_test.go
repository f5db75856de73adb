package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// today is the date every test runs on: Tuesday 24 November 2026.
var today = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// testCatalog is the built-in catalogue, and testRenderer a renderer, made
// once for all the tests.
var (
	testCatalog = sync.OnceValue(func() *plan.Catalog {
		cat := plan.Builtin()
		// With its Spanish, as the command gives it.
		es, err := os.ReadFile(filepath.Join("..", "exercises.es.yaml"))
		if err != nil {
			panic(err)
		}
		if err := cat.AddOverlay("exercises.es.yaml", es); err != nil {
			panic(err)
		}
		return cat
	})
	testRenderer = sync.OnceValue(func() *render.Renderer {
		r, err := render.New(1)
		if err != nil {
			panic(err)
		}
		return r
	})
)

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
	s := newServer(Config{Catalog: testCatalog(), Renderer: testRenderer(), Hosts: []string{"Clinic.example"},
		Log: log, Today: func() time.Time { return today }, Random: bytes.NewReader(bytes.Repeat([]byte("fixed random bytes"), 4000))})
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
	bigForm := "notes=" + strings.Repeat("x", formLimit+1)
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
		{name: "page preview error beside field", method: "POST", path: "/", ctype: formType, body: "weeks=0", status: 400, want: []string{`id="e-weeks" data-for="weeks">weeks must be 1–52, got 0`}},
		{name: "workbook", method: "POST", path: "/workbook", ctype: formType, body: "patient=Ana+Ruiz&paper=a4", status: 200, wantType: "application/pdf", want: []string{"%PDF-"}, wantHeader: map[string]string{"Content-Disposition": "attachment; filename=ana-ruiz.pdf"}},
		{name: "workbook without a name", method: "POST", path: "/workbook", ctype: formType, body: "weeks=1", status: 200, wantHeader: map[string]string{"Content-Disposition": "attachment; filename=plan.pdf"}},
		{name: "workbook bad value", method: "POST", path: "/workbook", ctype: formType, body: "focus=legs", status: 400, wantType: "text/plain", want: []string{`focus: unknown focus "legs" (choose balanced, mobility, posture, strength or core)`}},
		{name: "workbook bad value from a browser", method: "POST", path: "/workbook", ctype: formType, body: "days=9", header: map[string]string{"Sec-Fetch-Mode": "navigate"}, status: 400, wantType: "text/html", want: []string{"days must be 1–7 a week, got 9"}},
		{name: "workbook unknown exercise", method: "POST", path: "/workbook", ctype: formType, body: "include=plank99", status: 400, want: []string{"include: unknown exercise \"plank99\"\nhint: the list under Choose exercises shows the ids"}},
		{name: "workbook cannot build", method: "POST", path: "/workbook", ctype: formType, body: "minutes=10&include=wall-angels,bridge,cat-cow,cobra,pelvic-tilt", status: 400, want: []string{"include: exercise \"bridge\" does not fit in a 10-minute session\nhint: raise “Minutes a session” or include fewer exercises"}},
		{name: "unknown field", method: "POST", path: "/workbook", ctype: formType, body: "catalog=/etc/passwd", status: 400, want: []string{`unknown field "catalog"`}},
		{name: "options that clash", method: "POST", path: "/workbook", ctype: formType, body: "days=3&weekdays=mon,thu", status: 400, want: []string{"days: the days of the week ticked set the number of days, so leave “Days a week” empty"}},
		{name: "field twice", method: "POST", path: "/workbook", ctype: formType, body: "weeks=2&weeks=3", status: 400, want: []string{"weeks is given more than once"}},
		{name: "text the fonts cannot draw", method: "POST", path: "/workbook", ctype: formType, body: "patient=%E4%BD%A0%E5%A5%BD", status: 400},
		{name: "plan file", method: "POST", path: "/plan", ctype: formType, body: "patient=Ana+Ruiz", status: 200, wantType: "application/yaml", want: []string{"name: Ana Ruiz"}, wantHeader: map[string]string{"Content-Disposition": "attachment; filename=ana-ruiz.yaml"}},
		{name: "from", method: "POST", path: "/from", ctype: fromType, body: string(from), status: 200, wantType: "application/pdf", want: []string{"%PDF-"}},
		{name: "from with plan options", method: "POST", path: "/from", ctype: badFromType, body: string(badFrom), status: 400, want: []string{"a plan file is printed as written, so “Weeks” cannot go with it"}},
		{name: "page languages", method: "GET", path: "/", status: 200, want: []string{`<select id="f-lang" name="lang"`, `<option value="en">English</option>`, `<option value="es">Español</option>`}},
		{name: "page keeps the language", method: "POST", path: "/", ctype: formType, body: "lang=es", status: 200, want: []string{`<option value="es" selected>Español</option>`}},
		{name: "workbook in Spanish", method: "POST", path: "/workbook", ctype: formType, body: "patient=Ana+Ruiz&lang=es", status: 200, wantType: "application/pdf", want: []string{"%PDF-", "/Lang (es)"}},
		{name: "workbook unknown language", method: "POST", path: "/workbook", ctype: formType, body: "lang=fr", status: 400, want: []string{`lang: no workbook in language "fr" (choose en, es)`}},
		{name: "plan file keeps the language", method: "POST", path: "/plan", ctype: formType, body: "lang=es", status: 200, want: []string{"lang: es"}},
		{name: "from broken plan file", method: "POST", path: "/from", ctype: brokenType, body: string(broken), status: 400, want: []string{"ana.yaml"}},
		{name: "from not multipart", method: "POST", path: "/from", ctype: formType, body: "from=x", status: 400, want: []string{"multipart/form-data"}},
		{name: "batch", method: "POST", path: "/batch", ctype: rosterType, body: string(roster), status: 200, wantType: "application/zip"},
		{name: "form too large", method: "POST", path: "/workbook", ctype: formType, body: bigForm, status: 413},
		{name: "preview too large", method: "POST", path: "/preview", ctype: formType, body: bigForm, status: 413},
		{name: "plan file too large", method: "POST", path: "/from", ctype: bigPlanType, body: string(bigPlan), status: 413},
		{name: "roster too large", method: "POST", path: "/batch", ctype: bigRosterType, body: string(bigRoster), status: 413},
		{name: "wrong method workbook", method: "GET", path: "/workbook", status: 405},
		{name: "wrong method page", method: "PUT", path: "/", ctype: formType, status: 405},
		{name: "wrong content type", method: "POST", path: "/workbook", ctype: "application/json", body: `{"weeks":4}`, status: 415},
		{name: "DNS rebinding", method: "GET", path: "/", header: map[string]string{"Host": "attacker.example:8080"}, status: 403},
		{name: "DNS rebinding POST", method: "POST", path: "/workbook", ctype: formType, header: map[string]string{"Host": "attacker.example"}, status: 403},
		{name: "localhost", method: "GET", path: "/", header: map[string]string{"Host": "localhost:8080"}, status: 200},
		{name: "a name it was given", method: "GET", path: "/", header: map[string]string{"Host": "clinic.example"}, status: 200},
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

// TestServePaper: a form without paper gets the default paper's one rule:
// the system's paper first, else the browser's language's region.
func TestServePaper(t *testing.T) {
	for _, tt := range []struct {
		system   render.Paper
		language string
		want     string
	}{
		{"", "en-US,en;q=0.9", "letter"},
		{"", "es-MX", "letter"},
		{"", "el-GR,el;q=0.9,en-US;q=0.5", "a4"},
		{"", "", "a4"},
		{render.A4, "en-US", "a4"},
		{render.Letter, "de-DE", "letter"},
	} {
		s := newServer(Config{Catalog: testCatalog(), Renderer: testRenderer(), Today: func() time.Time { return today }, Paper: tt.system})
		req := newReq("GET", "/", nil)
		req.Header.Set("Accept-Language", tt.language)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if want := `<option value="` + tt.want + `" selected>`; !strings.Contains(rec.Body.String(), want) {
			t.Errorf("system %q, language %q: the page lacks %s", tt.system, tt.language, want)
		}
	}
}

// TestDrawLimit: a workbook that takes longer than its limit once it has
// a worker is stopped (at its next page) and answered 503 with
// Retry-After, and its worker is free for the next request; one whose
// client has gone is stopped too.
func TestDrawLimit(t *testing.T) {
	s, log := newTestServer(t)
	s.drawLimit = time.Nanosecond
	wantBusy(t, s, log, "weeks=52&days=7")
	if len(s.slots) != 0 {
		t.Errorf("%d workers still busy", len(s.slots))
	}
	s.drawLimit = drawLimit
	ctx, cancel := context.WithCancel(context.Background())
	var drawn error
	err := s.draw(ctx, func(ctx context.Context) error {
		cancel() // the client goes while its workbook is drawn
		var buf bytes.Buffer
		p, err := plan.Build(testCatalog(), plan.Options{Weeks: 4, Today: plan.NewDate(2026, 11, 24)})
		if err != nil {
			t.Fatal(err)
		}
		drawn = s.Renderer.WorkbookContext(ctx, &buf, p, render.Options{})
		return drawn
	})
	if !errors.Is(err, context.Canceled) || !strings.Contains(fmt.Sprint(drawn), "render: stopped") {
		t.Errorf("a workbook whose client left: %v, want it stopped (context canceled)", err)
	}
}

// TestQueueWaitIsBounded: a request that waits for a worker longer than
// the queue's wait is answered 503 with Retry-After in good time, never
// left to wait past the server's write timeout; the log says 503.
func TestQueueWaitIsBounded(t *testing.T) {
	s, log := newTestServer(t)
	s.queueWait = 50 * time.Millisecond
	for range cap(s.slots) {
		s.slots <- struct{}{} // every worker busy
	}
	wantBusy(t, s, log, "weeks=1")
}

// wantBusy posts a workbook form with body and wants 503 with
// Retry-After, and a log that says 503.
func wantBusy(t *testing.T, s *server, log *syncBuffer, body string) {
	t.Helper()
	req := newReq("POST", "/workbook", strings.NewReader(body))
	req.Header.Set("Content-Type", formType)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("got %d, Retry-After %q; want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	if !strings.Contains(log.String(), " POST /workbook 503 ") {
		t.Errorf("log %q does not say 503", log.String())
	}
}

// brokenWriter is a client that went away: every write fails.
type brokenWriter struct{ http.ResponseWriter }

func (brokenWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

// TestLogSaysWhatTheClientGot: an answer that could not be sent is
// logged as cut, not as a plain 200.
func TestLogSaysWhatTheClientGot(t *testing.T) {
	s, log := newTestServer(t)
	s.ServeHTTP(brokenWriter{httptest.NewRecorder()}, newReq("GET", "/", nil))
	if !strings.Contains(log.String(), " GET / 200 cut ") {
		t.Errorf("log %q, want the 200 marked cut", log.String())
	}
}

// TestHostsAreNormalised: a name given with a final dot, a port or
// capitals matches the requests that name it, however they write it.
func TestHostsAreNormalised(t *testing.T) {
	for _, given := range []string{"clinic-pc.local.", "Clinic-PC.local:8080", "clinic-pc.local"} {
		s := newServer(Config{Catalog: testCatalog(), Renderer: testRenderer(), Hosts: []string{given},
			Today: func() time.Time { return today }})
		for _, host := range []string{"clinic-pc.local", "clinic-pc.local.", "CLINIC-PC.local:8080"} {
			req := httptest.NewRequest("GET", "/", nil)
			req.Host = host
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Errorf("given %q, Host %q: %d", given, host, rec.Code)
			}
		}
	}
}
