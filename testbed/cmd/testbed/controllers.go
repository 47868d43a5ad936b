package main

import (
	"fmt"
	"path/filepath"
)

// Without the controller manager there are no default ServiceAccounts, namespaces never
// finish deleting and the aggregated admin/edit/view ClusterRoles stay empty.
func controllerManagerArgs(p pki, kubeconfig string, port int) []string {
	return []string{
		"--kubeconfig=" + kubeconfig,
		"--authentication-kubeconfig=" + kubeconfig,
		"--authorization-kubeconfig=" + kubeconfig,
		"--bind-address=127.0.0.1",
		fmt.Sprintf("--secure-port=%d", port),
		"--leader-elect=false",
		"--controllers=*",
		// At the default 20 QPS, starting the controllers (each fetching its own
		// ServiceAccount token) is throttled: 9 s instead of 3 s to a usable cluster.
		"--kube-api-qps=100",
		"--kube-api-burst=200",
		"--use-service-account-credentials=true",
		"--service-account-private-key-file=" + p.key("sa"),
		"--root-ca-file=" + p.caCert(),
		"--cluster-signing-cert-file=" + p.caCert(),
		"--cluster-signing-key-file=" + p.caKey(),
		"--service-cluster-ip-range=" + serviceCIDR,
	}
}

func schedulerArgs(kubeconfig string, port int) []string {
	return []string{
		"--kubeconfig=" + kubeconfig,
		"--authentication-kubeconfig=" + kubeconfig,
		"--authorization-kubeconfig=" + kubeconfig,
		"--bind-address=127.0.0.1",
		fmt.Sprintf("--secure-port=%d", port),
		"--leader-elect=false",
	}
}

// startControllers runs kube-controller-manager and kube-scheduler against server,
// each with its own client identity.
func startControllers(s *supervisor, binDir, kubeconfigDir string, p pki, server string, ports *portAllocator) error {
	kcm := filepath.Join(kubeconfigDir, "kube-controller-manager.kubeconfig")
	scheduler := filepath.Join(kubeconfigDir, "kube-scheduler.kubeconfig")
	for _, c := range []struct {
		name, kubeconfig string
		args             []string
	}{
		{"kube-controller-manager", kcm, controllerManagerArgs(p, kcm, ports.next())},
		{"kube-scheduler", scheduler, schedulerArgs(scheduler, ports.next())},
	} {
		if err := writeKubeconfig(c.kubeconfig, p, c.name, server); err != nil {
			return err
		}
		if _, err := s.start(c.name, filepath.Join(binDir, c.name), c.args); err != nil {
			return err
		}
	}
	return nil
}
