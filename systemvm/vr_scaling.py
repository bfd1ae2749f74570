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

    vr_scaling.py apply    [--root DIR] [--conf-dir DIR] [--modprobe-dir DIR]
                           [--udev-dir DIR] --set KEY=INT ... [--nic-queues N]
                           [--memory-fraction F] [--bytes-per-entry N]
    vr_scaling.py verify   (same arguments as apply; changes nothing)
    vr_scaling.py diagnose [--root DIR] [--sample-seconds S]
    vr_scaling.py remove   [--root DIR] [--conf-dir DIR] [--modprobe-dir DIR]
                           [--udev-dir DIR]
    vr_scaling.py --version

Every mode prints exactly one JSON object on stdout (--version prints the
bare version string). Exit codes: 0 ok, 1 something failed or drifted
(or, for verify, is still pending), 2 input refused (nothing was changed),
3 internal error. apply is all-or-nothing: a failed write rolls back what
the run changed, and the files are written only after every runtime write
succeeded. A conntrack table that would not fit the memory budget is
limited to what fits (status "limited", top-level "limited": true). The
budget is a share of the RAM the hypervisor gave the VM (online memory
blocks x block size in sysfs), or of MemTotal when sysfs has no usable
answer.

Standard library only; Python 3.9+.
"""

import errno
import json
import math
import os
import re
import stat
import subprocess
import sys
import tempfile
import time

VERSION = "1.1.1"

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2
EXIT_INTERNAL = 3

CONF_NAME = "99-vr-scaling.conf"
# What the router had before VR Scale, written by the first apply only.
ORIGINAL_NAME = "vr-scaling-original.json"
MODPROBE_NAME = "vr-scaling.conf"
HOOK_NAME = "99-vr-scaling.rules"
DEFAULT_CONF_SUBDIR = os.path.join("etc", "sysctl.d")
DEFAULT_MODPROBE_SUBDIR = os.path.join("etc", "modprobe.d")
DEFAULT_UDEV_SUBDIR = os.path.join("etc", "udev", "rules.d")
# /lib is /usr/lib on merged-/usr Debian 12 and exists on unmerged ones.
SYSTEMD_SYSCTL = "/lib/systemd/systemd-sysctl"

MAX_KEY = "net.netfilter.nf_conntrack_max"
BUCKETS_KEY = "net.netfilter.nf_conntrack_buckets"
NETFILTER_PREFIX = "net.netfilter."
CONNTRACK_MODULE = "sys/module/nf_conntrack"
HASHSIZE_PARAM = CONNTRACK_MODULE + "/parameters/hashsize"
MEMINFO = "proc/meminfo"
# The RAM the hypervisor gave the VM, in hot-pluggable blocks (hex size).
MEMORY_DIR = "sys/devices/system/memory"
BLOCK_SIZE_FILE = MEMORY_DIR + "/block_size_bytes"
BLOCK_SIZE_RE = re.compile(r"[0-9a-fA-F]{1,16}", re.ASCII)
MEMORY_BLOCK_RE = re.compile(r"memory[0-9]{1,9}", re.ASCII)
SOURCE_BLOCKS = "memory blocks"
SOURCE_MEMTOTAL = "MemTotal"
# The kernel rounds the hash table up to a whole page of 8-byte bucket
# heads: 4096 / 8 = 512 on x86_64 (nf_ct_alloc_hashtable).
BUCKETS_GRANULE = 512

# Whitelist in the order used for the conf file and the report:
# key -> (minimum, maximum), both inclusive.
ALLOWED_KEYS = (
    (MAX_KEY, 1024, 67108864),
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

# The runtime order: the hash table is resized before the max that fills
# it, and both before anything else.
APPLY_ORDER = [BUCKETS_KEY, MAX_KEY] + [key for key in KEY_ORDER
                                        if key not in (BUCKETS_KEY, MAX_KEY)]

NIC_QUEUES_RANGE = (1, 64)
SAMPLE_SECONDS_RANGE = (0, 10)
DEFAULT_SAMPLE_SECONDS = 1

# Conntrack memory budget (conntrack-budget-vectors.json holds the rule and
# the cases the Java core and this port are both tested against).
MEMORY_FRACTION_RANGE = (0.05, 0.6)
DEFAULT_MEMORY_FRACTION = 0.25
BYTES_PER_ENTRY_RANGE = (64, 4096)
DEFAULT_BYTES_PER_ENTRY = 400
BUCKET_HEAD_BYTES = 8
CONNTRACK_FLOOR = 1024
# "0." and one to six digits: no exponent, sign, "nan" or spaces.
FRACTION_RE = re.compile(r"0\.[0-9]{1,6}", re.ASCII)

# What a 6.1 kernel starts with, for `remove` when nothing was recorded.
# Conntrack max and buckets depend on the memory (kernel_default_buckets).
KERNEL_DEFAULTS = {
    "net.netfilter.nf_conntrack_tcp_timeout_established": 432000,
    "net.netfilter.nf_conntrack_tcp_timeout_time_wait": 120,
    "net.core.netdev_max_backlog": 1000,
    "net.core.netdev_budget": 300,
    "net.ipv4.tcp_fin_timeout": 60,
    "net.ipv4.tcp_window_scaling": 1,
}
# Values read back from a state file must at least look like a sysctl.
RECORDED_RANGE = (0, 2 ** 31 - 1)

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
TUNE_OPTIONS = ("--root", "--conf-dir", "--modprobe-dir", "--udev-dir",
                "--set", "--nic-queues", "--memory-fraction",
                "--bytes-per-entry")
MODE_OPTIONS = {
    "apply": TUNE_OPTIONS,
    "verify": TUNE_OPTIONS,
    "diagnose": ("--root", "--sample-seconds"),
    "remove": ("--root", "--conf-dir", "--modprobe-dir", "--udev-dir"),
}
DIRECTORY_OPTIONS = {"--root": "root", "--conf-dir": "conf_dir",
                     "--modprobe-dir": "modprobe_dir",
                     "--udev-dir": "udev_dir"}


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


def parse_fraction(text, low, high, what):
    """Parse a strict decimal fraction "0.NNN" in [low, high] or raise."""
    if not isinstance(text, str) or not FRACTION_RE.fullmatch(text):
        raise UsageError("%s: %r is not a decimal fraction like 0.25"
                         % (what, text))
    value = float(text)
    if not low <= value <= high:
        raise UsageError("%s: %s is outside %s..%s" % (what, text, low, high))
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
    request = {"mode": mode, "root": "/", "conf_dir": None,
               "modprobe_dir": None, "udev_dir": None, "settings": {},
               "nic_queues": None,
               "sample_seconds": DEFAULT_SAMPLE_SECONDS,
               "memory_fraction": DEFAULT_MEMORY_FRACTION,
               "bytes_per_entry": DEFAULT_BYTES_PER_ENTRY}
    seen = set()
    for option, value in split_options(argv[1:]):
        if option not in MODE_OPTIONS[mode]:
            raise UsageError("unknown option %s for %s" % (option, mode))
        if option != "--set" and option in seen:
            raise UsageError("option %s given twice" % option)
        seen.add(option)
        if option == "--set":
            parse_setting(value, request["settings"])
        elif option in DIRECTORY_OPTIONS:
            request[DIRECTORY_OPTIONS[option]] = validate_directory(value,
                                                                    option)
        elif option == "--memory-fraction":
            request["memory_fraction"] = parse_fraction(
                value, MEMORY_FRACTION_RANGE[0], MEMORY_FRACTION_RANGE[1],
                option)
        elif option == "--bytes-per-entry":
            request["bytes_per_entry"] = parse_decimal(
                value, BYTES_PER_ENTRY_RANGE[0], BYTES_PER_ENTRY_RANGE[1],
                option)
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
    for name, subdir in (("conf_dir", DEFAULT_CONF_SUBDIR),
                         ("modprobe_dir", DEFAULT_MODPROBE_SUBDIR),
                         ("udev_dir", DEFAULT_UDEV_SUBDIR)):
        if request[name] is None:
            request[name] = os.path.join(request["root"], subdir)
    return request


def validate_directory(value, what):
    if not value or "\x00" in value or not os.path.isabs(value):
        raise UsageError("%s must be an absolute path" % what)
    if not os.path.isdir(value):
        raise UsageError("%s %s is not a directory" % (what, value))
    return os.path.normpath(value)


# --------------------------------------------------------------------------
# Persisted files: sysctl.d, modprobe.d, the module-load hook, the record


def sysctl_rel_path(key):
    return os.path.join("proc", "sys", *key.split("."))


def managed_header(*why):
    return ["# Managed by VR Scale (vr_scaling.py %s) for Apache CloudStack."
            % VERSION] + ["# " + line for line in why]


def render_conf(settings):
    """Deterministic content of the sysctl.d file for these settings."""
    lines = managed_header(
        "Rewritten on every apply; delete with 'vr_scaling.py remove'.",
        "Do not edit by hand and do not move these keys to "
        "/etc/sysctl.conf.")
    for key in KEY_ORDER:
        if key in settings:
            lines.append("%s = %d" % (key, settings[key]))
    return "\n".join(lines) + "\n"


def render_modprobe(buckets):
    """modprobe.d: the hash size from the moment nf_conntrack loads."""
    lines = managed_header(
        "Sizes the conntrack hash whenever nf_conntrack loads, before or",
        "after systemd-sysctl. Rewritten on every apply; deleted by remove.")
    lines.append("options nf_conntrack hashsize=%d" % buckets)
    return "\n".join(lines) + "\n"


def render_hook():
    """udev rule: re-apply the net.netfilter keys when nf_conntrack loads.

    systemd-sysctl skips keys that do not exist yet, so a module that the
    firewall loads after it would keep the kernel's defaults. The kernel
    sends the module's "add" uevent after the module's init, when its
    sysctls exist (systemd ships the same kind of rule for the bridge).
    """
    lines = managed_header(
        "systemd-sysctl skips net.netfilter keys while nf_conntrack is not",
        "loaded; this applies them (99-vr-scaling.conf in sysctl.d) when it",
        "loads. Deleted by 'vr_scaling.py remove'.")
    lines.append('ACTION=="add", SUBSYSTEM=="module", KERNEL=="nf_conntrack", '
                 'RUN+="%s --prefix=/net/netfilter"' % SYSTEMD_SYSCTL)
    return "\n".join(lines) + "\n"


def render_original(values):
    return json.dumps({
        "written_by": "vr_scaling.py %s" % VERSION,
        "note": "values before VR Scale (null: not readable then); written "
                "by the first apply only, used and deleted by remove",
        "values": values}, sort_keys=True, indent=1) + "\n"


def setting_lines(content):
    """The lines a file acts on: its header and blank lines do not count."""
    lines = [line.strip() for line in (content or "").splitlines()]
    return [line for line in lines if line and line[0] not in "#;"]


def read_file_or_none(path):
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None


def write_atomically(path, content, mode=0o644):
    """Temp file in the same directory, fsync, rename over the target."""
    directory = os.path.dirname(path)
    fd, tmp_path = tempfile.mkstemp(
        prefix="." + os.path.basename(path) + ".", dir=directory)
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


class FileChanges:
    """Writes and deletes files one by one; undo() puts back what it did."""

    def __init__(self):
        self.done = []  # (path, previous content or None if absent)

    def put(self, path, content):
        """Make path hold content (None: absent). True if it changed."""
        existed = os.path.lexists(path)
        previous = read_file_or_none(path) if existed else None
        if content is None:
            if not existed:
                return False
            os.unlink(path)
            fsync_directory(os.path.dirname(path))
        else:
            if previous == content:
                return False
            os.makedirs(os.path.dirname(path), mode=0o755, exist_ok=True)
            write_atomically(path, content)
        self.done.append((path, previous))
        return True

    def undo(self):
        """Restore every changed file; returns the errors (normally [])."""
        errors = []
        for path, previous in reversed(self.done):
            try:
                if previous is None:
                    if os.path.lexists(path):
                        os.unlink(path)
                        fsync_directory(os.path.dirname(path))
                else:
                    write_atomically(path, previous)
            except OSError as exc:
                errors.append("cannot restore %s: %s"
                              % (path, exc.strerror or exc))
        self.done = []
        return errors


def persisted_paths(request):
    return {"sysctl": os.path.join(request["conf_dir"], CONF_NAME),
            "original": os.path.join(request["conf_dir"], ORIGINAL_NAME),
            "modprobe": os.path.join(request["modprobe_dir"], MODPROBE_NAME),
            "hook": os.path.join(request["udev_dir"], HOOK_NAME)}


def wanted_files(persisted):
    """{name: content or None} of the sysctl, modprobe and hook files."""
    netfilter = any(key.startswith(NETFILTER_PREFIX) for key in persisted)
    return {
        "sysctl": render_conf(persisted),
        "modprobe": (render_modprobe(persisted[BUCKETS_KEY])
                     if BUCKETS_KEY in persisted else None),
        "hook": render_hook() if netfilter else None,
    }


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


def read_original(path):
    """Return ({key: int}, problem): the record of the first apply.

    ({}, None) when there is no record. Only whitelisted keys with an
    integer value survive, whatever else the file holds.
    """
    content = read_file_or_none(path)
    if content is None:
        return {}, None
    try:
        data = json.loads(content)
    except ValueError:
        return {}, "%s is not JSON" % path
    values = data.get("values") if isinstance(data, dict) else None
    if not isinstance(values, dict):
        return {}, "%s has no values" % path
    recorded = {}
    for key in KEY_ORDER:
        value = values.get(key)
        if (isinstance(value, int) and not isinstance(value, bool)
                and RECORDED_RANGE[0] <= value <= RECORDED_RANGE[1]):
            recorded[key] = value
    return recorded, None


# --------------------------------------------------------------------------
# Conntrack memory budget


def round_up(value, granule):
    return -(-value // granule) * granule


def bucket_bytes(buckets):
    return round_up(buckets, BUCKETS_GRANULE) * BUCKET_HEAD_BYTES


def conntrack_budget(memory_bytes, fraction, bytes_per_entry,
                     conntrack_max, buckets):
    """The shared budget rule (conntrack-budget-vectors.json, "rule").

    A full table must fit in floor(memory * fraction) bytes; if it does not,
    the buckets shrink in proportion (whole pages of bucket heads) and the
    max takes what is left. Both never go above the request nor below 1024.
    """
    budget = int(math.floor(memory_bytes * fraction))
    full = conntrack_max * bytes_per_entry + bucket_bytes(buckets)
    fits = full <= budget
    allowed_max, allowed_buckets = conntrack_max, buckets
    if not fits:
        scaled = buckets * budget // full // BUCKETS_GRANULE * BUCKETS_GRANULE
        allowed_buckets = min(buckets, max(CONNTRACK_FLOOR, scaled))
        allowed_max = min(conntrack_max, max(
            CONNTRACK_FLOOR,
            (budget - bucket_bytes(allowed_buckets)) // bytes_per_entry))
    return {"budget_bytes": budget, "full_table_bytes": full, "fits": fits,
            "allowed_max": allowed_max, "allowed_buckets": allowed_buckets}


def read_mem_total_bytes(files):
    kilobytes = (read_key_values(files, MEMINFO, separator=":")
                 or {}).get("MemTotal")
    return kilobytes * 1024 if kilobytes else None


def read_memory_blocks_bytes(files):
    """Return (online memory blocks x block size, None) or (None, why not).

    This is the RAM the hypervisor gave the VM, what the management server
    budgets with; MemTotal is about 11 % lower (the kernel's own code and
    reservations are not in it). Any block whose state cannot be read makes
    the whole answer unusable rather than a guess.
    """
    try:
        text = files.read_text(BLOCK_SIZE_FILE).strip()
    except OSError as exc:
        return None, "cannot read /%s (%s)" % (BLOCK_SIZE_FILE,
                                                exc.strerror or exc)
    if not BLOCK_SIZE_RE.fullmatch(text) or int(text, 16) == 0:
        return None, "/%s holds no block size: %r" % (BLOCK_SIZE_FILE,
                                                       text[:32])
    block_size = int(text, 16)
    try:
        names = files.listdir(MEMORY_DIR)
    except OSError as exc:
        return None, "cannot list /%s (%s)" % (MEMORY_DIR,
                                               exc.strerror or exc)
    online = 0
    for name in names:
        if not MEMORY_BLOCK_RE.fullmatch(name):
            continue
        rel = "%s/%s/online" % (MEMORY_DIR, name)
        try:
            state = files.read_text(rel).strip()
        except OSError as exc:
            return None, "cannot read /%s (%s)" % (rel, exc.strerror or exc)
        if state not in ("0", "1"):
            return None, "/%s holds %r, not 0 or 1" % (rel, state[:32])
        online += state == "1"
    if not online:
        return None, "no online memory blocks in /%s" % MEMORY_DIR
    return online * block_size, None


def router_memory(files):
    """The router's RAM for the budget: (bytes, source, MemTotal bytes,
    why the memory blocks were not used or None).

    The memory blocks when they give a usable total, otherwise MemTotal;
    a block total below MemTotal cannot be right and is not used either.
    Without MemTotal there is no answer at all (bytes and source None).
    """
    mem_total = read_mem_total_bytes(files)
    if mem_total is None:
        return None, None, None, None
    blocks, why = read_memory_blocks_bytes(files)
    if blocks is not None and blocks < mem_total:
        why = ("the memory blocks add up to %d B, below MemTotal %d B"
               % (blocks, mem_total))
        blocks = None
    if blocks is None:
        return mem_total, SOURCE_MEMTOTAL, mem_total, why
    return blocks, SOURCE_BLOCKS, mem_total, None


def mib(value):
    return "%.1f MiB" % (value / 1048576.0)


def plan_budget(files, request):
    """Return (budget report or None, targets, notes).

    targets maps each requested key to the value this run sets: the request,
    or for max and buckets what fits the budget when a full table would not
    (never more than requested). notes holds a message per limited key. The
    check uses the requested max and buckets, or the kernel's value for one
    that is not requested (1024 if the kernel has none yet).
    """
    settings = request["settings"]
    targets = dict(settings)
    if MAX_KEY not in settings and BUCKETS_KEY not in settings:
        return None, targets, {}
    memory, memory_source, mem_total, fallback = router_memory(files)
    report = {"mem_total_bytes": mem_total, "memory_bytes": memory,
              "memory_source": memory_source, "memory_fallback": fallback,
              "memory_fraction": request["memory_fraction"],
              "bytes_per_entry": request["bytes_per_entry"]}
    if memory is None:
        report["error"] = ("cannot read MemTotal from /%s: the conntrack "
                           "memory budget cannot be checked" % MEMINFO)
        return report, targets, {}
    checked = {}
    for key, field_name in ((MAX_KEY, "max"), (BUCKETS_KEY, "buckets")):
        value, source = settings.get(key), "requested"
        if value is None:
            read_rel, _, _ = locate(files, key)
            value = read_int_or_none(files, read_rel) if read_rel else None
            source = "kernel" if value is not None else "floor"
            value = CONNTRACK_FLOOR if value is None else value
        checked[key] = value
        report["checked_" + field_name] = value
        report["checked_%s_from" % field_name] = source
    result = conntrack_budget(memory, request["memory_fraction"],
                              request["bytes_per_entry"], checked[MAX_KEY],
                              checked[BUCKETS_KEY])
    report.update(result)
    notes = {}
    for key, allowed in ((MAX_KEY, result["allowed_max"]),
                         (BUCKETS_KEY, result["allowed_buckets"])):
        if key in settings and allowed < settings[key]:
            targets[key] = allowed
            notes[key] = (
                "limited to %d (requested %d): a full table (max %d x %d B "
                "+ %d buckets x %d B) needs %s, the conntrack budget is %s "
                "(%s of the router's %s, from %s)" % (
                    allowed, settings[key], checked[MAX_KEY],
                    request["bytes_per_entry"], checked[BUCKETS_KEY],
                    BUCKET_HEAD_BYTES, mib(result["full_table_bytes"]),
                    mib(result["budget_bytes"]), request["memory_fraction"],
                    mib(memory), memory_source))
    return report, targets, notes


def kernel_default_buckets(memory_bytes):
    """nf_conntrack's own hash size on 6.1 (nf_conntrack_init_start):
    total RAM / 16 KiB / 8 B, 65536 above 1 GiB, 262144 above 4 GiB, at
    least 1024, rounded up to whole pages; max starts equal to it."""
    if memory_bytes > 4 * 1024 ** 3:
        size = 262144
    elif memory_bytes > 1024 ** 3:
        size = 65536
    else:
        size = memory_bytes // 16384 // BUCKET_HEAD_BYTES
    return round_up(max(CONNTRACK_FLOOR, size), BUCKETS_GRANULE)


def kernel_default(files, key):
    if key in KERNEL_DEFAULTS:
        return KERNEL_DEFAULTS[key]
    # The kernel sizes its default from totalram_pages(), i.e. MemTotal,
    # not from the memory blocks the budget uses.
    memory = read_mem_total_bytes(files)
    return kernel_default_buckets(memory) if memory else None


# --------------------------------------------------------------------------
# Runtime sysctls


PENDING_NOTE = ("nf_conntrack is not loaded: the value is persisted and the "
                "module-load hook applies it when the module loads")
# Statuses whose value goes into the persisted files.
PERSISTED_STATUSES = ("applied", "unchanged", "limited", "pending")


def read_int_or_none(files, rel):
    try:
        return files.read_int(rel)
    except (OSError, ValueError, IndexError):
        return None


def absent_status(files, key):
    """A missing key is pending while nf_conntrack is not loaded."""
    if key.startswith(NETFILTER_PREFIX) and not files.exists(CONNTRACK_MODULE):
        return "pending"
    return "unsupported"


def locate(files, key):
    """Return (read_rel, write_rel, state) for one key.

    state is None when the key can be written, else "read-only", "pending"
    or "unsupported" (then read_rel is None). Buckets are written through
    the hashsize parameter, which is global even inside a network
    namespace: a read-only buckets sysctl (non-initial netns) leaves it
    alone.
    """
    rel = sysctl_rel_path(key)
    if key != BUCKETS_KEY:
        if not files.exists(rel):
            return None, None, absent_status(files, key)
        if files.is_read_only(rel):
            return rel, None, "read-only"
        return rel, rel, None
    has_sysctl = files.exists(rel)
    has_param = files.exists(HASHSIZE_PARAM)
    if not has_sysctl and not has_param:
        return None, None, absent_status(files, key)
    read_rel = rel if has_sysctl else HASHSIZE_PARAM
    if has_sysctl and files.is_read_only(rel):
        return read_rel, None, "read-only"
    if has_param and not files.is_read_only(HASHSIZE_PARAM):
        return read_rel, HASHSIZE_PARAM, None
    if has_sysctl:
        return read_rel, rel, None
    return read_rel, None, "read-only"


def accepted_values(key, target):
    # The kernel rounds the hash table up to whole pages of bucket heads.
    if key == BUCKETS_KEY:
        return (target, round_up(target, BUCKETS_GRANULE))
    return (target,)


def new_key_entry(key, requested, target, value_field):
    entry = {"key": key, "requested": requested, value_field: None}
    if target != requested:
        entry["allowed"] = target
    if key == BUCKETS_KEY:
        entry["expected"] = round_up(target, BUCKETS_GRANULE)
    return entry


def mark_read_only(entry):
    entry["status"] = "read-only"
    entry["note"] = ("the kernel exposes this key read-only here (a global "
                     "key seen from a non-initial network namespace)")
    return entry


def mark_absent(entry, state, limit_note):
    entry["status"] = state
    if state == "pending":
        entry["note"] = PENDING_NOTE + (
            "; " + limit_note if limit_note else "")
    return entry


def mark_in_force(entry, limit_note, status):
    """A value in force is "limited" when the budget cut it down."""
    if limit_note:
        entry["status"] = "limited"
        entry["note"] = limit_note
    else:
        entry["status"] = status
    return entry


def write_and_read_back(files, entry, value, write_rel, read_rel, accepted):
    """Write value to write_rel; set status from what read_rel says."""
    entry["_written"] = False
    try:
        files.write_value(write_rel, value)
    except OSError as exc:
        if exc.errno in READ_ONLY_ERRNOS:
            entry["status"] = "read-only"
        else:
            entry["status"] = "failed"
        entry["error"] = "write /%s: %s" % (write_rel, exc.strerror or exc)
        return entry
    entry["_written"] = True
    entry["after"] = read_int_or_none(files, read_rel)
    if entry["after"] in accepted:
        entry["status"] = "applied"
    else:
        entry["status"] = "failed"
        entry["error"] = "read back %s after writing %d" % (
            entry["after"], value)
    return entry


def apply_key(files, key, requested, target, limit_note):
    """Set one key to target (the request, or what the budget allows)."""
    entry = new_key_entry(key, requested, target, "after")
    entry["before"] = None
    read_rel, write_rel, state = locate(files, key)
    entry["_persist"] = state not in ("read-only", "unsupported")
    if read_rel is None:
        return mark_absent(entry, state, limit_note)
    entry["_read_rel"] = read_rel
    entry["before"] = entry["after"] = read_int_or_none(files, read_rel)
    accepted = accepted_values(key, target)
    if entry["before"] in accepted:
        return mark_in_force(entry, limit_note, "unchanged")
    if write_rel is None:
        return mark_read_only(entry)
    if key == BUCKETS_KEY:
        entry["written_to"] = "/" + write_rel
    entry["_write_rel"] = write_rel
    write_and_read_back(files, entry, target, write_rel, read_rel, accepted)
    if entry["status"] == "applied":
        mark_in_force(entry, limit_note, "applied")
    return entry


def not_attempted_key(files, key, requested, target, cause):
    """A key after a failure: not written; unchanged if already in force."""
    entry = new_key_entry(key, requested, target, "after")
    read_rel, _, _ = locate(files, key)
    entry["before"] = entry["after"] = (
        read_int_or_none(files, read_rel) if read_rel else None)
    if entry["before"] in accepted_values(key, target):
        entry["status"] = "unchanged"
    else:
        entry["status"] = "failed"
        entry["error"] = "not attempted: %s" % cause
    return entry


def verify_key(files, key, requested, target, limit_note):
    entry = new_key_entry(key, requested, target, "current")
    read_rel, _, state = locate(files, key)
    entry["_persist"] = state not in ("read-only", "unsupported")
    if read_rel is None:
        return mark_absent(entry, state, limit_note)
    entry["current"] = read_int_or_none(files, read_rel)
    if entry["current"] is None:
        entry["status"] = "error"
        entry["error"] = "cannot read /%s" % read_rel
    elif entry["current"] in accepted_values(key, target):
        mark_in_force(entry, limit_note, "match")
    else:
        entry["status"] = "drift"
        if limit_note:
            entry["note"] = limit_note
    return entry


def read_current_values(files):
    """Every whitelisted key as the kernel has it now (None if absent)."""
    values = {}
    for key in KEY_ORDER:
        read_rel, _, _ = locate(files, key)
        values[key] = read_int_or_none(files, read_rel) if read_rel else None
    return values


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
    entry["_written"] = rc == 0
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
        for name in [name for name in entry if name.startswith("_")]:
            del entry[name]
    return entries


def not_attempted_nic(files, nic, requested, cause):
    return {"name": nic, "driver": nic_driver(files, nic),
            "requested": requested, "max_combined": None, "before": None,
            "target": None, "after": None, "status": "failed",
            "error": "not attempted: %s" % cause}


def roll_back(files, runner, journal, cause):
    """Undo this run's runtime writes, newest first; returns the errors."""
    errors = []
    for kind, entry, where, previous in reversed(journal):
        entry["rolled_back"] = False
        label = entry.get("key") or entry.get("name")
        if previous is None:
            errors.append("%s: no previous value to restore" % label)
            continue
        if kind == "key":
            try:
                files.write_value(where, previous)
            except OSError as exc:
                errors.append("%s: restore %d: %s"
                              % (label, previous, exc.strerror or exc))
                continue
            entry["after"] = read_int_or_none(files, entry["_read_rel"])
        else:
            rc, out, err = runner.run(
                ["ethtool", "-L", where, "combined", str(previous)],
                ETHTOOL_TIMEOUT)
            if rc != 0:
                errors.append("%s: restore %d queues: %s" % (
                    label, previous, (err or out).strip() or rc))
                continue
            _, entry["after"], _, _ = read_channels(runner, where)
        entry["rolled_back"] = True
        entry["status"] = "failed"
        entry.setdefault("error", "rolled back to %d: %s" % (previous,
                                                             cause))
    return errors


def original_record(files, request):
    """What the first apply records: the kernel's values now, except keys
    that an earlier VR Scale without a record already persisted (those
    values are VR Scale's own, so remove falls back to kernel defaults)."""
    values = read_current_values(files)
    earlier = read_file_or_none(os.path.join(request["conf_dir"], CONF_NAME))
    for key in parse_conf(earlier or ""):
        if key in values:
            values[key] = None
    return render_original(values)


def persist(request, keys, targets, record, file_report):
    """Write the record (first apply only: record is None otherwise),
    sysctl.d, modprobe.d and the hook. On a failure, put back every file
    already changed and return the error (plus any restore errors);
    otherwise (None, [])."""
    persisted = {entry["key"]: targets[entry["key"]] for entry in keys
                 if entry.get("_persist")
                 and entry["status"] in PERSISTED_STATUSES}
    paths = persisted_paths(request)
    plan = []
    if record is not None and not os.path.lexists(paths["original"]):
        plan.append(("original", record))
    plan += sorted(wanted_files(persisted).items(),
                   key=lambda item: ("sysctl", "modprobe", "hook").index(
                       item[0]))
    changes = FileChanges()
    for name, content in plan:
        path = paths[name]
        try:
            changed = changes.put(path, content)
        except OSError as exc:
            error = "cannot write %s: %s" % (path, exc.strerror or exc)
            return error, changes.undo()
        if name == "sysctl":
            file_report["changed"] = changed
        elif name == "original":
            file_report["original"] = {"path": path, "created": True}
        else:
            file_report[name] = {"path": path, "present": content is not None,
                                 "changed": changed}
    return None, []


def run_apply(request, files, runner):
    settings = request["settings"]
    budget, targets, notes = plan_budget(files, request)
    record = None
    if not os.path.lexists(persisted_paths(request)["original"]):
        # Read before anything is written: what the router had before.
        record = original_record(files, request)
    journal = []  # (kind, entry, where, previous) of every runtime write
    entries = {}
    failure = None
    if budget and "error" in budget:
        failure = budget["error"]
        for key in (MAX_KEY, BUCKETS_KEY):
            if key in settings:
                entries[key] = new_key_entry(key, settings[key],
                                             settings[key], "after")
                entries[key].update(before=None, status="failed",
                                    error=failure)
    for key in APPLY_ORDER:
        if key not in settings or key in entries:
            continue
        if failure:
            entries[key] = not_attempted_key(files, key, settings[key],
                                             targets[key], failure)
            continue
        entry = apply_key(files, key, settings[key], targets[key],
                          notes.get(key))
        entries[key] = entry
        if entry.get("_written"):
            journal.append(("key", entry, entry["_write_rel"],
                            entry["before"]))
        if entry["status"] == "failed":
            failure = "%s failed" % key
    nics = []
    if request["nic_queues"] is not None:
        for nic in list_virtio_nics(files):
            if failure:
                nics.append(not_attempted_nic(files, nic,
                                              request["nic_queues"], failure))
                continue
            entry = apply_nic(runner, files, nic, request["nic_queues"])
            nics.append(entry)
            if entry.get("_written"):
                journal.append(("nic", entry, nic, entry["before"]))
            if entry["status"] == "failed":
                failure = "NIC %s failed" % nic
    keys = [entries[key] for key in KEY_ORDER if key in entries]
    file_report = {"path": persisted_paths(request)["sysctl"],
                   "changed": False}
    undo_errors = []
    if failure is None:
        failure, undo_errors = persist(request, keys, targets, record,
                                       file_report)
        if failure:
            file_report["error"] = failure
    report = {"ok": failure is None, "mode": "apply", "version": VERSION,
              "changed": False, "file": file_report, "budget": budget,
              "keys": keys, "nics": nics}
    if failure is None:
        report["changed"] = (
            any(part.get("changed") for part in file_report.values()
                if isinstance(part, dict))
            or file_report["changed"] or "original" in file_report
            or any(entry.get("_written") for entry in keys + nics))
    else:
        # All or nothing: put back every value this run wrote.
        errors = undo_errors + roll_back(files, runner, journal, failure)
        report["rolled_back"] = not errors
        report["changed"] = bool(errors)
        if errors:
            report["rollback_errors"] = errors
    report["limited"] = any(entry["status"] == "limited" for entry in keys)
    report["pending"] = any(entry["status"] == "pending" for entry in keys)
    strip_internal(keys)
    strip_internal(nics)
    return report


def check_file(path, wanted, compare):
    """{path, exists, expected, matches} of one persisted file."""
    content = read_file_or_none(path)
    exists = content is not None
    if wanted is None:
        matches = not os.path.lexists(path)
    else:
        matches = exists and compare(content) == compare(wanted)
    return {"path": path, "exists": exists, "expected": wanted is not None,
            "matches": matches}


def run_verify(request, files, runner):
    settings = request["settings"]
    budget, targets, notes = plan_budget(files, request)
    keys = []
    for key in KEY_ORDER:
        if key not in settings:
            continue
        if budget and "error" in budget and key in (MAX_KEY, BUCKETS_KEY):
            entry = new_key_entry(key, settings[key], settings[key],
                                  "current")
            entry.update(status="error", error=budget["error"],
                         _persist=True)
        else:
            entry = verify_key(files, key, settings[key], targets[key],
                               notes.get(key))
        keys.append(entry)
    paths = persisted_paths(request)
    # A key the kernel does not take here (read-only, unsupported) may be
    # in the file or not, as the kernel had it when apply ran.
    on_file = parse_conf(read_file_or_none(paths["sysctl"]) or "")
    persisted = {entry["key"]: targets[entry["key"]] for entry in keys
                 if entry.get("_persist") or entry["key"] in on_file}
    wanted = wanted_files(persisted)
    # Compare settings, not bytes: a header from another script version
    # still persists the same values.
    file_report = check_file(paths["sysctl"], wanted["sysctl"], parse_conf)
    del file_report["expected"]
    file_report["modprobe"] = check_file(paths["modprobe"],
                                         wanted["modprobe"], setting_lines)
    file_report["hook"] = check_file(paths["hook"], wanted["hook"],
                                     setting_lines)
    file_report["matches"] = (file_report["matches"]
                              and file_report["modprobe"]["matches"]
                              and file_report["hook"]["matches"])
    nics = []
    if request["nic_queues"] is not None:
        nics = [verify_nic(runner, files, nic, request["nic_queues"])
                for nic in list_virtio_nics(files)]
    bad = ("drift", "error", "pending")
    ok = (file_report["matches"]
          and all(entry["status"] not in bad for entry in keys + nics))
    return {"ok": ok, "mode": "verify", "version": VERSION,
            "file": file_report, "budget": budget,
            "keys": strip_internal(keys), "nics": nics,
            "limited": any(e["status"] == "limited" for e in keys),
            "pending": any(e["status"] == "pending" for e in keys)}


def restore_key(files, key, target, source):
    """remove: put one key back to what it was before VR Scale."""
    entry = {"key": key, "target": target, "source": source, "before": None,
             "after": None}
    read_rel, write_rel, state = locate(files, key)
    if read_rel is None:
        entry["status"] = "absent"
        return entry
    entry["before"] = entry["after"] = read_int_or_none(files, read_rel)
    accepted = accepted_values(key, target)
    if entry["before"] in accepted:
        entry["status"] = "unchanged"
        return entry
    if write_rel is None:
        return mark_read_only(entry)
    write_and_read_back(files, entry, target, write_rel, read_rel, accepted)
    if entry["status"] == "applied":
        entry["status"] = "restored"
    return entry


def run_remove(request, files):
    paths = persisted_paths(request)
    content = read_file_or_none(paths["sysctl"])
    conf_keys = [key for key in parse_conf(content or "") if key in KEY_RANGES]
    recorded, problem = read_original(paths["original"])
    report = {"ok": True, "mode": "remove", "version": VERSION,
              "changed": False,
              "file": {"path": paths["sysctl"],
                       "existed": os.path.lexists(paths["sysctl"]),
                       "removed": False},
              "removed_keys": parse_conf(content or ""),
              "restored": [], "removed_files": [],
              "note": "runtime values were put back to what the router had "
                      "before VR Scale (recorded by the first apply), or to "
                      "the kernel's defaults where nothing was recorded"}
    if problem:
        report["original_problem"] = problem
    # Recorded keys go back to their record; keys VR Scale persisted with
    # nothing recorded go back to the kernel's defaults.
    for key in APPLY_ORDER:
        if key in recorded:
            target, source = recorded[key], "recorded"
        elif key in conf_keys:
            target, source = kernel_default(files, key), "kernel-default"
        else:
            continue
        if target is None:
            report["restored"].append({"key": key, "status": "failed",
                                       "error": "no value to restore (cannot "
                                                "read MemTotal)"})
            continue
        entry = restore_key(files, key, target, source)
        report["restored"].append(strip_internal([entry])[0])
    failed = [e["key"] for e in report["restored"] if e["status"] == "failed"]
    errors = []
    # The record goes last, and only once every value is back.
    names = ["sysctl", "modprobe", "hook"] + ([] if failed else ["original"])
    for name in names:
        path = paths[name]
        if not os.path.lexists(path):
            continue
        try:
            os.unlink(path)
        except OSError as exc:
            errors.append("cannot remove %s: %s" % (path, exc.strerror or exc))
            continue
        fsync_directory(os.path.dirname(path))
        report["removed_files"].append(path)
    report["file"]["removed"] = paths["sysctl"] in report["removed_files"]
    report["changed"] = bool(report["removed_files"]) or any(
        e["status"] == "restored" for e in report["restored"])
    if failed or errors:
        report["ok"] = False
        report["error"] = "; ".join(
            errors + ["cannot restore %s" % key for key in failed])
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
            report = run_remove(request, files)
    except Exception as exc:  # report, never leave the caller without JSON
        emit({"ok": False, "mode": request["mode"], "version": VERSION,
              "error": "internal error: %s: %s"
              % (type(exc).__name__, exc)}, out)
        return EXIT_INTERNAL
    emit(report, out)
    return exit_code_for(report)


if __name__ == "__main__":
    sys.exit(main())
