#!/usr/bin/env bash
# The end-to-end test, as CI runs it: build (or reuse) the image, boot the VM, run VrTestbedIT against it through
# Maven/failsafe, and always stop the VM and remove the namespace, tap and forwarder - even on failure.
# Fails if the test did not run all its methods (a skipped test would not count as a pass).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=testbed/common.sh
. "$here/common.sh"
cd "$here/.."

started=$(date +%s)
"$here/build-image.sh"
trap '"$here/stop-vm.sh" >/dev/null 2>&1 || true' EXIT
trap 'exit 130' INT TERM
"$here/start-vm.sh"

report=plugins/vr-scaling-kvm/target/failsafe-reports/TEST-com.cloud.hypervisor.kvm.resource.wrapper.vrscaling.VrTestbedIT.xml
rm -f "$report"
rc=0
timeout 1800 mvn -B --no-transfer-progress -pl plugins/vr-scaling-kvm -am verify \
        -Dvrscaling.testbed.port="$VRTB_SSH_PORT" -Dvrscaling.testbed.key="$VRTB_KEY" \
        -Dvrscaling.testbed.serial="$VRTB_RUN_DIR/serial.log" \
        -Dvrscaling.testbed.excludes=none -Dit.test=VrTestbedIT -Dfailsafe.failIfNoSpecifiedTests=false \
        -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false >"$VRTB_RUN_DIR/mvn.log" 2>&1 || rc=$?
grep -E '^\[testbed\]|Tests run:|FAIL|BUILD|^\[ERROR\] +[A-Za-z]' "$VRTB_RUN_DIR/mvn.log" | cut -c1-400 || true
if [ "$rc" != 0 ]; then
    echo "run-e2e: maven failed ($rc); full log: $VRTB_RUN_DIR/mvn.log" >&2
    tail -n 80 "$VRTB_RUN_DIR/mvn.log" >&2
    serial_tail 60
    exit 1
fi
suite="$(grep -m1 -o '<testsuite [^>]*' "$report" 2>/dev/null || true)"
for want in 'tests="8"' 'errors="0"' 'skipped="0"' 'failures="0"'; do
    if [[ "$suite" != *" $want"* ]]; then
        echo "run-e2e: VrTestbedIT did not run all 8 steps ($want expected): ${suite:-no report $report}" >&2
        exit 1
    fi
done
echo "run-e2e: passed in $(( $(date +%s) - started )) s"
