#!/bin/sh
# keepalived track script (every 5 s), like CloudStack's heartbeat.sh: records that keepalived is alive.
date +%s >/run/vrtb/keepalived.ts
