#!/usr/bin/env python3
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
"""VR Scale: tune and inspect the kernel of a CloudStack virtual router.

Runs inside the VR as root, started over SSH by the KVM agent:

    vr_scaling.py apply    [--root DIR] [--conf-dir DIR] --set KEY=INT ...
                           [--nic-queues N]
    vr_scaling.py verify   (same arguments as apply; changes nothing)
    vr_scaling.py diagnose [--root DIR] [--sample-seconds S]
    vr_scaling.py remove   [--root DIR] [--conf-dir DIR]
    vr_scaling.py --version

Every mode prints exactly one JSON object on stdout (--version prints the
bare version string). Exit codes: 0 ok, 1 something failed or drifted,
2 input refused (nothing was changed), 3 internal error.

Standard library only; Python 3.9+.
"""

import errno
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import time

VERSION = "1.0.0"

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2
EXIT_INTERNAL = 3

CONF_NAME = "99-vr-scaling.conf"
DEFAULT_CONF_SUBDIR = os.path.join("etc", "sysctl.d")

BUCKETS_KEY = "net.netfilter.nf_conntrack_buckets"
HASHSIZE_PARAM = "sys/module/nf_conntrack/parameters/hashsize"
# The kernel rounds the hash table up to a whole page of 8-byte bucket
# heads: 4096 / 8 = 512 on x86_64 (nf_ct_alloc_hashtable).
BUCKETS_GRANULE = 512

# Whitelist in the order used for the conf file and the report:
# key -> (minimum, maximum), both inclusive.
ALLOWED_KEYS = (
    ("net.netfilter.nf_conntrack_max", 1024, 67108864),
    (BUCKETS_KEY, 1024, 16777216),
    ("net.netfilter.nf_conntrack_tcp_timeout_established", 60, 432000),
    ("net.netfilter.nf_conntrack_tcp_timeout_time_wait", 1, 600),
    ("net.core.netdev_max_backlog", 300, 65536),
    ("net.core.netdev_budget", 100, 3000),
    ("net.ipv4.tcp_fin_timeout", 5, 120),
    ("net.ipv4.tcp_window_scaling", 0, 1),
)
KEY_RANGES = {name: (low, high) for name, low, high in ALLOWED_KEYS}
KEY_ORDER = [name for name, _, _ in ALLOWED_KEYS]

NIC_QUEUES_RANGE = (1, 64)
SAMPLE_SECONDS_RANGE = (0, 10)
DEFAULT_SAMPLE_SECONDS = 1

# Decimal only: no sign, no leading zero (the kernel would read "010" as
# octal), no exponent, no hex, no whitespace.
DECIMAL_RE = re.compile(r"(0|[1-9][0-9]{0,11})", re.ASCII)
KEY_RE = re.compile(r"[a-z0-9_.]{1,128}", re.ASCII)
# Interface names are passed to ethtool as argv; refuse anything odd.
NIC_NAME_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.@-]{0,15}", re.ASCII)

# Write errors meaning "this key cannot be set from here" rather than a
# failure; EOPNOTSUPP is what the hashsize parameter returns outside the
# initial network namespace.
READ_ONLY_ERRNOS = (errno.EACCES, errno.EPERM, errno.EROFS, errno.EOPNOTSUPP)

ETHTOOL_TIMEOUT = 10
RC_NOT_FOUND = 127
RC_TIMEOUT = 124
COMMAND_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"

MODES = ("apply", "verify", "diagnose", "remove")
MODE_OPTIONS = {
    "apply": ("--root", "--conf-dir", "--set", "--nic-queues"),
    "verify": ("--root", "--conf-dir", "--set", "--nic-queues"),
    "diagnose": ("--root", "--sample-seconds"),
    "remove": ("--root", "--conf-dir"),
}


class UsageError(Exception):
    """Input refused before anything was touched (exit code 2)."""


# --------------------------------------------------------------------------
# Seams that tests replace


class CommandRunner:
    """Runs external commands; tests substitute a fake with the same run()."""

    def run(self, argv, timeout):
        """Return (rc, stdout, stderr); rc 127 = not found, 124 = timeout."""
        env = {"PATH": COMMAND_PATH, "LC_ALL": "C"}
        try:
            proc = subprocess.run(argv, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=env,
                                  timeout=timeout, check=False,
                                  universal_newlines=True)
        except FileNotFoundError:
            return RC_NOT_FOUND, "", "command not found: %s" % argv[0]
        except subprocess.TimeoutExpired:
            return RC_TIMEOUT, "", "timed out after %ss" % timeout
        except OSError as exc:
            return RC_NOT_FOUND, "", str(exc)
        return proc.returncode, proc.stdout, proc.stderr


class KernelFiles:
    """All file access, relative to --root.

    Paths given to the methods are relative ("proc/sys/..."). Tests
    subclass this to simulate kernel behaviour such as bucket rounding.
    """

    def __init__(self, root):
        self.root = root

    def path(self, rel):
        return os.path.join(self.root, rel)

    def exists(self, rel):
        return os.path.exists(self.path(rel))

    def read_text(self, rel):
        with open(self.path(rel), "r", encoding="utf-8",
                  errors="replace") as handle:
            return handle.read()

    def read_int(self, rel):
        return int(self.read_text(rel).split()[0])

    def is_read_only(self, rel):
        # /proc/sys marks keys that are global-only as 0444 inside a
        # non-initial network namespace; root gets EACCES on them.
        mode = os.stat(self.path(rel)).st_mode
        return stat.S_IMODE(mode) & 0o222 == 0

    def write_value(self, rel, value):
        # One write() at offset 0, never O_CREAT: a missing file means the
        # key is unsupported, not something to create.
        data = ("%d\n" % value).encode("ascii")
        fd = os.open(self.path(rel), os.O_WRONLY | os.O_TRUNC)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)

    def listdir(self, rel):
        return sorted(os.listdir(self.path(rel)))

    def realpath(self, rel):
        return os.path.realpath(self.path(rel))


# --------------------------------------------------------------------------
# Argument parsing and validation


def parse_decimal(text, low, high, what):
    """Parse a strict non-negative decimal in [low, high] or raise."""
    if not isinstance(text, str) or not DECIMAL_RE.fullmatch(text):
        raise UsageError("%s: %r is not a plain decimal integer"
                         % (what, text))
    value = int(text)
    if not low <= value <= high:
        raise UsageError("%s: %d is outside %d..%d" % (what, value, low, high))
    return value


def parse_setting(text, settings):
    """Validate one KEY=INT and add it to settings (dict)."""
    key, sep, raw = text.partition("=")
    if not sep:
        raise UsageError("--set %r: expected KEY=INT" % text)
    if not KEY_RE.fullmatch(key) or key not in KEY_RANGES:
        raise UsageError("--set: key %r is not allowed" % key)
    if key in settings:
        raise UsageError("--set: duplicate key %s" % key)
    low, high = KEY_RANGES[key]
    settings[key] = parse_decimal(raw, low, high, key)


def split_options(args):
    """Yield (option, value) pairs from ["--opt", "v"] or ["--opt=v"]."""
    index = 0
    while index < len(args):
        arg = args[index]
        if not arg.startswith("--"):
            raise UsageError("unexpected argument %r" % arg)
        if "=" in arg:
            option, _, value = arg.partition("=")
            index += 1
        else:
            if index + 1 >= len(args):
                raise UsageError("option %s needs a value" % arg)
            option, value = arg, args[index + 1]
            index += 2
        yield option, value


def parse_args(argv):
    """Return a dict describing the request; raise UsageError on bad input."""
    if not argv:
        raise UsageError("missing mode (apply, verify, diagnose, remove)")
    if argv[0] == "--version":
        if len(argv) != 1:
            raise UsageError("--version takes no other arguments")
        return {"mode": "version"}
    mode = argv[0]
    if mode not in MODES:
        raise UsageError("unknown mode %r" % mode)
    request = {"mode": mode, "root": "/", "conf_dir": None, "settings": {},
               "nic_queues": None,
               "sample_seconds": DEFAULT_SAMPLE_SECONDS}
    seen = set()
    for option, value in split_options(argv[1:]):
        if option not in MODE_OPTIONS[mode]:
            raise UsageError("unknown option %s for %s" % (option, mode))
        if option != "--set" and option in seen:
            raise UsageError("option %s given twice" % option)
        seen.add(option)
        if option == "--set":
            parse_setting(value, request["settings"])
        elif option == "--root":
            request["root"] = validate_directory(value, "--root")
        elif option == "--conf-dir":
            request["conf_dir"] = validate_directory(value, "--conf-dir")
        elif option == "--nic-queues":
            request["nic_queues"] = parse_decimal(
                value, NIC_QUEUES_RANGE[0], NIC_QUEUES_RANGE[1],
                "--nic-queues")
        elif option == "--sample-seconds":
            request["sample_seconds"] = parse_decimal(
                value, SAMPLE_SECONDS_RANGE[0], SAMPLE_SECONDS_RANGE[1],
                "--sample-seconds")
    if mode in ("apply", "verify") and not request["settings"]:
        raise UsageError("%s needs at least one --set KEY=INT" % mode)
    if request["conf_dir"] is None:
        request["conf_dir"] = os.path.join(request["root"],
                                           DEFAULT_CONF_SUBDIR)
    return request


def validate_directory(value, what):
    if not value or "\x00" in value or not os.path.isabs(value):
        raise UsageError("%s must be an absolute path" % what)
    if not os.path.isdir(value):
        raise UsageError("%s %s is not a directory" % (what, value))
    return os.path.normpath(value)


# --------------------------------------------------------------------------
# Persisted file (sysctl.d)


def sysctl_rel_path(key):
    return os.path.join("proc", "sys", *key.split("."))


def render_conf(settings):
    """Deterministic content of the sysctl.d file for these settings."""
    lines = [
        "# Managed by VR Scale (vr_scaling.py %s) for Apache CloudStack."
        % VERSION,
        "# Rewritten on every apply; delete with 'vr_scaling.py remove'.",
        "# Do not edit by hand and do not move these keys to "
        "/etc/sysctl.conf.",
    ]
    for key in KEY_ORDER:
        if key in settings:
            lines.append("%s = %d" % (key, settings[key]))
    return "\n".join(lines) + "\n"


def read_file_or_none(path):
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None


def write_atomically(path, content, mode=0o644):
    """Temp file in the same directory, fsync, rename over the target."""
    directory = os.path.dirname(path)
    fd, tmp_path = tempfile.mkstemp(prefix="." + CONF_NAME + ".",
                                    dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp_path, path)
    except BaseException:
        try:
            os.unlink(tmp_path)
        except OSError:
            pass
        raise
    fsync_directory(directory)


def fsync_directory(directory):
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def persist_settings(conf_dir, settings):
    """Write the conf file unless it already has this exact content."""
    path = os.path.join(conf_dir, CONF_NAME)
    wanted = render_conf(settings)
    report = {"path": path, "changed": False}
    if read_file_or_none(path) == wanted:
        return report
    try:
        os.makedirs(conf_dir, mode=0o755, exist_ok=True)
        write_atomically(path, wanted)
    except OSError as exc:
        report["error"] = "cannot write %s: %s" % (path, exc.strerror or exc)
        return report
    report["changed"] = True
    return report


def parse_conf(content):
    """Return {key: value-string} from sysctl.d text (comments skipped)."""
    values = {}
    for line in content.splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        key, sep, value = line.partition("=")
        if sep:
            values[key.strip()] = value.strip()
    return values


# --------------------------------------------------------------------------
# Runtime sysctls


def round_up(value, granule):
    return -(-value // granule) * granule


def read_int_or_none(files, rel):
    try:
        return files.read_int(rel)
    except (OSError, ValueError, IndexError):
        return None


def write_and_read_back(files, entry, write_rel, read_rel, accepted):
    """Write entry['requested'] to write_rel; set status from read_rel."""
    entry["written"] = False
    try:
        files.write_value(write_rel, entry["requested"])
    except OSError as exc:
        if exc.errno in READ_ONLY_ERRNOS:
            entry["status"] = "read-only"
        else:
            entry["status"] = "failed"
        entry["error"] = "write /%s: %s" % (write_rel, exc.strerror or exc)
        return entry
    entry["written"] = True
    entry["after"] = read_int_or_none(files, read_rel)
    if entry["after"] in accepted:
        entry["status"] = "applied"
    else:
        entry["status"] = "failed"
        entry["error"] = "read back %s after writing %d" % (
            entry["after"], entry["requested"])
    return entry


def mark_read_only(entry):
    entry["status"] = "read-only"
    entry["note"] = ("the kernel exposes this key read-only here (a global "
                     "key seen from a non-initial network namespace)")
    return entry


def apply_plain_key(files, key, requested):
    rel = sysctl_rel_path(key)
    entry = {"key": key, "requested": requested, "before": None,
             "after": None}
    if not files.exists(rel):
        entry["status"] = "unsupported"
        return entry
    entry["before"] = entry["after"] = read_int_or_none(files, rel)
    if entry["before"] == requested:
        entry["status"] = "unchanged"
        return entry
    if files.is_read_only(rel):
        return mark_read_only(entry)
    return write_and_read_back(files, entry, rel, rel, (requested,))


def apply_buckets(files, requested):
    """Resize the conntrack hash through the module parameter.

    The hashsize parameter is global even inside a network namespace, so a
    read-only buckets sysctl (non-initial netns) leaves it untouched.
    """
    sysctl_rel = sysctl_rel_path(BUCKETS_KEY)
    expected = round_up(requested, BUCKETS_GRANULE)
    entry = {"key": BUCKETS_KEY, "requested": requested,
             "expected": expected, "before": None, "after": None}
    has_sysctl = files.exists(sysctl_rel)
    has_param = files.exists(HASHSIZE_PARAM)
    if not has_sysctl and not has_param:
        entry["status"] = "unsupported"
        return entry
    read_rel = sysctl_rel if has_sysctl else HASHSIZE_PARAM
    entry["before"] = entry["after"] = read_int_or_none(files, read_rel)
    accepted = (requested, expected)
    if entry["before"] in accepted:
        entry["status"] = "unchanged"
        return entry
    if has_sysctl and files.is_read_only(sysctl_rel):
        return mark_read_only(entry)
    if has_param and not files.is_read_only(HASHSIZE_PARAM):
        write_rel = HASHSIZE_PARAM
    elif has_sysctl:
        write_rel = sysctl_rel
    else:
        entry["status"] = "read-only"
        return entry
    entry["written_to"] = "/" + write_rel
    return write_and_read_back(files, entry, write_rel, read_rel, accepted)


def apply_settings(files, settings):
    entries = []
    for key in KEY_ORDER:
        if key not in settings:
            continue
        if key == BUCKETS_KEY:
            entries.append(apply_buckets(files, settings[key]))
        else:
            entries.append(apply_plain_key(files, key, settings[key]))
    return entries


def verify_settings(files, settings):
    entries = []
    for key in KEY_ORDER:
        if key not in settings:
            continue
        requested = settings[key]
        accepted = [requested]
        rel = sysctl_rel_path(key)
        entry = {"key": key, "requested": requested, "current": None}
        if key == BUCKETS_KEY:
            entry["expected"] = round_up(requested, BUCKETS_GRANULE)
            accepted.append(entry["expected"])
            if not files.exists(rel):
                rel = HASHSIZE_PARAM
        if not files.exists(rel):
            entry["status"] = "unsupported"
        else:
            entry["current"] = read_int_or_none(files, rel)
            if entry["current"] is None:
                entry["status"] = "error"
                entry["error"] = "cannot read /%s" % rel
            elif entry["current"] in accepted:
                entry["status"] = "match"
            else:
                entry["status"] = "drift"
        entries.append(entry)
    return entries


# --------------------------------------------------------------------------
# NIC queues (virtio_net multiqueue via ethtool)


def nic_driver(files, name):
    rel = os.path.join("sys", "class", "net", name, "device", "driver")
    if not os.path.islink(files.path(rel)) and not files.exists(rel):
        return None
    return os.path.basename(files.realpath(rel))


def list_nics(files):
    rel = os.path.join("sys", "class", "net")
    try:
        names = files.listdir(rel)
    except OSError:
        return []
    return [name for name in names if NIC_NAME_RE.fullmatch(name)]


def list_virtio_nics(files):
    return [name for name in list_nics(files)
            if name != "lo" and nic_driver(files, name) == "virtio_net"]


def parse_channels(text):
    """Return (max_combined, current_combined) from `ethtool -l` output."""
    section = None
    found = {"max": None, "current": None}
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("Pre-set maximums"):
            section = "max"
        elif stripped.startswith("Current hardware settings"):
            section = "current"
        elif section and stripped.startswith("Combined:"):
            value = stripped.partition(":")[2].strip()
            if DECIMAL_RE.fullmatch(value):
                found[section] = int(value)
    return found["max"], found["current"]


def read_channels(runner, nic):
    """Return (max, current, problem, unsupported) for one NIC."""
    rc, out, err = runner.run(["ethtool", "-l", nic], ETHTOOL_TIMEOUT)
    if rc == RC_NOT_FOUND:
        return None, None, "ethtool not found", True
    if rc != 0:
        message = (err or out).strip() or "ethtool -l exit code %d" % rc
        return None, None, message, "not supported" in message.lower()
    maximum, current = parse_channels(out)
    if not maximum or current is None:
        return maximum, current, "no combined channels reported", True
    return maximum, current, None, False


def apply_nic(runner, files, nic, requested):
    entry = {"name": nic, "driver": nic_driver(files, nic),
             "requested": requested, "max_combined": None, "before": None,
             "target": None, "after": None}
    maximum, current, problem, unsupported = read_channels(runner, nic)
    entry.update(max_combined=maximum, before=current, after=current)
    if problem:
        entry["status"] = "unsupported" if unsupported else "failed"
        entry["error"] = problem
        return entry
    target = min(requested, maximum)
    entry["target"] = target
    if maximum == 1 and requested > 1:
        entry["status"] = "limited"
        entry["note"] = ("the hypervisor gave this NIC one queue; set "
                         "nic.multiqueue.number on the router before start")
        return entry
    if target < requested:
        entry["note"] = "capped at the hypervisor maximum of %d" % maximum
    if current == target:
        entry["status"] = "unchanged"
        return entry
    argv = ["ethtool", "-L", nic, "combined", str(target)]
    rc, out, err = runner.run(argv, ETHTOOL_TIMEOUT)
    entry["written"] = rc == 0
    if rc != 0:
        entry["status"] = "failed"
        entry["error"] = (err or out).strip() or "exit code %d" % rc
        return entry
    _, entry["after"], problem, _ = read_channels(runner, nic)
    if entry["after"] == target:
        entry["status"] = "applied"
    else:
        entry["status"] = "failed"
        entry["error"] = problem or "read back %s combined channels" % (
            entry["after"],)
    return entry


def verify_nic(runner, files, nic, requested):
    entry = {"name": nic, "driver": nic_driver(files, nic),
             "requested": requested, "max_combined": None, "current": None,
             "target": None}
    maximum, current, problem, unsupported = read_channels(runner, nic)
    entry.update(max_combined=maximum, current=current)
    if problem:
        entry["status"] = "unsupported" if unsupported else "error"
        entry["error"] = problem
        return entry
    entry["target"] = min(requested, maximum)
    if current != entry["target"]:
        entry["status"] = "drift"
    elif maximum == 1 and requested > 1:
        entry["status"] = "limited"
    else:
        entry["status"] = "match"
    return entry


# --------------------------------------------------------------------------
# Modes


def strip_internal(entries):
    for entry in entries:
        entry.pop("written", None)
    return entries


def run_apply(request, files, runner):
    settings = request["settings"]
    file_report = persist_settings(request["conf_dir"], settings)
    keys = apply_settings(files, settings)
    nics = []
    if request["nic_queues"] is not None:
        nics = [apply_nic(runner, files, nic, request["nic_queues"])
                for nic in list_virtio_nics(files)]
    changed = (file_report["changed"]
               or any(entry.get("written") for entry in keys + nics))
    ok = ("error" not in file_report
          and all(entry["status"] != "failed" for entry in keys + nics))
    return {"ok": ok, "mode": "apply", "version": VERSION,
            "changed": changed, "file": file_report,
            "keys": strip_internal(keys), "nics": strip_internal(nics)}


def run_verify(request, files, runner):
    settings = request["settings"]
    path = os.path.join(request["conf_dir"], CONF_NAME)
    content = read_file_or_none(path)
    # Compare settings, not bytes: a header from another script version
    # still persists the same values.
    wanted = {key: str(value) for key, value in settings.items()}
    file_report = {"path": path, "exists": content is not None,
                   "matches": content is not None
                   and parse_conf(content) == wanted}
    keys = verify_settings(files, settings)
    nics = []
    if request["nic_queues"] is not None:
        nics = [verify_nic(runner, files, nic, request["nic_queues"])
                for nic in list_virtio_nics(files)]
    bad = ("drift", "error")
    ok = (file_report["matches"]
          and all(entry["status"] not in bad for entry in keys + nics))
    return {"ok": ok, "mode": "verify", "version": VERSION,
            "file": file_report, "keys": keys, "nics": nics}


def run_remove(request):
    path = os.path.join(request["conf_dir"], CONF_NAME)
    content = read_file_or_none(path)
    report = {"ok": True, "mode": "remove", "version": VERSION,
              "changed": False,
              "file": {"path": path, "existed": content is not None,
                       "removed": False},
              "removed_keys": {},
              "note": "runtime values stay in effect until the next reboot"}
    if content is None and not os.path.lexists(path):
        return report
    report["file"]["existed"] = True
    report["removed_keys"] = parse_conf(content or "")
    try:
        os.unlink(path)
    except FileNotFoundError:
        return report
    except OSError as exc:
        report["ok"] = False
        reason = exc.strerror or exc
        report["error"] = "cannot remove %s: %s" % (path, reason)
        return report
    fsync_directory(os.path.dirname(path))
    report["file"]["removed"] = True
    report["changed"] = True
    return report


# --------------------------------------------------------------------------
# Diagnose (read-only)


def read_key_values(files, rel, separator=None):
    """Parse 'name value' (or 'name: value kB') lines into {name: int}."""
    try:
        text = files.read_text(rel)
    except OSError:
        return None
    values = {}
    for line in text.splitlines():
        if separator:
            name, _, rest = line.partition(separator)
        else:
            name, _, rest = line.partition(" ")
        fields = rest.split()
        if fields and DECIMAL_RE.fullmatch(fields[0]):
            values[name.strip()] = int(fields[0])
    return values


def parse_conntrack_stats(text):
    """Sum the per-CPU hex columns of /proc/net/stat/nf_conntrack by name.

    'entries' is the global count repeated on every CPU row, so it is
    taken once instead of summed.
    """
    lines = [line.split() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    header, rows = lines[0], lines[1:]
    totals = {name: 0 for name in header}
    for row in rows:
        for name, cell in zip(header, row):
            try:
                value = int(cell, 16)
            except ValueError:
                continue
            if name == "entries":
                totals[name] = max(totals[name], value)
            else:
                totals[name] += value
    totals["cpus"] = len(rows)
    return totals


def parse_softnet(text):
    """Sum processed/dropped/time_squeeze (hex columns 1-3) over CPUs."""
    result = {"cpus": 0, "processed": 0, "dropped": 0, "time_squeeze": 0}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        try:
            processed, dropped, squeeze = (int(f, 16) for f in fields[:3])
        except ValueError:
            continue
        result["cpus"] += 1
        result["processed"] += processed
        result["dropped"] += dropped
        result["time_squeeze"] += squeeze
    return result if result["cpus"] else None


def parse_proc_stat(text):
    """Return {'cpu': [...], 'cpus': {name: [...]}, 'ctxt': int}."""
    parsed = {"cpu": None, "cpus": {}, "ctxt": None}
    for line in text.splitlines():
        fields = line.split()
        if not fields:
            continue
        name = fields[0]
        try:
            numbers = [int(value) for value in fields[1:]]
        except ValueError:
            continue
        if name == "cpu":
            parsed["cpu"] = numbers
        elif name.startswith("cpu") and name[3:].isdigit():
            parsed["cpus"][name] = numbers
        elif name == "ctxt" and numbers:
            parsed["ctxt"] = numbers[0]
    return parsed


def cpu_total(fields):
    # user nice system idle iowait irq softirq steal; guest time is
    # already counted in user/nice.
    return sum(fields[:8])


def field(fields, index):
    return fields[index] if len(fields) > index else 0


def cpu_sample(first, second, seconds):
    result = {"sample_seconds": seconds, "steal_pct": None,
              "busy_pct": None, "ctxt_per_sec": None,
              "max_cpu_softirq_pct": None}
    if not first or not second or not seconds:
        return result
    if first["cpu"] and second["cpu"]:
        delta = [b - a for a, b in zip(first["cpu"], second["cpu"])]
        total = cpu_total(delta)
        if total > 0:
            idle = field(delta, 3) + field(delta, 4)
            result["steal_pct"] = round(100.0 * field(delta, 7) / total, 2)
            result["busy_pct"] = round(
                100.0 * (total - idle - field(delta, 7)) / total, 2)
    if first["ctxt"] is not None and second["ctxt"] is not None:
        result["ctxt_per_sec"] = round(
            (second["ctxt"] - first["ctxt"]) / float(seconds), 1)
    shares = []
    for name, before in first["cpus"].items():
        after = second["cpus"].get(name)
        if not after:
            continue
        delta = [b - a for a, b in zip(before, after)]
        total = cpu_total(delta)
        if total > 0:
            shares.append(100.0 * field(delta, 6) / total)
    if shares:
        result["max_cpu_softirq_pct"] = round(max(shares), 2)
    return result


def read_proc_stat(files):
    try:
        return parse_proc_stat(files.read_text("proc/stat"))
    except OSError:
        return None


def diagnose_conntrack(files):
    base = "proc/sys/net/netfilter/"
    count = read_int_or_none(files, base + "nf_conntrack_count")
    maximum = read_int_or_none(files, base + "nf_conntrack_max")
    buckets = read_int_or_none(files, base + "nf_conntrack_buckets")
    chain = None
    if count is not None and buckets:
        # Each connection is hashed twice (original and reply tuple).
        chain = round(2.0 * count / buckets, 3)
    fill = None
    if count is not None and maximum:
        fill = round(100.0 * count / maximum, 2)
    return {"count": count, "max": maximum, "buckets": buckets,
            "avg_chain_length": chain, "fill_pct": fill,
            "slab_object_size": read_int_or_none(
                files, "sys/kernel/slab/nf_conntrack/object_size")}


def diagnose_nics(files):
    nics = []
    for name in list_nics(files):
        stats = os.path.join("sys", "class", "net", name, "statistics")
        queues = None
        try:
            queues = len([q for q in files.listdir(
                os.path.join("sys", "class", "net", name, "queues"))
                if q.startswith("rx-")])
        except OSError:
            pass
        nics.append({
            "name": name,
            "driver": nic_driver(files, name),
            "rx_packets": read_int_or_none(
                files, os.path.join(stats, "rx_packets")),
            "rx_dropped": read_int_or_none(
                files, os.path.join(stats, "rx_dropped")),
            "rx_queues": queues,
        })
    return nics


def read_parsed(files, rel, parser):
    try:
        return parser(files.read_text(rel))
    except OSError:
        return None


def count_cpus(stat_sample, root):
    if stat_sample and stat_sample["cpus"]:
        return len(stat_sample["cpus"])
    if os.path.normpath(root) == "/":
        return os.cpu_count()
    return None


def run_diagnose(request, files, sleep):
    seconds = request["sample_seconds"]
    first = read_proc_stat(files)
    second = None
    if seconds:
        sleep(seconds)
        second = read_proc_stat(files)
    meminfo = read_key_values(files, "proc/meminfo", separator=":") or {}
    vmstat = read_key_values(files, "proc/vmstat") or {}
    release = None
    try:
        release = files.read_text("proc/sys/kernel/osrelease").strip()
    except OSError:
        pass
    measurements = {
        "kernel_release": release or None,
        "cpus": count_cpus(first, request["root"]),
        "memory": {"mem_total_kb": meminfo.get("MemTotal"),
                   "mem_available_kb": meminfo.get("MemAvailable")},
        "oom_kills": vmstat.get("oom_kill"),
        "conntrack": diagnose_conntrack(files),
        "conntrack_stats": read_parsed(files, "proc/net/stat/nf_conntrack",
                                       parse_conntrack_stats),
        "softnet": read_parsed(files, "proc/net/softnet_stat",
                               parse_softnet),
        "cpu_sample": cpu_sample(first, second, seconds),
        "nics": diagnose_nics(files),
    }
    return {"ok": True, "mode": "diagnose", "version": VERSION,
            "measurements": measurements}


# --------------------------------------------------------------------------
# Entry point


def emit(report, out):
    out.write(json.dumps(report, sort_keys=True) + "\n")
    out.flush()


def exit_code_for(report):
    return EXIT_OK if report.get("ok") else EXIT_FAILED


def main(argv=None, runner=None, sleep=None, files_class=KernelFiles,
         out=None):
    """Run one mode; print one JSON object; return the exit code."""
    out = out or sys.stdout
    argv = sys.argv[1:] if argv is None else list(argv)
    runner = runner or CommandRunner()
    sleep = sleep or time.sleep
    try:
        request = parse_args(argv)
    except UsageError as exc:
        mode = argv[0] if argv and argv[0] in MODES else None
        emit({"ok": False, "mode": mode, "error": str(exc),
              "version": VERSION}, out)
        return EXIT_REFUSED
    if request["mode"] == "version":
        out.write(VERSION + "\n")
        return EXIT_OK
    try:
        files = files_class(request["root"])
        if request["mode"] == "apply":
            report = run_apply(request, files, runner)
        elif request["mode"] == "verify":
            report = run_verify(request, files, runner)
        elif request["mode"] == "diagnose":
            report = run_diagnose(request, files, sleep)
        else:
            report = run_remove(request)
    except Exception as exc:  # report, never leave the caller without JSON
        emit({"ok": False, "mode": request["mode"], "version": VERSION,
              "error": "internal error: %s: %s"
              % (type(exc).__name__, exc)}, out)
        return EXIT_INTERNAL
    emit(report, out)
    return exit_code_for(report)


if __name__ == "__main__":
    sys.exit(main())
