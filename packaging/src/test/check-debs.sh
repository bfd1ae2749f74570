#!/usr/bin/env bash
# Inspects the two VR Scale Debian packages and the drop-in jars with dpkg-deb (and unzip or jar).
# Usage: check-debs.sh <management.deb> <agent.deb> <jars dir>. Prints "N passed, N failed"; exits 1 on any failure.
set -uo pipefail

management_deb=$1
agent_deb=$2
jars_dir=$3
passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() { # check <description> <command...>
    local what=$1
    shift
    if "$@" >"$work/out" 2>&1; then
        passed=$((passed + 1))
        echo "ok   - $what"
    else
        failed=$((failed + 1))
        echo "FAIL - $what"
        sed 's/^/       /' "$work/out" | head -20
    fi
}

field_is() { # field_is <deb> <field> <expected>
    local actual
    actual=$(dpkg-deb -f "$1" "$2")
    [ "$actual" = "$3" ] || { echo "$2 is '$actual', expected '$3'"; return 1; }
}

field_matches() { # field_matches <deb> <field> <regex>
    local actual
    actual=$(dpkg-deb -f "$1" "$2")
    [[ $actual =~ $3 ]] || { echo "$2 is '$actual', expected to match $3"; return 1; }
}

data_files() { # the regular files a package installs, one path a line
    dpkg-deb -c "$1" | awk '$1 ~ /^-/ {print $6}' | sed 's|^\./|/|' | sort
}

files_are() { # files_are <deb> <expected paths...>
    local deb=$1
    shift
    diff <(printf '%s\n' "$@" | sort) <(data_files "$deb")
}

jar_mode_root() { # the jar is 0644 root/root in the package
    dpkg-deb -c "$1" | grep -E "^-rw-r--r-- root/root .*$2\$"
}

list_jar() { # entry names of a jar (unzip when present, else the JDK's jar tool)
    if command -v unzip >/dev/null 2>&1; then unzip -Z1 "$1"; else jar tf "$1"; fi
}

only_plugin_classes() { # every class in the jar lives in a package named vrscaling: nothing of CloudStack inside
    local jar=$1 classes foreign
    classes=$(list_jar "$jar" | grep '\.class$')
    [ -n "$classes" ] || { echo "$jar has no classes"; return 1; }
    foreign=$(grep -v '/vrscaling/' <<<"$classes" || true)
    [ -z "$foreign" ] || { echo "classes outside a vrscaling package in $jar:"; echo "$foreign" | head; return 1; }
}

jar_has() { # jar_has <jar> <path>
    local entries
    entries=$(list_jar "$1") || return 1
    grep -qxF "$2" <<<"$entries" || { echo "$1 lacks $2"; return 1; }
}

same_bytes_as_dropin() { # the packaged jar is the drop-in jar from target/jars
    local deb=$1 inner=$2 plain=$3 dir
    dir="$work/x-$(basename "$deb")"
    mkdir -p "$dir" && dpkg-deb -x "$deb" "$dir" && cmp "$dir$inner" "$plain"
}

stand_ins() { # a PATH directory whose service managers only record that they were called
    local bin=$1 cmd
    mkdir -p "$bin"
    for cmd in systemctl service invoke-rc.d deb-systemd-invoke; do
        printf '#!/bin/sh\necho "%s $*" >> "%s/called"\n' "$cmd" "$bin" >"$bin/$cmd"
        chmod +x "$bin/$cmd"
    done
}

no_restart_in_scripts() { # no maintainer script runs a service manager; run them too, with trapping stand-ins
    local deb=$1 dir bin script
    dir="$work/c-$(basename "$deb")"
    bin="$work/bin-$(basename "$deb")"
    mkdir -p "$dir"
    stand_ins "$bin"
    dpkg-deb -e "$deb" "$dir"
    for script in preinst postinst prerm postrm; do
        [ -f "$dir/$script" ] || continue
        if grep -vE '^[[:space:]]*(#|echo )' "$dir/$script" \
                | grep -nE 'systemctl|invoke-rc\.d|deb-systemd-invoke|(^|[^a-z-])service[[:space:]]|/etc/init\.d'; then
            echo "$script runs a service manager"
            return 1
        fi
        for arg in configure install upgrade remove purge; do
            PATH="$bin:$PATH" sh "$dir/$script" "$arg" >/dev/null || { echo "$script $arg failed"; return 1; }
        done
    done
    [ ! -f "$bin/called" ] || { echo "maintainer scripts called:"; cat "$bin/called"; return 1; }
}

postinst_says_what_to_restart() { # postinst prints the restart the operator has to do
    local dir="$work/p-$(basename "$1")" bin="$work/pbin-$(basename "$1")"
    mkdir -p "$dir" && dpkg-deb -e "$1" "$dir" && stand_ins "$bin"
    PATH="$bin:$PATH" sh "$dir/postinst" configure | grep -F "Restart $2"
}

for deb in "$management_deb" "$agent_deb"; do
    check "$(basename "$deb") exists" test -s "$deb"
done

check "management: Package" field_is "$management_deb" Package cloudstack-vr-scaling-management
check "management: Depends on cloudstack-management" field_matches "$management_deb" Depends '^cloudstack-management( \(>= 4\.22\))?$'
check "management: Architecture all" field_is "$management_deb" Architecture all
check "management: Version" field_matches "$management_deb" Version '^[0-9]+\.[0-9]+\.[0-9]+'
check "management: installs the jar into the management lib dir" files_are "$management_deb" \
    /usr/share/cloudstack-management/lib/vr-scaling.jar /usr/share/doc/cloudstack-vr-scaling-management/README.md \
    /usr/share/cloudstack-management/webapp/vr-scaling/index.html \
    /usr/share/cloudstack-management/webapp/vr-scaling/vr-scaling.js \
    /usr/share/cloudstack-management/webapp/vr-scaling/vr-scaling.css
check "management: jar is 0644 root/root" jar_mode_root "$management_deb" /usr/share/cloudstack-management/lib/vr-scaling.jar
check "management: packaged jar is the drop-in jar" same_bytes_as_dropin "$management_deb" \
    /usr/share/cloudstack-management/lib/vr-scaling.jar "$jars_dir/vr-scaling.jar"

check "agent: Package" field_is "$agent_deb" Package cloudstack-vr-scaling-agent
check "agent: Depends on cloudstack-agent" field_matches "$agent_deb" Depends '^cloudstack-agent( \(>= 4\.22\))?$'
check "agent: Architecture all" field_is "$agent_deb" Architecture all
check "agent: installs the jar into the agent plugins dir" files_are "$agent_deb" \
    /usr/share/cloudstack-agent/plugins/vr-scaling-kvm.jar /usr/share/doc/cloudstack-vr-scaling-agent/README.md
check "agent: jar is 0644 root/root" jar_mode_root "$agent_deb" /usr/share/cloudstack-agent/plugins/vr-scaling-kvm.jar
check "agent: packaged jar is the drop-in jar" same_bytes_as_dropin "$agent_deb" \
    /usr/share/cloudstack-agent/plugins/vr-scaling-kvm.jar "$jars_dir/vr-scaling-kvm.jar"

check "management jar: only vrscaling classes (no CloudStack)" only_plugin_classes "$jars_dir/vr-scaling.jar"
check "management jar: carries its module definition" jar_has "$jars_dir/vr-scaling.jar" META-INF/cloudstack/vr-scaling/module.properties
check "management jar: carries the manager" jar_has "$jars_dir/vr-scaling.jar" org/apache/cloudstack/vrscaling/VrScalingManagerImpl.class
check "management jar: carries core (shaded)" jar_has "$jars_dir/vr-scaling.jar" org/apache/cloudstack/vrscaling/core/sizing/TuningKey.class
check "agent jar: carries the command wrapper" jar_has "$jars_dir/vr-scaling-kvm.jar" com/cloud/hypervisor/kvm/resource/wrapper/vrscaling/LibvirtVrTuningCommandWrapper.class
check "agent jar: carries the VR script (agent-api, shaded)" jar_has "$jars_dir/vr-scaling-kvm.jar" org/apache/cloudstack/vrscaling/agent/vr_scaling.py
check "agent jar: only vrscaling classes (no CloudStack)" only_plugin_classes "$jars_dir/vr-scaling-kvm.jar"

check "management: maintainer scripts restart nothing" no_restart_in_scripts "$management_deb"
check "agent: maintainer scripts restart nothing" no_restart_in_scripts "$agent_deb"
check "management: postinst says to restart cloudstack-management" postinst_says_what_to_restart "$management_deb" cloudstack-management
check "agent: postinst says to restart cloudstack-agent" postinst_says_what_to_restart "$agent_deb" cloudstack-agent

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
