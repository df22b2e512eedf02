// Preload for the Microsoft 365 Agents Playground: NODE_OPTIONS=--require=<this file>.
//
// The Playground calls server.listen(port) on all interfaces and has no --host option. When its port
// is taken it probes, warns in its log and silently moves to a random port, so the page and the
// service URL the bot was told about no longer match. This preload:
//   - binds every TCP listen() of the process to 127.0.0.1 (the emulator must never face the network);
//   - turns "port N is taken" into a loud error and a non-zero exit, whether Node reports it as
//     EADDRINUSE (the Playground's own probe) or as a bound port different from the one requested.
'use strict';

const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const PORT_TAKEN_EXIT_CODE = 3;
const originalListen = net.Server.prototype.listen;

function failPortTaken(port) {
  process.stderr.write(
    `\n[playground-loopback] port ${port} is taken: stop the other process or set PLAYGROUND_PORT` +
      ` (see: ss -ltnp 'sport = :${port}')\n\n`,
  );
  process.exit(PORT_TAKEN_EXIT_CODE);
}

function isPort(value) {
  return (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) &&
    Number.isInteger(Number(value)) && Number(value) >= 0;
}

function isHandle(value) {
  return value !== null && typeof value === 'object' && ('_handle' in value || 'fd' in value);
}

// Turns the many listen() signatures into { options, callback }, or null for a pipe path or a handle,
// which are left to Node untouched.
function normalise(args) {
  const rest = [...args];
  const callback = typeof rest[rest.length - 1] === 'function' ? rest.pop() : undefined;
  const [first, second, third] = rest;

  if (first === undefined || first === null) {
    return { options: { port: 0 }, callback };
  }
  if (typeof first === 'object' && !isHandle(first)) {
    return first.path !== undefined ? null : { options: { ...first, port: first.port ?? 0 }, callback };
  }
  if (isPort(first)) {
    const options = { port: Number(first) };
    if (typeof second === 'number') options.backlog = second;
    if (typeof third === 'number') options.backlog = third;
    return { options, callback };
  }
  return null;
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const normalised = normalise(args);
  if (normalised === null) {
    return originalListen.apply(this, args);
  }

  const { options, callback } = normalised;
  const requestedPort = Number(options.port);
  options.host = LOOPBACK;
  delete options.ipv6Only;

  if (requestedPort !== 0) {
    const onError = (error) => {
      this.removeListener('listening', onListening);
      if (error && error.code === 'EADDRINUSE') {
        failPortTaken(requestedPort);
      }
      // Keep Node's default: an 'error' nobody else listens to is thrown.
      if (this.listenerCount('error') === 0) {
        throw error;
      }
    };
    const onListening = () => {
      this.removeListener('error', onError);
      const address = this.address();
      if (address && typeof address === 'object' && address.port !== requestedPort) {
        failPortTaken(requestedPort);
      }
    };
    this.once('error', onError);
    this.once('listening', onListening);
  }

  return callback === undefined
    ? originalListen.call(this, options)
    : originalListen.call(this, options, callback);
};
