package main

// backplan serve: listen on the clinician's own computer and serve
// package serve's page until Ctrl-C, then let the requests in flight
// finish. Only the clinician's browser should get in: it listens on
// loopback unless --addr says otherwise, and then warns that the page has
// no login.

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
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/render"
	"github.com/backplan/backplan/serve"
)

const serveUsage = `Usage: backplan serve [--addr ADDR] [--open]

Serves a page for making workbooks in the browser, on this computer only
unless --addr says otherwise. Ctrl-C stops it.

      --addr ADDR      host:port to listen on (default 127.0.0.1:8080; port 0 picks one)
      --host NAME      another host name the page may be reached by, as behind a proxy
      --catalog FILE   use this catalogue instead of the built-in one
      --open           open the page in the default browser
  -h, --help           print this help
`

// serveConfig is backplan serve's command line.
type serveConfig struct {
	addr    string
	hosts   []string
	catalog string
	open    bool
	help    bool
}

func parseServeArgs(args []string) (*serveConfig, error) {
	c := &serveConfig{}
	fs := pflag.NewFlagSet("backplan serve", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "")
	fs.StringSliceVar(&c.hosts, "host", nil, "")
	fs.StringVar(&c.catalog, "catalog", "", "")
	fs.BoolVar(&c.open, "open", false, "")
	fs.BoolVarP(&c.help, "help", "h", false, "")
	if err := fs.Parse(args); err != nil {
		return nil, flagError(err)
	}
	if fs.NArg() > 0 {
		return nil, usageErr("backplan serve --help lists its options", "unexpected argument %q", fs.Arg(0))
	}
	if c.catalog == "-" {
		return nil, usageErr("", "--catalog needs a file name; - is not allowed with serve")
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
	// Ctrl-C, SIGTERM and SIGHUP (the terminal closing) each start the
	// drain, as on the command line; a second signal ends it at once.
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hurry := make(chan struct{})
	go func() {
		<-sigs
		cancel()
		<-sigs
		close(hurry)
	}()
	return listenAndServe(ctx, hurry, c, pr, e)
}

// drainTime is how long a stopping server lets the requests in flight
// finish: far more than the longest workbook the limits allow takes to
// draw. Those still running then are cut.
const drainTime = 15 * time.Second

// listenAndServe listens and serves until ctx is done, then drains for
// at most drainTime, or until hurry is closed. Its messages go through
// pr; the request log goes to standard error.
func listenAndServe(ctx context.Context, hurry <-chan struct{}, c *serveConfig, pr *printer, e env) error {
	h, err := newHandler(c, pr.stderr, e)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return usageErr("choose another port with --addr, or 127.0.0.1:0 for any free one", "cannot listen on %s: %v", c.addr, errors.Unwrap(err))
	}
	addr := ln.Addr().(*net.TCPAddr)
	srv := &http.Server{
		Handler:           h(allowedHosts(c, addr, os.Hostname)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		// net/http's own complaints may quote a request; the log holds
		// only what the page logs.
		ErrorLog: slog.NewLogLogger(slog.DiscardHandler, slog.LevelError),
	}
	url := pageURL(addr)
	if err := pr.text("backplan: serving the page at " + url + " (Ctrl-C stops it)\n"); err != nil {
		ln.Close()
		return err
	}
	if warning := exposed(c.addr, addr); warning != "" {
		pr.say(warning, "keep it behind the clinic's own access control, or use --addr 127.0.0.1:8080")
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
	pr.say(fmt.Sprintf("stopping; finishing the requests in flight for up to %s (Ctrl-C again stops at once)", drainTime), "")
	sctx, cancel := context.WithTimeout(context.Background(), drainTime)
	defer cancel()
	go func() {
		select {
		case <-hurry:
			cancel()
		case <-sctx.Done():
		}
	}()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close() // cut what is left; returning ends its drawing too
		pr.say("stopped; the requests still in flight were cut", "")
	}
	return nil
}

// newHandler makes what the page needs before it listens (the run date's
// check, the catalogue, the renderer) and returns the function that makes
// the handler for the host names allowed.
func newHandler(c *serveConfig, log io.Writer, e env) (func(hosts []string) http.Handler, error) {
	if _, err := runDate(e); err != nil {
		return nil, err
	}
	cat, err := loadCatalog(c.catalog, nil)
	if err != nil {
		return nil, err
	}
	r, err := render.New(1) // each workbook on one goroutine, as in a batch
	if err != nil {
		return nil, err
	}
	workers := runtime.GOMAXPROCS(0)
	if e.tuneGC {
		tuneGC(e.getenv, workers)
	}
	today := func() time.Time {
		t, _ := runDate(e) // checked above
		return t
	}
	return func(hosts []string) http.Handler {
		return serve.New(serve.Config{
			Catalog: cat, Renderer: r, Hosts: hosts, Log: log, Today: today,
			Paper: job.SystemPaper(e.getenv, e.root), Workers: workers, Random: e.rand,
		})
	}, nil
}

// allowedHosts are the host names the page answers to, besides IP
// addresses and localhost: those given with --host, the name in --addr if
// it has one and, when it listens beyond loopback, this computer's name.
func allowedHosts(c *serveConfig, addr *net.TCPAddr, hostname func() (string, error)) []string {
	hosts := append([]string(nil), c.hosts...)
	if h, _, err := net.SplitHostPort(c.addr); err == nil && h != "" && net.ParseIP(h) == nil {
		hosts = append(hosts, h)
	}
	if !addr.IP.IsLoopback() {
		if name, err := hostname(); err == nil {
			hosts = append(hosts, name)
		}
	}
	return hosts
}

// pageURL is the address to open in a browser.
func pageURL(addr *net.TCPAddr) string {
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(addr.Port)) + "/"
}

// exposed is the warning for a server listening at addr beyond loopback,
// as --addr (given) named it; "" on loopback.
func exposed(given string, addr *net.TCPAddr) string {
	if addr.IP.IsLoopback() {
		return ""
	}
	where := addr.String()
	if h, _, err := net.SplitHostPort(given); err == nil {
		where = net.JoinHostPort(h, fmt.Sprint(addr.Port))
	}
	return fmt.Sprintf("warning: listening on %s: the page has no login, so anyone who can reach this address can use it", where)
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
