// Command gitserver serves the bare Git repositories under a folder over smart HTTP on
// 127.0.0.1, behind HTTP basic auth, by running `git http-backend` as a CGI program.
// Tests and `make dev` push to it with the git CLI and point Flux GitRepositories at it.
package main

import (
	"bytes"
	"context"
	"crypto/subtle"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cgi"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

const passwordEnv = "GITSERVER_PASSWORD"

// maxBody bounds a de-chunked request body held in memory (a push of test manifests is
// a few kilobytes).
const maxBody = 256 << 20

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "gitserver: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	root := flag.String("root", "", "folder holding the bare repositories, e.g. ROOT/fleet.git (required)")
	addr := flag.String("addr", "127.0.0.1:0", "listen address; port 0 picks a free port")
	username := flag.String("username", "git", "basic auth user name")
	backend := flag.String("backend", "/usr/lib/git-core/git-http-backend", "git http-backend program")
	flag.Parse()
	password := os.Getenv(passwordEnv)
	switch {
	case *root == "":
		return errors.New("--root is required")
	case password == "":
		return fmt.Errorf("set the basic auth password in %s", passwordEnv)
	}
	absRoot, err := filepath.Abs(*root)
	if err != nil {
		return err
	}
	if _, err := os.Stat(*backend); err != nil {
		return fmt.Errorf("git http-backend: %w", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           &gitHandler{root: absRoot, backend: *backend, username: *username, password: password},
		ReadHeaderTimeout: 10 * time.Second,
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	fmt.Printf("READY http://%s\n", ln.Addr())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type gitHandler struct {
	root, backend      string
	username, password string
}

func (h *gitHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || !equal(user, h.username) || !equal(pass, h.password) {
		w.Header().Set("WWW-Authenticate", `Basic realm="gitserver"`)
		http.Error(w, "authentication required", http.StatusUnauthorized)
		return
	}
	// net/http/cgi refuses chunked bodies, which git sends for large pushes.
	if r.ContentLength < 0 || len(r.TransferEncoding) > 0 {
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		if err != nil || len(body) > maxBody {
			http.Error(w, "cannot read the request body", http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		r.TransferEncoding = nil
	}
	handler := &cgi.Handler{
		Path: h.backend,
		Env: []string{
			"GIT_PROJECT_ROOT=" + h.root,
			"GIT_HTTP_EXPORT_ALL=1",
			// http-backend allows receive-pack (push) only for an authenticated user.
			"REMOTE_USER=" + user,
		},
		InheritEnv: []string{"HOME"},
	}
	handler.ServeHTTP(w, r)
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
