package main

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
)

// portRange stays below the kernel's ephemeral range so an outgoing connection of
// some other process cannot take a port between our check and the child's bind.
var portRange = [2]int{20000, 32768}

// freePorts returns n distinct ports on 127.0.0.1 that nothing listens on. Each is held
// open until all are found, so the same port is never handed out twice.
func freePorts(n int) ([]int, error) {
	lo, hi := portRange[0], portRange[1]
	if ephemeralLow := ephemeralRangeStart(); ephemeralLow > lo && ephemeralLow < hi {
		hi = ephemeralLow
	}
	var held []net.Listener
	defer func() {
		for _, l := range held {
			l.Close()
		}
	}()
	ports := make([]int, 0, n)
	for attempts := 0; len(ports) < n; attempts++ {
		if attempts > 1000 {
			return nil, fmt.Errorf("found only %d free ports in 127.0.0.1:%d-%d", len(ports), lo, hi-1)
		}
		port := lo + rand.IntN(hi-lo)
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			continue
		}
		held = append(held, l)
		ports = append(ports, port)
	}
	return ports, nil
}

func ephemeralRangeStart() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return 0
	}
	low, _ := strconv.Atoi(fields[0])
	return low
}

// portAllocator hands out ports found by freePorts one at a time.
type portAllocator struct{ ports []int }

func (p *portAllocator) next() int {
	port := p.ports[0]
	p.ports = p.ports[1:]
	return port
}
