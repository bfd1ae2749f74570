// What the UI tests share: named checks that count and report (a failed check never stops the run, so one run shows
// every failure), and headless Debian Chromium started the same way everywhere.
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

export function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// onFail(name) may keep evidence of a failed check (a screenshot); its own failure is ignored.
export function createChecks(onFail = async () => {}) {
  let passed = 0;
  let failed = 0;
  let current = '';
  return {
    async check(name, fn) {
      current = name;
      try {
        await fn();
        passed++;
        console.log('ok   - ' + name);
      } catch (e) {
        failed++;
        console.log('FAIL - ' + name + '\n       ' + String(e && e.message ? e.message : e).split('\n').join('\n       '));
        try {
          await onFail(name);
        } catch (ignored) {
          // Evidence is best effort: the check has already failed.
        }
      }
    },
    // A failure outside any check (the browser did not start, the run broke off).
    fail(label, e) {
      failed++;
      console.log('FAIL - ' + label + ': ' + (e && e.stack ? e.stack : e));
    },
    current: () => current,
    // Prints "N passed, N failed" last and exits 1 on any failure.
    finish() {
      console.log(passed + ' passed, ' + failed + ' failed');
      process.exit(failed === 0 ? 0 : 1);
    }
  };
}

export function launchChromium(userDataDir, viewport) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
}
