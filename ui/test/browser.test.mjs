// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against the fake management server:
// the page loads and lists, a dry run shows the plan, a scale runs to completion through job polling, API errors
// (synchronous and from an async job) are shown, a profile is created and deleted, the session works with an
// HttpOnly cookie or the UI's stored token. Saves ui/target/vr-scaling.png (after the scale) and
// ui/target/vr-scaling-error.png (error display). Prints "N passed, N failed" last and exits 1 on any failure.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFake, SESSION_KEY } from './fake-cloudstack.mjs';
import { assert, createChecks, launchChromium } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pageDir = path.join(here, '..', 'vr-scaling');
const targetDir = path.join(here, '..', 'target');
const TIMEOUT = 10000;

const { check, fail, finish } = createChecks();

const fake = createFake();
const server = await fake.listen(pageDir);
const base = 'http://127.0.0.1:' + server.address().port;
const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'vr-scaling-chromium-'));
await mkdir(targetDir, { recursive: true });

let context;
try {
  context = await launchChromium(userDataDir, { width: 1280, height: 900 });
  await context.addCookies([{ name: 'sessionkey', value: SESSION_KEY, url: base }]);
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (dialog) => dialog.accept());
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));

  const row = (id) => page.locator('#targets tr[data-id="' + id + '"]');
  const profileRow = (name) => page.locator('#profiles > tbody > tr', { hasText: name });

  await check('page loads and lists networks, VPCs and their routers with sizes', async () => {
    await page.goto(base + '/client/vr-scaling/index.html?poll=150');
    await page.locator('#status', { hasText: 'Loaded' }).waitFor();
    const text = await page.locator('#targets').innerText();
    for (const s of ['net-web', 'net-db', 'vpc-prod', 'r-11-VM', 'r-12-VM', 'r-21-VM', 'r-22-VM',
      '2 vCPU, 2048 MiB', '1 vCPU, 256 MiB', '4 vCPU, 4096 MiB', 'PRIMARY', 'BACKUP']) {
      assert(text.includes(s), 'networks table lacks "' + s + '":\n' + text);
    }
    assert(await page.locator('#targets tbody tr').count() === 3, 'expected 3 rows (VPC + 2 isolated networks, '
      + 'each once although listed with and without projectid=-1)');
    assert(!text.includes('shared-public'), 'a shared network was listed as having its own router');
    assert(!text.includes('tier1\t'), 'a VPC tier was listed on its own instead of through its VPC');
    assert((await row('net-web').innerText()).includes('vr-medium'), 'net-web routers not shown at vr-medium');
    assert((await row('net-db').innerText()).includes('none'), 'net-db routers not shown as at no profile');
    assert((await row('vpc-prod').innerText()).includes('vr-large'), 'vpc-prod routers not shown at vr-large');
  });

  await check('each network and VPC shows the profile it is bound to (listVirtualRouterProfiles networkid/vpcid)',
    async () => {
      assert((await row('net-web').locator('.binding').innerText()).includes('bound: vr-medium'), 'net-web binding');
      assert((await row('net-db').locator('.binding').innerText()).includes('not bound'), 'net-db binding');
      assert((await row('vpc-prod').locator('.binding').innerText()).includes('bound: vr-large'), 'vpc-prod binding');
      const asked = requests.filter((u) => u.includes('command=listVirtualRouterProfiles') && /(network|vpc)id=/.test(u));
      assert(asked.length >= 3, 'bindings not read per network/VPC: ' + asked.length);
    });

  await check('profiles are listed with size, effective tuning and bound counts', async () => {
    const text = await page.locator('#profiles').innerText();
    for (const s of ['vr-medium', '2 vCPU × 1000 MHz, 2048 MiB', 'vr-large', '4 vCPU × 2000 MHz, 4096 MiB',
      '1 networks, 0 VPCs', '0 networks, 1 VPCs', 'conntrackmax', '1048576', 'override', 'derived',
      'worst-case kernel memory']) {
      assert(text.includes(s), 'profiles table lacks "' + s + '":\n' + text);
    }
  });

  await check('profiles show the plugin\'s conntrack memory verdict, over-budget and forced ones marked', async () => {
    assert((await profileRow('vr-medium').innerText()).includes('conntrack fits RAM budget'), 'vr-medium verdict');
    const tiny = await profileRow('vr-tiny').innerText();
    for (const s of ['conntrack over RAM budget', 'forced', 'the budget is 67108864 B']) {
      assert(tiny.includes(s), 'vr-tiny row lacks "' + s + '":\n' + tiny);
    }
    assert(!(await profileRow('vr-medium').innerText()).includes('over RAM budget'), 'vr-medium marked over budget');
  });

  await check('every API call used the session key and response=json; reads are GET', async () => {
    assert(fake.calls.length >= 5, 'only ' + fake.calls.length + ' calls');
    for (const c of fake.calls) {
      assert(c.params.sessionkey === SESSION_KEY && c.params.response === 'json', JSON.stringify(c));
      assert(c.method === 'GET', 'read ' + c.command + ' used ' + c.method);
    }
    const commands = new Set(fake.calls.map((c) => c.command));
    for (const c of ['listnetworks', 'listvpcs', 'listrouters', 'listserviceofferings', 'listvirtualrouterprofiles']) {
      assert(commands.has(c), 'page never called ' + c);
    }
    for (const c of ['listnetworks', 'listvpcs', 'listrouters']) {
      assert(fake.calls.some((x) => x.command === c && x.params.projectid === '-1' && x.params.listall === 'true'),
        c + ' not also called with listall=true projectid=-1 (project resources)');
    }
  });

  await check('dry run shows the ordered steps per router, restarts and interruption', async () => {
    await row('net-db').locator('select').selectOption({ label: 'vr-large' });
    await row('net-db').getByRole('button', { name: 'Dry run' }).click();
    await page.locator('#plan-title', { hasText: 'Dry run done' }).waitFor();
    const call = fake.calls.find((c) => c.command === 'scalevirtualrouterprofile');
    assert(call && call.method === 'POST', 'scale was not POSTed: ' + JSON.stringify(call));
    assert(call.params.dryrun === 'true' && call.params.networkid === 'net-db' && call.params.profileid === 'so-large',
      'wrong scale parameters: ' + JSON.stringify(call.params));
    const steps = await page.locator('#plan-routers .steps li').allInnerTexts();
    assert(JSON.stringify(steps) === JSON.stringify(['STOP', 'CHANGE_OFFERING to vr-large', 'SET_NIC_QUEUES 4',
      'START', 'PUSH_TUNING', 'VERIFY_TUNING']), 'steps: ' + JSON.stringify(steps));
    assert((await page.locator('#plan-reboots').innerText()) === '1', 'reboot count');
    assert((await page.locator('#plan-interruption').innerText()) === '45 s', 'interruption');
    const plan = await page.locator('#plan').innerText();
    assert(plan.includes('dry run: nothing changed') && plan.includes('single router'), plan);
    assert(plan.includes('r-12-VM') && plan.includes('System Offering For Software Router → vr-large'), plan);
  });

  await check('scale shows job progress and each router\'s result on completion', async () => {
    const before = fake.calls.length;
    await row('net-db').locator('select').selectOption({ label: 'vr-large' });
    await row('net-db').getByRole('button', { name: 'Scale' }).click();
    await page.locator('#progress', { hasText: /Job job-\d+ running/ }).waitFor();
    await page.locator('#plan-title', { hasText: 'Scale done' }).waitFor();
    const polls = fake.calls.slice(before).filter((c) => c.command === 'queryasyncjobresult');
    assert(polls.length >= 3, 'expected at least 3 polls (2 pending + done), got ' + polls.length);
    const plan = await page.locator('#plan').innerText();
    for (const s of ['bound to the profile', 'tuning delivered', 'verify: MATCH', 'applied 9 settings']) {
      assert(plan.includes(s), 'scale result lacks "' + s + '":\n' + plan);
    }
    await page.locator('#status', { hasText: 'Loaded' }).waitFor();
    assert((await row('net-db').innerText()).includes('vr-large'), 'net-db not shown at vr-large after the scale');
    assert((await profileRow('vr-large').innerText()).includes('1 networks, 1 VPCs'), 'bound counts not refreshed');
    await page.screenshot({ path: path.join(targetDir, 'vr-scaling.png'), fullPage: true });
  });

  await check('a failed async job shows CloudStack\'s errortext', async () => {
    await row('vpc-prod').getByRole('button', { name: 'Scale' }).click();
    await page.locator('#error:not([hidden])').waitFor();
    const error = await page.locator('#error').innerText();
    assert(error.includes('scaleVirtualRouterProfile failed (error 530)') && error.includes('scale plan running'),
      error);
  });

  await check('a refused API call shows errorcode and errortext', async () => {
    const form = page.locator('#create-profile');
    await form.locator('[name=name]').fill('vr-tiny');
    await form.locator('[name=cpunumber]').fill('1');
    await form.locator('[name=memory]').fill('128');
    await form.getByRole('button', { name: 'Create' }).click();
    await page.locator('#error', { hasText: 'createVirtualRouterProfile failed (error 431)' }).waitFor();
    assert((await page.locator('#error').innerText()).includes('memory must be at least 256 MiB'), 'errortext');
    await page.screenshot({ path: path.join(targetDir, 'vr-scaling-error.png'), fullPage: true });
  });

  await check('a profile is created (POST) and listed, then deleted', async () => {
    const form = page.locator('#create-profile');
    await form.locator('[name=name]').fill('vr-xl');
    await form.locator('[name=cpunumber]').fill('8');
    await form.locator('[name=memory]').fill('8192');
    await form.getByRole('button', { name: 'Create' }).click();
    await page.locator('#status', { hasText: 'Created profile vr-xl' }).waitFor();
    assert(await page.locator('#error').isHidden(), 'error shown after a good create');
    await profileRow('vr-xl').waitFor();
    const create = fake.calls.filter((c) => c.command === 'createvirtualrouterprofile').pop();
    assert(create.method === 'POST' && create.params.memory === '8192' && create.params.storagetype === 'shared',
      JSON.stringify(create));
    await profileRow('vr-xl').getByRole('button', { name: 'Delete' }).click();
    await page.locator('#status', { hasText: 'Deleted profile vr-xl' }).waitFor();
    assert(await profileRow('vr-xl').count() === 0, 'vr-xl still listed');
    const del = fake.calls.filter((c) => c.command === 'deletevirtualrouterprofile').pop();
    assert(del.method === 'POST' && del.params.id.startsWith('so-new-'), JSON.stringify(del));
  });

  await check('with CloudStack\'s HttpOnly session cookie the page authenticates through the cookie', async () => {
    await context.clearCookies();
    await context.addCookies([{ name: 'sessionkey', value: SESSION_KEY, url: base, httpOnly: true }]);
    const before = fake.calls.length;
    await page.reload();
    await page.locator('#status', { hasText: 'Loaded' }).waitFor();
    const calls = fake.calls.slice(before).filter((c) => c.command.startsWith('list'));
    assert(calls.length >= 5, 'only ' + calls.length + ' list calls after reload');
    for (const c of calls) {
      assert(c.params.sessionkey === undefined && c.cookie.includes('sessionkey=' + SESSION_KEY), JSON.stringify(c));
    }
  });

  await check('without the cookie it sends the UI\'s stored token, and the server\'s 401 is shown', async () => {
    await context.clearCookies();
    await page.evaluate((key) => window.localStorage.setItem('primate__Access-Token',
      JSON.stringify({ value: key, expire: null })), SESSION_KEY);
    const before = fake.calls.length;
    await page.reload();
    await page.locator('#status', { hasText: 'Loaded' }).waitFor();
    assert(fake.calls.slice(before).every((c) => c.params.sessionkey === SESSION_KEY), 'stored token not sent');
    await page.evaluate((key) => window.localStorage.setItem('primate__Access-Token', JSON.stringify(key)),
      SESSION_KEY);
    const plainBefore = fake.calls.length;
    await page.reload();
    await page.locator('#status', { hasText: 'Loaded' }).waitFor();
    assert(fake.calls.slice(plainBefore).every((c) => c.params.sessionkey === SESSION_KEY), 'plain stored token not sent');
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.locator('#error', { hasText: 'error 401' }).waitFor();
  });

  await check('the page loads nothing from anywhere but its own origin (no CDN)', async () => {
    const foreign = requests.filter((u) => !u.startsWith(base + '/'));
    assert(requests.length > 0 && foreign.length === 0, 'foreign requests: ' + foreign.join(', '));
  });

  await check('no script errors on the page', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });
} catch (e) {
  fail('browser run', e);
} finally {
  if (context) {
    await context.close();
  }
  server.close();
  await rm(userDataDir, { recursive: true, force: true });
}

finish();
