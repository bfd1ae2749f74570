#!/bin/sh
# Boot-time setup of a testbed VRRP router (the vrrp image variant). Everything that differs between routers comes
# from the kernel command line, as a CloudStack VR gets its settings from its boot arguments:
#   vrtb.name=r1 vrtb.ctl=169.254.11.2/24 vrtb.guest=10.1.1.11/24 vrtb.vip=10.1.1.1/24 vrtb.pub=192.0.2.10/24
#   vrtb.conntrackd=0|1
# NICs: eth0 control, eth1 guest (VRRP and the VIP), eth2 public (same MAC and address on every member; up only
# on the PRIMARY, like CloudStack's redundant VR). Writes /run/vrtb/setup-done when keepalived is running.
set -eu
arg() { tr ' ' '\n' </proc/cmdline | sed -n "s/^vrtb\.$1=//p" | tail -n 1; }
name=$(arg name); ctl=$(arg ctl); guest=$(arg guest); vip=$(arg vip); pub=$(arg pub); ctd=$(arg conntrackd)
[ -n "$name" ] && [ -n "$ctl" ] && [ -n "$guest" ] && [ -n "$vip" ] && [ -n "$pub" ] || {
    echo "vrtb: missing vrtb.* boot arguments" >/dev/ttyS0; exit 1; }
mkdir -p /run/vrtb
echo "$name" >/run/vrtb/name
echo "${ctd:-0}" >/run/vrtb/conntrackd
hostname "$name"

ip link set lo up
ip addr add "$ctl" dev eth0 && ip link set eth0 up
ip addr add "$guest" dev eth1 && ip link set eth1 up
# The public NIC is configured but stays down until this router becomes PRIMARY (notify.sh).
ip addr add "$pub" dev eth2
ip link set eth2 down
gw_pub=$(echo "$pub" | sed 's#\.[0-9]*/.*#.1#')
echo "$gw_pub" >/run/vrtb/pub-gateway
sysctl -q -w net.ipv4.ip_forward=1

# A VR's firewall in outline: INPUT and FORWARD drop by default; SSH on the control NIC, VRRP and conntrackd's
# multicast, established traffic; guest -> public forwarded and source-NATed to the public address.
pub_ip=${pub%/*}
iptables -P INPUT DROP
iptables -P FORWARD DROP
iptables -A INPUT -i lo -j ACCEPT
iptables -A INPUT -i eth0 -p tcp --dport 3922 -j ACCEPT
iptables -A INPUT -d 224.0.0.18/32 -j ACCEPT
iptables -A INPUT -d 225.0.0.50/32 -j ACCEPT
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -i eth2 -o eth1 -m state --state RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -i eth1 -o eth2 -j ACCEPT
iptables -t nat -A POSTROUTING -o eth2 -j SNAT --to-source "$pub_ip"

guest_ip=${guest%/*}
cat >/etc/keepalived/keepalived.conf <<CONF
# Written by router-setup.sh from the boot arguments. The parameters of CloudStack's redundant VR: both members
# start as BACKUP, no preemption, 1 s adverts, a heartbeat track script every 5 s, notify scripts per state.
global_defs {
    router_id $name
    script_user root
    enable_script_security
}
vrrp_script heartbeat {
    script "/opt/vrtb/heartbeat.sh"
    interval 5
}
vrrp_instance inside_network {
    state BACKUP
    interface eth1
    virtual_router_id 51
    nopreempt
    advert_int 1
    virtual_ipaddress {
        $vip dev eth1
    }
    track_script {
        heartbeat
    }
    notify_master "/opt/vrtb/notify.sh primary"
    notify_backup "/opt/vrtb/notify.sh backup"
    notify_fault "/opt/vrtb/notify.sh fault"
}
CONF

if [ "${ctd:-0}" = 1 ]; then
    cat >/etc/conntrackd/conntrackd.conf <<CONF
# Written by router-setup.sh: CloudStack's redundant-VR conntrackd settings (FTFW over multicast on the guest NIC).
Sync {
    Mode FTFW {
    }
    Multicast {
        IPv4_address 225.0.0.50
        Group 3780
        IPv4_interface $guest_ip
        Interface eth1
        SndSocketBuffer 1249280
        RcvSocketBuffer 1249280
        Checksum on
    }
}
General {
    Nice -20
    HashSize 32768
    HashLimit 131072
    LogFile on
    Syslog on
    LockFile /var/lock/conntrackd.lock
    UNIX {
        Path /var/run/conntrackd.sock
        Backlog 20
    }
    SocketBufferSize 2097152
    SocketBufferSizeMaxGrown 8388608
    NetlinkBufferSize 2097152
    NetlinkBufferSizeMaxGrowth 8388608
    Filter From Userspace {
        Protocol Accept {
            TCP
            UDP
            ICMP
        }
        Address Ignore {
            IPv4_address 127.0.0.1
            IPv4_address $guest_ip
            IPv4_address ${ctl%/*}
        }
    }
    Systemd on
}
CONF
    systemctl start conntrackd.service
fi
systemctl start keepalived.service
touch /run/vrtb/setup-done
echo "vrtb: $name set up (conntrackd=${ctd:-0})" >/dev/ttyS0
