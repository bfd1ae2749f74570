#!/bin/sh
# What CloudStack's CheckRouterCommand runs on a redundant VR (checkrouter.sh): the router counts as PRIMARY when
# its guest NIC holds two IPv4 addresses (its own and the VIP), else BACKUP. VR Scale's role wait asks this.
n=$(ip -4 -o addr show dev eth1 | wc -l)
if [ "$n" = 2 ]; then echo "Status: PRIMARY"; else echo "Status: BACKUP"; fi
