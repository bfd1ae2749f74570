// A small stand-in for the CloudStack management server: serves the page under /client/vr-scaling/ and answers
// /client/api for the commands the page calls, in CloudStack's JSON shapes:
//  - list APIs: {"<command>response": {"count": N, "<objectname>": [...]}};
//  - errors: HTTP status = errorcode, {"<command>response": {"uuidList": [], "errorcode": 431, "cserrorcode": 4350,
//    "errortext": "..."}};
//  - async APIs: {"<command>response": {"jobid": "..."}}, then queryasyncjobresultresponse with jobstatus 0 (pending),
//    1 (jobresult {"virtualrouterscale": {...}}) or 2 (jobresult {"errorcode", "errortext"}).
// The plugin's fields follow the @SerializedName names of VirtualRouterProfileResponse, VirtualRouterTuningResponse,
// VirtualRouterScaleResponse and VirtualRouterScaleRouterResponse (object names virtualrouterprofile, tuning,
// virtualrouterscale, router).
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const SESSION_KEY = 'fake-session-key-42';
const MUTATING = new Set(['createvirtualrouterprofile', 'deletevirtualrouterprofile', 'scalevirtualrouterprofile',
  'updatevirtualrouterprofile']);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

function tuning(memory, cpus, overrides = {}) {
  const conntrack = Math.max(1024, Math.floor(memory * 1048576 / 16384 / 4));
  const rows = [
    ['conntrackmax', 'net.netfilter.nf_conntrack_max', conntrack, 'a quarter of memory at 16 KiB per entry', 320],
    ['conntrackbuckets', 'net.netfilter.nf_conntrack_buckets', conntrack, 'one bucket per entry', 8],
    ['netdevmaxbacklog', 'net.core.netdev_max_backlog', 1000 * cpus, 'one thousand per vCPU', 256],
    ['nicqueues', '', cpus, 'one queue per vCPU', 0]
  ];
  return rows.map(([name, sysctl, value, why, bytesEach]) => {
    const v = overrides[name] ?? value;
    return { name, sysctl, value: v, source: name in overrides ? 'OVERRIDE' : 'DERIVED', why, memory: v * bytesEach };
  });
}

function profile(id, name, cpus, mhz, memory, networks, vpcs, overrides) {
  const t = tuning(memory, cpus, overrides);
  // The plugin's budget rule (conntrack-budget-vectors.json) at its defaults: 25 % of RAM, 400 B per entry.
  const value = (n) => t.find((x) => x.name === n).value;
  const budget = Math.floor(memory * 1048576 * 0.25);
  const full = value('conntrackmax') * 400 + Math.ceil(value('conntrackbuckets') / 512) * 512 * 8;
  return {
    id, name, displaytext: name + ' routers', cpunumber: cpus, cpuspeed: mhz, memory, storagetype: 'shared',
    adopted: false, tuning: t, tuningmemory: t.reduce((s, x) => s + x.memory, 0), networkcount: networks,
    vpccount: vpcs, created: '2026-11-20T10:00:00+0000', conntrackfits: full <= budget, conntrackmemory: full,
    conntrackbudget: budget, conntrackforced: false,
    conntrackverdict: 'a full conntrack table needs ' + full + ' B, the budget is ' + budget + ' B'
  };
}

export function createFake() {
  const offerings = [
    { id: 'so-default', name: 'System Offering For Software Router', displaytext: 'System Offering For Software Router',
      cpunumber: 1, cpuspeed: 500, memory: 256, issystem: true, systemvmtype: 'domainrouter', storagetype: 'shared' }
  ];
  const profiles = [
    profile('so-medium', 'vr-medium', 2, 1000, 2048, 1, 0),
    profile('so-large', 'vr-large', 4, 2000, 4096, 0, 1, { conntrackmax: 1048576 }),
    { ...profile('so-tiny', 'vr-tiny', 1, 500, 256, 0, 0, { conntrackmax: 1000000 }), conntrackforced: true }
  ];
  const networks = [
    { id: 'net-web', name: 'net-web', type: 'Isolated', zonename: 'zone-a', state: 'Implemented', vpcid: undefined },
    { id: 'net-db', name: 'net-db', type: 'Isolated', zonename: 'zone-a', state: 'Implemented' },
    { id: 'net-tier1', name: 'tier1', type: 'Isolated', zonename: 'zone-a', state: 'Implemented', vpcid: 'vpc-prod' },
    { id: 'net-shared', name: 'shared-public', type: 'Shared', zonename: 'zone-a', state: 'Setup' }
  ];
  // network/VPC id -> bound profile id (the plugin keeps it as a network/VPC detail)
  const bindings = new Map([['net-web', 'so-medium'], ['vpc-prod', 'so-large']]);
  const vpcs = [{ id: 'vpc-prod', name: 'vpc-prod', zonename: 'zone-a', state: 'Enabled', redundantvpcrouter: true }];
  const router = (id, name, net, vpc, so, soName, redundant, rstate) => ({
    id, name, state: 'Running', guestnetworkid: net, guestnetworkname: net, vpcid: vpc, vpcname: vpc,
    serviceofferingid: so, serviceofferingname: soName, isredundantrouter: redundant, redundantstate: rstate,
    role: 'VIRTUAL_ROUTER', hypervisor: 'KVM', zonename: 'zone-a', requiresupgrade: false
  });
  const routers = [
    router('r-11', 'r-11-VM', 'net-web', undefined, 'so-medium', 'vr-medium', false, 'UNKNOWN'),
    router('r-12', 'r-12-VM', 'net-db', undefined, 'so-default', 'System Offering For Software Router', false,
      'UNKNOWN'),
    router('r-21', 'r-21-VM', 'net-tier1', 'vpc-prod', 'so-large', 'vr-large', true, 'PRIMARY'),
    router('r-22', 'r-22-VM', 'net-tier1', 'vpc-prod', 'so-large', 'vr-large', true, 'BACKUP')
  ];
  const jobs = new Map();
  const calls = [];
  let nextJob = 1;
  let nextProfile = 1;

  function scaleResult(params, dry) {
    const net = networks.find((n) => n.id === params.networkid);
    const prof = profiles.find((p) => p.id === params.profileid);
    const rs = routers.filter((r) => r.guestnetworkid === net.id && !r.vpcid);
    const restart = ['STOP', 'CHANGE_OFFERING to ' + prof.name, 'SET_NIC_QUEUES ' + prof.cpunumber, 'START',
      'PUSH_TUNING', 'VERIFY_TUNING'];
    return {
      networkid: net.id, targetname: net.name, profileid: prof.id, profilename: prof.name, bound: !dry, dryrun: dry,
      totalreboots: rs.length, totalinterruptionseconds: 45 * rs.length,
      router: rs.map((r) => ({
        id: r.id, name: r.name, role: 'NONE', state: r.state, oldserviceofferingid: r.serviceofferingid,
        oldserviceofferingname: r.serviceofferingname, serviceofferingid: prof.id, serviceofferingname: prof.name,
        oldnicqueues: 1, nicqueues: prof.cpunumber, plannedsteps: restart, stepsdone: dry ? [] : restart,
        rebootcount: 1, tuningdelivered: dry ? undefined : true,
        tuningmessage: dry ? undefined : 'applied 9 settings', verification: dry ? undefined : 'MATCH',
        interruption: 'OUTAGE', interruptionseconds: 45,
        note: 'not redundant: forwarding stops while the router restarts'
      })),
      warnings: ['net-db has a single router: expect about 45 s without forwarding']
    };
  }

  function answer(command, params) {
    const key = command + 'response';
    switch (command) {
      case 'listnetworks':
        return [200, { [key]: { count: networks.length, network: networks } }];
      case 'listvpcs':
        return [200, { [key]: { count: vpcs.length, vpc: vpcs } }];
      case 'listrouters':
        return [200, { [key]: { count: routers.length, router: routers } }];
      case 'listserviceofferings': {
        const all = [...offerings, ...profiles.map((p) => ({ id: p.id, name: p.name, displaytext: p.displaytext,
          cpunumber: p.cpunumber, cpuspeed: p.cpuspeed, memory: p.memory, issystem: true,
          systemvmtype: 'domainrouter', storagetype: p.storagetype }))];
        return [200, { [key]: { count: all.length, serviceoffering: all } }];
      }
      case 'listvirtualrouterprofiles': {
        // networkid/vpcid: only the profile that network or VPC is bound to
        const scope = params.networkid || params.vpcid;
        const listed = scope ? profiles.filter((p) => bindings.get(scope) === p.id) : profiles;
        return [200, { [key]: { count: listed.length, virtualrouterprofile: listed } }];
      }
      case 'createvirtualrouterprofile': {
        if (Number(params.memory) < 256) {
          return [431, { [key]: { uuidList: [], errorcode: 431, cserrorcode: 4350,
            errortext: 'memory must be at least 256 MiB, got ' + params.memory } }];
        }
        const p = profile('so-new-' + nextProfile++, params.name, Number(params.cpunumber), Number(params.cpuspeed),
          Number(params.memory), 0, 0, params.conntrackmax ? { conntrackmax: Number(params.conntrackmax) } : {});
        profiles.push(p);
        return [200, { [key]: { virtualrouterprofile: p } }];
      }
      case 'deletevirtualrouterprofile': {
        const i = profiles.findIndex((p) => p.id === params.id);
        if (i < 0) {
          return [431, { [key]: { uuidList: [], errorcode: 431, cserrorcode: 4350,
            errortext: 'no virtual router profile with id ' + params.id } }];
        }
        profiles.splice(i, 1);
        return [200, { [key]: { success: true } }];
      }
      case 'scalevirtualrouterprofile': {
        if (!params.profileid) {
          return [431, { [key]: { uuidList: [], errorcode: 431, cserrorcode: 4350,
            errortext: 'Unable to execute API command scalevirtualrouterprofile due to missing parameter '
              + 'profileid' } }];
        }
        const jobid = 'job-' + nextJob++;
        const dry = params.dryrun === 'true';
        const job = { polls: 0, pendingPolls: dry ? 1 : 2 };
        if (params.vpcid) {
          job.error = { errorcode: 530, errortext: 'VPC vpc-prod has a scale plan running (step 1/2 r-22-VM STOP); '
            + 'wait for it to finish' };
        } else {
          job.result = scaleResult(params, dry);
        }
        jobs.set(jobid, job);
        return [200, { [key]: { jobid } }];
      }
      case 'queryasyncjobresult': {
        const job = jobs.get(params.jobid);
        if (!job) {
          return [431, { [key]: { uuidList: [], errorcode: 431, cserrorcode: 4350, errortext: 'no job ' + params.jobid } }];
        }
        job.polls++;
        const base = { accountid: 'admin-account', userid: 'admin-user',
          cmd: 'org.apache.cloudstack.api.command.admin.vrscaling.ScaleVirtualRouterProfileCmd',
          jobprocstatus: 0, created: '2026-11-26T10:00:00+0000', jobid: params.jobid };
        if (job.polls <= job.pendingPolls) {
          return [200, { [key]: { ...base, jobstatus: 0, jobresultcode: 0 } }];
        }
        if (job.error) {
          return [200, { [key]: { ...base, jobstatus: 2, jobresultcode: 530, jobresulttype: 'object',
            jobresult: job.error } }];
        }
        if (!job.result.dryrun && !job.applied) {
          job.applied = true;
          const bound = profiles.find((p) => p.id === job.result.profileid);
          bound.networkcount += 1;
          bindings.set(job.result.networkid, job.result.profileid);
          for (const r of routers.filter((x) => x.guestnetworkid === job.result.networkid)) {
            r.serviceofferingid = job.result.profileid;
            r.serviceofferingname = job.result.profilename;
          }
        }
        return [200, { [key]: { ...base, jobstatus: 1, jobresultcode: 0, jobresulttype: 'object',
          jobresult: { virtualrouterscale: job.result } } }];
      }
      default:
        return [432, { errorresponse: { uuidList: [], errorcode: 432, cserrorcode: 9999,
          errortext: 'The given command does not exist or it is not available for the user' } }];
    }
  }

  // Like ApiServlet: the sessionkey parameter and/or the sessionkey cookie; whichever is given must match.
  function authenticated(req, params) {
    const cookie = /(?:^|;\s*)sessionkey=([^;]*)/.exec(req.headers.cookie || '');
    const given = [params.sessionkey, cookie && cookie[1]].filter((v) => v !== undefined && v !== null);
    return given.length > 0 && given.every((v) => v === SESSION_KEY);
  }

  async function handle(req, res, pageDir) {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/client/api') {
      let body = '';
      for await (const chunk of req) {
        body += chunk;
      }
      const params = Object.fromEntries(url.searchParams);
      if (req.method === 'POST') {
        Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
      }
      const command = String(params.command || '').toLowerCase();
      calls.push({ method: req.method, command, params, cookie: req.headers.cookie || '' });
      let status;
      let json;
      if (params.response !== 'json') {
        [status, json] = [400, { errorresponse: { errorcode: 400, errortext: 'fake answers response=json only' } }];
      } else if (!authenticated(req, params)) {
        [status, json] = [401, { [command + 'response']: { uuidList: [], errorcode: 401,
          errortext: 'unable to verify user credentials and/or request signature' } }];
      } else if (MUTATING.has(command) && req.method !== 'POST') {
        [status, json] = [405, { [command + 'response']: { errorcode: 405, errortext: 'fake: use POST for ' + command } }];
      } else {
        [status, json] = answer(command, params);
      }
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(json));
      return;
    }
    const prefix = '/client/vr-scaling/';
    if (url.pathname.startsWith(prefix)) {
      const name = path.basename(url.pathname.slice(prefix.length) || 'index.html');
      try {
        const data = await readFile(path.join(pageDir, name));
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] || 'application/octet-stream' });
        res.end(data);
      } catch {
        res.writeHead(404).end('not found');
      }
      return;
    }
    res.writeHead(404).end('not found');
  }

  return {
    calls,
    jobs,
    listen(pageDir) {
      const server = http.createServer((req, res) => {
        handle(req, res, pageDir).catch((e) => {
          res.writeHead(500).end(String(e));
        });
      });
      return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
    }
  };
}
