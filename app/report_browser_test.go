package app

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corpuslint/corpuslint/report/aggregate"
)

// chromium returns the headless browser to test with: $CHROMIUM, else Debian's
// chromium, else a Chrome on PATH; "" when there is none.
func chromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// runChromium runs the browser headless on a file:// URL with networking locked
// down: every host name resolves to nothing, so even a stray request could not load.
func runChromium(t *testing.T, bin, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(),
		"--host-resolver-rules=MAP * ~NOTFOUND",
	}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	return out
}

// pageRequests reads a Chromium NetLog and returns the URLs of the requests a page
// made. The browser's own background requests (initiator "not an origin") are left
// out; anything the page asks for has the page's origin ("null" for file://).
func pageRequests(t *testing.T, netlog string) []string {
	t.Helper()
	data, err := os.ReadFile(netlog)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Constants struct {
			LogEventTypes map[string]int `json:"logEventTypes"`
		} `json:"constants"`
		Events []struct {
			Type   int `json:"type"`
			Params struct {
				URL       string `json:"url"`
				Initiator string `json:"initiator"`
			} `json:"params"`
		} `json:"events"`
	}
	// An interrupted log lacks its closing brackets; Chromium writes them on exit.
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("reading the NetLog: %v", err)
	}
	start, ok := log.Constants.LogEventTypes["URL_REQUEST_START_JOB"]
	if !ok {
		t.Fatal("the NetLog has no URL_REQUEST_START_JOB event type")
	}
	var urls []string
	for _, e := range log.Events {
		if e.Type == start && e.Params.URL != "" && e.Params.Initiator != "not an origin" {
			urls = append(urls, e.Params.URL)
		}
	}
	return urls
}

// TestReportInBrowser renders the HTML report of the example corpus in headless
// Chromium: the charts and tables must be in the rendered DOM, the page must make
// no request (checked in the page source and in Chromium's NetLog, with a control
// page that does make requests to prove the check can fail), and a screenshot is
// saved. UPDATE_SCREENSHOT=1 also writes it to docs/report.png for the README.
func TestReportInBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		skipOrFail(t, "skipping the browser test: no Chromium found (install Debian's chromium package, or set CHROMIUM to a Chrome binary)")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	t.Chdir("..") // the report names its inputs as given
	t.Setenv("CORPUSLINT_REPORT_TIME", "2026-11-27")
	var stderr bytes.Buffer
	if code := Run([]string{"corpuslint", "report", "-q", "--html", page, "--title", "corpuslint quality report: example corpus",
		filepath.Join("testdata", "examples", "seed.txt"), filepath.Join("testdata", "report", "batch.jsonl")},
		nil, io.Discard, &stderr); code != exitClean {
		t.Fatalf("report exited %d: %s", code, stderr.String())
	}
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if refs := aggregate.ExternalRefs(src); len(refs) > 0 {
		t.Errorf("the page refers to resources: %q", refs)
	}

	// The rendered DOM holds the charts and tables.
	netlog := filepath.Join(dir, "netlog.json")
	dom := string(runChromium(t, bin, page, "--dump-dom", "--log-net-log="+netlog))
	for _, want := range []string{
		`<svg class="chart bars"`, `<svg class="chart hist"`, `<table class="data"`, `<table class="diff"`,
		`id="domains"`, `id="worst"`, `id="rule-trailing-headlines"`, "news.example.com",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page lacks %s", want)
		}
	}
	if n := strings.Count(dom, "<rect "); n < 20 {
		t.Errorf("the rendered page has %d SVG rects; the charts seem empty", n)
	}
	if reqs := pageRequests(t, netlog); len(reqs) > 0 {
		t.Errorf("the page made requests: %q", reqs)
	}

	// Control: a page that does load things must show up in the same check.
	control := filepath.Join(dir, "control.html")
	if err := os.WriteFile(control, []byte(`<!DOCTYPE html><img src="https://example.com/x.png"><link rel="stylesheet" href="http://example.org/a.css">`), 0o644); err != nil {
		t.Fatal(err)
	}
	controlLog := filepath.Join(dir, "control-netlog.json")
	runChromium(t, bin, control, "--dump-dom", "--log-net-log="+controlLog)
	if reqs := pageRequests(t, controlLog); len(reqs) < 2 {
		t.Errorf("the request check missed the control page's requests (found %q)", reqs)
	}

	// A screenshot of the top of the report.
	shot := filepath.Join(dir, "report.png")
	runChromium(t, bin, page, "--window-size=1280,1900", "--screenshot="+shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 1000 {
		t.Errorf("screenshot is %dx%d", b.Dx(), b.Dy())
	}
	t.Logf("screenshot saved to %s", shot)
	if os.Getenv("UPDATE_SCREENSHOT") != "" {
		data, err := os.ReadFile(shot)
		if err != nil {
			t.Fatal(err)
		}
		docs := "docs"
		if err := os.MkdirAll(docs, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(docs, "report.png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote docs/report.png")
	}
}
