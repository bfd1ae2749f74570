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
"""vr_scaling.py against a fake /proc + /sys tree (no root needed).

The tree is made of plain files, so the one kernel behaviour it cannot
show by itself -- the conntrack hash being rounded up to a multiple of 512
and the buckets sysctl reporting the new size -- is simulated by
FakeKernelFiles (vrs_fixtures.py), passed to main() as files_class.
"""

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

from vrs_fixtures import (HASHSIZE, PROC_STAT_SECOND, PROC_STAT_TEMPLATE,
                          FakeEthtool, build_fake_tree, by_key, by_name,
                          fake_kernel, read_sysctl, remove_memory_blocks,
                          run_main, set_mem_total_kb, set_memory_blocks,
                          snapshot_tree, sysctl_rel, unload_conntrack,
                          vr_scaling, write)

CONNTRACK_MAX = "net.netfilter.nf_conntrack_max"
BUCKETS = "net.netfilter.nf_conntrack_buckets"
ESTABLISHED = "net.netfilter.nf_conntrack_tcp_timeout_established"
TIME_WAIT = "net.netfilter.nf_conntrack_tcp_timeout_time_wait"
BACKLOG = "net.core.netdev_max_backlog"
BUDGET = "net.core.netdev_budget"
FIN_TIMEOUT = "net.ipv4.tcp_fin_timeout"
WINDOW_SCALING = "net.ipv4.tcp_window_scaling"

FULL_SET = {
    CONNTRACK_MAX: 524288,
    BUCKETS: 100000,  # not a multiple of 512: the kernel makes it 100352
    ESTABLISHED: 3600,
    TIME_WAIT: 30,
    BACKLOG: 4096,
    BUDGET: 600,
    FIN_TIMEOUT: 15,
    WINDOW_SCALING: 0,
}


def set_args(settings):
    args = []
    for key, value in settings.items():
        args += ["--set", "%s=%d" % (key, value)]
    return args


class FakeTreeCase(unittest.TestCase):

    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="vrs-fake-")
        self.addCleanup(shutil.rmtree, self.root)
        build_fake_tree(self.root)
        self.conf = os.path.join(self.root, "etc", "sysctl.d",
                                 "99-vr-scaling.conf")

    def apply(self, settings, extra=(), runner=None, files_class=None):
        argv = ["apply", "--root", self.root] + set_args(settings)
        return run_main(argv + list(extra), runner=runner,
                        files_class=files_class or fake_kernel())

    def verify(self, settings, extra=(), runner=None):
        argv = ["verify", "--root", self.root] + set_args(settings)
        return run_main(argv + list(extra), runner=runner,
                        files_class=fake_kernel())


class ApplyTest(FakeTreeCase):

    def test_apply_writes_every_key_and_reads_back(self):
        code, report = self.apply(FULL_SET)
        self.assertEqual(code, 0, report)
        self.assertTrue(report["ok"])
        self.assertTrue(report["changed"])
        self.assertEqual(report["mode"], "apply")
        self.assertEqual(report["version"], vr_scaling.VERSION)
        keys = by_key(report)
        self.assertEqual(list(keys), vr_scaling.KEY_ORDER)
        for key, value in FULL_SET.items():
            if key == BUCKETS:
                continue
            self.assertEqual(keys[key]["status"], "applied", keys[key])
            self.assertEqual(keys[key]["after"], value)
            self.assertEqual(read_sysctl(self.root, key), value)
        self.assertEqual(keys[CONNTRACK_MAX]["before"], 262144)
        self.assertEqual(keys[WINDOW_SCALING]["before"], 1)
        self.assertEqual(report["nics"], [])

    def test_buckets_go_through_hashsize_and_accept_rounding(self):
        code, report = self.apply({BUCKETS: 100000})
        self.assertEqual(code, 0, report)
        entry = by_key(report)[BUCKETS]
        self.assertEqual(entry["status"], "applied")
        self.assertEqual(entry["requested"], 100000)
        self.assertEqual(entry["expected"], 100352)
        self.assertEqual(entry["before"], 262144)
        self.assertEqual(entry["after"], 100352)
        self.assertEqual(entry["written_to"], "/" + HASHSIZE)
        with open(os.path.join(self.root, HASHSIZE)) as handle:
            self.assertEqual(handle.read().strip(), "100352")
        # The persisted line keeps the operator's number.
        with open(self.conf) as handle:
            self.assertIn("%s = 100000\n" % BUCKETS, handle.read())
        # Rounded value already in place: the second run is unchanged.
        code, again = self.apply({BUCKETS: 100000})
        self.assertEqual(by_key(again)[BUCKETS]["status"], "unchanged")
        self.assertFalse(again["changed"])

    def test_buckets_fall_back_to_sysctl_without_module_parameter(self):
        os.unlink(os.path.join(self.root, HASHSIZE))
        code, report = self.apply({BUCKETS: 131072})
        self.assertEqual(code, 0, report)
        entry = by_key(report)[BUCKETS]
        self.assertEqual(entry["status"], "applied")
        self.assertEqual(entry["written_to"], "/" + sysctl_rel(BUCKETS))
        self.assertEqual(read_sysctl(self.root, BUCKETS), 131072)

    def test_read_only_buckets_sysctl_leaves_global_hashsize_alone(self):
        # What a non-initial network namespace looks like: the sysctl is
        # 0444 while /sys/module/.../hashsize is the host-wide parameter.
        os.chmod(os.path.join(self.root, sysctl_rel(BUCKETS)), 0o444)
        before = snapshot_tree(os.path.join(self.root, "sys"))
        code, report = self.apply({BUCKETS: 131072, TIME_WAIT: 30})
        self.assertEqual(code, 0, report)
        self.assertTrue(report["ok"])
        self.assertEqual(by_key(report)[BUCKETS]["status"], "read-only")
        self.assertEqual(by_key(report)[TIME_WAIT]["status"], "applied")
        self.assertEqual(snapshot_tree(os.path.join(self.root, "sys")),
                         before)

    def test_read_only_key_is_reported_not_failed(self):
        os.chmod(os.path.join(self.root, sysctl_rel(CONNTRACK_MAX)), 0o444)
        code, report = self.apply({CONNTRACK_MAX: 524288, FIN_TIMEOUT: 30})
        self.assertEqual(code, 0, report)
        self.assertTrue(report["ok"])
        entry = by_key(report)[CONNTRACK_MAX]
        self.assertEqual(entry["status"], "read-only")
        self.assertEqual(entry["after"], 262144)
        self.assertEqual(read_sysctl(self.root, CONNTRACK_MAX), 262144)
        # Only values the kernel took are persisted.
        with open(self.conf) as handle:
            content = handle.read()
        self.assertNotIn(CONNTRACK_MAX, content)
        self.assertIn("%s = 30\n" % FIN_TIMEOUT, content)
        code, report = self.verify({CONNTRACK_MAX: 524288, FIN_TIMEOUT: 30})
        self.assertTrue(report["file"]["matches"], report)

    def test_write_refused_with_eacces_is_read_only(self):
        kernel = fake_kernel(refuse={sysctl_rel(BUDGET): errno.EACCES})
        code, report = self.apply({BUDGET: 600}, files_class=kernel)
        self.assertEqual(code, 0, report)
        self.assertEqual(by_key(report)[BUDGET]["status"], "read-only")
        self.assertIn("error", by_key(report)[BUDGET])

    def test_missing_key_is_unsupported(self):
        shutil.rmtree(os.path.join(self.root, "proc", "sys", "net",
                                   "netfilter"))
        os.unlink(os.path.join(self.root, HASHSIZE))
        code, report = self.apply({CONNTRACK_MAX: 524288, BUCKETS: 65536,
                                   BUDGET: 600})
        self.assertEqual(code, 0, report)
        keys = by_key(report)
        self.assertEqual(keys[CONNTRACK_MAX]["status"], "unsupported")
        self.assertEqual(keys[BUCKETS]["status"], "unsupported")
        self.assertIsNone(keys[CONNTRACK_MAX]["before"])
        self.assertEqual(keys[BUDGET]["status"], "applied")
        # unsupported files are never created
        self.assertFalse(os.path.exists(
            os.path.join(self.root, sysctl_rel(CONNTRACK_MAX))))

    def test_write_error_fails_the_run_and_nothing_after_it_is_written(self):
        kernel = fake_kernel(refuse={sysctl_rel(BACKLOG): errno.EINVAL})
        code, report = self.apply({BACKLOG: 4096, BUDGET: 600},
                                  files_class=kernel)
        self.assertEqual(code, 1)
        self.assertFalse(report["ok"])
        entry = by_key(report)[BACKLOG]
        self.assertEqual(entry["status"], "failed")
        self.assertIn("Invalid argument", entry["error"])
        budget = by_key(report)[BUDGET]
        self.assertEqual(budget["status"], "failed")
        self.assertIn("not attempted", budget["error"])
        self.assertEqual(read_sysctl(self.root, BUDGET), 300)
        self.assertFalse(os.path.exists(self.conf))

    def test_read_back_mismatch_fails(self):
        kernel = fake_kernel(ignore_writes={sysctl_rel(FIN_TIMEOUT)})
        code, report = self.apply({FIN_TIMEOUT: 15}, files_class=kernel)
        self.assertEqual(code, 1)
        entry = by_key(report)[FIN_TIMEOUT]
        self.assertEqual(entry["status"], "failed")
        self.assertEqual(entry["after"], 60)
        self.assertIn("read back 60", entry["error"])

    def test_conf_file_is_atomic_sorted_and_0644(self):
        reversed_order = dict(reversed(list(FULL_SET.items())))
        self.apply(reversed_order)
        info = os.stat(self.conf)
        self.assertEqual(stat.S_IMODE(info.st_mode), 0o644)
        with open(self.conf) as handle:
            lines = handle.read().splitlines()
        self.assertIn("VR Scale", lines[0])
        self.assertIn(vr_scaling.VERSION, lines[0])
        settings = [line for line in lines if not line.startswith("#")]
        self.assertEqual(settings, ["%s = %d" % (key, FULL_SET[key])
                                    for key in vr_scaling.KEY_ORDER])
        # No temp files left behind (the record of the first apply sits
        # next to the conf), and CloudStack's file untouched.
        self.assertEqual(sorted(os.listdir(os.path.dirname(self.conf))),
                         ["99-vr-scaling.conf", "vr-scaling-original.json"])
        with open(os.path.join(self.root, "etc", "sysctl.conf")) as handle:
            self.assertIn("must never be touched", handle.read())

    def test_second_identical_apply_writes_nothing(self):
        runner = FakeEthtool({"eth0": (4, 1), "eth1": (4, 1)})
        self.apply(FULL_SET, ["--nic-queues", "2"], runner=runner)
        first = os.stat(self.conf)
        before = snapshot_tree(self.root)
        runner.calls = []
        code, report = self.apply(FULL_SET, ["--nic-queues", "2"],
                                  runner=runner)
        self.assertEqual(code, 0, report)
        self.assertFalse(report["changed"])
        self.assertFalse(report["file"]["changed"])
        self.assertEqual({e["status"] for e in report["keys"]},
                         {"unchanged"})
        self.assertEqual({n["status"] for n in report["nics"]},
                         {"unchanged"})
        self.assertEqual(runner.set_calls(), [])
        second = os.stat(self.conf)
        self.assertEqual((first.st_ino, first.st_mtime_ns),
                         (second.st_ino, second.st_mtime_ns))
        self.assertEqual(snapshot_tree(self.root), before)

    def test_different_settings_rewrite_the_file(self):
        self.apply({FIN_TIMEOUT: 15})
        code, report = self.apply({FIN_TIMEOUT: 20})
        self.assertTrue(report["file"]["changed"])
        with open(self.conf) as handle:
            self.assertIn("net.ipv4.tcp_fin_timeout = 20\n", handle.read())

    def test_unwritable_conf_dir_fails_and_rolls_back_the_runtime(self):
        # Values that would not survive a reboot are not left in force.
        conf_dir = os.path.join(self.root, "etc", "sysctl.d")
        os.rmdir(conf_dir)
        write(self.root, "etc/sysctl.d", "not a directory\n")
        code, report = self.apply({FIN_TIMEOUT: 15})
        self.assertEqual(code, 1)
        self.assertFalse(report["ok"])
        self.assertIn("error", report["file"])
        entry = by_key(report)[FIN_TIMEOUT]
        self.assertEqual(entry["status"], "failed")
        self.assertTrue(entry["rolled_back"])
        self.assertEqual(entry["after"], 60)
        self.assertEqual(read_sysctl(self.root, FIN_TIMEOUT), 60)
        self.assertTrue(report["rolled_back"])
        self.assertFalse(report["changed"])

    def test_conf_dir_option(self):
        conf_dir = tempfile.mkdtemp(prefix="vrs-conf-")
        self.addCleanup(shutil.rmtree, conf_dir)
        code, report = self.apply({FIN_TIMEOUT: 15},
                                  ["--conf-dir", conf_dir])
        self.assertEqual(code, 0, report)
        self.assertEqual(report["file"]["path"],
                         os.path.join(conf_dir, "99-vr-scaling.conf"))
        self.assertTrue(os.path.exists(report["file"]["path"]))
        self.assertFalse(os.path.exists(self.conf))


class NicQueueTest(FakeTreeCase):

    def test_virtio_nic_is_raised_to_requested_queues(self):
        runner = FakeEthtool({"eth0": (4, 1), "eth1": (1, 1)})
        code, report = self.apply({FIN_TIMEOUT: 15}, ["--nic-queues", "2"],
                                  runner=runner)
        self.assertEqual(code, 0, report)
        self.assertEqual(runner.set_calls(),
                         [["ethtool", "-L", "eth0", "combined", "2"]])
        nics = by_name(report)
        self.assertEqual(sorted(nics), ["eth0", "eth1"])  # eth2 is e1000
        eth0 = nics["eth0"]
        self.assertEqual(
            {k: eth0[k] for k in ("driver", "max_combined", "before",
                                  "requested", "target", "after",
                                  "status")},
            {"driver": "virtio_net", "max_combined": 4, "before": 1,
             "requested": 2, "target": 2, "after": 2, "status": "applied"})
        self.assertEqual(nics["eth1"]["status"], "limited")
        self.assertIn("nic.multiqueue.number", nics["eth1"]["note"])
        touched = {call[2] for call in runner.calls}
        self.assertEqual(touched, {"eth0", "eth1"})
        self.assertTrue(report["changed"])

    def test_request_above_maximum_is_capped(self):
        runner = FakeEthtool({"eth0": (4, 1), "eth1": (2, 2)})
        code, report = self.apply({FIN_TIMEOUT: 15}, ["--nic-queues", "8"],
                                  runner=runner)
        self.assertEqual(code, 0, report)
        nics = by_name(report)
        self.assertEqual(nics["eth0"]["target"], 4)
        self.assertEqual(nics["eth0"]["status"], "applied")
        self.assertIn("capped", nics["eth0"]["note"])
        self.assertEqual(nics["eth1"]["status"], "unchanged")
        self.assertEqual(runner.set_calls(),
                         [["ethtool", "-L", "eth0", "combined", "4"]])

    def test_single_queue_requested_on_single_queue_nic_is_unchanged(self):
        runner = FakeEthtool({"eth0": (1, 1), "eth1": (1, 1)})
        code, report = self.apply({FIN_TIMEOUT: 15}, ["--nic-queues", "1"],
                                  runner=runner)
        self.assertEqual({n["status"] for n in report["nics"]},
                         {"unchanged"})

    def test_missing_ethtool_is_unsupported(self):
        runner = FakeEthtool(missing=True)
        code, report = self.apply({FIN_TIMEOUT: 15}, ["--nic-queues", "2"],
                                  runner=runner)
        self.assertEqual(code, 0, report)
        self.assertTrue(report["ok"])
        self.assertEqual({n["status"] for n in report["nics"]},
                         {"unsupported"})

    def test_ethtool_set_failure_fails_the_run(self):
        runner = FakeEthtool({"eth0": (4, 1), "eth1": (4, 4)},
                             fail_set=True)
        code, report = self.apply({FIN_TIMEOUT: 15}, ["--nic-queues", "2"],
                                  runner=runner)
        self.assertEqual(code, 1)
        self.assertFalse(report["ok"])
        self.assertEqual(by_name(report)["eth0"]["status"], "failed")
        self.assertIn("Invalid argument", by_name(report)["eth0"]["error"])

    def test_verify_reports_queue_drift(self):
        runner = FakeEthtool({"eth0": (4, 1), "eth1": (1, 1)})
        self.apply({FIN_TIMEOUT: 15})
        code, report = self.verify({FIN_TIMEOUT: 15},
                                   ["--nic-queues", "2"], runner=runner)
        self.assertEqual(code, 1)
        nics = by_name(report)
        self.assertEqual(nics["eth0"]["status"], "drift")
        self.assertEqual(nics["eth0"]["current"], 1)
        self.assertEqual(nics["eth1"]["status"], "limited")
        self.assertEqual(runner.set_calls(), [])

    def test_parse_channels_handles_old_and_new_ethtool(self):
        old_format = ("Channel parameters for eth0:\nPre-set maximums:\n"
                      "RX:\t\t0\nTX:\t\t0\nOther:\t\t0\nCombined:\t8\n"
                      "Current hardware settings:\nRX:\t\t0\nTX:\t\t0\n"
                      "Other:\t\t0\nCombined:\t3\n")
        self.assertEqual(vr_scaling.parse_channels(old_format), (8, 3))
        self.assertEqual(vr_scaling.parse_channels("garbage"), (None, None))


class VerifyAndRemoveTest(FakeTreeCase):

    def test_verify_match_after_apply_and_changes_nothing(self):
        self.apply(FULL_SET)
        before = snapshot_tree(self.root)
        code, report = self.verify(FULL_SET)
        self.assertEqual(code, 0, report)
        self.assertTrue(report["ok"])
        self.assertEqual({e["status"] for e in report["keys"]}, {"match"})
        self.assertEqual(by_key(report)[BUCKETS]["current"], 100352)
        self.assertEqual({k: report["file"][k] for k in
                          ("path", "exists", "matches")},
                         {"path": self.conf, "exists": True, "matches": True})
        for name in ("modprobe", "hook"):
            self.assertEqual((report["file"][name]["exists"],
                              report["file"][name]["matches"]), (True, True))
        self.assertEqual((report["limited"], report["pending"]),
                         (False, False))
        self.assertEqual(snapshot_tree(self.root), before)

    def test_verify_reports_drift_with_current_value(self):
        self.apply(FULL_SET)
        write(self.root, sysctl_rel(TIME_WAIT), "120\n")
        code, report = self.verify(FULL_SET)
        self.assertEqual(code, 1)
        self.assertFalse(report["ok"])
        entry = by_key(report)[TIME_WAIT]
        self.assertEqual((entry["status"], entry["current"]), ("drift", 120))
        self.assertEqual(by_key(report)[FIN_TIMEOUT]["status"], "match")

    def test_verify_without_file_is_not_ok(self):
        code, report = self.verify({FIN_TIMEOUT: 60})
        self.assertEqual(code, 1)
        self.assertEqual(by_key(report)[FIN_TIMEOUT]["status"], "match")
        self.assertEqual(report["file"]["exists"], False)
        self.assertEqual(report["file"]["matches"], False)

    def test_verify_compares_persisted_settings_not_header(self):
        self.apply({FIN_TIMEOUT: 15})
        with open(self.conf) as handle:
            content = handle.read()
        write(self.root, "etc/sysctl.d/99-vr-scaling.conf",
              content.replace(vr_scaling.VERSION, "0.9.0"))
        code, report = self.verify({FIN_TIMEOUT: 15})
        self.assertEqual(code, 0, report)
        self.assertTrue(report["file"]["matches"])
        code, report = self.verify({FIN_TIMEOUT: 15, TIME_WAIT: 120})
        self.assertEqual(code, 1, report)
        self.assertFalse(report["file"]["matches"])

    def test_verify_unsupported_key_does_not_fail(self):
        self.apply({FIN_TIMEOUT: 15, BUDGET: 600})
        os.unlink(os.path.join(self.root, sysctl_rel(BUDGET)))
        code, report = self.verify({FIN_TIMEOUT: 15, BUDGET: 600})
        self.assertEqual(code, 0, report)
        self.assertEqual(by_key(report)[BUDGET]["status"], "unsupported")

    def test_remove_puts_back_recorded_values_and_deletes_every_file(self):
        self.apply({FIN_TIMEOUT: 15, TIME_WAIT: 30, BUCKETS: 131072})
        # The record belongs to the first apply: a second one keeps it.
        self.apply({FIN_TIMEOUT: 20, TIME_WAIT: 30, BUCKETS: 131072})
        code, report = run_main(["remove", "--root", self.root],
                                files_class=fake_kernel())
        self.assertEqual(code, 0, report)
        self.assertTrue(report["changed"])
        self.assertEqual(report["file"], {"path": self.conf, "existed": True,
                                          "removed": True})
        self.assertEqual(report["removed_keys"],
                         {FIN_TIMEOUT: "20", TIME_WAIT: "30",
                          BUCKETS: "131072"})
        restored = {e["key"]: e for e in report["restored"]}
        self.assertEqual(
            (restored[FIN_TIMEOUT]["status"], restored[FIN_TIMEOUT]["target"],
             restored[FIN_TIMEOUT]["source"]), ("restored", 60, "recorded"))
        self.assertEqual(restored[BUCKETS]["status"], "restored")
        self.assertEqual(read_sysctl(self.root, FIN_TIMEOUT), 60)
        self.assertEqual(read_sysctl(self.root, TIME_WAIT), 120)
        self.assertEqual(read_sysctl(self.root, BUCKETS), 262144)
        with open(os.path.join(self.root, HASHSIZE)) as handle:
            self.assertEqual(handle.read().strip(), "262144")
        for rel in ("etc/sysctl.d/99-vr-scaling.conf",
                    "etc/sysctl.d/vr-scaling-original.json",
                    "etc/modprobe.d/vr-scaling.conf",
                    "etc/udev/rules.d/99-vr-scaling.rules"):
            self.assertFalse(os.path.lexists(os.path.join(self.root, rel)),
                             rel)
        code, again = run_main(["remove", "--root", self.root])
        self.assertEqual(code, 0)
        self.assertFalse(again["changed"])
        self.assertEqual(again["file"]["existed"], False)


class DiagnoseTest(FakeTreeCase):

    def diagnose(self, seconds="1", sleep=None):
        return run_main(["diagnose", "--root", self.root,
                         "--sample-seconds", seconds], sleep=sleep)

    def test_diagnose_parses_realistic_sources(self):
        slept = []

        def sleep(seconds):
            # Let time pass for /proc/stat between the two reads.
            slept.append(seconds)
            write(self.root, "proc/stat",
                  PROC_STAT_TEMPLATE.format(**PROC_STAT_SECOND))

        before = set(snapshot_tree(self.root))
        code, report = self.diagnose("1", sleep)
        self.assertEqual(code, 0, report)
        self.assertEqual(slept, [1])
        self.assertTrue(report["ok"])
        m = report["measurements"]
        self.assertEqual(m["kernel_release"], "6.1.0-40-amd64")
        self.assertEqual(m["cpus"], 2)
        self.assertEqual(m["memory"], {"mem_total_kb": 2014884,
                                       "mem_available_kb": 301234})
        self.assertEqual(m["oom_kills"], 3)
        self.assertEqual(m["conntrack"], {
            "count": 1234, "max": 262144, "buckets": 262144,
            "avg_chain_length": round(2 * 1234 / 262144, 3),
            "fill_pct": round(100 * 1234 / 262144, 2),
            "slab_object_size": 320})
        stats = m["conntrack_stats"]
        self.assertEqual(stats["entries"], 0x4d2)  # global, not summed
        self.assertEqual(stats["drop"], 0x11)
        self.assertEqual(stats["early_drop"], 7)
        self.assertEqual(stats["insert_failed"], 4)
        self.assertEqual(stats["search_restart"], 0x100)
        self.assertEqual(stats["invalid"], 11)
        self.assertEqual(stats["clashres"], 3)
        self.assertEqual(stats["cpus"], 2)
        self.assertEqual(m["softnet"], {"cpus": 2,
                                        "processed": 0x1016 + 0xeb,
                                        "dropped": 3, "time_squeeze": 0x15})
        self.assertEqual(m["cpu_sample"], {
            "sample_seconds": 1, "steal_pct": 5.0, "busy_pct": 35.0,
            "ctxt_per_sec": 5000.0,
            "max_cpu_softirq_pct": round(100 * 100 / 550, 2)})
        nics = by_name(m)
        self.assertEqual(sorted(nics), ["eth0", "eth1", "eth2", "lo"])
        self.assertEqual(nics["eth0"], {"name": "eth0",
                                        "driver": "virtio_net",
                                        "rx_packets": 1000, "rx_dropped": 7,
                                        "rx_queues": 1})
        self.assertEqual(nics["eth2"]["driver"], "e1000")
        self.assertIsNone(nics["lo"]["driver"])
        self.assertEqual(set(snapshot_tree(self.root)), before)

    def test_zero_seconds_skips_the_sample(self):
        slept = []
        code, report = self.diagnose("0", slept.append)
        self.assertEqual(code, 0)
        self.assertEqual(slept, [])
        sample = report["measurements"]["cpu_sample"]
        self.assertEqual(sample["sample_seconds"], 0)
        self.assertIsNone(sample["steal_pct"])
        self.assertIsNone(sample["ctxt_per_sec"])

    def test_missing_sources_are_null_not_errors(self):
        empty = tempfile.mkdtemp(prefix="vrs-empty-")
        self.addCleanup(shutil.rmtree, empty)
        code, report = run_main(["diagnose", "--root", empty])
        self.assertEqual(code, 0, report)
        m = report["measurements"]
        self.assertIsNone(m["kernel_release"])
        self.assertIsNone(m["cpus"])
        self.assertIsNone(m["oom_kills"])
        self.assertIsNone(m["conntrack_stats"])
        self.assertIsNone(m["softnet"])
        self.assertEqual(set(m["conntrack"].values()), {None})
        self.assertEqual(m["memory"], {"mem_total_kb": None,
                                       "mem_available_kb": None})
        self.assertEqual(m["nics"], [])

    def test_garbled_sources_do_not_crash(self):
        write(self.root, "proc/net/stat/nf_conntrack", "entries drop\nzz\n")
        write(self.root, "proc/net/softnet_stat", "not hex at all\n")
        write(self.root, "proc/stat", "cpu a b c\nctxt x\n")
        write(self.root, sysctl_rel("net.netfilter.nf_conntrack_buckets"),
              "0\n")
        code, report = self.diagnose("1")
        self.assertEqual(code, 0, report)
        m = report["measurements"]
        self.assertIsNone(m["softnet"])
        self.assertIsNone(m["conntrack"]["avg_chain_length"])
        self.assertIsNone(m["cpu_sample"]["steal_pct"])


class HostileInputTest(FakeTreeCase):

    HOSTILE = [
        ["apply", "--set", "net.core.netdev_budget=300;reboot"],
        ["apply", "--set", "net.core.netdev_budget=$(id)"],
        ["apply", "--set", "net.core.netdev_budget=`id`"],
        ["apply", "--set", "kernel.panic=0"],
        ["apply", "--set", "net.core.netdev_budget=99999999"],
        ["apply", "--set", "net.core.netdev_budget=1e3"],
        ["apply", "--set", "net.core.netdev_budget=0x10"],
        ["apply", "--set", "net.core.netdev_budget=0300"],
        ["apply", "--set", "net.core.netdev_budget=+300"],
        ["apply", "--set", "net.core.netdev_budget=-300"],
        ["apply", "--set", "net.core.netdev_budget= 300"],
        ["apply", "--set", "net.core.netdev_budget=300 "],
        ["apply", "--set", "net.core.netdev_budget=300\n"],
        ["apply", "--set", "net.core.netdev_budget=\u0663\u0660\u0660"],
        ["apply", "--set", "net.core.netdev_budget="],
        ["apply", "--set", "net.core.netdev_budget"],
        ["apply", "--set", " net.core.netdev_budget=300"],
        ["apply", "--set", "net.core.netdev_budget=99"],
        ["apply", "--set", "net.ipv4.tcp_window_scaling=2"],
        ["apply", "--set", "net.netfilter.nf_conntrack_max=1023"],
        ["apply", "--set", "../../etc/passwd=1"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--set", "net.core.netdev_budget=400"],
        ["apply", "--set", "net.core.netdev_budget=300", "--nic-queues", "0"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--nic-queues", "4;x"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--nic-queues", "65"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--nic-queues", "2", "--nic-queues", "3"],
        ["apply", "--set", "net.core.netdev_budget=300", "--force", "1"],
        ["apply", "--set", "net.core.netdev_budget=300", "extra"],
        ["apply", "--set", "net.core.netdev_budget=300", "--nic-queues"],
        ["apply"],
        ["apply", "--nic-queues", "2"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--sample-seconds", "1"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--modprobe-dir", "relative/dir"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--udev-dir", "/nonexistent/vrs-udev"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--memory-fraction", "0.25", "--memory-fraction", "0.3"],
        ["apply", "--set", "net.core.netdev_budget=300",
         "--memory-fraction", "-0.25"],
        ["remove", "--memory-fraction", "0.25"],
        ["diagnose", "--udev-dir", "/tmp"],
        ["verify", "--set", "net.core.netdev_budget=1e3"],
        ["diagnose", "--sample-seconds", "11"],
        ["diagnose", "--sample-seconds", "1.5"],
        ["diagnose", "--set", "net.core.netdev_budget=300"],
        ["remove", "--set", "net.core.netdev_budget=300"],
        ["reboot"],
        ["--help"],
        [],
    ]

    def test_hostile_input_is_refused_and_changes_nothing(self):
        for argv in self.HOSTILE:
            with self.subTest(argv=argv):
                before = snapshot_tree(self.root)
                runner = FakeEthtool({"eth0": (4, 1), "eth1": (4, 1)})
                full = list(argv)
                if full and not full[0].startswith("-"):
                    full[1:1] = ["--root", self.root]
                code, report = run_main(full, runner=runner,
                                        files_class=fake_kernel())
                self.assertEqual(code, 2, report)
                self.assertIs(report["ok"], False)
                self.assertTrue(report["error"])
                self.assertEqual(runner.calls, [])
                self.assertEqual(snapshot_tree(self.root), before)

    def test_bad_root_is_refused(self):
        for root in ("relative/path", "/nonexistent/vrs", ""):
            with self.subTest(root=root):
                code, report = run_main(["remove", "--root", root])
                self.assertEqual(code, 2, report)

    def test_every_range_boundary(self):
        for key, low, high in vr_scaling.ALLOWED_KEYS:
            for value, accepted in ((low, True), (high, True),
                                    (low - 1, False), (high + 1, False)):
                with self.subTest(key=key, value=value):
                    argv = ["verify", "--root", self.root, "--set",
                            "%s=%d" % (key, value)]
                    code, _ = run_main(argv, files_class=fake_kernel())
                    self.assertEqual(code == 2, not accepted)

    def test_equals_form_of_options_is_accepted(self):
        code, report = run_main(["verify", "--root=" + self.root,
                                 "--set=net.ipv4.tcp_fin_timeout=60"])
        self.assertNotEqual(code, 2, report)


class ContractTest(unittest.TestCase):

    def test_version_flag(self):
        code, text = run_main(["--version"])
        self.assertEqual((code, text), (0, vr_scaling.VERSION + "\n"))
        self.assertEqual(vr_scaling.VERSION, "1.1.1")

    def test_render_conf_is_deterministic(self):
        one = vr_scaling.render_conf({"net.ipv4.tcp_fin_timeout": 15,
                                      "net.core.netdev_budget": 600})
        two = vr_scaling.render_conf({"net.core.netdev_budget": 600,
                                      "net.ipv4.tcp_fin_timeout": 15})
        self.assertEqual(one, two)

    def test_source_uses_no_shell_and_parses_as_python_3_9(self):
        import ast
        with open(vr_scaling.__file__) as handle:
            source = handle.read()
        self.assertNotIn("shell=True", source)
        self.assertNotIn("os.system", source)
        self.assertNotIn("os.popen", source)
        tree = ast.parse(source, feature_version=(3, 9))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(
                    node.func, "attr", None) in ("run", "Popen", "call",
                                                 "check_output"):
                if getattr(node.func.value, "id", None) == "subprocess":
                    names = {kw.arg for kw in node.keywords}
                    self.assertIn("timeout", names)

    def test_real_runner_reports_missing_command(self):
        runner = vr_scaling.CommandRunner()
        rc, _, err = runner.run(["vrs-no-such-command-xyz"], 5)
        self.assertEqual(rc, 127)
        self.assertIn("not found", err)
        rc, out, _ = runner.run(["echo", "hi"], 5)
        self.assertEqual((rc, out), (0, "hi\n"))

def repo_root():
    """The repository root, found from this file (systemvm/tests/...)."""
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.dirname(os.path.dirname(here))


VECTORS = os.path.join("plugins", "vr-scaling-core", "src", "test",
                       "resources", "conntrack-budget-vectors.json")
MODPROBE_REL = "etc/modprobe.d/vr-scaling.conf"
HOOK_REL = "etc/udev/rules.d/99-vr-scaling.rules"
RECORD_REL = "etc/sysctl.d/vr-scaling-original.json"
# The testbed guest: the hypervisor gives it 512 MiB (4 memory blocks of
# 128 MiB), its kernel reports MemTotal 468,168 kB.
ROUTER_512_KB = 468168
ROUTER_512_BYTES = 512 * 1024 * 1024
ROUTER_512_BLOCKS = 4
# A little bigger MemTotal, as in the diagnose fixture of version 1.0.0.
SMALL_ROUTER_KB = 493904
# The profile SizingModel derives for 2 vCPUs and 512 MiB: its full table
# (134,111,232 B) fits 25 % of the nominal 512 MiB, not of MemTotal.
DERIVED_512 = {CONNTRACK_MAX: 328704, BUCKETS: 328704}


def read_rel(root, rel):
    with open(os.path.join(root, rel)) as handle:
        return handle.read()


class BudgetVectorsTest(unittest.TestCase):
    """The script's port of the rule against the cases the Java core uses."""

    def test_every_shared_vector(self):
        with open(os.path.join(repo_root(), VECTORS)) as handle:
            vectors = json.load(handle)
        self.assertIn("budget = floor(memoryBytes * fraction)",
                      vectors["rule"])
        self.assertGreaterEqual(len(vectors["cases"]), 10)
        for case in vectors["cases"]:
            with self.subTest(case=case):
                result = vr_scaling.conntrack_budget(
                    case["memoryBytes"], case["fraction"],
                    case["bytesPerEntry"], case["conntrackMax"],
                    case["conntrackBuckets"])
                self.assertEqual(result, {
                    "budget_bytes": case["budgetBytes"],
                    "full_table_bytes": case["fullTableBytes"],
                    "fits": case["fits"],
                    "allowed_max": case["allowedMax"],
                    "allowed_buckets": case["allowedBuckets"]})


class MemoryBudgetTest(FakeTreeCase):
    """The budget of the testbed's 512 MiB router, read from its memory
    blocks as the management server reads it from the offering."""

    def setUp(self):
        super().setUp()
        set_mem_total_kb(self.root, ROUTER_512_KB)
        set_memory_blocks(self.root, ROUTER_512_BLOCKS)

    def test_table_over_budget_is_limited_to_what_fits(self):
        # 536,870,912 B x 0.25 = 134,217,728 B; a full table needs
        # 524288 x 400 + 131072 x 8 = 210,763,776 B.
        code, report = self.apply({CONNTRACK_MAX: 524288, BUCKETS: 131072,
                                   FIN_TIMEOUT: 15})
        self.assertEqual(code, 0, report)
        self.assertIs(report["ok"], True)
        self.assertIs(report["limited"], True)
        self.assertIs(report["pending"], False)
        budget = report["budget"]
        self.assertEqual(
            {k: budget[k] for k in ("mem_total_bytes", "memory_bytes",
                                    "memory_source", "memory_fallback",
                                    "budget_bytes", "full_table_bytes",
                                    "fits")},
            {"mem_total_bytes": ROUTER_512_KB * 1024,
             "memory_bytes": ROUTER_512_BYTES,
             "memory_source": "memory blocks", "memory_fallback": None,
             "budget_bytes": 134217728, "full_table_bytes": 210763776,
             "fits": False})
        keys = by_key(report)
        self.assertEqual(
            {k: keys[CONNTRACK_MAX][k] for k in
             ("status", "requested", "allowed", "before", "after")},
            {"status": "limited", "requested": 524288, "allowed": 333875,
             "before": 262144, "after": 333875})
        self.assertEqual(
            {k: keys[BUCKETS][k] for k in
             ("status", "requested", "allowed", "expected", "after")},
            {"status": "limited", "requested": 131072, "allowed": 83456,
             "expected": 83456, "after": 83456})
        self.assertIn("needs 201.0 MiB, the conntrack budget is 128.0 MiB "
                      "(0.25 of the router's 512.0 MiB, from memory blocks)",
                      keys[CONNTRACK_MAX]["note"])
        self.assertEqual(keys[FIN_TIMEOUT]["status"], "applied")
        self.assertEqual(read_sysctl(self.root, CONNTRACK_MAX), 333875)
        self.assertEqual(read_sysctl(self.root, BUCKETS), 83456)
        conf = read_rel(self.root, "etc/sysctl.d/99-vr-scaling.conf")
        self.assertIn("%s = 333875\n" % CONNTRACK_MAX, conf)
        self.assertIn("%s = 83456\n" % BUCKETS, conf)
        self.assertIn("options nf_conntrack hashsize=83456\n",
                      read_rel(self.root, MODPROBE_REL))

    def test_profile_derived_for_the_nominal_memory_applies_in_full(self):
        code, report = self.apply(DERIVED_512)
        self.assertEqual(code, 0, report)
        self.assertIs(report["limited"], False)
        self.assertIs(report["budget"]["fits"], True)
        self.assertEqual(report["budget"]["memory_bytes"], ROUTER_512_BYTES)
        for key in DERIVED_512:
            entry = by_key(report)[key]
            self.assertEqual((entry["status"], entry["after"]),
                             ("applied", 328704), entry)
            self.assertNotIn("allowed", entry)
            self.assertEqual(read_sysctl(self.root, key), 328704)
        code, report = self.verify(DERIVED_512)
        self.assertEqual(code, 0, report)
        self.assertEqual({e["status"] for e in report["keys"]}, {"match"})
        self.assertEqual(report["budget"]["memory_source"], "memory blocks")

    def test_verify_counts_the_allowed_value_as_limited_not_drift(self):
        wanted = {CONNTRACK_MAX: 524288, BUCKETS: 131072}
        self.apply(wanted)
        code, report = self.verify(wanted)
        self.assertEqual(code, 0, report)
        self.assertIs(report["ok"], True)
        self.assertIs(report["limited"], True)
        keys = by_key(report)
        self.assertEqual((keys[CONNTRACK_MAX]["status"],
                          keys[CONNTRACK_MAX]["current"],
                          keys[CONNTRACK_MAX]["allowed"]),
                         ("limited", 333875, 333875))
        self.assertEqual(keys[BUCKETS]["status"], "limited")
        self.assertTrue(report["file"]["matches"])
        # The full requested max does not fit: in force, it is drift.
        write(self.root, sysctl_rel(CONNTRACK_MAX), "524288\n")
        code, report = self.verify(wanted)
        self.assertEqual(code, 1, report)
        self.assertEqual(by_key(report)[CONNTRACK_MAX]["status"], "drift")

    def test_table_that_fits_is_applied_as_requested(self):
        code, report = self.apply({CONNTRACK_MAX: 262144, BUCKETS: 65536})
        self.assertEqual(code, 0, report)
        self.assertIs(report["limited"], False)
        self.assertTrue(report["budget"]["fits"])
        self.assertEqual({e["status"] for e in report["keys"]},
                         {"unchanged", "applied"})
        self.assertNotIn("allowed", by_key(report)[CONNTRACK_MAX])

    def test_memory_fraction_and_bytes_per_entry_options(self):
        wanted = {CONNTRACK_MAX: 524288, BUCKETS: 131072}
        code, report = self.apply(wanted, ["--memory-fraction", "0.5",
                                           "--bytes-per-entry", "256"])
        self.assertEqual(code, 0, report)
        self.assertIs(report["limited"], False)
        self.assertEqual((report["budget"]["memory_fraction"],
                          report["budget"]["bytes_per_entry"]), (0.5, 256))
        self.assertEqual(read_sysctl(self.root, CONNTRACK_MAX), 524288)

    def test_a_key_not_requested_is_checked_at_its_kernel_value(self):
        # Buckets stay at the kernel's 262144 (2 MiB of heads).
        code, report = self.apply({CONNTRACK_MAX: 524288})
        self.assertEqual(code, 0, report)
        budget = report["budget"]
        self.assertEqual((budget["checked_buckets"],
                          budget["checked_buckets_from"]), (262144, "kernel"))
        entry = by_key(report)[CONNTRACK_MAX]
        self.assertEqual((entry["status"], entry["after"]),
                         ("limited", 332226))
        self.assertEqual(read_sysctl(self.root, BUCKETS), 262144)

    def test_unreadable_memtotal_fails_before_writing_anything(self):
        os.unlink(os.path.join(self.root, "proc", "meminfo"))
        before = snapshot_tree(self.root)
        code, report = self.apply({CONNTRACK_MAX: 524288, FIN_TIMEOUT: 15})
        self.assertEqual(code, 1, report)
        self.assertIn("MemTotal", by_key(report)[CONNTRACK_MAX]["error"])
        self.assertEqual(by_key(report)[FIN_TIMEOUT]["status"], "failed")
        self.assertEqual(snapshot_tree(self.root), before)
        # The memory blocks alone are no answer: MemTotal is what they are
        # checked against.
        self.assertEqual((report["budget"]["memory_bytes"],
                          report["budget"]["memory_source"]), (None, None))

    def test_budget_options_are_range_checked(self):
        for extra in (["--memory-fraction", "0.04"],
                      ["--memory-fraction", "0.61"],
                      ["--memory-fraction", "1"],
                      ["--memory-fraction", ".25"],
                      ["--memory-fraction", "0.25e0"],
                      ["--memory-fraction", "nan"],
                      ["--memory-fraction", "0.25;reboot"],
                      ["--bytes-per-entry", "63"],
                      ["--bytes-per-entry", "4097"],
                      ["--bytes-per-entry", "0400"],
                      ["--bytes-per-entry", "400", "--bytes-per-entry",
                       "400"]):
            with self.subTest(extra=extra):
                before = snapshot_tree(self.root)
                code, report = self.apply({CONNTRACK_MAX: 131072}, extra)
                self.assertEqual(code, 2, report)
                self.assertEqual(snapshot_tree(self.root), before)
        for extra in (["--memory-fraction", "0.05"],
                      ["--memory-fraction", "0.6"],
                      ["--bytes-per-entry", "64"],
                      ["--bytes-per-entry", "4096"]):
            with self.subTest(extra=extra):
                code, report = self.verify({CONNTRACK_MAX: 131072}, extra)
                self.assertNotEqual(code, 2, report)


def block_size_is_a_directory(root):
    os.unlink(os.path.join(root, "sys/devices/system/memory/block_size_bytes"))
    os.mkdir(os.path.join(root, "sys/devices/system/memory/block_size_bytes"))


def block_online_is_a_directory(root):
    os.unlink(os.path.join(root, "sys/devices/system/memory/memory2/online"))
    os.mkdir(os.path.join(root, "sys/devices/system/memory/memory2/online"))


def block_size_text(text):
    return lambda root: write(
        root, "sys/devices/system/memory/block_size_bytes", text, 0o444)


class MemorySourceTest(FakeTreeCase):
    """Where the router's memory comes from, and every fallback to MemTotal:
    then the derived 512 MiB profile is cut down as by version 1.1.0."""

    FALLBACKS = (
        ("no memory hotplug", remove_memory_blocks,
         "cannot read /sys/devices/system/memory/block_size_bytes"),
        ("unreadable block size", block_size_is_a_directory,
         "cannot read /sys/devices/system/memory/block_size_bytes"),
        ("zero block size", block_size_text("0\n"), "holds no block size"),
        ("0x prefix", block_size_text("0x8000000\n"), "holds no block size"),
        ("empty block size", block_size_text(""), "holds no block size"),
        ("decimal junk", block_size_text("134217728 B\n"),
         "holds no block size"),
        ("every block offline",
         lambda root: set_memory_blocks(root, 0, offline=4),
         "no online memory blocks in /sys/devices/system/memory"),
        ("unreadable block state", block_online_is_a_directory,
         "cannot read /sys/devices/system/memory/memory2/online"),
        ("odd block state",
         lambda root: write(root, "sys/devices/system/memory/memory1/online",
                            "online\n"),
         "holds 'online', not 0 or 1"),
        ("blocks below MemTotal", lambda root: set_memory_blocks(root, 3),
         "the memory blocks add up to 402653184 B, below MemTotal "
         "479404032 B"),
    )

    def setUp(self):
        super().setUp()
        set_mem_total_kb(self.root, ROUTER_512_KB)
        set_memory_blocks(self.root, ROUTER_512_BLOCKS)

    def test_only_online_blocks_count(self):
        set_memory_blocks(self.root, ROUTER_512_BLOCKS, offline=3)
        code, report = self.apply(DERIVED_512)
        self.assertEqual(code, 0, report)
        self.assertEqual((report["budget"]["memory_bytes"],
                          report["budget"]["memory_source"]),
                         (ROUTER_512_BYTES, "memory blocks"))
        self.assertIs(report["limited"], False)

    def test_block_size_is_hex(self):
        # 2 blocks of 256 MiB ("10000000"): 512 MiB, not 2 x 10,000,000 B.
        set_memory_blocks(self.root, 2, block_size=256 * 1024 * 1024)
        code, report = self.apply(DERIVED_512)
        self.assertEqual(code, 0, report)
        self.assertEqual(report["budget"]["memory_bytes"], ROUTER_512_BYTES)

    def test_every_unusable_answer_falls_back_to_memtotal(self):
        for name, breaks, reason in self.FALLBACKS:
            with self.subTest(name):
                shutil.rmtree(self.root)
                os.makedirs(self.root)
                build_fake_tree(self.root)
                set_mem_total_kb(self.root, ROUTER_512_KB)
                set_memory_blocks(self.root, ROUTER_512_BLOCKS)
                breaks(self.root)
                code, report = self.apply(DERIVED_512)
                self.assertEqual(code, 0, report)
                budget = report["budget"]
                self.assertEqual(
                    (budget["memory_source"], budget["memory_bytes"],
                     budget["mem_total_bytes"]),
                    ("MemTotal", ROUTER_512_KB * 1024, ROUTER_512_KB * 1024))
                self.assertIn(reason, budget["memory_fallback"])
                # 25 % of MemTotal cannot hold the table derived for
                # 512 MiB: the budget of version 1.1.0.
                self.assertIs(report["limited"], True)
                keys = by_key(report)
                self.assertEqual((keys[CONNTRACK_MAX]["allowed"],
                                  keys[BUCKETS]["allowed"]), (293760, 293376))
                self.assertIn("(0.25 of the router's 457.2 MiB, from "
                              "MemTotal)", keys[CONNTRACK_MAX]["note"])

    def test_verify_reports_the_memory_it_checked_against(self):
        remove_memory_blocks(self.root)
        self.apply(DERIVED_512)
        code, report = self.verify(DERIVED_512)
        self.assertEqual(code, 0, report)
        self.assertEqual(report["budget"]["memory_source"], "MemTotal")
        self.assertEqual(by_key(report)[CONNTRACK_MAX]["status"], "limited")
        set_memory_blocks(self.root, ROUTER_512_BLOCKS)
        code, report = self.verify(DERIVED_512)
        # The blocks allow the full table, so the value cut down under
        # MemTotal is now drift: the next apply raises it.
        self.assertEqual(code, 1, report)
        self.assertEqual(report["budget"]["memory_source"], "memory blocks")
        self.assertEqual(by_key(report)[CONNTRACK_MAX]["status"], "drift")
        code, report = self.apply(DERIVED_512)
        self.assertEqual(code, 0, report)
        self.assertEqual(read_sysctl(self.root, CONNTRACK_MAX), 328704)

    def test_kernel_default_for_remove_follows_memtotal_not_the_blocks(self):
        # The kernel sizes its default hash from totalram_pages(): 940,000 kB
        # gives 7,680 buckets, although 9 blocks (1,152 MiB) would be over
        # 1 GiB and give 65,536.
        set_mem_total_kb(self.root, 940000)
        set_memory_blocks(self.root, 9)
        write(self.root, "etc/sysctl.d/99-vr-scaling.conf",
              "# old\n%s = 131072\n" % BUCKETS)
        code, report = run_main(["remove", "--root", self.root],
                                files_class=fake_kernel())
        self.assertEqual(code, 0, report)
        self.assertEqual(read_sysctl(self.root, BUCKETS), 7680)


class AllOrNothingTest(FakeTreeCase):

    def test_buckets_are_resized_before_max_is_raised(self):
        log = []
        self.apply({CONNTRACK_MAX: 524288, BUCKETS: 131072, FIN_TIMEOUT: 15},
                   files_class=fake_kernel(log=log))
        self.assertEqual([rel for rel, _ in log],
                         [HASHSIZE, sysctl_rel(CONNTRACK_MAX),
                          sysctl_rel(FIN_TIMEOUT)])

    def test_failing_hashsize_write_changes_nothing(self):
        self.apply({CONNTRACK_MAX: 131072, FIN_TIMEOUT: 20})
        before = snapshot_tree(self.root)
        kernel = fake_kernel(refuse={HASHSIZE: errno.ENOMEM})
        code, report = self.apply(
            {CONNTRACK_MAX: 524288, BUCKETS: 131072, FIN_TIMEOUT: 15},
            files_class=kernel)
        self.assertEqual(code, 1, report)
        self.assertIs(report["ok"], False)
        self.assertIs(report["changed"], False)
        keys = by_key(report)
        self.assertEqual(keys[BUCKETS]["status"], "failed")
        self.assertIn("Cannot allocate memory", keys[BUCKETS]["error"])
        for key in (CONNTRACK_MAX, FIN_TIMEOUT):
            self.assertIn("not attempted", keys[key]["error"])
        # Kernel values and every persisted file exactly as they were.
        self.assertEqual(snapshot_tree(self.root), before)

    def test_failure_after_a_write_rolls_that_write_back(self):
        self.apply({FIN_TIMEOUT: 20})
        conf_before = read_rel(self.root, "etc/sysctl.d/99-vr-scaling.conf")
        log = []
        kernel = fake_kernel(refuse={sysctl_rel(CONNTRACK_MAX): errno.ENOMEM},
                             log=log)
        code, report = self.apply(
            {CONNTRACK_MAX: 524288, BUCKETS: 131072, FIN_TIMEOUT: 15},
            files_class=kernel)
        self.assertEqual(code, 1, report)
        self.assertIs(report["rolled_back"], True)
        entry = by_key(report)[BUCKETS]
        self.assertEqual((entry["status"], entry["rolled_back"],
                          entry["after"]), ("failed", True, 262144))
        self.assertIn("rolled back to 262144", entry["error"])
        self.assertEqual(read_sysctl(self.root, BUCKETS), 262144)
        self.assertEqual(read_rel(self.root, HASHSIZE).strip(), "262144")
        self.assertEqual(read_sysctl(self.root, FIN_TIMEOUT), 20)
        self.assertEqual(log[-1], (HASHSIZE, 262144))
        self.assertEqual(
            read_rel(self.root, "etc/sysctl.d/99-vr-scaling.conf"),
            conf_before)
        self.assertFalse(os.path.exists(os.path.join(self.root,
                                                     MODPROBE_REL)))

    def test_nic_failure_rolls_back_the_sysctls(self):
        runner = FakeEthtool({"eth0": (4, 1), "eth1": (4, 4)},
                             fail_set=True)
        code, report = self.apply({FIN_TIMEOUT: 15}, ["--nic-queues", "2"],
                                  runner=runner)
        self.assertEqual(code, 1, report)
        self.assertEqual(read_sysctl(self.root, FIN_TIMEOUT), 60)
        self.assertTrue(by_key(report)[FIN_TIMEOUT]["rolled_back"])
        self.assertFalse(os.path.exists(self.conf))

    def test_failed_first_apply_leaves_no_record(self):
        kernel = fake_kernel(refuse={sysctl_rel(FIN_TIMEOUT): errno.EINVAL})
        self.apply({FIN_TIMEOUT: 15}, files_class=kernel)
        self.assertFalse(os.path.exists(os.path.join(self.root, RECORD_REL)))


class PendingAndHookTest(FakeTreeCase):

    def test_keys_of_an_unloaded_module_are_pending_and_persisted(self):
        unload_conntrack(self.root)
        wanted = {CONNTRACK_MAX: 131072, BUCKETS: 65536, TIME_WAIT: 30,
                  BUDGET: 600}
        code, report = self.apply(wanted)
        self.assertEqual(code, 0, report)
        self.assertIs(report["ok"], True)
        self.assertIs(report["pending"], True)
        keys = by_key(report)
        for key in (CONNTRACK_MAX, BUCKETS, TIME_WAIT):
            self.assertEqual(keys[key]["status"], "pending", keys[key])
            self.assertIn("not loaded", keys[key]["note"])
        self.assertEqual(keys[BUDGET]["status"], "applied")
        self.assertEqual(
            [line for line in read_rel(
                self.root, "etc/sysctl.d/99-vr-scaling.conf").splitlines()
             if not line.startswith("#")],
            ["%s = 131072" % CONNTRACK_MAX, "%s = 65536" % BUCKETS,
             "%s = 30" % TIME_WAIT, "%s = 600" % BUDGET])
        self.assertIn("\noptions nf_conntrack hashsize=65536\n",
                      read_rel(self.root, MODPROBE_REL))
        hook = read_rel(self.root, HOOK_REL)
        self.assertIn('ACTION=="add", SUBSYSTEM=="module", '
                      'KERNEL=="nf_conntrack", RUN+="/lib/systemd/'
                      'systemd-sysctl --prefix=/net/netfilter"\n', hook)
        for rel in (MODPROBE_REL, HOOK_REL):
            info = os.stat(os.path.join(self.root, rel))
            self.assertEqual(stat.S_IMODE(info.st_mode), 0o644)
        # The module is not created by the script.
        self.assertFalse(os.path.exists(os.path.join(
            self.root, "sys", "module", "nf_conntrack")))

    def test_verify_with_pending_keys_is_not_ok(self):
        unload_conntrack(self.root)
        wanted = {CONNTRACK_MAX: 131072, FIN_TIMEOUT: 15}
        self.apply(wanted)
        code, report = self.verify(wanted)
        self.assertEqual(code, 1, report)
        self.assertIs(report["ok"], False)
        self.assertIs(report["pending"], True)
        self.assertEqual(by_key(report)[CONNTRACK_MAX]["status"], "pending")
        self.assertEqual(by_key(report)[FIN_TIMEOUT]["status"], "match")
        self.assertTrue(report["file"]["matches"])

    def test_module_files_follow_the_last_apply(self):
        self.apply({BUCKETS: 131072, FIN_TIMEOUT: 15})
        self.assertTrue(os.path.exists(os.path.join(self.root,
                                                    MODPROBE_REL)))
        code, report = self.apply({TIME_WAIT: 30})
        self.assertEqual(code, 0, report)
        self.assertEqual(report["file"]["modprobe"]["present"], False)
        self.assertFalse(os.path.exists(os.path.join(self.root,
                                                     MODPROBE_REL)))
        self.assertTrue(os.path.exists(os.path.join(self.root, HOOK_REL)))
        self.apply({FIN_TIMEOUT: 15})
        self.assertFalse(os.path.exists(os.path.join(self.root, HOOK_REL)))

    def test_verify_notices_a_missing_hook(self):
        wanted = {TIME_WAIT: 30}
        self.apply(wanted)
        os.unlink(os.path.join(self.root, HOOK_REL))
        code, report = self.verify(wanted)
        self.assertEqual(code, 1, report)
        self.assertEqual((report["file"]["hook"]["expected"],
                          report["file"]["hook"]["matches"]), (True, False))
        self.assertFalse(report["file"]["matches"])

    def test_directory_options_redirect_the_module_files(self):
        other = tempfile.mkdtemp(prefix="vrs-etc-")
        self.addCleanup(shutil.rmtree, other)
        code, report = self.apply({BUCKETS: 131072},
                                  ["--modprobe-dir", other,
                                   "--udev-dir", other])
        self.assertEqual(code, 0, report)
        self.assertEqual(sorted(os.listdir(other)),
                         ["99-vr-scaling.rules", "vr-scaling.conf"])
        self.assertFalse(os.path.exists(os.path.join(self.root,
                                                     MODPROBE_REL)))


class RemoveDefaultsTest(FakeTreeCase):

    def test_remove_without_record_restores_kernel_defaults(self):
        # Tuned by 1.0.0, which kept no record.
        write(self.root, "etc/sysctl.d/99-vr-scaling.conf",
              "# old\n%s = 15\n%s = 524288\n%s = 131072\n"
              % (FIN_TIMEOUT, CONNTRACK_MAX, BUCKETS))
        write(self.root, sysctl_rel(FIN_TIMEOUT), "15\n")
        code, report = run_main(["remove", "--root", self.root],
                                files_class=fake_kernel())
        self.assertEqual(code, 0, report)
        restored = {e["key"]: e for e in report["restored"]}
        self.assertEqual(sorted(restored), sorted([FIN_TIMEOUT,
                                                   CONNTRACK_MAX, BUCKETS]))
        for entry in restored.values():
            self.assertEqual(entry["source"], "kernel-default")
        self.assertEqual(read_sysctl(self.root, FIN_TIMEOUT), 60)
        # 2014884 kB is above 1 GiB: the kernel's 65536 buckets and max.
        self.assertEqual(read_sysctl(self.root, CONNTRACK_MAX), 65536)
        self.assertEqual(read_sysctl(self.root, BUCKETS), 65536)
        self.assertEqual(read_sysctl(self.root, TIME_WAIT), 120)

    def test_first_apply_after_an_old_version_records_no_tuned_value(self):
        write(self.root, "etc/sysctl.d/99-vr-scaling.conf",
              "# old\n%s = 15\n" % FIN_TIMEOUT)
        write(self.root, sysctl_rel(FIN_TIMEOUT), "15\n")
        self.apply({FIN_TIMEOUT: 15, TIME_WAIT: 30})
        record = json.loads(read_rel(self.root, RECORD_REL))["values"]
        self.assertIsNone(record[FIN_TIMEOUT])
        self.assertEqual(record[TIME_WAIT], 120)

    def test_kernel_default_buckets_follow_the_61_rule(self):
        self.assertEqual(vr_scaling.kernel_default_buckets(468168 * 1024),
                         4096)
        self.assertEqual(vr_scaling.kernel_default_buckets(2 * 1024 ** 3),
                         65536)
        self.assertEqual(vr_scaling.kernel_default_buckets(8 * 1024 ** 3),
                         262144)
        self.assertEqual(vr_scaling.kernel_default_buckets(64 * 1024 ** 2),
                         1024)


class DiscoveryTest(unittest.TestCase):

    def test_plain_unittest_discover_in_systemvm_finds_the_tests(self):
        # `python3 -m unittest discover` run in systemvm/ must not report
        # "Ran 0 tests ... OK".
        code = ("import unittest\n"
                "suite = unittest.defaultTestLoader.discover('.')\n"
                "names = []\n"
                "def walk(s):\n"
                "    for t in s:\n"
                "        walk(t) if isinstance(t, unittest.TestSuite) "
                "else names.append(t.id())\n"
                "walk(suite)\n"
                "print(len(names))\n"
                "print('\\n'.join(n for n in names if 'Failed' in n "
                "or 'loader' in n))\n")
        proc = subprocess.run([sys.executable, "-c", code],
                              cwd=vr_scaling_dir(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, timeout=60,
                              check=False)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = [line for line in proc.stdout.splitlines() if line]
        self.assertGreater(int(lines[0]), 50, proc.stdout)
        self.assertEqual(lines[1:], [], "import failures: %s" % proc.stdout)


def vr_scaling_dir():
    return os.path.dirname(os.path.abspath(vr_scaling.__file__))



if __name__ == "__main__":
    unittest.main()
