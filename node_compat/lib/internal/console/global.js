'use strict';

// The global console (bootstrap version: writes formatted lines to the
// process's stdout/stderr file descriptors synchronously, as Node does for
// files, pipes and terminals).

const { formatWithOptions, inspect } = require('internal/util/inspect');
const { writeSync } = internalBinding('process_methods');

let groupIndent = '';
const counts = new Map();
const timers = new Map();

function write(fd, args) {
  let text = formatWithOptions({}, ...args);
  if (groupIndent !== '') text = groupIndent + text.replace(/\n/g, `\n${groupIndent}`);
  writeSync(fd, `${text}\n`);
}

const console = {
  log(...args) { write(1, args); },
  info(...args) { write(1, args); },
  debug(...args) { write(1, args); },
  error(...args) { write(2, args); },
  warn(...args) { write(2, args); },
  dir(obj, options) { write(1, [inspect(obj, { customInspect: false, ...options })]); },
  trace(...args) {
    const err = { name: 'Trace', message: formatWithOptions({}, ...args) };
    Error.captureStackTrace(err, console.trace);
    write(2, [err.stack]);
  },
  assert(value, ...args) {
    if (!value) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      write(2, args);
    }
  },
  count(label = 'default') {
    label = `${label}`;
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    write(1, [`${label}: ${n}`]);
  },
  countReset(label = 'default') { counts.delete(`${label}`); },
  group(...args) {
    if (args.length > 0) write(1, args);
    groupIndent += '  ';
  },
  groupEnd() { groupIndent = groupIndent.slice(0, -2); },
  time(label = 'default') { timers.set(`${label}`, process.hrtime.bigint()); },
  timeEnd(label = 'default') {
    const start = timers.get(`${label}`);
    if (start === undefined) return;
    timers.delete(`${label}`);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    write(1, [`${label}: ${ms.toFixed(3)}ms`]);
  },
  timeLog(label = 'default', ...data) {
    const start = timers.get(`${label}`);
    if (start === undefined) return;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    write(1, [`${label}: ${ms.toFixed(3)}ms`, ...data]);
  },
};
console.groupCollapsed = console.group;

module.exports = console;
