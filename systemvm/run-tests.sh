#!/usr/bin/env bash
# Licensed to the Apache Software Foundation (ASF) under one
# or more contributor license agreements.  See the NOTICE file
# distributed with this work for additional information
# regarding copyright ownership.  The ASF licenses this file
# to you under the Apache License, Version 2.0 (the
# "License"); you may not use this file except in compliance
# with the License.  You may obtain a copy of the License at
#
#   http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing,
# software distributed under the License is distributed on an
# "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
# KIND, either express or implied.  See the License for the
# specific language governing permissions and limitations
# under the License.
#
# Runs the vr_scaling.py tests (fake tree always; real network namespaces
# when run as root with iproute2). Last line: "N passed, N failed, N skipped".
# Exit status is non-zero if anything failed or no test ran.
set -u

here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"

exec "$python" - "$here/tests" <<'EOF'
import sys
import unittest

start = sys.argv[1]
suite = unittest.defaultTestLoader.discover(start, top_level_dir=start)
result = unittest.TextTestRunner(verbosity=2, stream=sys.stderr).run(suite)
failed = (len(result.failures) + len(result.errors)
          + len(result.unexpectedSuccesses))
skipped = len(result.skipped)
passed = result.testsRun - failed - skipped - len(result.expectedFailures)
# Same stream as the test output, so the summary is the last line on its own and never mid-line.
sys.stderr.write("\n%d passed, %d failed, %d skipped\n" % (passed, failed, skipped))
sys.stderr.flush()
sys.exit(1 if failed or result.testsRun == 0 else 0)
EOF
