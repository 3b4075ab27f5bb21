package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// memoryShare is the part of the machine's (or container's) memory the
// garbage collector aims to stay under when Prism runs the pipeline in this
// process. Prism keeps every pending element in memory and copies a bundle
// several times on its way to a worker; without a limit the heap grows to
// twice what is live before a collection, and at 10,000 articles half of the
// 11-13 GB peak was garbage. A quarter (6 GiB on 24 GB) held that run to
// 6.4 GB for a quarter more CPU (BENCHMARKS.md, "Analysis on Apache Beam").
// The limit is soft: a larger live heap is still served, with more
// frequent collections.
const memoryShare = 4

// setMemoryLimit sets the soft memory limit for an in-process run unless
// GOMEMLIMIT already says one, and returns it (0 when none was set).
func setMemoryLimit() int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	total := machineMemory()
	if total <= 0 {
		return 0
	}
	limit := total / memoryShare
	debug.SetMemoryLimit(limit)
	return limit
}

// machineMemory is the memory this process may use: the cgroup's limit when
// one is set (a container), else the machine's total; 0 if neither is known.
func machineMemory() int64 {
	total := memTotal("/proc/meminfo")
	for _, path := range []string{
		"/sys/fs/cgroup/memory.max",                   // cgroup v2
		"/sys/fs/cgroup/memory/memory.limit_in_bytes", // cgroup v1
	} {
		if l := cgroupLimit(path); l > 0 && (total == 0 || l < total) {
			return l
		}
	}
	return total
}

// cgroupLimit reads a cgroup memory limit file: a byte count, or "max"
// (no limit, 0 here). Version 1 writes "no limit" as a huge number, which
// the caller's comparison with the machine's total leaves aside.
func cgroupLimit(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

// memTotal reads MemTotal from a meminfo file, in bytes.
func memTotal(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
