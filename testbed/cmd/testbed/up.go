package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

// startTimeout bounds the whole start-up; a cold page cache makes the first
// kube-apiserver start take ~10 s on 2 cores.
const startTimeout = 3 * time.Minute

var requiredBinaries = []string{"etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl", "kwok"}

func runUp(args []string) error {
	start := time.Now()
	o, err := parseUpOptions(args)
	if err != nil {
		return err
	}
	if err := checkPrerequisites(o); err != nil {
		return err
	}
	if err := prepareDir(o.dir); err != nil {
		return err
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer cancel()
	sup := &supervisor{logDir: filepath.Join(o.dir, "logs")}
	defer sup.stopAll()

	st, err := bringUp(ctx, o, sup, start)
	if err != nil && ctx.Err() != nil {
		fmt.Fprintln(os.Stderr, "testbed: stopped by a signal before ready")
		return nil
	}
	if err != nil {
		return err
	}
	path := filepath.Join(o.dir, "testbed.json")
	if err := writeState(path, st); err != nil {
		return err
	}
	fmt.Printf("READY %s\n", path)
	<-ctx.Done()
	fmt.Fprintln(os.Stderr, "testbed: stopping")
	return nil
}

func checkPrerequisites(o options) error {
	required := []string{kwokStages(o.binDir)}
	binaries := requiredBinaries
	if o.flux {
		binaries = append(append([]string{}, binaries...), requiredFluxControllers...)
	}
	for _, b := range binaries {
		required = append(required, filepath.Join(o.binDir, b))
	}
	for _, path := range required {
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("%w: run testbed/build.sh or pass --bin-dir", err)
		}
	}
	if o.apiservers > 1 {
		if _, err := exec.LookPath("unshare"); err != nil {
			return fmt.Errorf("--apiservers %d needs unshare (util-linux): %w", o.apiservers, err)
		}
	}
	return nil
}

// prepareDir insists on a fresh folder: etcd members cannot rejoin on new ports and
// old certificates would not match the new CA.
func prepareDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err == nil && len(entries) > 0 {
		return fmt.Errorf("--dir %s is not empty: give a new or empty folder", dir)
	}
	for _, sub := range []string{"logs", "data", "kubeconfigs"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// plan is what bringUp decided before starting anything.
type plan struct {
	opts        options
	pki         pki
	auditPolicy string
	members     []etcdMember
	servers     []apiserver
	kubeconfig  string
	nodes       []string
	ports       *portAllocator
	flux        fluxPlan
}

func bringUp(ctx context.Context, o options, sup *supervisor, start time.Time) (state, error) {
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	pl, err := preparePlan(o)
	if err != nil {
		return state{}, err
	}
	abort := func() error {
		if c := sup.firstExited(); c != nil {
			return fmt.Errorf("%s exited during start-up (%v): see %s", c.name, c.err, c.log)
		}
		return nil
	}
	if err := pl.startControlPlane(ctx, sup, abort); err != nil {
		return state{}, err
	}
	logStep(start, "apiservers ready")
	if err := pl.startNodes(ctx, sup, abort); err != nil {
		return state{}, err
	}
	logStep(start, fmt.Sprintf("%d nodes Ready, default ServiceAccount present", len(pl.nodes)))
	if o.fluxCRDs {
		if err := applyCRDs(ctx, filepath.Join(o.binDir, "kubectl"), pl.kubeconfig, fluxCRDsDir(o.binDir)); err != nil {
			return state{}, err
		}
		logStep(start, "Flux CRDs established")
	}
	if o.flux {
		client, err := newAPIClient(pl.pki, "admin", pl.server())
		if err != nil {
			return state{}, err
		}
		if err := pl.startFlux(ctx, sup, client, abort); err != nil {
			return state{}, err
		}
		logStep(start, fmt.Sprintf("%d Flux controllers ready", len(pl.flux.controllers)))
	}
	return pl.state(sup, start)
}

func preparePlan(o options) (plan, error) {
	pl := plan{opts: o, pki: pki{dir: filepath.Join(o.dir, "pki")}, auditPolicy: o.auditPolicy}
	if err := generatePKI(pl.pki); err != nil {
		return pl, err
	}
	if pl.auditPolicy == "" {
		pl.auditPolicy = filepath.Join(o.dir, "audit-policy.yaml")
		if err := writeDefaultAuditPolicy(pl.auditPolicy); err != nil {
			return pl, err
		}
	}
	// 3 per etcd member, 1 per apiserver, then controller manager, scheduler, KWOK,
	// and with --flux the controllers' addresses.
	count := 3*o.etcdMembers + o.apiservers + 3
	if o.flux {
		count += fluxPortCount
	}
	found, err := freePorts(count)
	if err != nil {
		return pl, err
	}
	pl.ports = &portAllocator{ports: found}
	pl.members = planEtcd(o.etcdMembers, filepath.Join(o.dir, "data"), pl.ports)
	pl.servers = planAPIServers(o.apiservers, o.dir, pl.ports)
	if o.flux {
		pl.flux = planFlux(o, pl.ports)
	}
	pl.nodes = make([]string, o.nodes)
	for i := range pl.nodes {
		pl.nodes[i] = nodeName(i)
	}
	pl.kubeconfig = filepath.Join(o.dir, "kubeconfig")
	return pl, writeKubeconfig(pl.kubeconfig, pl.pki, "admin", pl.server())
}

// server is the apiserver every component and the admin kubeconfig use; there is no
// load balancer in front of several.
func (pl plan) server() string { return pl.servers[0].url() }

func (pl plan) startControlPlane(ctx context.Context, sup *supervisor, abort func() error) error {
	if err := startEtcd(sup, pl.opts.binDir, pl.members); err != nil {
		return err
	}
	if err := startAPIServers(sup, pl.opts.binDir, pl.servers, pl.pki, clientURLs(pl.members), pl.auditPolicy); err != nil {
		return err
	}
	for _, a := range pl.servers {
		c, err := newAPIClient(pl.pki, "admin", a.url())
		if err != nil {
			return err
		}
		if err := c.waitReadyz(ctx, abort); err != nil {
			return err
		}
	}
	return nil
}

func (pl plan) startNodes(ctx context.Context, sup *supervisor, abort func() error) error {
	binDir := pl.opts.binDir
	kubeconfigs := filepath.Join(pl.opts.dir, "kubeconfigs")
	if err := startControllers(sup, binDir, kubeconfigs, pl.pki, pl.server(), pl.ports); err != nil {
		return err
	}
	if err := startKWOK(sup, binDir, pl.kubeconfig, pl.ports.next()); err != nil {
		return err
	}
	client, err := newAPIClient(pl.pki, "admin", pl.server())
	if err != nil {
		return err
	}
	if err := client.createNodes(ctx, pl.nodes); err != nil {
		return err
	}
	if err := client.waitNodesReady(ctx, pl.nodes, abort); err != nil {
		return err
	}
	return client.waitDefaultServiceAccount(ctx, abort)
}

func (pl plan) state(sup *supervisor, start time.Time) (state, error) {
	procs, err := sup.processStates()
	if err != nil {
		return state{}, err
	}
	st := state{
		Dir:            pl.opts.dir,
		DataDir:        filepath.Join(pl.opts.dir, "data"),
		Kubeconfig:     pl.kubeconfig,
		CAFile:         pl.pki.caCert(),
		EtcdClientURLs: clientURLs(pl.members),
		AuditPolicy:    pl.auditPolicy,
		FluxCRDsDir:    fluxCRDsDir(pl.opts.binDir),
		FluxCRDsReady:  pl.opts.fluxCRDs,
		Nodes:          pl.nodes,
		Processes:      procs,
		StartTime:      start,
		ReadyMs:        time.Since(start).Milliseconds(),
	}
	for _, a := range pl.servers {
		st.APIServerURLs = append(st.APIServerURLs, a.url())
		st.AuditLogPaths = append(st.AuditLogPaths, a.auditLog)
	}
	st.AuditLogPath = st.AuditLogPaths[0]
	if pl.opts.flux {
		st.Flux = pl.flux.state()
	}
	return st, nil
}

func logStep(start time.Time, what string) {
	fmt.Fprintf(os.Stderr, "testbed: %s after %d ms\n", what, time.Since(start).Milliseconds())
}
