// Package serve is backplan's web page: the same workbooks as the command
// line, made from a form in the clinician's own browser. New returns the
// page's http.Handler; package main listens, and stops it.
//
// The page's promises, each kept here and tested in serve_test.go:
//
//   - Patient data stays put. Forms are POSTed, never put in a URL; bodies
//     are read into memory, never to disk; the log holds method, path,
//     status, size and duration only. The page loads nothing from any
//     other site, and its Content-Security-Policy says so.
//   - Only the clinician's browser gets in. A Host that is not an IP
//     address, localhost or a name the server was given is refused,
//     against DNS rebinding; a POST from another site is refused
//     (Sec-Fetch-Site, else Origin against Host).
//   - Bad input never hurts: bodies are bounded (forms 64 KiB, plan files
//     1 MiB, rosters 5 MiB; more is 413), a bad value is a 400 with the
//     mistake beside its field, and a panic is a 500 with no trace in the
//     page.
//   - Load is bounded: workbooks are drawn on at most Config.Workers
//     goroutines, with a short queue before them; when it is full, or a
//     request has waited queueWait for a worker, the answer is 503 with
//     Retry-After. The log says what the client really got.
//   - The same choices make the same workbook as the command line: every
//     field is an option of job's table, parsed by it, and the plan is
//     built by job.Build.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// Body limits. A form with a logo may be as large as both.
const (
	formLimit   = 64 << 10
	logoLimit   = render.MaxLogoBytes + 16<<10
	planLimit   = 1 << 20
	rosterLimit = 5 << 20
)

// maxRosterRows bounds a roster sent to the page; --batch has no limit.
const maxRosterRows = 1000

// queuePerCPU is how many requests may wait for a worker, for each one.
const queuePerCPU = 16

// Config is what the page is made with.
type Config struct {
	Catalog  *plan.Catalog    // the exercises: the page lists them, and plans are made from them
	Renderer *render.Renderer // draws the workbooks; made with one worker a workbook
	// Hosts are the host names the page answers to besides IP addresses
	// and localhost, in any case: the name it is reached by behind a proxy.
	Hosts []string
	Log   io.Writer // the request log, one line a request
	// Today is the run date, asked for each plan.
	Today func() time.Time
	// Paper is the paper the system is set to (job.SystemPaper), or ""
	// when it names none and the browser's language decides.
	Paper render.Paper
	// Workers is how many workbooks are drawn at once; 0 means one for
	// each CPU.
	Workers int
	// Random is the randomness the passphrases of protected workbooks are
	// drawn from: crypto/rand.Reader, which requests may read at once, or
	// a fixed stream in tests that send one request at a time. A
	// protected workbook is refused when it is nil.
	Random io.Reader
}

// server is the page's HTTP handler.
type server struct {
	Config
	base    pageData // the page's fixed parts
	handler http.Handler

	slots     chan struct{} // one a worker: a workbook being drawn holds one
	queueWait time.Duration // queueWait, shorter in tests
	drawLimit time.Duration // drawLimit, shorter in tests
	admitted  atomic.Int64  // requests drawing or waiting to draw
	maxAdmit  int64

	logMu sync.Mutex

	bufs sync.Pool // *bytes.Buffer for PDFs
}

// New returns the page's handler.
func New(c Config) http.Handler { return newServer(c) }

func newServer(c Config) *server {
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
	var hosts []string
	for _, h := range c.Hosts {
		hosts = append(hosts, normalHost(h))
	}
	c.Hosts = hosts
	pageTemplates() // parsed here, not on the first request
	s := &server{
		Config: c, base: pageBase(c.Catalog.Exercises),
		slots: make(chan struct{}, c.Workers), maxAdmit: int64(c.Workers * (1 + queuePerCPU)), queueWait: queueWait, drawLimit: drawLimit,
	}
	s.base.Presets = presetChoices(c.Catalog)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("POST /{$}", s.pagePreview)
	mux.HandleFunc("POST /preview", s.preview)
	mux.HandleFunc("POST /workbook", s.workbook)
	mux.HandleFunc("POST /eml", s.emlDraft)
	mux.HandleFunc("POST /plan", s.planFile)
	mux.HandleFunc("POST /from", s.from)
	mux.HandleFunc("POST /open", s.openPlan)
	mux.HandleFunc("GET /roster-template.csv", s.rosterTemplate)
	mux.HandleFunc("POST /batch", s.batch)
	mux.HandleFunc("GET /static/{file}", s.static)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plainError(w, http.StatusForbidden, "refused: the form was sent from another site")
	}))
	s.handler = s.logged(s.recovered(securityHeaders(s.checkHost(cop.Handler(mux)))))
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// statusWriter remembers the status and size of a response, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int64
	broken bool // a write failed: the client did not get the whole answer
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += int64(n)
	if err != nil {
		w.broken = true
	}
	return n, err
}

// outcome is the response as the client got it, for the log: its status,
// "-" when nothing was sent (the client left first), with "cut" after it
// when the answer could not be sent whole (the client left, or the write
// timeout passed).
func (w *statusWriter) outcome() string {
	switch {
	case w.status == 0:
		return "-"
	case w.broken:
		return fmt.Sprintf("%d cut", w.status)
	}
	return fmt.Sprint(w.status)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logged logs each request: method, path, status, size and duration, and
// nothing a clinician typed (no query, no body, no header).
func (s *server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		path := r.URL.Path
		if !slices.Contains([]string{"/", "/preview", "/workbook", "/eml", "/plan", "/from", "/batch"}, path) && !strings.HasPrefix(path, "/static/") {
			path = "(other)" // a path is typed too; log only our own
		}
		s.logMu.Lock()
		fmt.Fprintf(s.Log, "%s %s %s %s %d %s\n", start.UTC().Format(time.RFC3339), r.Method, path, sw.outcome(), sw.size, time.Since(start).Round(time.Millisecond))
		s.logMu.Unlock()
	})
}

// recovered turns a panic into a plain 500: never a stack trace in the page.
func (s *server) recovered(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logMu.Lock()
				fmt.Fprintf(s.Log, "backplan: internal error on %s %s\n%s", r.Method, r.URL.Path, debug.Stack())
				s.logMu.Unlock()
				plainError(w, http.StatusInternalServerError, "internal error: the workbook could not be made")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// checkHost refuses a request whose Host is neither an IP address, nor
// localhost, nor a name the server was given: a page on another site that
// points its own name at this address (DNS rebinding) gets nothing.
func (s *server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := normalHost(r.Host)
		if net.ParseIP(host) == nil && host != "localhost" && !slices.Contains(s.Hosts, host) {
			plainError(w, http.StatusForbidden, "refused: this server answers only to its own address and the names it was given")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// normalHost is a host name as checkHost compares it: lower-case, with no
// port, no brackets and no final dot. The names the server is given go
// through it too, so "clinic-pc.local." and "Clinic-PC.local:8080" match
// the requests that name them.
func normalHost(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
}

// contentPolicy allows the page only its own scripts, styles and posts,
// and a frame for the workbook it made itself (a blob: URL), the PDF
// shown in the page.
const contentPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; frame-src blob:; base-uri 'none'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// plainError answers with a one-line message.
func plainError(w http.ResponseWriter, code int, msg string) {
	h := w.Header()
	h.Del("Content-Disposition")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	if code == http.StatusServiceUnavailable {
		h.Set("Retry-After", "1")
	}
	w.WriteHeader(code)
	io.WriteString(w, msg+"\n")
}

// errBusy is a full queue: 503.
var errBusy = errors.New("busy")

// admit lets a request join the queue for the workers, or reports errBusy
// when the queue is full. done must be called when the request is over.
func (s *server) admit() (done func(), err error) {
	if s.admitted.Add(1) > s.maxAdmit {
		s.admitted.Add(-1)
		return nil, errBusy
	}
	return func() { s.admitted.Add(-1) }, nil
}

// queueWait is the longest a request waits for a worker's slot before it
// is answered 503: with the longest drawing the limits on a plan allow,
// well inside the server's write timeout, so that no request waits until
// its answer can no longer be sent.
const queueWait = 20 * time.Second

// drawLimit is the longest a workbook may take once it has a worker's
// slot; with queueWait, well inside the server's write timeout, so that a
// request is answered, with its workbook or with 503, while the client
// can still read the answer. No plan the limits allow comes near it.
const drawLimit = 60 * time.Second

// draw waits for a worker's slot, at most queueWait (then errBusy), and
// runs f in it with a context that ends when the client goes away or
// drawLimit has passed (then errBusy too): the layout stops at its next
// page, and the worker is free again.
func (s *server) draw(ctx context.Context, f func(context.Context) error) error {
	t := time.NewTimer(s.queueWait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.slots }()
	if err := ctx.Err(); err != nil {
		return err // the client left while it waited
	}
	dctx, cancel := context.WithTimeout(ctx, s.drawLimit)
	defer cancel()
	err := f(dctx)
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		return errBusy
	}
	return err
}
