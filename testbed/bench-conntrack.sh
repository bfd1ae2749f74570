#!/usr/bin/env bash
# Conntrack benchmark (prints numbers; not a CI gate). In one testbed VM (Debian 12, kernel 6.1, 512 MiB, 2 vCPUs,
# TCG) it fills the conntrack table with N new UDP flows per setting and reports what the table held, the insert
# rate, conntrack slab memory, drops and insert failures, and the guest's memory. Settings, one VM reboot apart:
#   stock     CloudStack's stock VR: nf_conntrack_max 1,000,000 (stock /etc/sysctl.conf), kernel-default buckets
#   vrscale   the VR Scale profile for 512 MiB / 2 vCPUs, applied with the real vr_scaling.py
#   stock-mem memory probe: stock max 1,000,000 with 1,000,448 buckets, so chain limits cannot stop the fill and
#             the question "does 1,000,000 fit in 512 MiB?" is answered by memory alone
# Flows: a guest process sends one UDP datagram to each of N distinct destinations routed to a dummy interface;
# an iptables conntrack rule makes the kernel track them; the UDP timeout is raised to 3600 s for every setting
# alike, so nothing expires during the fill. The fill stops early when MemAvailable drops below the guard, before
# the guest would run out of memory (the testbed VM has no vm.panic_on_oom). TCG timing is emulated: compare
# the ratios between settings of one run, not absolute rates with real hardware.
# Usage: testbed/bench-conntrack.sh [N]   (default 1000000)   Env: BENCH_GUARD_MIB (64), BENCH_SETTINGS,
#        BENCH_FILL_SECONDS (600: a fill stops at the first progress line after this),
#        BENCH_MAX / BENCH_BUCKETS (the profile's values: vrscale plan --memory 512 --cpus 2), BENCH_CSV (file)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=testbed/common.sh
. "$here/common.sh"
n="${1:-1000000}"
guard_mib="${BENCH_GUARD_MIB:-64}"
fill_seconds="${BENCH_FILL_SECONDS:-600}"
settings="${BENCH_SETTINGS:-stock vrscale stock-mem}"
profile_max="${BENCH_MAX:-328704}"
profile_buckets="${BENCH_BUCKETS:-328704}"
csv="${BENCH_CSV:-$VRTB_RUN_DIR/bench-conntrack.csv}"
[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer"

"$here/build-image.sh"
trap '"$here/stop-vm.sh" >/dev/null 2>&1 || true' EXIT
trap 'exit 130' INT TERM
"$here/start-vm.sh" >/dev/null
trap 'serial_tail; "$here/stop-vm.sh" >/dev/null 2>&1 || true' ERR
vscp() { local o; mapfile -t o < <(ssh_opts); o[0]=-P; timeout 60 scp -q "${o[@]}" "$1" "root@127.0.0.1:$2"; }
vscp "$here/../systemvm/vr_scaling.py" /root/vr_scaling.py

reboot_vm() {
    local old new
    old="$(vssh cat /proc/sys/kernel/random/boot_id)"
    vssh "nohup sh -c 'sleep 1; systemctl reboot' >/dev/null 2>&1 &"
    for _ in $(seq 1 150); do
        sleep 2
        new="$(VRTB_SSH_TIMEOUT=15 vssh cat /proc/sys/kernel/random/boot_id 2>/dev/null || true)"
        if [ -n "$new" ] && [ "$new" != "$old" ]; then return 0; fi
    done
    serial_tail; die "the VM did not come back after a reboot"
}

# The guest side: set up the flow sink, fill, measure; one JSON line.
read -r -d '' fill_py <<'PY' || true
import json, socket, subprocess, sys, time
n, guard_kb, limit = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
def meminfo(key):
    with open('/proc/meminfo') as f:
        for line in f:
            if line.startswith(key + ':'):
                return int(line.split()[1])
def read(path):
    with open(path) as f:
        return f.read().strip()
def stats():
    rows = read('/proc/net/stat/nf_conntrack').splitlines()
    names = rows[0].split()
    total = dict.fromkeys(names, 0)
    for row in rows[1:]:
        for name, value in zip(names, row.split()):
            total[name] += int(value, 16)
    return total
def slab():
    for line in read('/proc/slabinfo').splitlines():
        f = line.split()
        if f[0] == 'nf_conntrack':
            return {'objs': int(f[1]), 'objsize': int(f[3]), 'bytes': int(f[14]) * int(f[5]) * 4096}
    return {'objs': 0, 'objsize': 0, 'bytes': 0}
def oom_kills():
    for line in read('/proc/vmstat').splitlines():
        if line.startswith('oom_kill '):
            return int(line.split()[1])
for cmd in ('modprobe dummy', 'ip link add vrtb-sink type dummy', 'ip addr add 10.127.0.1/32 dev vrtb-sink',
            'ip link set vrtb-sink up', 'ip route add 10.128.0.0/9 dev vrtb-sink',
            'iptables -A OUTPUT -d 10.128.0.0/9 -m conntrack --ctstate NEW -j ACCEPT',
            'sysctl -qw net.netfilter.nf_conntrack_udp_timeout=3600'):
    subprocess.run(cmd.split(), check=True, timeout=60)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('10.127.0.1', 5000))
before, avail0, oom0, kslab0 = stats(), meminfo('MemAvailable'), oom_kills(), meminfo('Slab')
slab0 = slab()
sent = refused = 0
stop = 'done'
minavail = avail0
chunk = max(1, n // 20)
t0 = tlast = time.monotonic()
sent_at_last = 0
last_rate = None
for i in range(n):
    d = i // 60000
    try:
        s.sendto(b'x', ('10.%d.%d.%d' % (128 + (d >> 16), (d >> 8) & 255, d & 255), 1024 + i % 60000))
        sent += 1
    except OSError:
        refused += 1   # EPERM: conntrack dropped the new flow's packet
    if i % 5000 == 4999:
        a = meminfo('MemAvailable')
        minavail = min(minavail, a)
        if a < guard_kb:
            stop = 'memory guard'
            break
    if i % chunk == chunk - 1:
        now = time.monotonic()
        last_rate = (sent - sent_at_last) / (now - tlast)
        print('  %7d attempted, %7d held, last %d attempts: %6.0f/s, %6.0f inserted/s; MemAvailable %d MiB'
              % (i + 1, int(read('/proc/sys/net/netfilter/nf_conntrack_count')), chunk, chunk / (now - tlast),
                 last_rate, meminfo('MemAvailable') // 1024), file=sys.stderr, flush=True)
        tlast, sent_at_last = now, sent
        if now - t0 > limit:
            stop = 'time limit'
            break
secs = time.monotonic() - t0
after = stats()
# Can a new connection still get in? 20 fresh TCP connections to the guest's own sshd over loopback (tracked too).
probes_ok = 0
for _ in range(20):
    try:
        socket.create_connection(('127.0.0.1', 3922), timeout=1.5).close()
        probes_ok += 1
    except OSError:
        pass
print(json.dumps({
    'max': int(read('/proc/sys/net/netfilter/nf_conntrack_max')),
    'buckets': int(read('/proc/sys/net/netfilter/nf_conntrack_buckets')),
    'attempts': sent + refused, 'sent': sent, 'refused': refused, 'secs': secs, 'stop': stop,
    'held': int(read('/proc/sys/net/netfilter/nf_conntrack_count')),
    'last_chunk_rate': last_rate,
    'stats': {k: after[k] - before[k] for k in after if k != 'entries'},
    'slab': slab(), 'slab_before': slab0,
    'mem_total_kb': meminfo('MemTotal'), 'avail_before_kb': avail0, 'avail_min_kb': minavail,
    'avail_after_kb': meminfo('MemAvailable'), 'oom_kills': oom_kills() - oom0,
    'kernel_slab_growth_kb': meminfo('Slab') - kslab0, 'new_tcp_ok': probes_ok}))
sys.stdout.flush()
# Let new connections in again (the next step needs SSH): drop the tracking rule, then empty the table.
subprocess.run(['iptables', '-D', 'OUTPUT', '-d', '10.128.0.0/9', '-m', 'conntrack', '--ctstate', 'NEW', '-j',
                'ACCEPT'], timeout=60)
subprocess.run(['conntrack', '-F'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
PY

results=()
first=1
for setting in $settings; do
    [ "$first" = 1 ] || reboot_vm
    first=0
    case "$setting" in
        stock) ;;   # as booted: stock sysctl.conf max, kernel-default buckets
        vrscale) vssh python3 /root/vr_scaling.py apply --set "net.netfilter.nf_conntrack_max=$profile_max" \
                     --set "net.netfilter.nf_conntrack_buckets=$profile_buckets" >/dev/null ;;
        stock-mem) vssh 'echo 1000448 > /sys/module/nf_conntrack/parameters/hashsize' ;;
        *) die "unknown setting $setting" ;;
    esac
    echo "bench-conntrack: $setting: filling with $n flows ..." >&2
    json="$(printf '%s\n' "$fill_py" >"$VRTB_RUN_DIR/fill.py"; VRTB_SSH_TIMEOUT=3600 vssh "cat > /root/fill.py && python3 /root/fill.py $n $((guard_mib * 1024)) $fill_seconds" <"$VRTB_RUN_DIR/fill.py")"
    results+=("$setting=$json")
done

python3 - "$csv" "$n" "$guard_mib" "${results[@]}" <<'PY'
import csv, json, sys
path, n, guard = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
runs = [(a.split('=', 1)[0], json.loads(a.split('=', 1)[1])) for a in sys.argv[4:]]
MiB = 1024 * 1024
def row(r):
    st = r['stats']
    return {
        'nf_conntrack_max': r['max'], 'buckets': r['buckets'], 'flows attempted': r['attempts'],
        'entries held': r['held'], 'held / max %': round(100.0 * r['held'] / r['max'], 1),
        'avg chain at end': round(r['held'] / r['buckets'], 1),
        'fill seconds': round(r['secs']),
        'attempts /s (whole fill)': round(r['attempts'] / r['secs']),
        'insert rate /s (whole fill)': round(r['sent'] / r['secs']),
        'insert rate /s (last 5%)': round(r['last_chunk_rate']) if r['last_chunk_rate'] else '',
        'new flows refused (EPERM)': r['refused'],
        'insert_failed': st.get('insert_failed', 0), 'drop': st.get('drop', 0),
        'early_drop': st.get('early_drop', 0), 'chain too long': st.get('chainlength', 0),
        'conntrack slab MiB': round(r['slab']['bytes'] / MiB, 1),
        'nf_conntrack slab bytes / entry': round(r['slab']['bytes'] / r['held']) if r['held'] else '',
        'all slab growth MiB': round(r['kernel_slab_growth_kb'] / 1024, 1),
        'all slab growth bytes / entry': round(r['kernel_slab_growth_kb'] * 1024 / r['held']) if r['held'] else '',
        'hash table MiB': round(r['buckets'] * 8 / MiB, 2),
        'MemAvailable before MiB': round(r['avail_before_kb'] / 1024),
        'MemAvailable min MiB': round(r['avail_min_kb'] / 1024),
        'stopped by': r['stop'], 'OOM kills': r['oom_kills'],
        'new TCP connects that got in (of 20)': r['new_tcp_ok'],
        'projected slab MiB at max': round(r['max'] * r['kernel_slab_growth_kb'] * 1024 / r['held'] / MiB)
                                     if r['held'] else '',
    }
rows = [(name, row(r)) for name, r in runs]
keys = list(rows[0][1])
names = [name for name, _ in rows]
width = max(len(k) for k in keys) + 2
print('\nconntrack fill, N = %d flows per setting, memory guard %d MiB (TCG: compare ratios within this run)\n' % (n, guard))
print(''.join(['%-*s' % (width, 'metric')] + ['%16s' % nm for nm in names]))
for k in keys:
    print(''.join(['%-*s' % (width, k)] + ['%16s' % r[k] for _, r in rows]))
base = dict(rows).get('stock')
prof = dict(rows).get('vrscale')
if base and prof:
    print('\nratios vrscale / stock: entries held %.2f, insert rate %.2f (whole fill), %s (last 5%%), refused flows %s'
          % (prof['entries held'] / base['entries held'],
             prof['insert rate /s (whole fill)'] / base['insert rate /s (whole fill)'],
             ('%.2f' % (prof['insert rate /s (last 5%)'] / base['insert rate /s (last 5%)']))
             if prof['insert rate /s (last 5%)'] and base['insert rate /s (last 5%)'] else 'n/a',
             '%d vs %d' % (prof['new flows refused (EPERM)'], base['new flows refused (EPERM)'])))
with open(path, 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['setting'] + keys)
    for name, r in rows:
        w.writerow([name] + [r[k] for k in keys])
print('\nCSV (%s):' % path)
print(open(path).read(), end='')
PY
