// VR Scale page for the CloudStack UI's config.json "plugins" entry (shown in an iframe, same origin as the UI).
// It calls the API like the UI: /client/api?command=...&response=json&sessionkey=<the session key>, with the session
// cookies; GET for reads and POST (form body) for anything that changes state.
'use strict';

(function () {
  const API_URL = '/client/api';
  // scaleVirtualRouterProfile's parameter naming the profile
  const PROFILE_PARAM = 'profileid';
  const POLL_MS = Number(new URLSearchParams(window.location.search).get('poll')) || 2000;

  const state = { networks: [], vpcs: [], routers: [], offerings: new Map(), profiles: [], bindings: new Map() };

  class ApiError extends Error {
    constructor(command, code, text) {
      super(text);
      this.command = command;
      this.code = code;
    }
  }

  // ---- API access ----------------------------------------------------------------------------------------------

  // The session key as the UI sends it. CloudStack sets the sessionkey cookie HttpOnly, so usually the page cannot
  // read it: then the UI's own copy (local storage "<namespace>Access-Token", kept by the UI after login) is used,
  // and without either the browser's cookies alone authenticate the same-origin request.
  function sessionKey() {
    for (const part of document.cookie.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === 'sessionkey' && rest.length) {
        return decodeURIComponent(rest.join('='));
      }
    }
    try {
      for (let i = 0; i < window.localStorage.length; i++) {
        const name = window.localStorage.key(i);
        if (name && name.endsWith('Access-Token')) {
          // stored as a JSON string, or as {"value": ..., "expire": ...} by older storage plugins
          const stored = JSON.parse(window.localStorage.getItem(name));
          const value = stored && typeof stored === 'object' ? stored.value : stored;
          if (typeof value === 'string' && value) {
            return value;
          }
        }
      }
    } catch (e) {
      // no readable local storage: rely on the cookies
    }
    return null;
  }

  async function call(command, params = {}, post = false) {
    const query = new URLSearchParams({ command, response: 'json' });
    const key = sessionKey();
    if (key) {
      query.set('sessionkey', key);
    }
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined || value === null || value === '') {
        continue;
      }
      (post ? body : query).set(name, String(value));
    }
    const init = post
      ? { method: 'POST', body, credentials: 'same-origin' }
      : { method: 'GET', credentials: 'same-origin' };
    let res;
    try {
      res = await fetch(API_URL + '?' + query.toString(), init);
    } catch (e) {
      throw new ApiError(command, 0, 'the management server did not answer (' + e.message + ')');
    }
    let json;
    try {
      json = await res.json();
    } catch (e) {
      throw new ApiError(command, res.status, 'HTTP ' + res.status + ': the answer is not CloudStack API JSON');
    }
    const inner = json[command.toLowerCase() + 'response'] || json.errorresponse || Object.values(json)[0] || {};
    if (inner.errorcode || !res.ok) {
      throw new ApiError(command, inner.errorcode || res.status, inner.errortext || 'HTTP ' + res.status);
    }
    return inner;
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  // Starts an async API and polls queryAsyncJobResult until jobstatus != 0; returns jobresult.
  async function runJob(command, params, onProgress) {
    const started = await call(command, params, true);
    const jobid = started.jobid;
    if (!jobid) {
      throw new ApiError(command, 0, 'no jobid in the answer');
    }
    for (let polls = 1; ; polls++) {
      onProgress(jobid, polls);
      await sleep(POLL_MS);
      const job = await call('queryAsyncJobResult', { jobid });
      if (job.jobstatus === 0) {
        continue;
      }
      const answer = job.jobresult || {};
      if (job.jobstatus === 1) {
        return answer;
      }
      throw new ApiError(command, answer.errorcode || job.jobresultcode, answer.errortext || 'the job failed');
    }
  }

  // ---- small DOM helpers ---------------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === 'onclick') {
        node.addEventListener('click', value);
      } else if (value !== undefined && value !== null && value !== false) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  function tag(text, kind) {
    return el('span', { class: 'tag' + (kind ? ' ' + kind : '') }, text);
  }

  function showError(e) {
    const box = document.getElementById('error');
    if (e instanceof ApiError) {
      box.textContent = e.command + ' failed' + (e.code ? ' (error ' + e.code + ')' : '') + ': ' + e.message;
    } else {
      box.textContent = String(e && e.message ? e.message : e);
    }
    box.hidden = false;
  }

  function clearError() {
    const box = document.getElementById('error');
    box.hidden = true;
    box.textContent = '';
  }

  function status(text) {
    document.getElementById('status').textContent = text;
  }

  function mib(bytes) {
    return (bytes / 1048576).toFixed(bytes < 10485760 ? 1 : 0) + ' MiB';
  }

  // ---- loading -------------------------------------------------------------------------------------------------

  // All accounts' items plus all projects' items (CloudStack lists project resources only with projectid=-1).
  async function listEverywhere(command, objectName) {
    const [plain, projects] = await Promise.all([
      call(command, { listall: true }),
      call(command, { listall: true, projectid: -1 })
    ]);
    const byId = new Map();
    for (const item of [...(plain[objectName] || []), ...(projects[objectName] || [])]) {
      byId.set(item.id, item);
    }
    return [...byId.values()];
  }

  async function load() {
    clearError();
    status('Loading…');
    try {
      const [networks, vpcs, routers, offerings, profiles] = await Promise.all([
        listEverywhere('listNetworks', 'network'),
        listEverywhere('listVPCs', 'vpc'),
        listEverywhere('listRouters', 'router'),
        call('listServiceOfferings', { issystem: true, systemvmtype: 'domainrouter' }),
        call('listVirtualRouterProfiles')
      ]);
      // VPC tiers are handled through their VPC; shared/L2 networks have no virtual router of their own to size
      state.networks = networks.filter((n) => !n.vpcid && n.type === 'Isolated');
      state.vpcs = vpcs;
      state.routers = routers;
      state.offerings = new Map((offerings.serviceoffering || []).map((o) => [o.id, o]));
      state.profiles = profiles.virtualrouterprofile || [];
      state.bindings = await loadBindings();
      render();
      status('Loaded ' + state.networks.length + ' networks, ' + state.vpcs.length + ' VPCs, '
        + state.routers.length + ' routers, ' + state.profiles.length + ' profiles.');
    } catch (e) {
      status('');
      showError(e);
    }
  }

  // Which profile each network and VPC is bound to (listVirtualRouterProfiles networkid=/vpcid=), read only when
  // some profile has bindings. A binding the caller may not see is shown as such, not as "not bound".
  async function loadBindings() {
    const bindings = new Map();
    if (!state.profiles.some((p) => (p.networkcount || 0) + (p.vpccount || 0) > 0)) {
      return bindings;
    }
    const targets = [...state.vpcs.map((v) => ['vpcid', v.id]), ...state.networks.map((n) => ['networkid', n.id])];
    await Promise.all(targets.map(async ([param, id]) => {
      try {
        const listed = await call('listVirtualRouterProfiles', { [param]: id });
        bindings.set(id, (listed.virtualrouterprofile || [])[0] || null);
      } catch (e) {
        bindings.set(id, e);
      }
    }));
    return bindings;
  }

  // ---- rendering -----------------------------------------------------------------------------------------------

  function render() {
    renderTargets();
    renderProfiles();
  }

  function routerSize(router) {
    const offering = state.offerings.get(router.serviceofferingid);
    const size = offering ? offering.cpunumber + ' vCPU, ' + offering.memory + ' MiB' : 'size unknown';
    return size + ' · ' + (router.serviceofferingname || 'no offering');
  }

  function bindingTag(id) {
    const bound = state.bindings.get(id);
    if (bound instanceof Error) {
      return tag('binding not readable: ' + bound.message, 'warn');
    }
    return bound ? tag('bound: ' + bound.name, 'ok') : tag('not bound');
  }

  function profileCell(routers, id) {
    return el('div', { class: 'profile' }, el('div', null, runningCell(routers)),
      el('div', { class: 'binding' }, bindingTag(id)));
  }

  function runningCell(routers) {
    if (routers.length === 0) {
      return tag('no routers');
    }
    const names = new Set(routers.map((r) => {
      const profile = state.profiles.find((p) => p.id === r.serviceofferingid);
      return profile ? profile.name : null;
    }));
    if (names.size === 1) {
      const only = [...names][0];
      return only ? tag(only, 'ok') : tag('none (not a profile offering)');
    }
    return tag('mixed: ' + [...names].map((n) => n || 'other').join(', '), 'warn');
  }

  function renderTargets() {
    const rows = [];
    const targets = [
      ...state.vpcs.map((v) => ({ kind: 'VPC', param: 'vpcid', item: v,
        routers: state.routers.filter((r) => r.vpcid === v.id) })),
      ...state.networks.map((n) => ({ kind: 'Network', param: 'networkid', item: n,
        routers: state.routers.filter((r) => r.guestnetworkid === n.id && !r.vpcid) }))
    ];
    for (const target of targets) {
      const select = el('select', { 'aria-label': 'profile for ' + target.item.name },
        state.profiles.map((p) => el('option', { value: p.id }, p.name)));
      const apply = el('div', { class: 'apply' }, select,
        el('button', { type: 'button', class: 'secondary', disabled: state.profiles.length === 0,
          onclick: () => scale(target, select.value, true) }, 'Dry run'),
        el('button', { type: 'button', disabled: state.profiles.length === 0,
          onclick: () => scale(target, select.value, false) }, 'Scale'));
      rows.push(el('tr', { 'data-id': target.item.id },
        el('td', null, target.kind),
        el('td', null, target.item.name),
        el('td', null, target.item.zonename || ''),
        el('td', null, target.routers.length === 0 ? '—' : target.routers.map((r) => el('div', { class: 'router' },
          r.name, tag(r.state, r.state === 'Running' ? 'ok' : 'warn'),
          r.redundantstate && r.isredundantrouter ? tag(r.redundantstate) : null,
          ' ', routerSize(r)))),
        el('td', null, profileCell(target.routers, target.item.id)),
        el('td', null, apply)));
    }
    document.querySelector('#targets tbody').replaceChildren(...(rows.length ? rows
      : [el('tr', null, el('td', { colspan: 6 }, 'No isolated networks or VPCs.'))]));
  }

  // The plugin's own memory check (conntrackfits/conntrackverdict): a table over budget can panic the router.
  function conntrackVerdict(p) {
    if (p.conntrackfits === undefined) {
      return null;
    }
    return el('div', { class: 'tuning', title: p.conntrackverdict || '' },
      p.conntrackfits ? tag('conntrack fits RAM budget', 'ok') : tag('conntrack over RAM budget', 'bad'),
      p.conntrackforced ? tag('forced', 'warn') : null,
      p.conntrackfits ? null : el('div', { class: 'sub' }, p.conntrackverdict || ''));
  }

  function renderProfiles() {
    const rows = state.profiles.map((p) => el('tr', { 'data-id': p.id },
      el('td', null, el('strong', null, p.name), p.adopted ? tag('adopted') : null,
        el('div', { class: 'sub' }, p.displaytext || '')),
      el('td', null, p.cpunumber + ' vCPU × ' + p.cpuspeed + ' MHz, ' + p.memory + ' MiB'),
      el('td', null, p.storagetype || ''),
      el('td', null, (p.networkcount || 0) + ' networks, ' + (p.vpccount || 0) + ' VPCs'),
      el('td', null, el('table', { class: 'tuning' }, (p.tuning || []).map((t) => el('tr', { title: t.why || '' },
        el('td', null, t.name), el('td', null, String(t.value)),
        el('td', null, t.source === 'OVERRIDE' ? tag('override', 'warn') : tag('derived'))))),
      p.tuningmemory !== undefined ? el('div', { class: 'tuning' }, 'worst-case kernel memory ' + mib(p.tuningmemory))
        : null,
      conntrackVerdict(p)),
      el('td', null, el('button', { type: 'button', class: 'danger', onclick: () => deleteProfile(p) }, 'Delete'))));
    document.querySelector('#profiles tbody').replaceChildren(...(rows.length ? rows
      : [el('tr', null, el('td', { colspan: 6 }, 'No profiles yet: create one below.'))]));
  }

  function renderPlan(result, title) {
    document.getElementById('plan').hidden = false;
    document.getElementById('plan-title').textContent = title;
    const dry = result.dryrun === true;
    document.getElementById('plan-summary').replaceChildren(
      el('div', null, (result.targetname || '') + ' → profile ' + (result.profilename || result.profileid || '')),
      el('div', null, 'Router restarts: ', el('strong', { id: 'plan-reboots' }, String(result.totalreboots ?? 0)),
        ' · Estimated interruption: ',
        el('strong', { id: 'plan-interruption' }, String(result.totalinterruptionseconds ?? 0) + ' s'),
        ' · ', dry ? tag('dry run: nothing changed', 'warn')
          : result.bound ? tag('bound to the profile', 'ok') : tag('binding unchanged')));
    document.getElementById('plan-routers').replaceChildren(...(result.router || []).map((r) => {
      const steps = dry ? (r.plannedsteps || []) : (r.stepsdone || []);
      const outcome = [];
      if (!dry) {
        if (r.tuningdelivered === true) {
          outcome.push(tag('tuning delivered', 'ok'));
        } else if (r.tuningdelivered === false) {
          outcome.push(tag('tuning not delivered', 'bad'));
        }
        if (r.verification) {
          outcome.push(tag('verify: ' + r.verification));
        }
      }
      return el('li', { class: 'plan-router' },
        el('strong', null, r.name), ' ', tag(r.role || 'NONE'), ' ', r.state || '',
        el('div', null, (r.oldserviceofferingname || '?') + ' → ' + (r.serviceofferingname || '?'),
          ' · NIC queues ' + (r.oldnicqueues ?? '?') + ' → ' + (r.nicqueues ?? '?'),
          ' · restarts ' + (r.rebootcount ?? 0),
          r.interruption ? ' · ' + r.interruption + ' ~' + (r.interruptionseconds ?? 0) + ' s' : ''),
        el('ol', { class: 'steps' }, steps.map((s) => el('li', null, s))),
        outcome,
        r.tuningmessage ? el('div', { class: 'sub' }, r.tuningmessage) : null,
        r.note ? el('div', { class: 'sub' }, r.note) : null);
    }));
    document.getElementById('plan-warnings').replaceChildren(...(result.warnings || []).map((w) => el('li', null, w)));
  }

  function renderProgress(title, text) {
    document.getElementById('plan').hidden = false;
    document.getElementById('plan-title').textContent = title;
    document.getElementById('plan-summary').replaceChildren(el('div', { id: 'progress' }, text));
    document.getElementById('plan-routers').replaceChildren();
    document.getElementById('plan-warnings').replaceChildren();
  }

  // ---- actions -------------------------------------------------------------------------------------------------

  async function scale(target, profileId, dryRun) {
    clearError();
    const profile = state.profiles.find((p) => p.id === profileId);
    const what = target.kind + ' ' + target.item.name + ' → ' + (profile ? profile.name : profileId);
    if (!dryRun && !window.confirm('Scale the routers of ' + what + '? Routers that need it are restarted '
      + '(redundant pairs BACKUP first). Run a dry run first to see the order.')) {
      return;
    }
    const title = (dryRun ? 'Dry run: ' : 'Scale: ') + what;
    const buttons = document.querySelectorAll('#targets button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const answer = await runJob('scaleVirtualRouterProfile',
        { [target.param]: target.item.id, [PROFILE_PARAM]: profileId, dryrun: dryRun },
        (jobid, polls) => renderProgress(title, 'Job ' + jobid + ' running… (check ' + polls + ')'));
      const scaled = answer.virtualrouterscale || answer;
      renderPlan(scaled, (dryRun ? 'Dry run done: ' : 'Scale done: ') + what);
      if (!dryRun) {
        await load();
      }
    } catch (e) {
      renderProgress(title, 'Failed.');
      showError(e);
    } finally {
      document.querySelectorAll('#targets button').forEach((b) => { b.disabled = state.profiles.length === 0; });
    }
  }

  async function deleteProfile(profile) {
    clearError();
    const bound = (profile.networkcount || 0) + (profile.vpccount || 0);
    const question = bound > 0
      ? 'Profile ' + profile.name + ' is bound to ' + bound + ' networks/VPCs. Delete it and remove the bindings? '
        + 'Routers keep the size they run.'
      : 'Delete profile ' + profile.name + '?';
    if (!window.confirm(question)) {
      return;
    }
    try {
      await call('deleteVirtualRouterProfile', { id: profile.id, forced: bound > 0 ? true : undefined }, true);
      await load();
      status('Deleted profile ' + profile.name + '.');
    } catch (e) {
      showError(e);
    }
  }

  async function createProfile(event) {
    event.preventDefault();
    clearError();
    const form = event.target;
    const params = Object.fromEntries(new FormData(form).entries());
    try {
      const created = await call('createVirtualRouterProfile', params, true);
      const profile = created.virtualrouterprofile || created;
      form.reset();
      await load();
      status('Created profile ' + profile.name + '.');
    } catch (e) {
      showError(e);
    }
  }

  document.getElementById('refresh').addEventListener('click', load);
  document.getElementById('create-profile').addEventListener('submit', createProfile);
  load();
}());
