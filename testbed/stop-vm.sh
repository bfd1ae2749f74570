#!/usr/bin/env bash
# Stops the testbed VM and removes what start-vm.sh made: qemu, the socat forwarder, the tap, the namespace,
# the overlay. Safe to run any number of times; the serial log stays for reading.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=testbed/common.sh
. "$here/common.sh"

stop_pid() { # pidfile: TERM, wait up to 10 s, then KILL
    local pidfile=$1 pid
    [ -f "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}
stop_pid "$VRTB_RUN_DIR/socat.pid"
stop_pid "$VRTB_RUN_DIR/qemu.pid"
if ip netns list 2>/dev/null | grep -qw "$VRTB_NETNS"; then
    ip netns exec "$VRTB_NETNS" ip link del "$VRTB_TAP" 2>/dev/null || true
    ip netns del "$VRTB_NETNS"
fi
rm -f "$VRTB_RUN_DIR/overlay.qcow2"
echo "stop-vm: stopped"
