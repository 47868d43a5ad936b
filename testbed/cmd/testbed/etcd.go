package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

type etcdMember struct {
	name      string
	dataDir   string
	clientURL string
	peerURL   string
	metricURL string
}

func planEtcd(count int, dataDir string, ports *portAllocator) []etcdMember {
	members := make([]etcdMember, count)
	for i := range members {
		name := fmt.Sprintf("etcd-%d", i)
		members[i] = etcdMember{
			name:      name,
			dataDir:   filepath.Join(dataDir, name),
			clientURL: fmt.Sprintf("http://127.0.0.1:%d", ports.next()),
			peerURL:   fmt.Sprintf("http://127.0.0.1:%d", ports.next()),
			metricURL: fmt.Sprintf("http://127.0.0.1:%d", ports.next()),
		}
	}
	return members
}

func (m etcdMember) args(cluster []etcdMember) []string {
	initial := make([]string, len(cluster))
	for i, peer := range cluster {
		initial[i] = peer.name + "=" + peer.peerURL
	}
	return []string{
		"--name=" + m.name,
		"--data-dir=" + m.dataDir,
		"--listen-client-urls=" + m.clientURL,
		"--advertise-client-urls=" + m.clientURL,
		"--listen-peer-urls=" + m.peerURL,
		"--initial-advertise-peer-urls=" + m.peerURL,
		"--initial-cluster=" + strings.Join(initial, ","),
		"--initial-cluster-state=new",
		"--initial-cluster-token=testbed",
		"--listen-metrics-urls=" + m.metricURL,
		// A throwaway cluster: durability is not worth the fsync latency.
		"--unsafe-no-fsync=true",
		"--quota-backend-bytes=2147483648",
	}
}

func startEtcd(s *supervisor, binDir string, members []etcdMember) error {
	for _, m := range members {
		if _, err := s.start(m.name, filepath.Join(binDir, "etcd"), m.args(members)); err != nil {
			return err
		}
	}
	return nil
}

func clientURLs(members []etcdMember) []string {
	urls := make([]string, len(members))
	for i, m := range members {
		urls[i] = m.clientURL
	}
	return urls
}
