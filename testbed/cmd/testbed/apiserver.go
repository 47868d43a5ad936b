package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

const (
	serviceCIDR       = "10.0.0.0/24"
	serviceAccountIss = "https://kubernetes.default.svc.cluster.local"
	// All but NodeRestriction are on by default in 1.36; naming them keeps them on
	// whatever the defaults become.
	admissionPlugins = "NodeRestriction,PodSecurity,LimitRanger,ResourceQuota,ValidatingAdmissionPolicy"
)

// defaultAuditPolicy records every request at Metadata level.
const defaultAuditPolicy = `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: Metadata
`

type apiserver struct {
	name     string
	hostname string
	port     int
	auditLog string
}

func (a apiserver) url() string { return fmt.Sprintf("https://127.0.0.1:%d", a.port) }

func planAPIServers(count int, dir string, ports *portAllocator) []apiserver {
	servers := make([]apiserver, count)
	for i := range servers {
		auditLog := filepath.Join(dir, "audit.log")
		if i > 0 {
			// Separate files: two processes rotating one log would corrupt it.
			auditLog = filepath.Join(dir, fmt.Sprintf("audit-%d.log", i))
		}
		servers[i] = apiserver{
			name:     fmt.Sprintf("kube-apiserver-%d", i),
			hostname: fmt.Sprintf("testbed-apiserver-%d", i),
			port:     ports.next(),
			auditLog: auditLog,
		}
	}
	return servers
}

func writeDefaultAuditPolicy(path string) error {
	return os.WriteFile(path, []byte(defaultAuditPolicy), 0o644)
}

func (a apiserver) args(p pki, etcdURLs []string, auditPolicy string) []string {
	return []string{
		"--etcd-servers=" + strings.Join(etcdURLs, ","),
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		fmt.Sprintf("--secure-port=%d", a.port),
		"--tls-cert-file=" + p.cert("apiserver"),
		"--tls-private-key-file=" + p.key("apiserver"),
		"--client-ca-file=" + p.caCert(),
		"--service-cluster-ip-range=" + serviceCIDR,
		"--authorization-mode=Node,RBAC",
		"--enable-admission-plugins=" + admissionPlugins,
		// PodSecurity decides about privileged pods, as in a real cluster.
		"--allow-privileged=true",
		"--service-account-issuer=" + serviceAccountIss,
		"--service-account-key-file=" + p.file("sa.pub"),
		"--service-account-signing-key-file=" + p.key("sa"),
		// 127.0.0.1 cannot be a Service endpoint; the default reconciler complains forever.
		"--endpoint-reconciler-type=none",
		"--requestheader-client-ca-file=" + p.cert("front-proxy-ca"),
		"--requestheader-allowed-names=" + frontProxyClientCN,
		"--requestheader-username-headers=X-Remote-User",
		"--requestheader-group-headers=X-Remote-Group",
		"--requestheader-extra-headers-prefix=X-Remote-Extra-",
		"--proxy-client-cert-file=" + p.cert("front-proxy-client"),
		"--proxy-client-key-file=" + p.key("front-proxy-client"),
		"--audit-policy-file=" + auditPolicy,
		"--audit-log-path=" + a.auditLog,
	}
}

// startAPIServers gives each server its own UTS namespace and hostname when there are
// several: the apiserver identity lease is named after the hostname, so two servers on
// one host would otherwise fight over one lease. sh execs the server, keeping its PID.
func startAPIServers(s *supervisor, binDir string, servers []apiserver, p pki, etcdURLs []string, auditPolicy string) error {
	binary := filepath.Join(binDir, "kube-apiserver")
	for _, a := range servers {
		var wrapper []string
		if len(servers) > 1 {
			wrapper = []string{"unshare", "--uts", "--", "sh", "-c", `hostname "$0" && exec "$@"`, a.hostname}
		}
		if _, err := s.start(a.name, binary, a.args(p, etcdURLs, auditPolicy), wrapper...); err != nil {
			return err
		}
	}
	return nil
}
