# Licensed to the Apache Software Foundation (ASF) under one
# or more contributor license agreements.  See the NOTICE file
# distributed with this work for additional information
# regarding copyright ownership.  The ASF licenses this file
# to you under the Apache License, Version 2.0 (the
# "License"); you may not use this file except in compliance
# with the License.  You may obtain a copy of the License at
#
#   http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing,
# software distributed under the License is distributed on an
# "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
# KIND, either express or implied.  See the License for the
# specific language governing permissions and limitations
# under the License.
"""Shared helpers for the vr_scaling tests: fake /proc + /sys tree,
fake kernel behaviour, fake ethtool, and a main() wrapper."""

import io
import json
import os
import sys

SYSTEMVM_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(SYSTEMVM_DIR, "vr_scaling.py")
if SYSTEMVM_DIR not in sys.path:
    sys.path.insert(0, SYSTEMVM_DIR)

import vr_scaling  # noqa: E402  (needs the sys.path entry above)

# Copied from a real 2-CPU host (kernel 6.18) and given non-zero counters;
# the header and the double spaces are exactly what the kernel prints.
NF_CONNTRACK_STAT = (
    "entries  clashres found new invalid ignore delete chainlength insert "
    "insert_failed drop early_drop icmp_error  expect_new expect_create "
    "expect_delete search_restart\n"
    "000004d2  00000001 00000000 00000000 0000000a 00000000 00000000 "
    "00000002 00000000 00000003 00000010 00000005 00000000  00000000 "
    "00000000 00000000 000000ff\n"
    "000004d2  00000002 00000000 00000000 00000001 00000000 00000000 "
    "00000000 00000000 00000001 00000001 00000002 00000000  00000000 "
    "00000000 00000000 00000001\n"
)

# Same host, real format (15 hex columns per CPU on 6.18; 6.1 prints 13).
SOFTNET_STAT = (
    "00001016 00000002 00000010 00000000 00000000 00000000 00000000 "
    "00000000 00000000 00000000 00000000 00000000 00000000 00000000 "
    "00000000\n"
    "000000eb 00000001 00000005 00000000 00000000 00000000 00000000 "
    "00000000 00000000 00000000 00000000 00000000 00000001 00000000 "
    "00000000\n"
)

PROC_STAT_TEMPLATE = (
    "cpu  {user} 0 {system} {idle} 68 0 {softirq} {steal} 0 0\n"
    "cpu0 {user0} 0 276 {idle0} 5 0 {softirq0} {steal0} 0 0\n"
    "cpu1 446 0 372 {idle1} 63 0 9 4 0 0\n"
    "intr 123456 0 9 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"
    "ctxt {ctxt}\n"
    "btime 1795685124\n"
    "processes 3610\n"
    "procs_running 1\n"
    "procs_blocked 0\n"
    "softirq 54321 0 1000 2 3000 0 0 50 2000 0 1500\n"
)

PROC_STAT_FIRST = dict(user=706, system=649, idle=52928, softirq=13, steal=6,
                       user0=260, idle0=26649, softirq0=4, steal0=2,
                       idle1=26278, ctxt=171483)
# 1 s later: 1000 jiffies in total, of which 50 steal and 100 softirq
# (all on cpu0), 5000 context switches.
PROC_STAT_SECOND = dict(user=806, system=649 + 150, idle=52928 + 600,
                        softirq=113, steal=56, user0=460, idle0=26649 + 200,
                        softirq0=104, steal0=52, idle1=26278 + 400,
                        ctxt=176483)

MEMINFO = (
    "MemTotal:        2014884 kB\n"
    "MemFree:          120000 kB\n"
    "MemAvailable:     301234 kB\n"
    "Buffers:            2048 kB\n"
)

VMSTAT = "nr_free_pages 30000\npgfault 123\noom_kill 3\nnr_dirty 0\n"

SYSCTL_CONF = "# CloudStack's own file; must never be touched\n" \
              "net.netfilter.nf_conntrack_max=1000000\n"

INITIAL_SYSCTLS = {
    "net.netfilter.nf_conntrack_max": 262144,
    "net.netfilter.nf_conntrack_buckets": 262144,
    "net.netfilter.nf_conntrack_count": 1234,
    "net.netfilter.nf_conntrack_tcp_timeout_established": 432000,
    "net.netfilter.nf_conntrack_tcp_timeout_time_wait": 120,
    "net.core.netdev_max_backlog": 1000,
    "net.core.netdev_budget": 300,
    "net.ipv4.tcp_fin_timeout": 60,
    "net.ipv4.tcp_window_scaling": 1,
}

HASHSIZE = "sys/module/nf_conntrack/parameters/hashsize"

MEMORY_DIR = "sys/devices/system/memory"
# x86_64 uses 128 MiB blocks below 64 GiB of RAM; sysfs prints it in hex.
BLOCK_SIZE = 128 * 1024 * 1024
# The fake tree is a 2 GiB router: MemTotal 2014884 kB, 16 blocks online.
FAKE_TREE_BLOCKS = 16


def write(root, rel, text, mode=0o644):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.lexists(path):
        os.unlink(path)  # fixtures may be 0444; non-root cannot reopen them
    with open(path, "w") as handle:
        handle.write(text)
    os.chmod(path, mode)
    return path


def sysctl_rel(key):
    return os.path.join("proc", "sys", *key.split("."))


def read_sysctl(root, key):
    with open(os.path.join(root, sysctl_rel(key))) as handle:
        return int(handle.read().split()[0])


def add_nic(root, name, driver=None, rx_packets=0, rx_dropped=0, queues=1):
    base = os.path.join("sys", "class", "net", name)
    write(root, os.path.join(base, "statistics", "rx_packets"),
          "%d\n" % rx_packets)
    write(root, os.path.join(base, "statistics", "rx_dropped"),
          "%d\n" % rx_dropped)
    for index in range(queues):
        os.makedirs(os.path.join(root, base, "queues", "rx-%d" % index))
        os.makedirs(os.path.join(root, base, "queues", "tx-%d" % index))
    if driver:
        bus = "virtio" if driver == "virtio_net" else "pci"
        os.makedirs(os.path.join(root, "sys", "bus", bus, "drivers", driver),
                    exist_ok=True)
        os.makedirs(os.path.join(root, base, "device"))
        # Relative, like the kernel's own sysfs links.
        os.symlink(os.path.join("..", "..", "..", "..", "bus", bus,
                                "drivers", driver),
                   os.path.join(root, base, "device", "driver"))


def build_fake_tree(root):
    """A VR-like tree: 3 vCPU-ish stats, eth0/eth1 virtio, eth2 e1000."""
    for key, value in INITIAL_SYSCTLS.items():
        write(root, sysctl_rel(key), "%d\n" % value)
    write(root, "proc/sys/kernel/osrelease", "6.1.0-40-amd64\n")
    write(root, HASHSIZE, "262144\n", mode=0o600)
    write(root, "proc/net/stat/nf_conntrack", NF_CONNTRACK_STAT, 0o444)
    write(root, "proc/net/softnet_stat", SOFTNET_STAT, 0o444)
    write(root, "proc/stat", PROC_STAT_TEMPLATE.format(**PROC_STAT_FIRST))
    write(root, "proc/meminfo", MEMINFO, 0o444)
    write(root, "proc/vmstat", VMSTAT, 0o444)
    set_memory_blocks(root, FAKE_TREE_BLOCKS)
    write(root, "sys/kernel/slab/nf_conntrack/object_size", "320\n", 0o444)
    write(root, "etc/sysctl.conf", SYSCTL_CONF)
    os.makedirs(os.path.join(root, "etc", "sysctl.d"))
    add_nic(root, "lo", rx_packets=10)
    add_nic(root, "eth0", "virtio_net", rx_packets=1000, rx_dropped=7,
            queues=1)
    add_nic(root, "eth1", "virtio_net", rx_packets=500, rx_dropped=0)
    add_nic(root, "eth2", "e1000", rx_packets=5, rx_dropped=1)


def snapshot_tree(root):
    """Everything observable about the tree: names, modes, links, bytes,
    mtimes and inodes. Equal snapshots mean nothing was written."""
    state = {}
    for directory, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(directory, name)
            rel = os.path.relpath(path, root)
            info = os.lstat(path)
            if os.path.islink(path):
                state[rel] = ("link", os.readlink(path))
            elif os.path.isdir(path):
                state[rel] = ("dir", info.st_mode)
            else:
                with open(path, "rb") as handle:
                    data = handle.read()
                state[rel] = ("file", info.st_mode, data, info.st_mtime_ns,
                              info.st_ino)
    return state


class FakeKernelFiles(vr_scaling.KernelFiles):
    """KernelFiles plus the one kernel behaviour a plain tree cannot show:
    resizing the conntrack hash rounds up to 512 and the buckets sysctl
    then reports the new size (nf_ct_alloc_hashtable)."""

    refuse = {}  # rel path -> errno raised on write (set per test)
    ignore_writes = set()  # rel paths whose writes silently do nothing
    log = None  # a list to append (rel, value) of every write attempt to

    def write_value(self, rel, value):
        if self.log is not None:
            self.log.append((rel, value))
        if rel in self.refuse:
            raise OSError(self.refuse[rel], os.strerror(self.refuse[rel]))
        if rel in self.ignore_writes:
            return
        buckets = sysctl_rel(vr_scaling.BUCKETS_KEY)
        if rel in (HASHSIZE, buckets):
            value = -(-value // 512) * 512
            super().write_value(rel, value)
            other = buckets if rel == HASHSIZE else HASHSIZE
            if self.exists(other):
                super().write_value(other, value)
            return
        super().write_value(rel, value)


def fake_kernel(refuse=None, ignore_writes=None, log=None):
    """A FakeKernelFiles subclass with per-test write behaviour."""
    return type("ConfiguredFakeKernel", (FakeKernelFiles,),
                {"refuse": dict(refuse or {}),
                 "ignore_writes": set(ignore_writes or ()),
                 "log": log})


def set_mem_total_kb(root, kilobytes):
    write(root, "proc/meminfo",
          MEMINFO.replace("2014884", str(kilobytes)), 0o444)


def set_memory_blocks(root, online, offline=0, block_size=BLOCK_SIZE):
    """/sys/devices/system/memory as the kernel shows it: the block size in
    hex without 0x, memoryN directories with online 1 or 0, and the other
    entries the script must skip."""
    import shutil
    directory = os.path.join(root, MEMORY_DIR)
    shutil.rmtree(directory, ignore_errors=True)
    write(root, os.path.join(MEMORY_DIR, "block_size_bytes"),
          "%x\n" % block_size, 0o444)
    write(root, os.path.join(MEMORY_DIR, "auto_online_blocks"), "offline\n")
    write(root, os.path.join(MEMORY_DIR, "uevent"), "")
    os.makedirs(os.path.join(directory, "power"))
    for index in range(online + offline):
        block = os.path.join(MEMORY_DIR, "memory%d" % index)
        write(root, os.path.join(block, "online"),
              "1\n" if index < online else "0\n")
        write(root, os.path.join(block, "state"),
              "online\n" if index < online else "offline\n", 0o444)


def remove_memory_blocks(root):
    """A kernel without memory hotplug: no /sys/devices/system/memory."""
    import shutil
    shutil.rmtree(os.path.join(root, MEMORY_DIR))


def unload_conntrack(root):
    """What a VR looks like before its firewall loads nf_conntrack."""
    import shutil
    shutil.rmtree(os.path.join(root, "proc", "sys", "net", "netfilter"))
    shutil.rmtree(os.path.join(root, "sys", "module", "nf_conntrack"))


ETHTOOL_L_TEMPLATE = (
    "Channel parameters for {nic}:\n"
    "Pre-set maximums:\n"
    "RX:\t\tn/a\n"
    "TX:\t\tn/a\n"
    "Other:\t\tn/a\n"
    "Combined:\t{max}\n"
    "Current hardware settings:\n"
    "RX:\t\tn/a\n"
    "TX:\t\tn/a\n"
    "Other:\t\tn/a\n"
    "Combined:\t{current}\n"
)


class FakeEthtool:
    """Runner double: answers ethtool -l / -L from a table of channels."""

    def __init__(self, channels=None, missing=False, fail_set=False):
        self.channels = dict(channels or {})
        self.missing = missing
        self.fail_set = fail_set
        self.calls = []

    def run(self, argv, timeout):
        self.calls.append(list(argv))
        assert isinstance(argv, list) and timeout and timeout > 0
        if self.missing:
            return 127, "", "command not found: ethtool"
        if argv[:2] == ["ethtool", "-l"] and len(argv) == 3:
            nic = argv[2]
            if nic not in self.channels:
                return 1, "", "netlink error: No such device"
            maximum, current = self.channels[nic]
            return 0, ETHTOOL_L_TEMPLATE.format(nic=nic, max=maximum,
                                                current=current), ""
        if argv[:2] == ["ethtool", "-L"] and len(argv) == 5 \
                and argv[3] == "combined":
            nic, wanted = argv[2], int(argv[4])
            maximum, _ = self.channels[nic]
            if self.fail_set or wanted > maximum:
                return 1, "", "netlink error: Invalid argument"
            self.channels[nic] = (maximum, wanted)
            return 0, "", ""
        return 64, "", "unexpected argv %r" % (argv,)

    def set_calls(self):
        return [call for call in self.calls if call[:2] == ["ethtool", "-L"]]


def run_main(argv, runner=None, sleep=None, files_class=None):
    """Call vr_scaling.main and return (exit code, parsed JSON or text)."""
    out = io.StringIO()
    kwargs = {"runner": runner or FakeEthtool(), "out": out,
              "sleep": sleep or (lambda seconds: None)}
    if files_class is not None:
        kwargs["files_class"] = files_class
    code = vr_scaling.main(argv, **kwargs)
    text = out.getvalue()
    try:
        return code, json.loads(text)
    except ValueError:
        return code, text


def by_key(report):
    return {entry["key"]: entry for entry in report["keys"]}


def by_name(report):
    return {entry["name"]: entry for entry in report["nics"]}
