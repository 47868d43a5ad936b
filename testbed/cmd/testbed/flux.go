package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

const fluxNamespace = "flux-system"

// requiredFluxControllers must exist for --flux; notification-controller is optional
// (without it the others run without an events address).
var requiredFluxControllers = []string{"source-controller", "kustomize-controller", "helm-controller"}

const notificationController = "notification-controller"

// fluxPortCount: metrics and health for each of four controllers, the artifact server,
// and notification-controller's events and webhook receiver.
const fluxPortCount = 4*2 + 1 + 2

type fluxController struct {
	name        string
	metricsAddr string
	healthAddr  string
	args        []string
}

// fluxPlan is how the controllers run: addresses, folders and flags.
type fluxPlan struct {
	storagePath  string
	tmpDir       string
	storageAddr  string
	eventsAddr   string // notification-controller's events endpoint, "" without it
	receiverAddr string
	controllers  []fluxController
}

func loopback(port int) string { return fmt.Sprintf("127.0.0.1:%d", port) }

func planFlux(o options, ports *portAllocator) fluxPlan {
	fluxData := filepath.Join(o.dir, "data", "flux")
	fp := fluxPlan{
		storagePath: filepath.Join(fluxData, "storage"),
		tmpDir:      filepath.Join(fluxData, "tmp"),
		storageAddr: loopback(ports.next()),
	}
	events, receiver := ports.next(), ports.next()
	withNotification := fileExists(filepath.Join(o.binDir, notificationController))
	if withNotification {
		fp.eventsAddr = "http://" + loopback(events)
		fp.receiverAddr = "http://" + loopback(receiver)
	} else {
		fmt.Fprintf(os.Stderr, "testbed: %s not built: Flux runs without events\n", notificationController)
	}
	// The multi-tenancy lockdown of flux2-multi-tenancy: no cross-namespace source or
	// secret references, no remote kustomize bases, and Kustomizations and HelmReleases
	// without serviceAccountName impersonate the namespace's `default` account.
	lockdown := []string{"--no-cross-namespace-refs=true", "--default-service-account=default"}
	// A dependency that is not ready yet is re-checked after 30 s by default; the testbed
	// re-checks after 5 s so that dependsOn chains settle quickly.
	requeue := "--requeue-dependency=5s"
	perController := map[string][]string{
		notificationController: {"--events-addr=" + loopback(events), "--receiverAddr=" + loopback(receiver),
			"--no-cross-namespace-refs=true"},
		"source-controller": {"--storage-path=" + fp.storagePath, "--storage-addr=" + fp.storageAddr,
			"--storage-adv-addr=" + fp.storageAddr, requeue},
		"kustomize-controller": append([]string{"--no-remote-bases=true", requeue}, lockdown...),
		"helm-controller":      append([]string{requeue}, lockdown...),
	}
	// notification-controller first, so the others can send it events from the start.
	names := requiredFluxControllers
	if withNotification {
		names = append([]string{notificationController}, names...)
	}
	for _, name := range names {
		c := fluxController{name: name, metricsAddr: loopback(ports.next()), healthAddr: loopback(ports.next())}
		c.args = []string{"--metrics-addr=" + c.metricsAddr, "--health-addr=" + c.healthAddr,
			"--enable-leader-election=false"}
		if name != notificationController && fp.eventsAddr != "" {
			c.args = append(c.args, "--events-addr="+fp.eventsAddr)
		}
		c.args = append(c.args, perController[name]...)
		fp.controllers = append(fp.controllers, c)
	}
	return fp
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// startFlux creates flux-system and the reconciler RBAC, then runs the controllers out
// of cluster as the admin identity and waits until each health endpoint answers.
func (pl plan) startFlux(ctx context.Context, sup *supervisor, client *apiClient, abort func() error) error {
	if err := client.createFluxObjects(ctx); err != nil {
		return err
	}
	fp := pl.flux
	for _, dir := range []string{fp.storagePath, fp.tmpDir} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	env := []string{"KUBECONFIG=" + pl.kubeconfig, "RUNTIME_NAMESPACE=" + fluxNamespace, "TMPDIR=" + fp.tmpDir}
	for _, c := range fp.controllers {
		if _, err := sup.startEnv(c.name, filepath.Join(pl.opts.binDir, c.name), env, c.args); err != nil {
			return err
		}
	}
	probe := &http.Client{Timeout: 2 * time.Second}
	for _, c := range fp.controllers {
		url := "http://" + c.healthAddr + "/readyz"
		err := poll(ctx, c.name+" "+url, abort, func(ctx context.Context) (bool, error) {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
			if err != nil {
				return false, err
			}
			resp, err := probe.Do(req)
			if err != nil {
				return false, err
			}
			resp.Body.Close()
			return resp.StatusCode == http.StatusOK, fmt.Errorf("HTTP %d", resp.StatusCode)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// fluxState is the "flux" object of testbed.json.
type fluxState struct {
	Namespace    string                `json:"namespace"`
	StoragePath  string                `json:"storagePath"`
	StorageAddr  string                `json:"storageAddr"`
	EventsAddr   string                `json:"eventsAddr,omitempty"`
	ReceiverAddr string                `json:"receiverAddr,omitempty"`
	Controllers  []fluxControllerState `json:"controllers"`
}

type fluxControllerState struct {
	Name        string   `json:"name"`
	MetricsAddr string   `json:"metricsAddr"`
	HealthAddr  string   `json:"healthAddr"`
	Args        []string `json:"args"`
}

func (fp fluxPlan) state() *fluxState {
	st := &fluxState{Namespace: fluxNamespace, StoragePath: fp.storagePath, StorageAddr: fp.storageAddr,
		EventsAddr: fp.eventsAddr, ReceiverAddr: fp.receiverAddr}
	for _, c := range fp.controllers {
		st.Controllers = append(st.Controllers, fluxControllerState{Name: c.name, MetricsAddr: c.metricsAddr,
			HealthAddr: c.healthAddr, Args: c.args})
	}
	return st
}
