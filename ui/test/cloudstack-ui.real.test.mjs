// CloudStack's own UI, built with VR Scale's patch (ui/cloudstack-ui/build.sh) and served by a real CloudStack 4.22
// management server (Simulator hypervisor) with VR Scale deployed, driven in headless Chromium as an operator would.
// Started by simulator-it/ui_scenario.py (`simulator-it/run.sh --ui`), which creates the resources and passes them in
// a fixture file:
//
//   node test/cloudstack-ui.real.test.mjs <fixture.json>
//
// Logs in; on a router, a network and a VPC finds the "Scale router profile" action (its icon in the detail view's
// action bar), sees the profiles with their sizes, runs a dry run and sees the plan, scales and sees the job finish
// (the UI's async-job notification) with the router on the profile's offering; a refused scale shows CloudStack's
// error text; an admin whose role denies the API does not see the action. Screenshots of each step:
// <fixture.screenshots>/ui-*.png. Prints "N passed, N failed" last and exits 1 on any failure.
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assert, createChecks, launchChromium } from './harness.mjs';

const fx = JSON.parse(await readFile(process.argv[2], 'utf8'));
const JOB_TIMEOUT = 180000; // a scale stops and starts a simulated router; $pollJob polls every 3 s

let page;

const { check, current, finish } = createChecks(
  (name) => shot('FAILED-' + name.replace(/\W+/g, '-').slice(0, 60)));

async function shot(name) {
  await page.screenshot({ path: path.join(fx.screenshots, name + '.png') });
}

async function login(user) {
  await page.goto(fx.base + '#/user/login');
  await page.getByPlaceholder('Username').fill(user.username);
  await page.getByPlaceholder('Password').fill(user.password);
  await page.locator('button.login-button').click();
  await page.waitForURL((url) => !url.hash.includes('/user/login'), { timeout: 60000 });
  // The UI is ready once it has read the user's API list (the action buttons depend on it).
  await page.waitForFunction(() => {
    const app = document.querySelector('#app') && document.querySelector('#app').__vue_app__;
    const store = app && app.config.globalProperties.$store;
    return store && Object.keys(store.getters.apis || {}).length > 0;
  }, null, { timeout: 60000 });
}

async function logout() {
  await page.context().clearCookies();
  await page.evaluate(() => window.localStorage.clear());
  await page.goto('about:blank');
}

// The detail view of a resource, once its action bar is drawn.
async function openDetail(route, name) {
  await page.goto(fx.base + '#/' + route);
  await page.locator('.row-action-button button').first().waitFor({ timeout: 60000 });
  await page.getByText(name, { exact: true }).first().waitFor();
}

// CloudStack's UI itself asks GitHub for its latest release (not VR Scale's doing).
const CLOUDSTACK_RELEASE_CHECK = 'https://api.github.com/repos/apache/cloudstack/releases';

// Failed API calls, by command (the UI POSTs its calls: the command is in the form body).
function trackApiErrors(p) {
  const errors = [];
  p.on('response', (response) => {
    if (response.url().includes('/client/api') && response.status() >= 400) {
      const request = response.request();
      const query = new URLSearchParams((request.url().split('?')[1] || '') + '&' + (request.postData() || ''));
      errors.push({ command: query.get('command') || '?', status: response.status() });
    }
  });
  return errors;
}

// Script errors of the UI. CloudStack's UI leaves some of its own refused calls of other APIs unhandled on the
// Simulator (axios "Request failed with status code N"), and the requests it cancels on a route change: those are
// listed, not counted; anything else fails.
function assertNoScriptErrorOfOurs(pageErrors, apiErrors, rejections) {
  const others = apiErrors.filter((e) => !/VirtualRouterProfile/.test(e.command));
  let cancellations = rejections.filter((r) => r.cancel).length;
  const unexplained = pageErrors.filter((m) => {
    const status = /^Request failed with status code (\d+)$/.exec(m);
    if (status && others.some((e) => String(e.status) === status[1])) {
      return false;
    }
    if (!status && cancellations > 0) {
      cancellations--;
      return false;
    }
    return true;
  });
  console.log('       CloudStack UI\'s own failed calls (not VR Scale\'s): '
    + JSON.stringify(others.map((e) => e.command + ' ' + e.status)) + '; requests it cancelled on navigation: '
    + rejections.filter((r) => r.cancel).length);
  assert(unexplained.length === 0, 'page errors: ' + unexplained.join(' | ') + '; rejections: '
    + JSON.stringify(rejections));
}

const scaleButton = () => page.locator('.row-action-button button:has(span[aria-label="dashboard"])');
const dialog = () => page.locator('.ant-modal', { has: page.locator('.vr-profile') });

async function openScaleDialog() {
  const button = scaleButton();
  assert(await button.count() === 1, 'expected one "Scale router profile" button, found ' + await button.count());
  await button.hover();
  await page.locator('.ant-tooltip', { hasText: 'Scale router profile' }).waitFor();
  await button.click();
  await dialog().waitFor();
  const title = await dialog().locator('.ant-modal-title').innerText();
  assert(title.includes('Scale router profile'), 'dialog title: ' + title);
  await dialog().locator('.vr-target .ant-alert-description').waitFor();
}

async function pickProfile(name) {
  await dialog().locator('.vr-profile').click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name + ' (' });
  await option.first().click();
}

async function dryRun() {
  await dialog().locator('.vr-dry-run').click();
  await dialog().locator('.vr-plan', { hasText: 'Plan (dry run, nothing changed)' }).waitFor({ timeout: JOB_TIMEOUT });
  return dialog().locator('.vr-plan').innerText();
}

async function scale() {
  await dialog().locator('.vr-scale').click();
  const confirm = page.locator('.ant-popover:visible', { hasText: 'Restart the routers as previewed?' });
  await confirm.waitFor();
  await confirm.locator('button.ant-btn-primary').click();
  await dialog().locator('.vr-plan', { hasText: 'Done' }).waitFor({ timeout: JOB_TIMEOUT });
  return dialog().locator('.vr-plan').innerText();
}

// The UI's own async-job notices (the header's bell list) for this action.
async function jobNotices() {
  return page.evaluate(() => document.querySelector('#app').__vue_app__.config.globalProperties.$store.getters
    .headerNotices.map((n) => ({ title: n.title, status: n.status, description: n.description })));
}

async function closeDialog() {
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'hidden' });
}

// The router's detail view shows the offering it runs.
async function routerRunsOn(router, offeringName) {
  await openDetail('router/' + router.id, router.name);
  await page.getByText(offeringName, { exact: true }).first().waitFor({ timeout: 30000 });
}

await mkdir(fx.screenshots, { recursive: true });
const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'vr-scaling-cs-ui-'));
let context;
try {
  context = await launchChromium(userDataDir, { width: 1400, height: 900 });
  // Unhandled promise rejections, with whether the reason is an axios cancellation (CloudStack's UI cancels its
  // pending requests on every route change; the pageerror event shows such a reason only by its minified class name).
  const rejections = [];
  await context.exposeBinding('__vrsRejection', (source, info) => rejections.push(info));
  await context.addInitScript(() => window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    window.__vrsRejection({ cancel: !!(reason && reason.__CANCEL__), message: String(reason && reason.message) });
  }));
  page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(20000);
  const pageErrors = [];
  page.on('pageerror', (e) => {
    pageErrors.push(e.message);
    console.log('       page error during "' + current() + '": ' + e.message + '\n         '
      + String(e.stack || '').split('\n').slice(0, 6).join('\n         '));
  });
  const foreign = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(fx.base.replace(/\/client\/$/, '')) && !request.url().startsWith('data:')
        && !request.url().startsWith(CLOUDSTACK_RELEASE_CHECK)) {
      foreign.push(request.url());
    }
  });
  const apiErrors = trackApiErrors(page);
  const medium = fx.profiles['ui-medium'];

  await check('an admin logs into the patched CloudStack UI served by the management server', async () => {
    await login(fx.admin);
    await shot('ui-01-logged-in');
  });

  await check('a router: the action lists the profiles with their sizes and a dry run shows the plan', async () => {
    await openDetail('router/' + fx.networkRouter.id, fx.networkRouter.name);
    await shot('ui-02-router-actions');
    await openScaleDialog();
    const target = await dialog().locator('.vr-target').innerText();
    assert(target.includes('All routers of network ' + fx.network.name), 'target: ' + target);
    assert(target.includes('No profile bound'), 'binding: ' + target);
    await dialog().locator('.vr-profile').click();
    const options = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts();
    for (const p of Object.values(fx.profiles)) {
      const want = p.name + ' (' + p.cpunumber + ' vCPU × ' + p.cpuspeed + ' MHz, ' + p.memory + ' MiB)';
      assert(options.includes(want), 'no option "' + want + '" in ' + JSON.stringify(options));
    }
    await shot('ui-03-router-profiles');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: medium.name + ' (' })
      .first().click();
    await dialog().getByText('This router only').click();
    assert((await dialog().locator('.vr-target').innerText()).includes('Router ' + fx.networkRouter.name + ' only'));
    const plan = await dryRun();
    assert(plan.includes(fx.networkRouter.name) && plan.includes('→ ' + medium.name), 'plan: ' + plan);
    assert(/1 router restart/.test(plan), 'plan: ' + plan);
    assert(await dialog().locator('.vr-scale').isEnabled(), 'Scale is not enabled after the dry run');
    await shot('ui-04-router-dry-run');
    await closeDialog();
  });

  await check('a network: dry run, confirm, scale; the job notification finishes and the router runs the profile',
    async () => {
      await openDetail('guestnetwork/' + fx.network.id, fx.network.name);
      await openScaleDialog();
      await pickProfile(medium.name);
      const plan = await dryRun();
      assert(plan.includes(fx.networkRouter.name) && plan.includes(fx.networkRouter.offering + ' → ' + medium.name),
        'plan: ' + plan);
      await shot('ui-05-network-dry-run');
      // the dialog alone: the README's picture
      await dialog().locator('.ant-modal-content').screenshot({ path: path.join(fx.screenshots,
        'ui-05-network-dry-run-dialog.png') });
      const done = await scale();
      assert(done.includes('bound to ' + medium.name), 'result: ' + done);
      assert(done.includes('Tuning NOT delivered'), 'the simulator has no tuning path, the result must say so: '
        + done);
      await shot('ui-06-network-scaled');
      const notices = await jobNotices();
      assert(notices.some((n) => n.title === 'Scale router profile' && n.status === 'done'),
        'no finished "Scale router profile" job notice: ' + JSON.stringify(notices));
      await closeDialog();
      await routerRunsOn(fx.networkRouter, medium.name);
      await shot('ui-07-router-on-profile');
    });

  await check('a refused scale shows CloudStack\'s error text, and the dialog shows the network\'s binding',
    async () => {
      await openDetail('guestnetwork/' + fx.network.id, fx.network.name);
      await openScaleDialog();
      const target = await dialog().locator('.vr-target').innerText();
      assert(target.includes('Bound to profile ' + medium.name), 'binding: ' + target);
      await pickProfile('ui-huge');
      await dialog().locator('.vr-dry-run').click();
      const error = dialog().locator('.vr-error');
      await error.waitFor({ timeout: JOB_TIMEOUT });
      const text = await error.innerText();
      assert(text.includes('error 432') && text.includes('needs 8 x 2000 MHz and 16384 MiB (profile ui-huge)'),
        'error: ' + text);
      const notice = page.locator('.ant-notification-notice', { hasText: 'needs 8 x 2000 MHz' });
      await notice.first().waitFor();
      assert(!(await notice.first().innerText()).includes('Exception'), 'a stack trace reached the operator');
      await shot('ui-08-refused');
      await closeDialog();
      // CloudStack's error notifications stay until closed, as an operator would close them
      for (const close of await page.locator('.ant-notification-notice-close').all()) {
        await close.click();
      }
      await page.locator('.ant-notification-notice').first().waitFor({ state: 'detached' });
    });

  await check('a VPC: dry run and scale to another profile; its router runs it', async () => {
    const large = fx.profiles['ui-large'];
    await openDetail('vpc/' + fx.vpc.id, fx.vpc.name);
    await openScaleDialog();
    assert((await dialog().locator('.vr-target').innerText()).includes('All routers of VPC ' + fx.vpc.name));
    await pickProfile(large.name);
    const plan = await dryRun();
    assert(plan.includes(fx.vpcRouter.name) && plan.includes('→ ' + large.name), 'plan: ' + plan);
    await shot('ui-09-vpc-dry-run');
    const done = await scale();
    assert(done.includes('bound to ' + large.name), 'result: ' + done);
    await shot('ui-10-vpc-scaled');
    await closeDialog();
    await routerRunsOn(fx.vpcRouter, large.name);
  });

  await check('nothing was loaded from another origin and the UI raised no script error', async () => {
    assert(foreign.length === 0, 'requests elsewhere: ' + foreign.slice(0, 5).join(', '));
    assertNoScriptErrorOfOurs(pageErrors, apiErrors, rejections);
  });

  await check('an admin whose role denies scaleVirtualRouterProfile does not see the action', async () => {
    await logout();
    await login(fx.noScale);
    await openDetail('guestnetwork/' + fx.network.id, fx.network.name);
    const buttons = await page.locator('.row-action-button button').count();
    assert(buttons > 0, 'no actions drawn at all');
    assert(await scaleButton().count() === 0, 'the action is shown to a role without the API');
    await openDetail('vpc/' + fx.vpc.id, fx.vpc.name);
    assert(await scaleButton().count() === 0, 'the VPC action is shown to a role without the API');
    await shot('ui-11-no-permission');
  });
} finally {
  if (context) {
    await context.close();
  }
  await rm(userDataDir, { recursive: true, force: true });
}

finish();
