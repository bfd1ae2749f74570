// Keeps the page, the UI patch and the fake API honest against the plugin itself: every plugin API, parameter and
// response field they use must be in the listApis entries generated from the plugin's annotations
// (plugins/vr-scaling/target/listApis-vr-scaling.json, written by ListApisDiscoveryTest), and the UI patch's Vue
// component must parse. Prints "N passed, N failed" last and exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFake, SESSION_KEY } from './fake-cloudstack.mjs';
import { assert, createChecks } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const listApisFile = path.join(root, '..', 'plugins', 'vr-scaling', 'target', 'listApis-vr-scaling.json');
const PLUGIN_APIS = ['createVirtualRouterProfile', 'listVirtualRouterProfiles', 'updateVirtualRouterProfile',
  'deleteVirtualRouterProfile', 'scaleVirtualRouterProfile'];
const BASE_RESPONSE_FIELDS = new Set(['jobid', 'jobstatus']);

const { check, finish } = createChecks();

function missing(used, declared) {
  return [...used].filter((x) => !declared.has(x));
}

let apis = new Map();
await check('listApis entries generated from the plugin are present', async () => {
  let text;
  try {
    text = await readFile(listApisFile, 'utf8');
  } catch (e) {
    throw new Error(listApisFile + ' is missing: run the plugin\'s tests first (mvn -pl plugins/vr-scaling -am test)');
  }
  const body = JSON.parse(text).listapisresponse;
  apis = new Map(body.api.map((a) => [a.name, a]));
  assert(PLUGIN_APIS.every((n) => apis.has(n)), 'listApis has ' + [...apis.keys()].join(', '));
});

const params = (api) => new Set((apis.get(api)?.params || []).map((p) => p.name));
const fields = (api) => new Set((apis.get(api)?.response || []).map((r) => r.name));
const nested = (api, field) => new Set(((apis.get(api)?.response || []).find((r) => r.name === field)?.response || [])
  .map((r) => r.name));

const pageJs = await readFile(path.join(root, 'vr-scaling', 'vr-scaling.js'), 'utf8');
const pageHtml = await readFile(path.join(root, 'vr-scaling', 'index.html'), 'utf8');

await check('the page calls only plugin APIs that exist', async () => {
  const called = new Set([...pageJs.matchAll(/(?:call|runJob)\('(\w+)'/g)].map((m) => m[1]));
  const plugin = [...called].filter((c) => /VirtualRouterProfile/.test(c));
  assert(plugin.length >= 4, 'found only ' + plugin.join(', '));
  assert(missing(plugin, new Set(apis.keys())).length === 0, 'unknown: ' + missing(plugin, new Set(apis.keys())));
});

await check('the page sends scaleVirtualRouterProfile only declared parameters', async () => {
  const used = new Set(['dryrun']);
  used.add(/const PROFILE_PARAM = '(\w+)'/.exec(pageJs)[1]);
  for (const m of pageJs.matchAll(/param: '(\w+)'/g)) {
    used.add(m[1]);
  }
  assert(used.has('networkid') && used.has('vpcid'), [...used].join(','));
  const bad = missing(used, params('scaleVirtualRouterProfile'));
  assert(bad.length === 0, 'not parameters of scaleVirtualRouterProfile: ' + bad.join(', '));
});

await check('bindings are read with listVirtualRouterProfiles parameters that exist', async () => {
  // the page: call('listVirtualRouterProfiles', { [param]: id }) over ['vpcid', …] and ['networkid', …]
  assert(/call\('listVirtualRouterProfiles', \{ \[param\]: id \}\)/.test(pageJs), 'the page reads no bindings');
  const used = new Set([...pageJs.matchAll(/\['(networkid|vpcid)', [nv]\.id\]/g)].map((m) => m[1]));
  assert(used.size === 2, 'binding parameters used by the page: ' + [...used]);
  const bad = missing(used, params('listVirtualRouterProfiles'));
  assert(bad.length === 0, 'not parameters of listVirtualRouterProfiles: ' + bad.join(', '));
});

await check('the create form and delete send only declared parameters', async () => {
  const form = /<form id="create-profile">([\s\S]*?)<\/form>/.exec(pageHtml)[1];
  const names = new Set([...form.matchAll(/name="(\w+)"/g)].map((m) => m[1]));
  assert(names.size >= 5, [...names].join(','));
  const bad = missing(names, params('createVirtualRouterProfile'));
  assert(bad.length === 0, 'not parameters of createVirtualRouterProfile: ' + bad.join(', '));
  const line = /call\('deleteVirtualRouterProfile', \{([^}]*)\}/.exec(pageJs)[1];
  const keys = new Set([...line.matchAll(/(\w+):/g)].map((m) => m[1]));
  const badDelete = missing(keys, params('deleteVirtualRouterProfile'));
  assert(keys.has('id') && badDelete.length === 0, 'delete keys ' + [...keys] + ', unknown ' + badDelete);
});

await check('the page reads only declared response fields of the plugin', async () => {
  // p.<field> on profiles, t.<field> on tuning rows, result.<field> on the scale answer, r.<field> on its routers
  const read = (prefix) => new Set([...pageJs.matchAll(new RegExp('\\b' + prefix + '\\.(\\w+)', 'g'))].map((m) => m[1]));
  const profileBad = missing(read('p'), fields('listVirtualRouterProfiles'));
  const tuningBad = missing(read('t'), nested('listVirtualRouterProfiles', 'tuning'));
  const scaleBad = missing(read('result'), fields('scaleVirtualRouterProfile'));
  const routerOnly = [...read('r')].filter((f) => !['serviceofferingid', 'serviceofferingname', 'state', 'name',
    'redundantstate', 'isredundantrouter', 'vpcid', 'guestnetworkid'].includes(f)); // also listRouters fields
  const routerBad = missing(routerOnly, nested('scaleVirtualRouterProfile', 'router'));
  assert(profileBad.length + tuningBad.length + scaleBad.length + routerBad.length === 0,
    'undeclared: profile ' + profileBad + ' | tuning ' + tuningBad + ' | scale ' + scaleBad + ' | router ' + routerBad);
});

await check('the fake answers with exactly the plugin\'s response fields', async () => {
  const fake = createFake();
  const server = await fake.listen(root);
  const base = 'http://127.0.0.1:' + server.address().port + '/client/api?response=json&sessionkey=' + SESSION_KEY;
  const get = async (q) => (await fetch(base + '&' + q)).json();
  try {
    const problems = [];
    const compare = (what, object, declared) => {
      const extra = Object.keys(object).filter((k) => !declared.has(k) && !BASE_RESPONSE_FIELDS.has(k));
      if (extra.length) {
        problems.push(what + ': ' + extra.join(', '));
      }
    };
    const list = (await get('command=listVirtualRouterProfiles')).listvirtualrouterprofilesresponse;
    for (const p of list.virtualrouterprofile) {
      compare('profile', p, fields('listVirtualRouterProfiles'));
      for (const t of p.tuning) {
        compare('tuning', t, nested('listVirtualRouterProfiles', 'tuning'));
      }
    }
    const started = await fetch(base + '&command=scaleVirtualRouterProfile', { method: 'POST',
      body: new URLSearchParams({ networkid: 'net-db', profileid: 'so-large', dryrun: 'true' }) });
    const job = (await started.json()).scalevirtualrouterprofileresponse.jobid;
    assert(job, 'no jobid from the fake');
    let answer;
    do {
      answer = (await get('command=queryAsyncJobResult&jobid=' + job)).queryasyncjobresultresponse;
    } while (answer.jobstatus === 0);
    const scale = answer.jobresult.virtualrouterscale;
    compare('scale', scale, fields('scaleVirtualRouterProfile'));
    for (const r of scale.router) {
      compare('scale router', r, nested('scaleVirtualRouterProfile', 'router'));
    }
    assert(problems.length === 0, 'fields the plugin does not declare: ' + problems.join('; '));
  } finally {
    server.close();
  }
});

await check('the UI patch adds the action to routers, networks and VPCs and its component parses', async () => {
  const patch = await readFile(path.join(root, 'patch', 'vr-scaling-ui.patch'), 'utf8');
  const files = patch.split(/^diff /m).slice(1);
  const added = (file) => file.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'))
    .map((l) => l.slice(1)).join('\n');
  const byName = (name) => files.find((f) => f.startsWith('-Naur a/' + name + ' ') || f.includes('+++ b/' + name + '\n'));
  const routers = byName('ui/src/config/section/infra/routers.js');
  const network = byName('ui/src/config/section/network.js');
  const vue = byName('ui/src/views/infra/routers/ScaleRouterProfile.vue');
  assert(routers && network && vue, 'patch lacks a file');
  assert((added(routers).match(/api: 'scaleVirtualRouterProfile'/g) || []).length === 1, 'routers.js action');
  assert((added(network).match(/api: 'scaleVirtualRouterProfile'/g) || []).length === 2, 'network.js actions');
  const script = /<script>([\s\S]*?)<\/script>/.exec(added(vue))[1];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vr-scaling-patch-'));
  try {
    await writeFile(path.join(dir, 'component.mjs'), script);
    execFileSync(process.execPath, ['--check', path.join(dir, 'component.mjs')], { stdio: 'pipe' });
  } catch (e) {
    throw new Error('ScaleRouterProfile.vue script does not parse: ' + (e.stderr || e.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const sent = new Set([...script.matchAll(/\{ (\w+): this\.resource/g), ...script.matchAll(/(\w+): this\.profileId/g),
    ...script.matchAll(/(\w+): dryRun/g)].map((m) => m[1]));
  const bad = missing(sent, params('scaleVirtualRouterProfile'));
  assert(sent.size >= 5 && bad.length === 0, 'sent ' + [...sent] + '; undeclared ' + bad);
  const apiCalls = new Set([...script.matchAll(/(?:getAPI|postAPI)\('(\w+)'/g)].map((m) => m[1]));
  const pluginCalls = [...apiCalls].filter((c) => /VirtualRouterProfile/.test(c));
  assert(missing(pluginCalls, new Set(apis.keys())).length === 0, 'unknown API in component: ' + pluginCalls);
});

finish();
