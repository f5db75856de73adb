package main

// backplan serve: the same workbooks from a page in the clinician's own
// browser.
//
// The server's promises, each kept here and tested in serve_test.go:
//
//   - Patient data stays put. Forms are POSTed, never put in a URL; bodies
//     are read into memory, never to disk; the log holds method, path,
//     status, size and duration only. The page loads nothing from any
//     other site, and its Content-Security-Policy says so.
//   - Only the clinician's browser gets in. It listens on loopback unless
//     --addr says otherwise (and then warns that the page has no login). A
//     Host that is not an IP address, localhost or a name the server was
//     given is refused, against DNS rebinding; a POST from another site is
//     refused (Sec-Fetch-Site, else Origin against Host).
//   - Bad input never hurts: bodies are bounded (forms 64 KiB, plan files
//     1 MiB, rosters 5 MiB; more is 413), reads and writes time out, a bad
//     value is a 400 with the command line's own words, and a panic is a
//     500 with no trace in the page.
//   - Load is bounded: workbooks are drawn on at most one goroutine per
//     CPU, with a short queue before them; when it is full the answer is
//     503 with Retry-After.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/render"
)

// Body limits.
const (
	formLimit   = 64 << 10
	planLimit   = 1 << 20
	rosterLimit = 5 << 20
)

// maxRosterRows bounds a roster sent to the page; --batch has no limit.
const maxRosterRows = 1000

// queuePerCPU is how many requests may wait for a CPU, for each CPU.
const queuePerCPU = 16

const serveUsage = `Usage: backplan serve [--addr ADDR] [--open]

Serves a page for making workbooks in the browser, on this computer only
unless --addr says otherwise. Ctrl-C stops it.

      --addr ADDR    host:port to listen on (default 127.0.0.1:8080; port 0 picks one)
      --host NAME    another host name the page may be reached by, as behind a proxy
      --open         open the page in the default browser
  -h, --help         print this help
`

// serveConfig is backplan serve's command line.
type serveConfig struct {
	addr  string
	hosts []string
	open  bool
	help  bool
}

func parseServeArgs(args []string) (*serveConfig, error) {
	c := &serveConfig{}
	fs := pflag.NewFlagSet("backplan serve", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "")
	fs.StringSliceVar(&c.hosts, "host", nil, "")
	fs.BoolVar(&c.open, "open", false, "")
	fs.BoolVarP(&c.help, "help", "h", false, "")
	if err := fs.Parse(args); err != nil {
		return nil, flagError(err)
	}
	if fs.NArg() > 0 {
		return nil, usageErr("backplan serve --help lists its options", "unexpected argument %q", fs.Arg(0))
	}
	return c, nil
}

// runServe runs backplan serve until an interrupt, then lets the requests
// in flight finish.
func runServe(args []string, pr *printer, e env) error {
	c, err := parseServeArgs(args)
	if err != nil {
		return err
	}
	if c.help {
		return pr.text(serveUsage)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, c, pr, e)
}

// serve listens and serves until ctx is done. Its messages go through pr;
// the request log goes to standard error.
func serve(ctx context.Context, c *serveConfig, pr *printer, e env) error {
	if _, err := runDate(e); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return usageErr("choose another port with --addr, or 127.0.0.1:0 for any free one", "cannot listen on %s: %v", c.addr, errors.Unwrap(err))
	}
	h, err := newServer(e, ln.Addr().(*net.TCPAddr), c.addr, c.hosts, pr.stderr)
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		// net/http's own complaints may quote a request; the log holds
		// only what logged writes.
		ErrorLog: slog.NewLogLogger(slog.DiscardHandler, slog.LevelError),
	}
	url := h.url()
	if err := pr.text("backplan: serving the page at " + url + " (Ctrl-C stops it)\n"); err != nil {
		return err
	}
	if !ln.Addr().(*net.TCPAddr).IP.IsLoopback() {
		where := ln.Addr().String()
		if h, _, err := net.SplitHostPort(c.addr); err == nil {
			where = net.JoinHostPort(h, fmt.Sprint(ln.Addr().(*net.TCPAddr).Port))
		}
		pr.say(fmt.Sprintf("warning: listening on %s: the page has no login, so anyone who can reach this address can use it", where),
			"keep it behind the clinic's own access control, or use --addr 127.0.0.1:8080")
	}
	if c.open {
		if err := openBrowser(url); err != nil {
			pr.say(fmt.Sprintf("cannot open a browser: %v", err), "open "+url+" yourself")
		}
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	pr.say("stopping; finishing the requests in flight", "")
	sctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("stopping: %w", err)
	}
	return nil
}

// openBrowser opens url in the desktop's default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// server is the page's HTTP handler.
type server struct {
	pl       *planner
	renderer *render.Renderer
	base     pageData // the page's fixed parts
	handler  http.Handler
	addr     *net.TCPAddr
	hosts    []string // host names allowed besides IP addresses and localhost

	slots    chan struct{} // one a CPU: a workbook being drawn holds one
	admitted atomic.Int64  // requests drawing or waiting to draw
	maxAdmit int64

	logMu sync.Mutex
	log   io.Writer

	bufs sync.Pool // *bytes.Buffer for PDFs
}

// newServer makes the handler for a server listening on addr; given is
// --addr as typed, whose host name, if it has one, is allowed.
func newServer(e env, addr *net.TCPAddr, given string, hosts []string, logw io.Writer) (*server, error) {
	pl, err := newPlanner(e)
	if err != nil {
		return nil, err
	}
	r, err := render.New(1)
	if err != nil {
		return nil, err
	}
	cpus := runtime.GOMAXPROCS(0)
	serveTuneGC(e, cpus)
	s := &server{
		pl: pl, renderer: r, base: pageBase(pl.exercises()), addr: addr,
		slots: make(chan struct{}, cpus), maxAdmit: int64(cpus * (1 + queuePerCPU)),
		log: logw,
	}
	for _, h := range hosts {
		s.hosts = append(s.hosts, strings.ToLower(h))
	}
	if h, _, err := net.SplitHostPort(given); err == nil && h != "" && net.ParseIP(h) == nil {
		s.hosts = append(s.hosts, strings.ToLower(h))
	}
	if addr != nil && !addr.IP.IsLoopback() {
		if name, err := os.Hostname(); err == nil {
			s.hosts = append(s.hosts, strings.ToLower(name))
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("POST /{$}", s.pagePreview)
	mux.HandleFunc("POST /preview", s.preview)
	mux.HandleFunc("POST /workbook", s.workbook)
	mux.HandleFunc("POST /plan", s.planFile)
	mux.HandleFunc("POST /from", s.from)
	mux.HandleFunc("POST /batch", s.batch)
	mux.HandleFunc("GET /static/{file}", s.static)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plainError(w, http.StatusForbidden, "refused: the form was sent from another site")
	}))
	s.handler = s.logged(s.recovered(securityHeaders(s.checkHost(cop.Handler(mux)))))
	return s, nil
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// url is the address to open in a browser.
func (s *server) url() string {
	host := s.addr.IP.String()
	if s.addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(s.addr.Port)) + "/"
}

// statusWriter remembers the status and size of a response, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int64
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
	return n, err
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
		if !slices.Contains([]string{"/", "/preview", "/workbook", "/plan", "/from", "/batch"}, path) && !strings.HasPrefix(path, "/static/") {
			path = "(other)" // a path is typed too; log only our own
		}
		s.logMu.Lock()
		fmt.Fprintf(s.log, "%s %s %s %d %d %s\n", start.UTC().Format(time.RFC3339), r.Method, path, sw.status, sw.size, time.Since(start).Round(time.Millisecond))
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
				fmt.Fprintf(s.log, "backplan: internal error on %s %s\n%s", r.Method, r.URL.Path, debug.Stack())
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
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
		if net.ParseIP(host) == nil && host != "localhost" && !slices.Contains(s.hosts, host) {
			plainError(w, http.StatusForbidden, "refused: this server answers only to its own address (use --host to allow another name)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// contentPolicy allows the page only its own scripts, styles and posts.
const contentPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

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

// admit lets a request join the queue for the CPUs, or reports errBusy
// when the queue is full. done must be called when the request is over.
func (s *server) admit() (done func(), err error) {
	if s.admitted.Add(1) > s.maxAdmit {
		s.admitted.Add(-1)
		return nil, errBusy
	}
	return func() { s.admitted.Add(-1) }, nil
}

// draw waits for a CPU, then runs f on it.
func (s *server) draw(ctx context.Context, f func() error) error {
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.slots }()
	return f()
}
