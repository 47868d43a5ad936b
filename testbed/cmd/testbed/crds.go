package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

const crdEstablishTimeout = 2 * time.Minute

func fluxCRDsDir(binDir string) string { return filepath.Join(buildDir(binDir), "flux-crds") }

func runCRDs(args []string) error {
	fs := flag.NewFlagSet("crds", flag.ContinueOnError)
	kubeconfig := fs.String("kubeconfig", "", "kubeconfig of the cluster (required)")
	binDir := fs.String("bin-dir", defaultBinDir(), "folder holding kubectl")
	crdsDir := fs.String("crds-dir", "", "folder of CRD files (default: the Flux CRDs build.sh fetched)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *kubeconfig == "" {
		return fmt.Errorf("--kubeconfig is required: the cluster to apply the CRDs to")
	}
	if *crdsDir == "" {
		*crdsDir = fluxCRDsDir(*binDir)
	}
	ctx, cancel := context.WithTimeout(context.Background(), crdEstablishTimeout+30*time.Second)
	defer cancel()
	return applyCRDs(ctx, filepath.Join(*binDir, "kubectl"), *kubeconfig, *crdsDir)
}

// applyCRDs server-side applies every file in dir and waits until each CRD is
// Established, so callers can create custom resources right away.
func applyCRDs(ctx context.Context, kubectl, kubeconfig, dir string) error {
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("CRDs folder: %w (run build.sh)", err)
	}
	steps := [][]string{
		{"apply", "--server-side", "--field-manager=testbed", "-f", dir},
		{"wait", "--for=condition=established", "--timeout=" + crdEstablishTimeout.String(), "-f", dir},
	}
	for _, step := range steps {
		cmd := exec.CommandContext(ctx, kubectl, append([]string{"--kubeconfig=" + kubeconfig}, step...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("kubectl %s: %w\n%s", step[0], err, out)
		}
	}
	return nil
}
