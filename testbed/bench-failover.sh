#!/usr/bin/env bash
# Forwarding loss of a redundant (VRRP) router pair while it is rescaled: VR Scale's rolling plan against CloudStack's
# restartNetwork cleanup=true, on real keepalived (and conntrackd) in QEMU VMs. A benchmark run by hand, not a gate.
#
#   sudo testbed/bench-failover.sh [--conntrackd off|on|both] [--resync] [--tune-in-place]
#
# Per conntrackd setting, one run: boot a pair (r1, r2: 1 vCPU, 512 MiB), then
#   vrscale   what PlanExecutor does: the BACKUP first, then the PRIMARY; each: graceful stop (stopRouter forced=false),
#             restart with 2 vCPUs / 1024 MiB, wait for SSH (Running), poll checkrouter.sh every 5 s until it says
#             BACKUP or PRIMARY (WAIT_REDUNDANT_ROLE), push the tuning (vr_scaling.py apply), verify.
#             --resync adds, after the role wait, `conntrackd -n` on the restarted router (a proposed change).
#   cloudstack what NetworkOrchestrator.rollingRestartRouters does for a redundant network: destroy the BACKUP
#             (graceful), deploy a new router (r3) and wait until Running, sleep RVRHandoverTime (10 s), stop the old
#             PRIMARY forced (QEMU killed, like virsh destroy) and destroy it, deploy another new router (r4).
#             New routers get the target size (the offering was changed before the restart).
#   tune-in-place (only with --tune-in-place, run first): the plan's step for routers already at the target size:
#             PUSH_TUNING + VERIFY on the running routers, PRIMARY included, with no restart (profile of 1 vCPU /
#             512 MiB), after 100,000 conntrack entries were created on the PRIMARY so the buckets change rehashes.
# Throughout, a UDP probe (one datagram every 10 ms) crosses the VIP from a client to a server, and 8 long-lived TCP
# flows per sequence stay open (4 driven by the client, 4 by the server). Prints one table per run.
#
# Topology (all inside namespaces made here and always removed, also on failure):
#   [ns vrfo-cl] 10.1.1.100 --veth-- brg (guest segment, VIP 10.1.1.1) --tap-- eth1 of each router
#   [ns vrfo-sv] 192.0.2.1  --veth-- brp (public segment)  --tap-- eth2 of each router (192.0.2.10, same MAC;
#                                                                  up only on the PRIMARY)
#   bridges, taps and the control NICs (eth0, 169.254.1N.2/24 for router rN) live in ns vrfo (the hub).
# Env: VRFO_NS (hub namespace, default vrfo), VRFO_RUN_DIR (default testbed/target/run-failover),
#      VRFO_BOOT_TIMEOUT (s, default 600), VRFO_SETTLE (s after the last step before TCP flows are judged, default
#      20), VRTB_IMAGE_DIR (default testbed/target/image-vrrp). Takes /tmp/vrs-testbed.lock and waits until no other
#      qemu-system-x86_64 runs before booting. Logs of each run: testbed/target/failover-logs/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
export VRTB_IMAGE_DIR="${VRTB_IMAGE_DIR:-$here/target/image-vrrp}"
HUB="${VRFO_NS:-vrfo}"
CL="$HUB-cl"
SV="$HUB-sv"
RUN="${VRFO_RUN_DIR:-$here/target/run-failover}"
BOOT_TIMEOUT="${VRFO_BOOT_TIMEOUT:-600}"
KEY="$VRTB_IMAGE_DIR/id_ed25519"
PROBE="$here/vrrp/probe.py"
SMALL_CPUS=1 SMALL_MEM=512 BIG_CPUS=2 BIG_MEM=1024
# The VR Scale profile for 2 vCPUs / 1024 MiB (./vrscale plan --memory 1024 --cpus 2).
TUNING=(--set net.netfilter.nf_conntrack_max=657920 --set net.netfilter.nf_conntrack_buckets=657920
        --set net.netfilter.nf_conntrack_tcp_timeout_established=7440
        --set net.netfilter.nf_conntrack_tcp_timeout_time_wait=60 --set net.core.netdev_max_backlog=4096
        --set net.core.netdev_budget=600 --set net.ipv4.tcp_fin_timeout=30 --set net.ipv4.tcp_window_scaling=1
        --nic-queues 2)
# The profile for 1 vCPU / 512 MiB (./vrscale plan --memory 512 --cpus 1): the size the pair boots with.
TUNING_SMALL=(--set net.netfilter.nf_conntrack_max=328704 --set net.netfilter.nf_conntrack_buckets=328704
        --set net.netfilter.nf_conntrack_tcp_timeout_established=7440
        --set net.netfilter.nf_conntrack_tcp_timeout_time_wait=60 --set net.core.netdev_max_backlog=4096
        --set net.core.netdev_budget=300 --set net.ipv4.tcp_fin_timeout=30 --set net.ipv4.tcp_window_scaling=1
        --nic-queues 1)

ctd_modes=(off on)
resync=0
tune_in_place=0
while [ $# -gt 0 ]; do
    case "$1" in
        --conntrackd) case "${2:-}" in off) ctd_modes=(off) ;; on) ctd_modes=(on) ;; both) ctd_modes=(off on) ;;
                      *) echo "bench-failover: --conntrackd takes off, on or both" >&2; exit 2 ;; esac; shift ;;
        --resync) resync=1 ;;
        --tune-in-place) tune_in_place=1 ;;
        *) echo "bench-failover: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "bench-failover: needs root (namespaces, taps)" >&2; exit 1; }

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
event() { echo "$(date +%s.%N) $*" >>"$RUN/events.txt"; log "$*"; }
in_hub() { ip netns exec "$HUB" "$@"; }

# ---- routers: slot N is router rN (control 169.254.1N.2, guest 10.1.1.1N) ----
ctl_ip() { echo "169.254.1$1.2"; }
rssh() { # slot command...
    local slot=$1; shift
    timeout "${RSSH_TIMEOUT:-60}" ip netns exec "$HUB" ssh -p 3922 -i "$KEY" -o StrictHostKeyChecking=no \
        -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o ConnectTimeout=5 -o LogLevel=ERROR \
        "root@$(ctl_ip "$slot")" "$@"
}
qemu_pid() { cat "$RUN/r$1/qemu.pid" 2>/dev/null || true; }
running() { local p; p=$(qemu_pid "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

vm_start() { # slot cpus mem_mib: boots (or re-boots, same disk) router rN; returns when QEMU runs
    local s=$1 cpus=$2 mem=$3 d="$RUN/r$1" t
    mkdir -p "$d"
    [ -f "$d/overlay.qcow2" ] || qemu-img create -q -f qcow2 -F raw -b "$VRTB_IMAGE_DIR/rootfs.raw" "$d/overlay.qcow2"
    for t in c g p; do
        if ! in_hub ip link show "vf$t$s" >/dev/null 2>&1; then
            in_hub ip tuntap add dev "vf$t$s" mode tap multi_queue
        fi
        in_hub ip link set "vf$t$s" up
    done
    in_hub ip addr replace "169.254.1$s.1/24" dev "vfc$s"
    in_hub ip link set vfg"$s" master brg
    in_hub ip link set vfp"$s" master brp
    local append="root=/dev/vda rw console=ttyS0 net.ifnames=0 biosdevname=0 quiet vrtb.name=r$s"
    append="$append vrtb.ctl=$(ctl_ip "$s")/24 vrtb.guest=10.1.1.1$s/24 vrtb.vip=10.1.1.1/24 vrtb.pub=192.0.2.10/24"
    append="$append vrtb.conntrackd=$CTD"
    echo "----- start $(date +%s.%N) cpus=$cpus mem=$mem" >>"$d/serial.log"
    in_hub qemu-system-x86_64 -name "vrfo-r$s" -accel tcg,thread=multi -smp "$cpus" -m "$mem" \
        -display none -vga none -monitor none -chardev "file,id=ser,path=$d/serial.log,append=on" -serial chardev:ser \
        -kernel "$VRTB_IMAGE_DIR/vmlinuz" -initrd "$VRTB_IMAGE_DIR/initrd.img" -append "$append" \
        -drive "file=$d/overlay.qcow2,if=virtio,format=qcow2,cache=unsafe" \
        -netdev "tap,id=c,ifname=vfc$s,script=no,downscript=no,queues=2,vhost=off" \
        -device "virtio-net-pci,netdev=c,mq=on,vectors=6,romfile=,mac=52:54:00:10:0$s:00,addr=0x3" \
        -netdev "tap,id=g,ifname=vfg$s,script=no,downscript=no,queues=2,vhost=off" \
        -device "virtio-net-pci,netdev=g,mq=on,vectors=6,romfile=,mac=52:54:00:10:0$s:01,addr=0x4" \
        -netdev "tap,id=p,ifname=vfp$s,script=no,downscript=no,queues=2,vhost=off" \
        -device "virtio-net-pci,netdev=p,mq=on,vectors=6,romfile=,mac=52:54:00:10:ff:02,addr=0x5" \
        -daemonize -pidfile "$d/qemu.pid" >"$d/qemu.log" 2>&1 || { cat "$d/qemu.log" >&2; return 1; }
}

wait_running() { # slot: SSH answers and router-setup.sh has finished (CloudStack: the router is Running)
    local s=$1 deadline=$(( $(date +%s) + BOOT_TIMEOUT ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        running "$s" || { log "r$s: qemu exited"; tail -n 30 "$RUN/r$s/serial.log" >&2; return 1; }
        RSSH_TIMEOUT=15 rssh "$s" test -f /run/vrtb/setup-done 2>/dev/null && return 0
        if RSSH_TIMEOUT=15 rssh "$s" systemctl -q is-failed vrtb-router-setup.service 2>/dev/null; then
            log "r$s: router-setup failed"; rssh "$s" journalctl -b -u vrtb-router-setup.service --no-pager >&2 || true
            return 1
        fi
        sleep 2
    done
    log "r$s: not Running after $BOOT_TIMEOUT s"; tail -n 30 "$RUN/r$s/serial.log" >&2; return 1
}

role() { RSSH_TIMEOUT=15 rssh "$1" /opt/vrtb/checkrouter.sh 2>/dev/null | sed -n 's/^Status: //p'; }

wait_role() { # slot: PlanExecutor.waitRole: ask every 5 s until the router itself says BACKUP or PRIMARY
    local s=$1 deadline=$(( $(date +%s) + BOOT_TIMEOUT )) r
    while [ "$(date +%s)" -lt "$deadline" ]; do
        r=$(role "$s")
        case "$r" in BACKUP|PRIMARY) echo "$r"; return 0 ;; esac
        sleep 5
    done
    return 1
}

wait_gone() { # slot seconds: until QEMU has exited
    local s=$1 deadline=$(( $(date +%s) + $2 ))
    while running "$s" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
    ! running "$s"
}

vm_stop_graceful() { # slot: virsh shutdown: the guest powers off (keepalived leaves with priority 0)
    local s=$1
    RSSH_TIMEOUT=15 rssh "$s" 'systemctl poweroff --no-block' >/dev/null 2>&1 || true
    wait_gone "$s" 120 || { log "r$s: no clean shutdown in 120 s, killing"; vm_kill "$s"; }
    rm -f "$RUN/r$s/qemu.pid"
}

vm_kill() { # slot: virsh destroy: QEMU ends at once, the guest gets no say
    local s=$1 p
    p=$(qemu_pid "$s")
    [ -n "$p" ] && kill -TERM "$p" 2>/dev/null || true
    wait_gone "$s" 10 || { [ -n "$p" ] && kill -KILL "$p" 2>/dev/null || true; wait_gone "$s" 5 || true; }
    rm -f "$RUN/r$s/qemu.pid"
}

vm_destroy() { # slot: gone for good: taps and disk removed (its serial log stays)
    local s=$1 t
    for t in c g p; do in_hub ip link del "vf$t$s" 2>/dev/null || true; done
    rm -f "$RUN/r$s/overlay.qcow2"
}

push_tuning() { # slot [tuning args...]: PUSH_TUNING then VERIFY, through SSH like the KVM agent's VrScriptRunner
    local s=$1 out n
    shift
    n=$(date +%s)
    local args=("$@")
    [ ${#args[@]} -gt 0 ] || args=("${TUNING[@]}")
    ip netns exec "$HUB" scp -q -P 3922 -i "$KEY" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -o BatchMode=yes -o LogLevel=ERROR "$repo/systemvm/vr_scaling.py" "root@$(ctl_ip "$s"):/opt/cloud/bin/vr_scaling.py"
    out=$(rssh "$s" python3 /opt/cloud/bin/vr_scaling.py apply "${args[@]}" || true)
    echo "$out" >"$RUN/r$s/tuning-apply-$n.json"
    echo "$out" | grep -q '"ok": true' || log "r$s: tuning apply not ok: ${out:0:300}"
    out=$(rssh "$s" python3 /opt/cloud/bin/vr_scaling.py verify "${args[@]}" || true)
    echo "$out" >"$RUN/r$s/tuning-verify-$n.json"
    echo "$out" | grep -q '"ok": true' || log "r$s: tuning verify not ok: ${out:0:300}"
}

# ---- namespaces ----
net_up() {
    ip netns add "$HUB"; ip netns add "$CL"; ip netns add "$SV"
    local ns
    for ns in "$HUB" "$CL" "$SV"; do
        ip netns exec "$ns" ip link set lo up
        ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    done
    in_hub ip link add brg type bridge mcast_snooping 0
    in_hub ip link add brp type bridge mcast_snooping 0
    in_hub ip link set brg up; in_hub ip link set brp up
    in_hub ip link add clp type veth peer name cl0 netns "$CL"
    in_hub ip link add svp type veth peer name sv0 netns "$SV"
    in_hub ip link set clp master brg up; in_hub ip link set svp master brp up
    ip netns exec "$CL" ip addr add 10.1.1.100/24 dev cl0
    ip netns exec "$CL" ip link set cl0 up
    ip netns exec "$CL" ip route add default via 10.1.1.1
    ip netns exec "$SV" ip addr add 192.0.2.1/24 dev sv0
    ip netns exec "$SV" ip link set sv0 up
}

PIDS=()
bg() { "$@" & PIDS+=($!); }
teardown() {
    local p s ns
    for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for s in 1 2 3 4; do [ -f "$RUN/r$s/qemu.pid" ] && vm_kill "$s"; done
    for ns in "$CL" "$SV" "$HUB"; do ip netns del "$ns" 2>/dev/null || true; done
    rm -f "$RUN"/r*/overlay.qcow2
    PIDS=()
}

start_flows() { # label: 8 fresh long-lived TCP flows for this sequence
    bg ip netns exec "$CL" python3 "$PROBE" tcp-flows 192.0.2.1 5001 4 4 "$RUN/flows-live-$1.json"
    FLOWS_PID=$!
    sleep 3
}

end_sequence() { # label: let TCP retransmissions settle, then snapshot the flows and close them
    sleep "${VRFO_SETTLE:-20}"
    cp "$RUN/flows-live-$1.json" "$RUN/flows-$1.json"
    kill -TERM "$FLOWS_PID" 2>/dev/null || true
    event "end $1"
}

master_slot() { # the slot whose router says PRIMARY, among the given slots
    local s
    for s in "$@"; do [ "$(role "$s")" = PRIMARY ] && { echo "$s"; return 0; }; done
    return 1
}

seq_vrscale() {
    local primary backup s r
    primary=$(master_slot 1 2) || { log "no PRIMARY among r1, r2"; return 1; }
    backup=$(( 3 - primary ))
    start_flows vrscale
    event "begin vrscale"
    for s in "$backup" "$primary"; do
        event "r$s STOP (graceful)"; vm_stop_graceful "$s"
        event "r$s START ${BIG_CPUS} vCPU ${BIG_MEM} MiB"; vm_start "$s" "$BIG_CPUS" "$BIG_MEM"
        wait_running "$s"
        event "r$s WAIT_REDUNDANT_ROLE"; r=$(wait_role "$s") || { log "r$s: no role"; return 1; }
        event "r$s reports $r"
        if [ "$resync" = 1 ] && [ "$CTD" = 1 ]; then
            event "r$s conntrackd resync request"; rssh "$s" conntrackd -C /etc/conntrackd/conntrackd.conf -n || true
        fi
        event "r$s PUSH_TUNING + VERIFY"; push_tuning "$s"
        event "r$s step done"
    done
    end_sequence vrscale
}

seq_tune_in_place() {
    local primary backup n
    primary=$(master_slot 1 2) || { log "no PRIMARY among r1, r2"; return 1; }
    backup=$(( 3 - primary ))
    # Up to 100,000 unreplied UDP flows from the PRIMARY itself to a dummy network (tracked on OUTPUT), so the
    # buckets change has a table to rehash, as on a busy router. With the stock 4,096 buckets the kernel refuses
    # new entries (EPERM, chain too long) at about 70,000: the fill stops there.
    rssh "$primary" 'ip link add dum0 type dummy && ip addr add 10.200.0.1/16 dev dum0 && ip link set dum0 up
        sysctl -q -w net.netfilter.nf_conntrack_udp_timeout=600
        python3 -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(100000):
    try:
        s.sendto(b\"x\", (\"10.200.%d.%d\" % (1 + i // 250 % 250, 1 + i % 250), 9 + i // 62500))
    except PermissionError:
        break
"' || true
    n=$(rssh "$primary" cat /proc/sys/net/netfilter/nf_conntrack_count)
    start_flows tune-in-place
    event "begin tune-in-place"
    event "r$primary PUSH_TUNING + VERIFY while PRIMARY ($n conntrack entries)"; push_tuning "$primary" "${TUNING_SMALL[@]}"
    event "r$backup PUSH_TUNING + VERIFY while BACKUP"; push_tuning "$backup" "${TUNING_SMALL[@]}"
    event "tuning done"
    end_sequence tune-in-place
    # The dummy flows stay until the router restarts (next sequence); a flush would also drop the probes' entries.
    rssh "$primary" 'ip link del dum0' >/dev/null 2>&1 || true
}

seq_cloudstack() {
    local primary backup
    primary=$(master_slot 1 2) || { log "no PRIMARY among r1, r2"; return 1; }
    backup=$(( 3 - primary ))
    start_flows cloudstack
    event "begin cloudstack"
    event "r$backup destroy (BACKUP, graceful stop)"; vm_stop_graceful "$backup"; vm_destroy "$backup"
    event "r3 deploy"; vm_start 3 "$BIG_CPUS" "$BIG_MEM"; wait_running 3
    event "r3 Running: sleep RVRHandoverTime 10 s"; sleep 10
    event "r$primary stop forced + destroy (old PRIMARY)"; vm_kill "$primary"; vm_destroy "$primary"
    event "r4 deploy"; vm_start 4 "$BIG_CPUS" "$BIG_MEM"; wait_running 4
    event "r4 Running"
    end_sequence cloudstack
}

wait_foreign_qemu() { # other testbed runs would skew TCG timings: wait until none runs (bounded)
    local deadline=$(( $(date +%s) + 3600 ))
    while pgrep -f qemu-system-x86_64 >/dev/null; do
        [ "$(date +%s)" -lt "$deadline" ] || { log "another qemu still runs after 1 h"; return 1; }
        sleep 10
    done
}

run_one() { # conntrackd off|on
    CTD=0; [ "$1" = on ] && CTD=1
    rm -rf "$RUN"; mkdir -p "$RUN"
    : >"$RUN/events.txt"
    wait_foreign_qemu
    log "conntrackd $1: network up, booting r1 and r2 (${SMALL_CPUS} vCPU, ${SMALL_MEM} MiB)"
    net_up
    bg ip netns exec "$HUB" python3 "$PROBE" vrrp-watch brg "$RUN/vrrp.txt"
    bg ip netns exec "$SV" python3 "$PROBE" udp-recv 5000 "$RUN/udp-recv.txt"
    bg ip netns exec "$SV" python3 "$PROBE" tcp-server 5001
    local t0; t0=$(date +%s)
    vm_start 1 "$SMALL_CPUS" "$SMALL_MEM"; vm_start 2 "$SMALL_CPUS" "$SMALL_MEM"
    wait_running 1; wait_running 2
    log "pair up after $(( $(date +%s) - t0 )) s"
    local deadline=$(( $(date +%s) + 60 ))
    until master_slot 1 2 >/dev/null; do
        [ "$(date +%s)" -lt "$deadline" ] || { log "no PRIMARY elected"; return 1; }
        sleep 2
    done
    bg ip netns exec "$CL" python3 "$PROBE" udp-send 192.0.2.1 5000 0.01 "$RUN/udp-sent.txt"
    sleep 5
    local seqs=(vrscale cloudstack)
    if [ "$tune_in_place" = 1 ]; then
        seq_tune_in_place
        seqs=(tune-in-place vrscale cloudstack)
    fi
    seq_vrscale
    seq_cloudstack
    sleep 1
    kill -TERM "${PIDS[@]}" 2>/dev/null || true
    sleep 2
    python3 "$PROBE" analyze "$RUN/events.txt" "$RUN/udp-sent.txt" "$RUN/udp-recv.txt" "$RUN/vrrp.txt" "$RUN" \
        "${seqs[@]}" >"$RUN/report.json"
    teardown
    grep -h VRTB-VRRP "$RUN"/r*/serial.log >"$RUN/notify.txt" || true
    print_table "$1" "$RUN/report.json" "$RUN/notify.txt"
    local keepdir="$here/target/failover-logs/conntrackd-$1"
    [ "$resync" = 1 ] && [ "$CTD" = 1 ] && keepdir="$keepdir-resync"
    [ "$tune_in_place" = 1 ] && keepdir="$keepdir-tune-in-place"
    rm -rf "$keepdir"; mkdir -p "$(dirname "$keepdir")"; cp -r "$RUN" "$keepdir"
}

print_table() { # conntrackd report notify
    python3 - "$@" <<'PY'
import json, sys
mode, report, notify = sys.argv[1], sys.argv[2], sys.argv[3]
rows = json.load(open(report))
import re
primaries = re.findall(r"VRTB-VRRP (\S+) (\S+)", open(notify, errors="replace").read())
print("\nconntrackd %s" % mode)
print("%-46s" % "metric" + "".join("%15s" % r["sequence"] for r in rows))
def line(name, key):
    print("%-46s" % name + "".join("%15s" % key(r) for r in rows))
line("sequence duration s", lambda r: r["duration_s"])
line("VRRP transitions (PRIMARY moved)", lambda r: r["vrrp_transitions"])
line("UDP datagrams sent (every 10 ms)", lambda r: r["udp_sent"])
line("UDP datagrams lost", lambda r: r["udp_lost"])
line("longest forwarding gap s (arrival to arrival)", lambda r: r["longest_gap_s"])
line("longest run of lost datagrams (x 10 ms)", lambda r: r["longest_loss_burst"])
line("TCP flows survived (of 8)", lambda r: r["tcp_survived"])
line("  client-driven (echo)", lambda r: r["tcp_by_kind"]["echo"])
line("  server-driven (push)", lambda r: r["tcp_by_kind"]["push"])
for r in rows:
    print("\n%s:" % r["sequence"])
    for t in r["transitions"]:
        print("  transition at +%.1f s %s -> %s during: %s" % (t["at_s"], t["from"], t["to"], t["during"]))
    for p in r["no_advert_periods"]:
        print("  no VRRP advert for %.1f s at +%.1f s" % (p["length_s"], p["at_s"]))
    for g in r["gaps"]:
        print("  gap %.3f s at +%.1f s during: %s" % (g["length_s"], g["at_s"], g["during"]))
    for b in r["tcp_broken"]:
        print("  broken flow: %s" % b)
print("\nkeepalived notify calls (router, state): %s" % " ".join("%s=%s" % tuple(p) for p in primaries))
PY
}

trap 'teardown' EXIT
trap 'exit 130' INT TERM
"$here/build-image.sh" --vrrp
exec 9>/tmp/vrs-testbed.lock
log "waiting for /tmp/vrs-testbed.lock"
flock -w 3600 9 || { echo "bench-failover: /tmp/vrs-testbed.lock busy for 1 h" >&2; exit 1; }
for m in "${ctd_modes[@]}"; do
    run_one "$m"
done
