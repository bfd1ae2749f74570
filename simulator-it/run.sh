#!/usr/bin/env bash
# The real-CloudStack suite: deploys VR Scale's management-server jar into a CloudStack 4.22 management server
# (Simulator hypervisor) built from source OUTSIDE this repository, on a fresh MariaDB database, and drives it through
# its signed API as CloudMonkey would (suite.py). Everything runs on loopback; every process it starts is stopped by
# pid on exit, also on failure.
#
#   simulator-it/run.sh [suite.py arguments, e.g. -k Profiles]
#   simulator-it/run.sh --ui    the CloudStack UI scenario instead (ui_scenario.py): the server serves CloudStack's
#                               own UI built with VR Scale's patch (ui/cloudstack-ui/build.sh) plus the VR Scale page,
#                               and headless Chromium drives both (ui/test/*.real.test.mjs)
#
# Needs: the CloudStack build at $CLOUDSTACK_HOME (default ~/cloudstack: src/ is the built source tree with
# client/target/cloud-client-ui-*.jar and developer/target/db/, m2/ its Maven repository); VR Scale's jar from a
# `mvn -Pcloudstack` build (packaging/target/jars/vr-scaling.jar); mariadb-server, python3, java.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

CLOUDSTACK_HOME="${CLOUDSTACK_HOME:-$HOME/cloudstack}"
cs="$CLOUDSTACK_HOME/src"
client_jar="$(ls "$cs"/client/target/cloud-client-ui-*.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$client_jar" ] || [ ! -d "$cs/client/target/lib" ] || [ ! -f "$cs/developer/target/db/create-schema.sql" ]; then
    echo "simulator-it: no CloudStack 4.22 simulator build at $CLOUDSTACK_HOME (need src/client/target/cloud-client-ui-*.jar and src/developer/target/db/); build it first: README.md, 'Real CloudStack'" >&2
    exit 1
fi
mode=suite
if [ "${1:-}" = "--ui" ]; then
    mode=ui
    shift
    ui_dist="${VRSCALE_UI_DIST:-$CLOUDSTACK_HOME/ui-build/ui/dist}"
    if [ ! -f "$ui_dist/index.html" ] || [ ! -f "$ui_dist/config.json" ]; then
        echo "simulator-it: no patched CloudStack UI build at $ui_dist (index.html, config.json); build it first: ui/cloudstack-ui/build.sh" >&2
        exit 1
    fi
    if [ ! -f "$cs/client/target/classes/META-INF/webapp/WEB-INF/web.xml" ]; then
        echo "simulator-it: $cs/client/target/classes/META-INF/webapp/WEB-INF/web.xml is missing (the server's web.xml)" >&2
        exit 1
    fi
fi
plugin_jar="${VRSCALE_JAR:-$root/packaging/target/jars/vr-scaling.jar}"
if [ ! -f "$plugin_jar" ]; then
    echo "simulator-it: $plugin_jar is missing; build it first: mvn -B -Pcloudstack -Dmaven.repo.local=$CLOUDSTACK_HOME/m2 package" >&2
    exit 1
fi
for tool in mariadbd mariadb-install-db mariadb python3 java; do
    if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
        echo "simulator-it: $tool is missing (Debian: apt-get install mariadb-server python3 default-jre-headless)" >&2
        exit 1
    fi
done
export PATH="$PATH:/usr/sbin"

DB_PORT="${VRSCALE_DB_PORT:-3306}"
HTTP_PORT="${VRSCALE_HTTP_PORT:-8080}"
for port in "$DB_PORT" "$HTTP_PORT" 8250 9090; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "simulator-it: something already listens on 127.0.0.1:$port; stop it first" >&2
        exit 1
    fi
done

work="${VRSCALE_SIM_WORK:-$(mktemp -d /tmp/vrscale-sim.XXXXXX)}"
mkdir -p "$work"
echo "simulator-it: work directory $work (server log: $work/logs/management-server.log)"
# Everything started here is stopped by pid on exit, also on failure: the management server first (suite.py starts
# and restarts it and keeps its pid in server.pid), then the database.
pids=()
stop_pid() {
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 30); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 1
    done
    kill -9 "$1" 2>/dev/null || true
}
stop_all() {
    local pid
    if [ -f "$work/server.pid" ]; then
        stop_pid "$(cat "$work/server.pid")"
    fi
    for pid in "${pids[@]}"; do
        stop_pid "$pid"
    done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# --- a private MariaDB: its own data directory, loopback only, root over TCP with an empty password ---------------
mariadb-install-db --no-defaults --datadir="$work/db" --auth-root-authentication-method=normal \
    --skip-test-db >"$work/db-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/db" --socket="$work/mysql.sock" --port="$DB_PORT" \
    --bind-address=127.0.0.1 --user=root --pid-file="$work/mysqld.pid" --log-error="$work/mysqld.log" \
    --max-connections=500 --innodb-lock-wait-timeout=600 --innodb-rollback-on-timeout=1 \
    --skip-name-resolve &
pids+=($!)
for _ in $(seq 1 60); do
    mariadb --no-defaults -uroot -h127.0.0.1 -P"$DB_PORT" -e 'select 1' >/dev/null 2>&1 && break
    sleep 1
done
sql() { mariadb --no-defaults -uroot -h127.0.0.1 -P"$DB_PORT" "$@"; }
sql -e 'select 1' >/dev/null

# --- configuration: CloudStack's built conf, pointed at this database, this work directory and loopback -----------
mkdir -p "$work/conf" "$work/logs"
cp -r "$cs/client/target/conf/." "$work/conf/"
webapp=""
if [ "$mode" = ui ]; then
    # As an operator deploys the rebuilt UI (ui/README.md): the build's dist/ over the server's own WEB-INF, the VR
    # Scale page beside it, and the page added to config.json's plugins.
    webapp="$work/webapp"
    rm -rf "$webapp"
    mkdir -p "$webapp"
    cp -a "$ui_dist/." "$webapp/"
    cp -a "$cs/client/target/classes/META-INF/webapp/WEB-INF" "$webapp/"
    mkdir -p "$webapp/vr-scaling"
    cp "$root"/ui/vr-scaling/* "$webapp/vr-scaling/"
    python3 - "$webapp/config.json" <<'PY'
import json, sys
path = sys.argv[1]
with open(path) as f:
    config = json.load(f)
config["plugins"] = [{"name": "VR Scale", "icon": "appstore-outlined", "path": "/client/vr-scaling/index.html"}]
with open(path, "w") as f:
    json.dump(config, f, indent=2)
PY
fi
python3 "$here/configure.py" "$work/conf" "$work/logs" "$DB_PORT" "$HTTP_PORT" "$webapp"

# --- a fresh database, as `mvn -Pdeveloper -Ddeploydb` and `-Ddeploydb-simulator` make it ------------------------
classpath="$work/conf:$client_jar:$cs/client/target/lib/*"
db="$cs/developer/target/db"
creator() {
    # From the source tree: the upgrade checker reads ./engine/schema/dist/systemvm-templates/metadata.ini.
    cd "$cs"
    java --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$classpath" -Dcatalina.home="$cs/utils" \
        -Dpaths.script="$db" com.cloud.upgrade.DatabaseCreator "$work/conf/db.properties" "$@"
    cd - >/dev/null
}
started=$(date +%s)
creator "$db/create-schema.sql" "$db/create-schema-premium.sql" "$db/templates.sql" \
    "$cs/developer/developer-prefill.sql" com.cloud.upgrade.DatabaseUpgradeChecker --database=cloud,usage \
    --rootpassword= >"$work/deploydb.log" 2>&1 || { tail -n 40 "$work/deploydb.log" >&2; exit 1; }
creator "$db/create-schema-simulator.sql" "$db/templates.simulator.sql" "$db/hypervisor_capabilities.simulator.sql" \
    com.cloud.upgrade.DatabaseUpgradeChecker --database=simulator --rootpassword= \
    >>"$work/deploydb.log" 2>&1 || { tail -n 40 "$work/deploydb.log" >&2; exit 1; }
# The developer seed opens the unauthenticated API port; the suite signs every request instead.
sql cloud -e "update configuration set value='0' where name='integration.api.port'"
echo "simulator-it: database deployed in $(( $(date +%s) - started )) s"

# --- the management server, with VR Scale's jar on its classpath (as /usr/share/cloudstack-management/lib) --------
cat >"$work/start-server.sh" <<EOF
#!/usr/bin/env bash
cd "$cs"
exec java -Xmx3g -Djava.security.egd=file:/dev/./urandom --add-opens=java.base/java.lang=ALL-UNNAMED \\
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED \\
    -Dlog4j2.configurationFile="$work/conf/log4j-cloud.xml" -cp "$classpath:$plugin_jar" \\
    org.apache.cloudstack.ServerDaemon >>"$work/logs/stdout.log" 2>&1
EOF
chmod +x "$work/start-server.sh"

export VRSCALE_SIM_WORK="$work" VRSCALE_SIM_ENDPOINT="http://127.0.0.1:$HTTP_PORT/client/api"
export VRSCALE_SIM_DB_PORT="$DB_PORT"
rc=0
if [ "$mode" = ui ]; then
    python3 "$here/ui_scenario.py" "$@" || rc=$?
else
    python3 "$here/suite.py" "$@" || rc=$?
fi
if [ "$rc" != 0 ]; then
    echo "simulator-it: failed; VR Scale lines of the server log:" >&2
    grep -E "vrscaling|VrScaling|vr-scaling|Failed to start module" "$work/logs/management-server.log" 2>/dev/null \
        | grep -E "WARN|ERROR" | grep -v "in Config.java\. Perhaps moved to ConfigDepot" | tail -n 40 >&2 || true
fi
exit "$rc"
