# Shared settings and helpers of the testbed scripts (sourced, not run).
VRTB_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VRTB_IMAGE_DIR="${VRTB_IMAGE_DIR:-$VRTB_HOME/target/image}"
VRTB_RUN_DIR="${VRTB_RUN_DIR:-$VRTB_HOME/target/run}"
VRTB_SSH_PORT="${VRTB_SSH_PORT:-10022}"
VRTB_BOOT_TIMEOUT="${VRTB_BOOT_TIMEOUT:-240}"
VRTB_NETNS="${VRTB_NETNS:-vrtb}"
VRTB_TAP="${VRTB_TAP:-vrtb0}"
VRTB_KEY="$VRTB_IMAGE_DIR/id_ed25519"

die() { echo "${0##*/}: $*" >&2; exit 1; }

# One option per line, for ssh (-p) and for printing.
ssh_opts() {
    printf '%s\n' -p "$VRTB_SSH_PORT" -i "$VRTB_KEY" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -o BatchMode=yes -o ConnectTimeout=10 -o LogLevel=ERROR
}

# vssh CMD...: runs a command in the guest as root (bounded by VRTB_SSH_TIMEOUT, default 120 s).
vssh() {
    local opts
    mapfile -t opts < <(ssh_opts)
    timeout "${VRTB_SSH_TIMEOUT:-120}" ssh "${opts[@]}" root@127.0.0.1 "$@"
}

# wait_ssh SECONDS: until the guest runs a command over SSH, or the time is up.
wait_ssh() {
    local deadline=$(( $(date +%s) + $1 ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if [ -f "$VRTB_RUN_DIR/qemu.pid" ] && ! kill -0 "$(cat "$VRTB_RUN_DIR/qemu.pid")" 2>/dev/null; then
            echo "${0##*/}: qemu exited" >&2
            return 1
        fi
        VRTB_SSH_TIMEOUT=15 vssh true 2>/dev/null && return 0
        sleep 2
    done
    return 1
}

serial_tail() {
    echo "----- last lines of the VM's serial console ($VRTB_RUN_DIR/serial.log) -----" >&2
    tail -n "${1:-40}" "$VRTB_RUN_DIR/serial.log" >&2 2>/dev/null || echo "(no serial log)" >&2
    echo "-----" >&2
}
