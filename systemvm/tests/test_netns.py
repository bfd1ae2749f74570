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
"""The real script against a real kernel, inside a throwaway network
namespace (needs root and iproute2; CI runs as root).

Only per-namespace keys are ever changed. Global keys are exercised only
where the kernel itself refuses them in a non-initial namespace (0444 or
absent), and the host's values of every whitelisted key are compared
before and after each test. nf_conntrack_buckets is deliberately left out:
its write path is the host-wide /sys/module/nf_conntrack/parameters/
hashsize, and the script's guard for that case is covered by the fake-tree
tests instead of being trusted with the host's hash table here.
"""

import itertools
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

from vrs_fixtures import SCRIPT, vr_scaling

IP = shutil.which("ip")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SKIP_REASON = ("real network-namespace tests need root and iproute2 "
               "(root=%s, ip=%s)" % (IS_ROOT, IP))

# Writable in a non-initial netns on the kernels we target (checked on
# 6.18; the same in 6.1): conntrack timeouts and the IPv4 TCP knobs.
PER_NETNS_KEYS = (
    "net.netfilter.nf_conntrack_tcp_timeout_established",
    "net.netfilter.nf_conntrack_tcp_timeout_time_wait",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_window_scaling",
)
# Global (init-netns-only) keys: 0444 or absent inside a namespace.
GLOBAL_KEYS = (
    "net.netfilter.nf_conntrack_max",
    "net.core.netdev_max_backlog",
    "net.core.netdev_budget",
)
HOST_WATCH = [name for name, _, _ in vr_scaling.ALLOWED_KEYS]
HASHSIZE_PATH = "/sys/module/nf_conntrack/parameters/hashsize"
# What apply would write on the host without the directory options; the
# tests always redirect them and check that these never appear.
HOST_FILES = ("/etc/sysctl.d/99-vr-scaling.conf",
              "/etc/sysctl.d/vr-scaling-original.json",
              "/etc/modprobe.d/vr-scaling.conf",
              "/etc/udev/rules.d/99-vr-scaling.rules")
COMMAND_TIMEOUT = 60
_counter = itertools.count()


def proc_path(key):
    return os.path.join("/proc/sys", *key.split("."))


def read_host_values():
    values = {}
    for key in HOST_WATCH:
        try:
            with open(proc_path(key)) as handle:
                values[key] = handle.read()
        except OSError as exc:
            values[key] = "unreadable: %s" % exc.errno
    try:
        with open(HASHSIZE_PATH) as handle:
            values["hashsize"] = handle.read()
    except OSError as exc:
        values["hashsize"] = "unreadable: %s" % exc.errno
    for path in HOST_FILES:
        values[path] = os.path.lexists(path)
    return values


def different_value(key, current):
    """A value in the whitelist range that differs from current."""
    low, high = vr_scaling.KEY_RANGES[key]
    preferred = {
        "net.netfilter.nf_conntrack_tcp_timeout_established": 3600,
        "net.netfilter.nf_conntrack_tcp_timeout_time_wait": 30,
        "net.ipv4.tcp_fin_timeout": 15,
        "net.ipv4.tcp_window_scaling": 0,
        "net.netfilter.nf_conntrack_max": 131072,
        "net.core.netdev_max_backlog": 4096,
        "net.core.netdev_budget": 600,
    }[key]
    if preferred != current:
        return preferred
    return low if current != low else high


def host_memory_blocks_bytes():
    """Online memory blocks x block size, or None when sysfs has none."""
    base = "/sys/devices/system/memory"
    try:
        with open(os.path.join(base, "block_size_bytes")) as handle:
            size = int(handle.read().strip(), 16)
        online = 0
        for name in os.listdir(base):
            if name.startswith("memory") and name[6:].isdigit():
                with open(os.path.join(base, name, "online")) as handle:
                    online += handle.read().strip() == "1"
    except (OSError, ValueError):
        return None
    return online * size or None


@unittest.skipUnless(IS_ROOT and IP, SKIP_REASON)
class NetnsTest(unittest.TestCase):

    def setUp(self):
        self.host_before = read_host_values()
        self.ns = "vrs-test-%d-%d" % (os.getpid(), next(_counter))
        # Registered before creation so a half-made namespace goes too.
        self.addCleanup(self.delete_namespace)
        self.addCleanup(self.assert_host_unchanged)
        self.run_checked([IP, "netns", "add", self.ns])
        etc = tempfile.mkdtemp(prefix="vrs-netns-etc-")
        self.addCleanup(shutil.rmtree, etc, True)
        # sysctl.d, modprobe.d and the udev hook: none may land in the
        # host's /etc.
        self.conf_dir = os.path.join(etc, "sysctl.d")
        self.modprobe_dir = os.path.join(etc, "modprobe.d")
        self.udev_dir = os.path.join(etc, "rules.d")
        for directory in (self.conf_dir, self.modprobe_dir, self.udev_dir):
            os.mkdir(directory)
        self.conf = os.path.join(self.conf_dir, "99-vr-scaling.conf")
        if not self.ns_exists("/proc/sys/net/netfilter"):
            self.fail("nf_conntrack is not loaded: /proc/sys/net/netfilter "
                      "is missing inside the namespace")

    def delete_namespace(self):
        subprocess.run([IP, "netns", "delete", self.ns],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=COMMAND_TIMEOUT, check=False)

    def assert_host_unchanged(self):
        self.assertEqual(read_host_values(), self.host_before,
                         "host sysctls changed")

    def run_checked(self, argv):
        proc = subprocess.run(argv, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=COMMAND_TIMEOUT,
                              universal_newlines=True, check=False)
        if proc.returncode != 0:
            self.fail("%s failed (%d): %s" % (argv, proc.returncode,
                                              proc.stderr))
        return proc.stdout

    def in_ns(self, argv):
        return [IP, "netns", "exec", self.ns] + argv

    def ns_exists(self, path):
        proc = subprocess.run(self.in_ns(["test", "-e", path]),
                              timeout=COMMAND_TIMEOUT, check=False)
        return proc.returncode == 0

    def ns_value(self, key):
        return int(self.run_checked(self.in_ns(["cat", proc_path(key)])))

    def ns_mode(self, key):
        out = self.run_checked(self.in_ns(["stat", "-c", "%a",
                                           proc_path(key)]))
        return int(out.strip(), 8)

    def ns_write(self, key, value):
        code = "open(%r, 'w').write('%d\\n')" % (proc_path(key), value)
        self.run_checked(self.in_ns([sys.executable, "-c", code]))

    def script(self, mode, *args, conf_dir=True):
        argv = [sys.executable, SCRIPT, mode, "--root", "/"]
        if conf_dir:
            argv += ["--conf-dir", self.conf_dir,
                     "--modprobe-dir", self.modprobe_dir,
                     "--udev-dir", self.udev_dir]
        proc = subprocess.run(self.in_ns(argv + list(args)),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=COMMAND_TIMEOUT,
                              universal_newlines=True, check=False)
        try:
            report = json.loads(proc.stdout)
        except ValueError:
            self.fail("no JSON from %s: %r %r"
                      % (argv, proc.stdout, proc.stderr))
        return proc.returncode, report

    def per_netns_plan(self):
        return {key: different_value(key, self.ns_value(key))
                for key in PER_NETNS_KEYS}

    @staticmethod
    def set_args(plan):
        args = []
        for key, value in plan.items():
            args += ["--set", "%s=%d" % (key, value)]
        return args

    def test_per_namespace_keys_are_applied_inside_the_namespace(self):
        plan = self.per_netns_plan()
        code, report = self.script("apply", *self.set_args(plan))
        self.assertEqual(code, 0, report)
        self.assertTrue(report["ok"])
        self.assertTrue(report["changed"])
        self.assertTrue(report["file"]["changed"])
        for entry in report["keys"]:
            self.assertEqual(entry["status"], "applied", entry)
            self.assertEqual(entry["after"], plan[entry["key"]])
        for key, value in plan.items():
            self.assertEqual(self.ns_value(key), value)
        with open(self.conf) as handle:
            content = handle.read()
        for key, value in plan.items():
            self.assertIn("%s = %d\n" % (key, value), content)
        self.assertEqual(stat.S_IMODE(os.stat(self.conf).st_mode), 0o644)

    def test_second_apply_is_unchanged(self):
        plan = self.per_netns_plan()
        self.script("apply", *self.set_args(plan))
        first = os.stat(self.conf)
        code, report = self.script("apply", *self.set_args(plan))
        self.assertEqual(code, 0, report)
        self.assertFalse(report["changed"])
        self.assertFalse(report["file"]["changed"])
        self.assertEqual({e["status"] for e in report["keys"]},
                         {"unchanged"})
        second = os.stat(self.conf)
        self.assertEqual((first.st_ino, first.st_mtime_ns),
                         (second.st_ino, second.st_mtime_ns))

    def test_global_keys_are_read_only_or_unsupported_without_failing(self):
        plan = {"net.ipv4.tcp_fin_timeout":
                different_value("net.ipv4.tcp_fin_timeout",
                                self.ns_value("net.ipv4.tcp_fin_timeout"))}
        expected = {}
        for key in GLOBAL_KEYS:
            if not self.ns_exists(proc_path(key)):
                expected[key] = "unsupported"
                plan[key] = different_value(key, None)
            elif self.ns_mode(key) & 0o222 == 0:
                expected[key] = "read-only"
                plan[key] = different_value(key, self.ns_value(key))
            # else: per-namespace on this kernel; not a global key here.
        self.assertTrue(expected, "no global key to exercise")
        code, report = self.script("apply", *self.set_args(plan))
        self.assertEqual(code, 0, report)
        self.assertTrue(report["ok"])
        statuses = {e["key"]: e["status"] for e in report["keys"]}
        for key, status in expected.items():
            self.assertEqual(statuses[key], status, report)
        self.assertEqual(statuses["net.ipv4.tcp_fin_timeout"], "applied")

    def test_verify_match_then_drift(self):
        plan = self.per_netns_plan()
        self.script("apply", *self.set_args(plan))
        code, report = self.script("verify", *self.set_args(plan))
        self.assertEqual(code, 0, report)
        self.assertEqual({e["status"] for e in report["keys"]}, {"match"})
        self.assertTrue(report["file"]["matches"])
        key = "net.netfilter.nf_conntrack_tcp_timeout_time_wait"
        drifted = different_value(key, plan[key])
        self.ns_write(key, drifted)
        code, report = self.script("verify", *self.set_args(plan))
        self.assertEqual(code, 1, report)
        self.assertFalse(report["ok"])
        entry = {e["key"]: e for e in report["keys"]}[key]
        self.assertEqual((entry["status"], entry["current"]),
                         ("drift", drifted))

    def test_nic_queues_skip_everything_but_virtio(self):
        # The namespace only has lo, which must be skipped silently.
        code, report = self.script(
            "apply", "--set", "net.ipv4.tcp_window_scaling=1",
            "--nic-queues", "2")
        self.assertEqual(code, 0, report)
        self.assertEqual(report["nics"], [])

    def test_hostile_input_is_refused(self):
        before = {key: self.ns_value(key) for key in PER_NETNS_KEYS}
        hostile = [
            ["--set", "net.ipv4.tcp_fin_timeout=30;reboot"],
            ["--set", "net.ipv4.tcp_fin_timeout=$(id)"],
            ["--set", "kernel.panic=0"],
            ["--set", "net.ipv4.tcp_fin_timeout=99999999"],
            ["--set", "net.ipv4.tcp_fin_timeout=1e3"],
            ["--set", "net.ipv4.tcp_fin_timeout=30", "--nic-queues", "0"],
            ["--set", "net.ipv4.tcp_fin_timeout=30", "--nic-queues", "4;x"],
        ]
        for args in hostile:
            with self.subTest(args=args):
                code, report = self.script("apply", *args)
                self.assertEqual(code, 2, report)
                self.assertIs(report["ok"], False)
        code, report = self.script("explode", conf_dir=False)
        self.assertEqual(code, 2, report)
        for directory in (self.conf_dir, self.modprobe_dir, self.udev_dir):
            self.assertEqual(os.listdir(directory), [])
        self.assertEqual({key: self.ns_value(key) for key in PER_NETNS_KEYS},
                         before)

    def test_remove_puts_back_the_values_from_before_the_first_apply(self):
        original = {key: self.ns_value(key) for key in PER_NETNS_KEYS}
        plan = self.per_netns_plan()
        self.script("apply", *self.set_args(plan))
        # A later apply with other values does not replace the record.
        second = {key: different_value(key, value)
                  for key, value in plan.items()}
        self.script("apply", *self.set_args(second))
        self.assertEqual({key: self.ns_value(key) for key in PER_NETNS_KEYS},
                         second)
        code, report = self.script("remove")
        self.assertEqual(code, 0, report)
        self.assertTrue(report["file"]["removed"])
        self.assertFalse(os.path.exists(self.conf))
        self.assertEqual({key: self.ns_value(key) for key in PER_NETNS_KEYS},
                         original)
        restored = {e["key"]: e for e in report["restored"]}
        for key in PER_NETNS_KEYS:
            self.assertEqual(restored[key]["source"], "recorded")
            # tcp_window_scaling has two values: the second apply may have
            # put the original back already.
            self.assertEqual(restored[key]["status"],
                             "unchanged" if second[key] == original[key]
                             else "restored", restored[key])
        for directory in (self.conf_dir, self.modprobe_dir, self.udev_dir):
            self.assertEqual(os.listdir(directory), [])

    def test_budget_memory_is_the_hosts_blocks_or_its_memtotal(self):
        # Whatever this host's layout: the report says which source it used
        # and the number matches that source, counted here independently.
        code, report = self.script(
            "verify", "--set", "net.netfilter.nf_conntrack_max=131072")
        self.assertNotEqual(code, 2, report)
        budget = report["budget"]
        with open("/proc/meminfo") as handle:
            kilobytes = [int(line.split()[1]) for line in handle
                         if line.startswith("MemTotal:")][0]
        self.assertEqual(budget["mem_total_bytes"], kilobytes * 1024)
        blocks = host_memory_blocks_bytes()
        if blocks is not None and blocks >= kilobytes * 1024:
            self.assertEqual((budget["memory_source"],
                              budget["memory_bytes"],
                              budget["memory_fallback"]),
                             ("memory blocks", blocks, None))
        else:
            self.assertEqual((budget["memory_source"],
                              budget["memory_bytes"]),
                             ("MemTotal", kilobytes * 1024))
            self.assertIsInstance(budget["memory_fallback"], str)
        self.assertEqual(budget["budget_bytes"],
                         int(budget["memory_bytes"] * 0.25))

    def test_diagnose_reads_the_real_kernel(self):
        code, report = self.script("diagnose", "--sample-seconds", "1",
                                   conf_dir=False)
        self.assertEqual(code, 0, report)
        m = report["measurements"]
        self.assertEqual(m["kernel_release"], os.uname().release)
        self.assertIsInstance(m["conntrack"]["count"], int)
        self.assertIsInstance(m["conntrack"]["max"], int)
        self.assertIsInstance(m["memory"]["mem_total_kb"], int)
        self.assertGreaterEqual(m["cpus"], 1)
        self.assertIsNotNone(m["softnet"])
        self.assertIn("drop", m["conntrack_stats"])
        self.assertIsNotNone(m["cpu_sample"]["ctxt_per_sec"])
        self.assertEqual([n["name"] for n in m["nics"]], ["lo"])


if __name__ == "__main__":
    unittest.main()
