// balance.mjs: a round-robin HTTP balancer for the scale-out benchmark, as the Azure Bot Service spreads activities.
// Each request goes to the next bot in turn, so the turns of one conversation land on different instances.
//   node benchmarks/balance.mjs --port 41090 --to http://127.0.0.1:41080,http://127.0.0.1:41081
import http from 'node:http';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const targets = (args.to ?? '').split(',').filter(Boolean).map(url => new URL(url));
if (targets.length === 0) { console.error('usage: node balance.mjs --port <port> --to <url>,<url>'); process.exit(2); }
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

http.createServer((request, response) => {
  const target = targets[next++ % targets.length];
  const forward = http.request({ host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers, agent }, answer => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  forward.on('error', error => {
    if (response.headersSent) response.destroy(error);
    else { response.writeHead(502); response.end(String(error)); }
  });
  request.on('aborted', () => forward.destroy());
  request.pipe(forward);
}).listen(Number(args.port ?? 41090), '127.0.0.1', () => console.log(`balancing over ${targets.map(t => t.host).join(', ')}`));
