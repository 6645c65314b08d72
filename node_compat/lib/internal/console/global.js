'use strict';

// The global `console`: a Console bound to process.stdout/stderr, looked up
// at each write so it follows those streams once they exist or are replaced.
// Until the process has stream objects, lines go to the file descriptors
// directly (synchronously, as Node writes to files, pipes and terminals).
// Its shape copies Node's: a plain object with the Console methods bound to
// it, `Console`, and the inspector-only methods V8 adds.

const { Console, kBindProperties, kBindStreamsLazy } = require('internal/console/constructor');
const EventEmitter = require('events');
const { writeSync } = internalBinding('process_methods');

const globalConsole = { __proto__: {} };

for (const key of Reflect.ownKeys(Console.prototype)) {
  if (key === 'constructor') continue;
  const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, key);
  // The methods are bound, so `const { log } = console` works; the hidden
  // (symbol-keyed) helpers are copied as they are.
  if (typeof key === 'string' && typeof desc.value === 'function') {
    desc.value = desc.value.bind(globalConsole);
    Reflect.defineProperty(desc.value, 'name', { __proto__: null, value: key });
    // Node's global methods go through the inspector's console wrapper,
    // which declares no parameters.
    Reflect.defineProperty(desc.value, 'length', { __proto__: null, value: 0 });
  }
  Reflect.defineProperty(globalConsole, key, desc);
}

// A minimal writable (an EventEmitter with a synchronous write) over a file descriptor.
function fdWriter(fd) {
  const writer = new EventEmitter();
  writer.write = (chunk) => {
    writeSync(fd, chunk);
    return true;
  };
  return writer;
}
const stdoutFallback = fdWriter(1);
const stderrFallback = fdWriter(2);

globalConsole[kBindProperties](true, 'auto');

globalConsole.Console = Console;

// Without an inspector attached these V8 methods record nothing.
const inspectorOnly = ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count', 'countReset', 'profile',
  'profileEnd', 'debug', 'error', 'info', 'log', 'warn', 'trace', 'group', 'groupCollapsed', 'assert', 'time',
  'timeLog', 'timeEnd', 'timeStamp'];
function makeInspectorMethod(name) {
  const method = { [name]() {} }[name];
  return method;
}
globalConsole.profile = makeInspectorMethod('profile');
globalConsole.profileEnd = makeInspectorMethod('profileEnd');
globalConsole.timeStamp = makeInspectorMethod('timeStamp');
globalConsole.context = function context(name) {
  const ctx = {};
  for (const method of inspectorOnly) ctx[method] = makeInspectorMethod(method);
  return ctx;
};
globalConsole.createTask = function createTask() {
  return { run: function run(fn) { return fn(); } };
};

// Last, so _stdout and _stderr follow the other keys, as in Node.
globalConsole[kBindStreamsLazy]({
  get stdout() { return process.stdout ?? stdoutFallback; },
  get stderr() { return process.stderr ?? stderrFallback; },
});

module.exports = globalConsole;
