#!/usr/bin/env bash
# Builds the testbed's router-like VM from Debian packages only:
#   debootstrap bookworm (minbase) + kernel + the tools a CloudStack VR has that VR Scale touches,
#   sshd on port 3922 for root by key only (a throwaway key made here), nf_conntrack loaded at boot,
#   CloudStack's stock VR sysctl lines re-applied after systemd-sysctl (like cloud-early-config).
# Output (cached; rebuilt only when missing or when this script changed):
#   target/image/rootfs.raw  target/image/vmlinuz  target/image/initrd.img  target/image/id_ed25519
# Usage: testbed/build-image.sh [--force] [--vrrp]      Needs root, debootstrap, e2fsprogs (mkfs.ext4 -d).
#   --vrrp: the redundant-router variant for bench-failover.sh, in target/image-vrrp: adds keepalived and conntrackd
#   and the files of testbed/vrrp/; its NICs are set from vrtb.* boot arguments (vrrp/router-setup.sh), not here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
force=0
vrrp=0
for a in "$@"; do
    case "$a" in
        --force) force=1 ;;
        --vrrp) vrrp=1 ;;
        *) echo "build-image: unknown argument $a (use --force, --vrrp)" >&2; exit 2 ;;
    esac
done
if [ "$vrrp" = 1 ]; then
    out="${VRTB_IMAGE_DIR:-$here/target/image-vrrp}"
    want="$(cat "${BASH_SOURCE[0]}" "$here"/vrrp/*.sh | sha256sum | cut -d' ' -f1)-vrrp"
else
    out="${VRTB_IMAGE_DIR:-$here/target/image}"
    want="$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)"
fi
mirror="${VRTB_MIRROR:-http://deb.debian.org/debian}"
stamp="$out/build.stamp"

if [ "$force" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
        && [ -f "$out/rootfs.raw" ] && [ -f "$out/vmlinuz" ] && [ -f "$out/initrd.img" ] && [ -f "$out/id_ed25519" ]; then
    echo "build-image: cached image in $out"
    exit 0
fi
[ "$(id -u)" = 0 ] || { echo "build-image: needs root (debootstrap)" >&2; exit 1; }

start=$(date +%s)
rm -rf "$out"
mkdir -p "$out"
root="$out/rootfs.dir"
cleanup() { for m in proc sys dev/pts dev; do umount "$root/$m" 2>/dev/null || true; done; rm -rf "$root"; }
trap cleanup EXIT

packages=linux-image-amd64,initramfs-tools,zstd,systemd-sysv,udev,kmod,procps,python3,iproute2,ethtool,conntrack,iptables,openssh-server
[ "$vrrp" = 1 ] && packages="$packages,keepalived,conntrackd,util-linux"
echo "build-image: debootstrap bookworm from $mirror"
timeout 1200 debootstrap --variant=minbase --include="$packages" bookworm "$root" "$mirror" >"$out/debootstrap.log" 2>&1 \
    || { tail -n 30 "$out/debootstrap.log" >&2; exit 1; }

# The throwaway key: root logs in with it and nothing else.
ssh-keygen -q -t ed25519 -N '' -C vr-testbed -f "$out/id_ed25519"
install -d -m 0700 "$root/root/.ssh"
install -m 0600 "$out/id_ed25519.pub" "$root/root/.ssh/authorized_keys"
cat >"$root/etc/ssh/sshd_config.d/vr-testbed.conf" <<'CONF'
# Like a CloudStack system VM: SSH on 3922, root by key only.
Port 3922
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UseDNS no
CONF
chroot "$root" passwd -l root >/dev/null

echo vr-testbed >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 vr-testbed\n' >"$root/etc/hosts"
printf '/dev/vda / ext4 rw,noatime 0 0\n' >"$root/etc/fstab"

# eth0 (the multiqueue virtio NIC) is the control NIC: a link-local address like CloudStack's control network,
# reachable only inside the host-side network namespace that start-vm.sh creates.
cat >"$root/etc/systemd/network/10-eth0.network" <<'CONF'
[Match]
Name=eth0
[Network]
Address=169.254.10.2/24
LinkLocalAddressing=no
IPv6AcceptRA=no
CONF

# A VR has conntrack loaded from early boot (its iptables rules need it), so systemd-sysctl sees the
# net.netfilter keys.
echo nf_conntrack >"$root/etc/modules-load.d/vr-testbed.conf"

# The lines of CloudStack's stock VR /etc/sysctl.conf (systemvm/debian/etc/sysctl.conf) that matter here.
# Left out on purpose: vm.panic_on_oom=1, kernel.panic=10 and kernel.panic_on_oops=1 - the conntrack benchmark
# pushes this 512 MiB guest towards OOM and must see it, not a rebooting guest.
cat >"$root/etc/sysctl.conf" <<'CONF'
# CloudStack stock VR sysctl.conf, relevant subset (testbed copy; no panic_on_oom, see build-image.sh)
net.ipv4.ip_forward = 1
net.ipv4.tcp_syncookies = 1
net.ipv4.tcp_timestamps = 0
net.ipv4.tcp_tw_reuse = 1
net.ipv4.tcp_max_tw_buckets = 1000000
net.core.somaxconn = 65535
net.nf_conntrack_max = 1000000
net.netfilter.nf_conntrack_max = 1000000
vm.swappiness = 1
vm.vfs_cache_pressure = 200
vm.min_free_kbytes = 20480
CONF
# cloud-early-config runs `sysctl -p` at every boot after systemd-sysctl has read /etc/sysctl.d; this unit does
# the same, so a reboot shows the drift a real VR shows.
cat >"$root/etc/systemd/system/vr-testbed-early-config.service" <<'CONF'
[Unit]
Description=Mimic cloud-early-config: re-apply /etc/sysctl.conf after systemd-sysctl
After=systemd-sysctl.service systemd-modules-load.service
Before=ssh.service

[Service]
Type=oneshot
ExecStart=-/sbin/sysctl -q -p /etc/sysctl.conf
RemainAfterExit=yes

[Install]
WantedBy=multi-user.target
CONF
chroot "$root" systemctl -q enable systemd-networkd.service vr-testbed-early-config.service ssh.service
# Nothing periodic in the background while tests measure.
chroot "$root" systemctl -q mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer \
    systemd-timesyncd.service 2>/dev/null || true
install -d "$root/opt/cloud/bin"

if [ "$vrrp" = 1 ]; then
    # The redundant-router variant: no fixed eth0 address (router-setup.sh sets every NIC from the boot arguments),
    # keepalived and conntrackd started by router-setup.sh once their configuration is written.
    rm -f "$root/etc/systemd/network/10-eth0.network"
    install -d "$root/opt/vrtb"
    install -m 0755 "$here"/vrrp/*.sh "$root/opt/vrtb/"
    chroot "$root" systemctl -q disable keepalived.service conntrackd.service 2>/dev/null || true
    # No link is managed by systemd-networkd here: its wait-online would hold network-online.target (which
    # keepalived and conntrackd start after) for two minutes.
    chroot "$root" systemctl -q mask systemd-networkd-wait-online.service
    cat >"$root/etc/systemd/system/vrtb-router-setup.service" <<'CONF'
[Unit]
Description=Testbed VRRP router: NICs, firewall, keepalived and conntrackd from the vrtb.* boot arguments
After=systemd-modules-load.service vr-testbed-early-config.service

[Service]
Type=oneshot
ExecStart=/opt/vrtb/router-setup.sh
RemainAfterExit=yes

[Install]
WantedBy=multi-user.target
CONF
    chroot "$root" systemctl -q enable vrtb-router-setup.service
fi

cp "$(ls "$root"/boot/vmlinuz-* | sort -V | tail -n 1)" "$out/vmlinuz"
cp "$(ls "$root"/boot/initrd.img-* | sort -V | tail -n 1)" "$out/initrd.img"
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/boot/initrd.img-*

# An ext4 image filled from the directory: no loop device, no mount.
for m in proc sys dev/pts dev; do umount "$root/$m" 2>/dev/null || true; done
mkfs.ext4 -q -F -L vr-testbed -d "$root" "$out/rootfs.raw" 2G >/dev/null
echo "$want" >"$stamp"
echo "build-image: done in $(( $(date +%s) - start )) s: $out"
