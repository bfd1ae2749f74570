#!/bin/sh
# keepalived notify script, in the spirit of CloudStack's configure_router.py --primary/--backup/--fault:
# PRIMARY brings the public NIC up (and commits conntrackd's external cache to the kernel, then resyncs and sends
# a bulk update); BACKUP and FAULT take the public NIC down (BACKUP restarts conntrackd, as CloudStack does).
# Each transition is logged to the serial console, where the benchmark counts it.
state=$1
ctd=$(cat /run/vrtb/conntrackd 2>/dev/null || echo 0)
conf=/etc/conntrackd/conntrackd.conf
exec 9>/run/vrtb/notify.lock
flock 9
case "$state" in
    primary)
        ip link set eth2 up
        ip route replace default via "$(cat /run/vrtb/pub-gateway)" dev eth2 2>/dev/null || true
        if [ "$ctd" = 1 ]; then
            conntrackd -C "$conf" -c; conntrackd -C "$conf" -f; conntrackd -C "$conf" -R; conntrackd -C "$conf" -B
        fi
        ;;
    backup)
        ip link set eth2 down
        [ "$ctd" = 1 ] && systemctl restart conntrackd.service
        ;;
    fault)
        ip link set eth2 down
        [ "$ctd" = 1 ] && conntrackd -C "$conf" -s
        ;;
esac
echo "$state" >/run/vrtb/state
echo "VRTB-VRRP $(cat /run/vrtb/name) $state $(date +%s.%N)" >/dev/ttyS0
exit 0
