#!/usr/bin/env bash
# Boots the testbed VM headless (TCG), 512 MiB, 2 vCPUs, direct kernel boot from the cached image, on a fresh
# copy-on-write overlay (every start is clean). Its one NIC, eth0, is a 2-queue virtio NIC on a multi-queue tap
# inside a network namespace made here; a socat forwarder on 127.0.0.1:$VRTB_SSH_PORT reaches the guest's sshd
# (169.254.10.2:3922) inside that namespace. Nothing leaves loopback and the namespace.
# Waits until SSH answers, then prints the ssh command line. stop-vm.sh undoes everything.
# Env: VRTB_RUN_DIR (default testbed/target/run), VRTB_SSH_PORT (default 10022), VRTB_BOOT_TIMEOUT (s, default 240)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=testbed/common.sh
. "$here/common.sh"

[ "$(id -u)" = 0 ] || die "needs root (network namespace, tap)"
for f in rootfs.raw vmlinuz initrd.img id_ed25519; do
    [ -f "$VRTB_IMAGE_DIR/$f" ] || die "no $VRTB_IMAGE_DIR/$f: run testbed/build-image.sh first"
done
if [ -f "$VRTB_RUN_DIR/qemu.pid" ] && kill -0 "$(cat "$VRTB_RUN_DIR/qemu.pid")" 2>/dev/null; then
    die "a testbed VM is already running (pid $(cat "$VRTB_RUN_DIR/qemu.pid")); run stop-vm.sh"
fi
"$here/stop-vm.sh" >/dev/null 2>&1 || true   # leftovers of an earlier run
mkdir -p "$VRTB_RUN_DIR"
rm -f "$VRTB_RUN_DIR"/{overlay.qcow2,serial.log,qemu.log,socat.log}

qemu-img create -q -f qcow2 -F raw -b "$VRTB_IMAGE_DIR/rootfs.raw" "$VRTB_RUN_DIR/overlay.qcow2"

ip netns add "$VRTB_NETNS"
in_ns() { ip netns exec "$VRTB_NETNS" "$@"; }
in_ns ip link set lo up
in_ns ip tuntap add dev "$VRTB_TAP" mode tap multi_queue
in_ns ip addr add 169.254.10.1/24 dev "$VRTB_TAP"
in_ns ip link set "$VRTB_TAP" up

started=$(date +%s)
in_ns qemu-system-x86_64 -name vr-testbed \
    -accel tcg,thread=multi -smp 2 -m 512 \
    -display none -vga none -monitor none -serial "file:$VRTB_RUN_DIR/serial.log" \
    -kernel "$VRTB_IMAGE_DIR/vmlinuz" -initrd "$VRTB_IMAGE_DIR/initrd.img" \
    -append "root=/dev/vda rw console=ttyS0 net.ifnames=0 biosdevname=0 quiet" \
    -drive "file=$VRTB_RUN_DIR/overlay.qcow2,if=virtio,format=qcow2,cache=unsafe" \
    -netdev "tap,id=ctl,ifname=$VRTB_TAP,script=no,downscript=no,queues=2,vhost=off" \
    -device virtio-net-pci,netdev=ctl,mq=on,vectors=6,romfile= \
    -daemonize -pidfile "$VRTB_RUN_DIR/qemu.pid" >"$VRTB_RUN_DIR/qemu.log" 2>&1 \
    || { cat "$VRTB_RUN_DIR/qemu.log" >&2; die "qemu did not start"; }

# Loopback only: 127.0.0.1:port -> (inside the namespace) 169.254.10.2:3922.
printf '#!/bin/sh\nexec ip netns exec %s socat STDIO TCP:169.254.10.2:3922,connect-timeout=5\n' "$VRTB_NETNS" \
    >"$VRTB_RUN_DIR/forward.sh"
chmod +x "$VRTB_RUN_DIR/forward.sh"
setsid socat "TCP-LISTEN:$VRTB_SSH_PORT,bind=127.0.0.1,reuseaddr,fork" "EXEC:$VRTB_RUN_DIR/forward.sh" \
    >"$VRTB_RUN_DIR/socat.log" 2>&1 </dev/null &
echo $! >"$VRTB_RUN_DIR/socat.pid"

wait_ssh "$VRTB_BOOT_TIMEOUT" || { serial_tail; die "no SSH after $VRTB_BOOT_TIMEOUT s"; }
echo "start-vm: SSH ready after $(( $(date +%s) - started )) s"
echo "start-vm: ssh $(ssh_opts | tr '\n' ' ')root@127.0.0.1"
