// Reads one benchmarks/scaleout.sh run: medians of the load runs per set-up, their ratios to one instance on SQLite
// and to one on PostgreSQL, and the weekly-card runs. Writes summary.json beside the results.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const setups = { sqlite: 'one instance, SQLite', pg1: 'one instance, PostgreSQL', pg1b: 'one, PostgreSQL, balancer', pg2: 'two, PostgreSQL, balancer' };
const load = Object.fromEntries(Object.keys(setups).map((name) => {
  const runs = readdirSync(dir).filter((f) => f.startsWith(`load-${name}-`) && f.endsWith('.json')).map(read);
  // The database's CPU per turn, over warm-up and measurement (the throughput of the measured part stands for both).
  const cpu = readdirSync(dir).filter((f) => f.startsWith(`load-${name}-`) && f.endsWith('.postgres')).map((f) => {
    const { postgresCpuSeconds, seconds } = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const run = read(f.replace(/\.postgres$/, '.json'));
    return postgresCpuSeconds * 1000 / (run.throughput * seconds);
  });
  return [name, {
    runs: runs.length, errors: runs.reduce((n, r) => n + r.errors, 0), throughput: median(runs.map((r) => r.throughput)),
    p50: median(runs.map((r) => r.latencyMs.p50)), p99: median(runs.map((r) => r.latencyMs.p99)),
    postgresCpuMsPerTurn: cpu.length === 0 || name === 'sqlite' ? null : +median(cpu).toFixed(3),
  }];
}));
const ratio = (a, b) => +(load[a].throughput / load[b].throughput).toFixed(2);
const ratios = { postgresOverSqlite: ratio('pg1', 'sqlite'), twoOverOne: ratio('pg2', 'pg1b'), twoPostgresOverSqlite: ratio('pg2', 'sqlite') };
const nudgeSetups = { sqlite: 'one instance, SQLite', pg1: 'one instance, PostgreSQL', pg2: 'two instances, PostgreSQL' };
const nudges = Object.fromEntries(Object.keys(nudgeSetups).filter((n) => existsSync(join(dir, `nudges-${n}.json`))).map((n) => [n, read(`nudges-${n}.json`)]));

console.log(`\nturns (medians over ${load.sqlite.runs} runs each)`);
console.log(`${'set-up'.padEnd(28)} ${'turns/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'DB CPU ms/turn'.padStart(15)}`);
for (const [name, title] of Object.entries(setups)) {
  const s = load[name];
  console.log(`${title.padEnd(28)} ${String(s.throughput).padStart(8)} ${String(s.p50).padStart(8)} ${String(s.p99).padStart(8)} ${String(s.errors).padStart(7)} ${String(s.postgresCpuMsPerTurn ?? '-').padStart(15)}`);
}
console.log(`ratios: PostgreSQL/SQLite x${ratios.postgresOverSqlite}, two/one instance behind the balancer x${ratios.twoOverOne}, two on PostgreSQL/one on SQLite x${ratios.twoPostgresOverSqlite}`);
console.log('\nweekly cards');
console.log(`${'set-up'.padEnd(28)} ${'projects'.padStart(8)} ${'posted'.padStart(7)} ${'lost'.padStart(5)} ${'dup'.padStart(4)} ${'posts/s'.padStart(8)} ${'of cap'.padStart(7)}`);
for (const [name, r] of Object.entries(nudges))
  console.log(`${nudgeSetups[name].padEnd(28)} ${String(r.projects).padStart(8)} ${String(r.posted).padStart(7)} ${String(r.lost).padStart(5)} ${String(r.duplicated).padStart(4)} ${String(r.achievedPerSecond).padStart(8)} ${String(r.shareOfLimit).padStart(7)}`);
writeFileSync(join(dir, 'summary.json'), JSON.stringify({ load, ratios, nudges }, null, 2));
const failed = Object.values(nudges).some((r) => r.lost > 0 || r.duplicated > 0) || Object.values(load).some((s) => s.errors > 0);
process.exit(failed ? 1 : 0);
