'use strict';

// Entry points: a script file, -e/-p code, or stdin, as CommonJS or ESM.

const path = require('path');
const modulesBinding = internalBinding('modules');
const { importTrace, requireTrace, traceSettling, tracedLoad } = require('internal/modules/traces');

let prepared = false;
function runMain(kind, ...args) {
  if (!prepared) {
    prepared = true;
    setupChildProcessIpcChannel();
    // A cluster worker (which fork() started) joins its primary.
    if (process.argv[1] && process.env.NODE_UNIQUE_ID) {
      require('cluster')._setupWorker();
      delete process.env.NODE_UNIQUE_ID;
    }
  }
  switch (kind) {
    case 'file': return runFile(args[0]); // at (node:internal/main/run_main_module:33:47)
    case 'eval':
      defineBuiltinGlobals();
      return runEval(args[0], args[1], args[2], '[eval]'); // at -
    case 'stdin':
      process._eval = args[0];
      return runEval(args[0], args[1], false, '[stdin]'); // at -
    case 'preload': {
      const Module = require('internal/modules/cjs/loader');
      const parent = new Module('internal/preload', null);
      parent.paths = Module._nodeModulePaths(process.cwd());
      parent.filename = path.join(process.cwd(), '[preload]');
      // (Node's preload parent has no file name: none in its trace.)
      if (requireTrace().hasSubscribers) return tracedLoad(Module, args[0], parent, false, null); // at wrapModuleLoad (node:internal/modules/cjs/loader:234:24) | Module.require (node:internal/modules/cjs/loader:1496:12) | (node:internal/modules/cjs/loader:2040:12) | loadPreloadModules (node:internal/process/pre_execution:636:5) | setupUserModules (node:internal/process/pre_execution:170:5) | prepareExecution (node:internal/process/pre_execution:148:5) | prepareMainThreadExecution (node:internal/process/pre_execution:47:10) | (node:internal/main/run_main_module:15:19)
      return Module._load(args[0], parent, false); // at TracingChannel.traceSync (node:diagnostics_channel:322:14) | wrapModuleLoad (node:internal/modules/cjs/loader:234:24) | Module.require (node:internal/modules/cjs/loader:1496:12) | (node:internal/modules/cjs/loader:2040:12) | loadPreloadModules (node:internal/process/pre_execution:636:5) | setupUserModules (node:internal/process/pre_execution:170:5) | prepareExecution (node:internal/process/pre_execution:148:5) | prepareMainThreadExecution (node:internal/process/pre_execution:47:10) | (node:internal/main/run_main_module:15:19)
    }
  }
  throw new Error(`unknown entry kind ${kind}`);
}

// A child that fork() started finds its end of the channel in
// NODE_CHANNEL_FD; its own children must not inherit the variables.
function setupChildProcessIpcChannel() {
  const fdText = process.env.NODE_CHANNEL_FD;
  if (!fdText) return;
  const fd = Number.parseInt(fdText, 10);
  delete process.env.NODE_CHANNEL_FD;
  const mode = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (fd >= 0) require('child_process')._forkChild(fd, mode);
}

// The entry module's evaluation, or its compile/link error as a rejection
// (Node reports both asynchronously).
function evalModuleMain(code, name) {
  // Node's loader knows the code as `[eval1]` of the working directory, and
  // traces it as an import of that by `<eval>`, whose start and end come
  // before the code runs (later, in Node).
  const url = `file://${process.cwd()}/[eval1]`;
  const trace = importTrace();
  let message = null;
  if (trace.hasSubscribers) {
    message = { __proto__: null, parentURL: '<eval>', url };
    trace.start.publish(message);
    trace.end.publish(message);
  }
  const result = modulesBinding.evalModule(code, name); // at -
  const promise = result[0] === true ? result[1] : Promise.reject(result[1]);
  return handleMainPromise(message === null ? promise : traceSettling(trace, message, promise), url);
}

// (`url`: the ES module the promise evaluates.) Until it settles, the entry
// module is unsettled: a process that ends meanwhile ends as Node's does
// (see unsettledEntry).
let unsettled = null;
function handleMainPromise(promise, url) {
  const { triggerUncaughtException } = require('internal/process/execution');
  unsettled = url;
  promise.then(() => {
    unsettled = null;
  }, (err) => {
    unsettled = null;
    require('internal/modules/esm').explainCommonJSName(err, url);
    triggerUncaughtException(err, false, true);
  });
}

// The URL of an ES entry module whose evaluation has not settled (its
// top-level await waits on what nothing will settle), or null.
function unsettledEntry() {
  return unsettled;
}

function runFile(file) {
  const Module = require('internal/modules/cjs/loader');
  const resolved = path.resolve(file);
  const format = modulesBinding.mainFormat(resolved);
  if (format === 'module') {
    process.argv[1] = modulesBinding.realpath(resolved) ?? resolved;
    // Node's loader reads the files of the module graph with fs/promises, so
    // the entry runs from a completion in the poll phase: after the loop's
    // first timers phase, before setImmediate's callbacks, with no execution id.
    const url = modulesBinding.pathToURL(process.argv[1]);
    modulesBinding.loadLater({ oncomplete() { handleMainPromise(importMain(url), url); } });
    return;
  }
  process.argv[1] = modulesBinding.realpath(resolved) ?? resolved;
  return wrapModuleLoad(Module, resolved); // at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:151:5)
}

// The entry module's import, traced as Node's loader traces it (no parent,
// the URL as a URL object) while module.import has subscribers.
function importMain(url) {
  const trace = importTrace();
  if (!trace.hasSubscribers) return import(url);
  const message = { __proto__: null, parentURL: undefined, url: new URL(url) };
  return trace.tracePromise(() => import(url), message);
}

// Node loads the main module through wrapModuleLoad (the step that traces
// module loads): a frame of its own in the stacks of errors made while the
// main module runs, so as many frames follow the user's as in Node.
function wrapModuleLoad(Module, request) {
  if (requireTrace().hasSubscribers) return tracedLoad(Module, request, null, true, undefined); // at wrapModuleLoad (node:internal/modules/cjs/loader:234:24)
  return Module._load(request, null, true); // at TracingChannel.traceSync (node:diagnostics_channel:322:14) | wrapModuleLoad (node:internal/modules/cjs/loader:234:24)
}

// Code given with -e/-p finds every builtin module under its name as a
// global (`fs`, `os`, and `node:test` for those only reachable so), loaded
// when first read; assigning one replaces it with a plain property (moved
// to the end). Names
// with a `/` or a leading `_`, `module` and those the global object already
// has are left out.
function defineBuiltinGlobals() {
  const { BuiltinModule } = require;
  const ids = BuiltinModule.getPublicIds().filter((id) => !id.includes('/') && !id.startsWith('_') && id !== 'module');
  for (const id of [...ids, ...BuiltinModule.getSchemeOnlyIds().map((id) => `node:${id}`)]) {
    if (id in globalThis) continue;
    Object.defineProperty(globalThis, id, {
      __proto__: null,
      enumerable: false,
      configurable: true,
      get() {
        return require(id.startsWith('node:') ? id.slice(5) : id);
      },
      set: {
        setReal(value) {
          delete globalThis[id];
          Object.defineProperty(globalThis, id, {
            __proto__: null, value, writable: true, enumerable: true, configurable: true,
          });
        },
      }.setReal,
    });
  }
}

// Node runs the code of -e and of stdin as a script through vm, from the
// main scripts eval_string and eval_stdin (the latter once stdin has ended).
function evalStringScript(code, name) {
  return modulesBinding.evalScript(code, name); // at runScriptInThisContext (node:internal/vm:209:10) | (node:internal/process/execution:118:14) | ([eval]-wrapper:6:24) | runScript (node:internal/process/execution:101:62) | evalScript (node:internal/process/execution:136:3) | (node:internal/main/eval_string:52:3)
}
function evalStdinScript(code, name) {
  return modulesBinding.evalScript(code, name); // at runScriptInThisContext (node:internal/vm:209:10) | (node:internal/process/execution:118:14) | ([stdin]-wrapper:6:24) | runScript (node:internal/process/execution:101:62) | evalScript (node:internal/process/execution:136:3) | (node:internal/main/eval_stdin:31:5) | Socket.<anonymous> (node:internal/process/execution:237:5) | Socket.emit (node:events:525:35) | endReadableNT (node:internal/streams/readable:1696:12) | process.processTicksAndRejections (node:internal/process/task_queues:90:21)
}

function runEval(code, inputType, print, name) {
  const Module = require('internal/modules/cjs/loader');
  if (inputType === 'module') {
    if (print) {
      const { codes: { ERR_EVAL_ESM_CANNOT_PRINT } } = require('internal/errors');
      throw new ERR_EVAL_ESM_CANNOT_PRINT();
    }
    return evalModuleMain(code, name); // at -
  }
  const module = new Module(name);
  module.filename = path.join(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  globalThis.__filename = name;
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.__dirname = '.';
  globalThis.require = Module.makeRequireFunction(module);
  // (Node's -e/-p runner requires 'module' as a user would: seen by a trace.)
  if (name !== '[stdin]' && requireTrace().hasSubscribers) {
    tracedLoad(Module, 'module', null, false, null);
  }
  const result = name === '[stdin]' ? evalStdinScript(code, name) : evalStringScript(code, name); // at -
  if (result[0] !== true) {
    // With no --input-type, code whose syntax only a module allows runs as one (Node 22.7+).
    if (inputType == null && result[1] instanceof SyntaxError && !print &&
        modulesBinding.looksLikeESM(code, name)) {
      for (const key of ['__filename', 'module', 'exports', '__dirname', 'require']) delete globalThis[key];
      return evalModuleMain(code, name); // at -
    }
    throw result[1];
  }
  if (print) {
    const { log } = require('internal/console/global');
    log(result[1]);
  }
  return undefined;
}

module.exports = { runMain, unsettledEntry };
