// Reads the loadgen results of one benchmarks/run.sh run and prints medians and ratios.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const load = (prefix) => readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const summary = (runs) => ({
  runs: runs.length,
  errors: runs.reduce((n, r) => n + r.errors, 0),
  throughput: median(runs.map((r) => r.throughput)),
  p50: median(runs.map((r) => r.latencyMs.p50)),
  p99: median(runs.map((r) => r.latencyMs.p99)),
  peakRssMB: Math.max(...runs.map((r) => r.botPeakRssMB ?? 0)),
  cpuPct: median(runs.map((r) => r.botCpuPct)),
});
const ours = summary(load('aicoachbot-'));
const peer = summary(load('peer-'));
const ratio = { throughput: +(ours.throughput / peer.throughput).toFixed(2), p99: +(ours.p99 / peer.p99).toFixed(2) };
const row = (name, s) => `${name.padEnd(22)} ${String(s.throughput).padStart(8)} ${String(s.p50).padStart(8)} ${String(s.p99).padStart(8)} ${String(s.peakRssMB).padStart(9)} ${String(s.cpuPct).padStart(6)} ${String(s.errors).padStart(6)}`;
console.log('\nmedians over', ours.runs, 'runs each');
console.log(`${'bot'.padEnd(22)} ${'turns/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'peak MB'.padStart(9)} ${'CPU%'.padStart(6)} ${'errors'.padStart(6)}`);
console.log(row('AiCoachBot (SQLite)', ours));
console.log(row('peer (botbuilder-js)', peer));
console.log(`ratios: throughput x${ratio.throughput} (target >= 3), p99 x${ratio.p99} (target <= 0.33), peak memory ${ours.peakRssMB} MB (target < 150)`);
writeFileSync(join(dir, 'summary.json'), JSON.stringify({ ours, peer, ratio }, null, 2));
