package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// apiClient is just enough of a Kubernetes client for start-up: readiness probes and a
// few object reads and writes, as the admin identity.
type apiClient struct {
	server string
	http   *http.Client
}

func newAPIClient(p pki, identity, server string) (*apiClient, error) {
	caPEM, err := os.ReadFile(p.caCert())
	if err != nil {
		return nil, err
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(caPEM) {
		return nil, fmt.Errorf("no certificate in %s", p.caCert())
	}
	cert, err := tls.LoadX509KeyPair(p.cert(identity), p.key(identity))
	if err != nil {
		return nil, err
	}
	transport := &http.Transport{TLSClientConfig: &tls.Config{
		RootCAs:      roots,
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
	}}
	return &apiClient{server: server, http: &http.Client{Transport: transport, Timeout: 10 * time.Second}}, nil
}

// do sends in (when not nil) as JSON and decodes the answer into out (when not nil).
func (c *apiClient) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.server+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: HTTP %d: %s", method, path, resp.StatusCode, b)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(b, out)
}

// poll calls check every interval until it reports done, ctx ends or abort returns an
// error (a child died: waiting longer is pointless). The last check error is kept for
// the timeout message.
func poll(ctx context.Context, what string, abort func() error, check func(context.Context) (bool, error)) error {
	const interval = 100 * time.Millisecond
	var last error
	for {
		done, err := check(ctx)
		if done {
			return nil
		}
		if err != nil {
			last = err
		}
		if err := abort(); err != nil {
			return fmt.Errorf("waiting for %s: %w", what, err)
		}
		select {
		case <-ctx.Done():
			if last != nil {
				return fmt.Errorf("waiting for %s: %w (last error: %v)", what, ctx.Err(), last)
			}
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		case <-time.After(interval):
		}
	}
}

func (c *apiClient) waitReadyz(ctx context.Context, abort func() error) error {
	return poll(ctx, c.server+"/readyz", abort, func(ctx context.Context) (bool, error) {
		err := c.do(ctx, http.MethodGet, "/readyz", nil, nil)
		return err == nil, err
	})
}

// waitDefaultServiceAccount waits for the controller manager to create the "default"
// ServiceAccount: until then the API server rejects pods in the default namespace.
func (c *apiClient) waitDefaultServiceAccount(ctx context.Context, abort func() error) error {
	return poll(ctx, "the default ServiceAccount", abort, func(ctx context.Context) (bool, error) {
		err := c.do(ctx, http.MethodGet, "/api/v1/namespaces/default/serviceaccounts/default", nil, nil)
		return err == nil, err
	})
}
