// Benchmark of the weekly nudges: N projects set up in N team channels (through the bot's own set-up card),
// all due at the same minute, posted through ../shared/bench/connector.mjs with Teams-like rate limits and a
// global cap. Reports lost, duplicated, the achieved post rate against the cap, and the 429s met.
// With --instances 2 and --postgres, several bot processes share one PostgreSQL database: the set-ups are spread
// over them and each posts up to its share of the cap.
//
//   node benchmarks/nudges.mjs [--projects 2000] [--global-rps 50] [--bot-port 41090] [--connector-port 41091]
//                              [--instances 1] [--postgres <Npgsql connection string>] [--lead 120]
// The bot must be built first (benchmarks/nudges.sh does both).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: {
  projects: { type: 'string', default: '2000' }, 'global-rps': { type: 'string', default: '50' },
  'bot-port': { type: 'string', default: '41090' }, 'connector-port': { type: 'string', default: '41091' },
  'seed-concurrency': { type: 'string', default: '8' }, instances: { type: 'string', default: '1' }, postgres: { type: 'string' },
  lead: { type: 'string', default: '120' }, bench: { type: 'string', default: join(root, '..', 'shared', 'bench') },
  out: { type: 'string' },
} });
const projects = Number(values.projects);
const rps = Number(values['global-rps']);
const { createConnector, TEAMS_LIMITS } = await import(pathToFileURL(join(values.bench, 'connector.mjs')).href);

const connector = createConnector({ port: Number(values['connector-port']), rateLimit: TEAMS_LIMITS, globalRps: rps, maxRecords: 500000 });
const serviceUrl = (await connector.listen()).replace(/\/?$/, '/');
const data = mkdtempSync(join(tmpdir(), 'aicoachbot-nudges-'));
const instances = Number(values.instances);
const shared = values.postgres
  ? { Storage__PostgresConnectionString: values.postgres, Retros__PseudonymKey: Buffer.alloc(32, 7).toString('base64') }
  : {};
const botUrls = Array.from({ length: instances }, (_, i) => `http://127.0.0.1:${Number(values['bot-port']) + i}`);
const bots = botUrls.map((url, i) => spawn('dotnet', [join(root, 'src/AiCoachBot.Host/bin/Release/net10.0/AiCoachBot.Host.dll'), '--urls', url], {
  env: { ...process.env, ...shared, Storage__DataDirectory: data, Nudges__TickInterval: '00:00:02', Nudges__MaxPostsPerSecond: String(rps / instances),
    Nudges__InstanceId: `bench-${i}`, Logging__LogLevel__Default: 'Warning' },
  stdio: ['ignore', 'ignore', 'inherit'],
}));
const stop = () => { for (const bot of bots) { try { bot.kill('SIGTERM'); } catch { } } };
process.on('exit', stop);

for (const url of botUrls) {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { }
    if (i > 300) throw new Error(`the bot at ${url} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Due --lead seconds after the set-up starts (UTC, rounded up to the minute), on that day: every project at the same minute.
const due = new Date(Date.now() + Number(values.lead) * 1000 + (60_000 - (Date.now() % 60_000)));
const day = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][due.getUTCDay()];
const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;

let next = 0;
const seedStart = performance.now();
async function seed() {
  while (next < projects) {
    const n = next++;
    const team = `19:team${n}@thread.tacv2`;
    const activity = {
      type: 'message', id: `seed-${n}`, channelId: 'msteams', serviceUrl, locale: 'en-US', timestamp: new Date().toISOString(),
      from: { id: `29:owner${n}`, aadObjectId: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`, name: `Owner ${n}` },
      recipient: { id: '28:bot', name: 'AiCoachBot' },
      conversation: { id: `${team};messageid=${n}`, conversationType: 'channel', isGroup: true, tenantId: 'bench-tenant' },
      channelData: { tenant: { id: 'bench-tenant' }, team: { id: team }, channel: { id: team } },
      value: {
        command: 'setup.save', project: 'new', newName: `Project ${n}`, phase: 'poc',
        'kpi1.name': 'Handling time', 'kpi1.unit': 'min', 'kpi1.baseline': '12', 'kpi1.target': '8', 'kpi1.direction': 'lower',
        'kpi1.method': 'CRM report', 'kpi1.owner': 'Ops', day, time, timeZone: 'UTC', language: 'en',
      },
    };
    const res = await fetch(`${botUrls[n % instances]}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (res.status !== 200) throw new Error(`set-up ${n}: HTTP ${res.status}`);
  }
}
await Promise.all(Array.from({ length: Number(values['seed-concurrency']) }, seed));
const seedSeconds = (performance.now() - seedStart) / 1000;
if (Date.now() > due.getTime()) throw new Error(`seeding took ${seedSeconds.toFixed(0)} s, past the due minute: use fewer projects or a higher --global-rps`);
console.log(`seeded ${projects} set-ups in ${seedSeconds.toFixed(1)} s; all due at ${time} UTC`);

// Wait until every card arrived (or nothing more comes for 30 s).
const throttledBefore = connector.stats({ brief: true }).throttled429;
const created = () => connector.stats({ brief: true }).byRoute.create;
const before = created();
let last = before, quiet = 0;
while (created() - before < projects && quiet < 30) {
  await new Promise((r) => setTimeout(r, 1000));
  const now = created();
  quiet = now === last && Date.now() > due.getTime() ? quiet + 1 : 0;
  last = now;
}

// The connector counts a request when it arrives and records it a moment later: let the last ones land.
await new Promise((r) => setTimeout(r, 2000));

// Every card names its project: count each project's cards.
const stats = connector.stats({ brief: false });
const perProject = new Map();
const times = [];
const listing = await (await fetch(`${serviceUrl}_control/activities`)).json();
for (const { id } of listing.conversations.filter((c) => c.id.startsWith('a:created-'))) {
  const records = await (await fetch(`${serviceUrl}_control/activities?conversation=${encodeURIComponent(id)}`)).json();
  for (const r of records.activities) {
    if (r.op !== 'create') continue;
    const project = JSON.stringify(r.activity).match(/"project":"([0-9a-f]{12})"/)?.[1];
    if (project) perProject.set(project, (perProject.get(project) ?? 0) + 1);
    times.push(r.recvMono);
  }
}
const posted = [...perProject.values()].reduce((a, b) => a + b, 0);
const duplicated = [...perProject.values()].filter((c) => c > 1).length;
const lost = projects - perProject.size;
times.sort((a, b) => a - b);
const spanSeconds = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : NaN;
const achieved = projects > 1 ? (posted - 1) / spanSeconds : NaN;
const result = {
  projects, instances, store: values.postgres ? 'postgresql' : 'sqlite', globalRps: rps, posted, lost, duplicated, spanSeconds: Number(spanSeconds.toFixed(1)),
  achievedPerSecond: Number(achieved.toFixed(1)), shareOfLimit: Number((achieved / rps).toFixed(3)),
  throttled429WhilePosting: stats.throttled429 - throttledBefore, throttled429WhileSeeding: throttledBefore, seedSeconds: Number(seedSeconds.toFixed(1)),
};
console.log(JSON.stringify(result));
if (values.out) writeFileSync(values.out, JSON.stringify(result, null, 2));
stop();
await connector.close?.();
process.exit(lost === 0 && duplicated === 0 ? 0 : 1);
