'use strict';

// The `process` object: an EventEmitter whose facts and methods come from
// internalBinding('process_methods').

const EventEmitter = require('events');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_CREDENTIAL, ERR_UNKNOWN_SIGNAL },
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const { getOptionValue } = require('internal/options');
const binding = internalBinding('process_methods');

const kNoFailure = 0;

// Node's process builds its object in this order, and a program sees the
// order (Object.keys(process)) and the descriptors: facts of the build
// first, fixed; then the EventEmitter fields; then the methods. Some keys are
// filled later by the rest of the bootstrap (nextTick, _tickCallback, the
// stdio streams, mainModule) and get their place here.
const kFixed = { __proto__: null, writable: false, enumerable: true, configurable: true };

function defineFixed(target, key, value) {
  Object.defineProperty(target, key, { __proto__: kFixed, value });
}

// Node's legacy process.binding() serves these of its bindings; pynode has
// some of them (its own, with pynode's contents).
const kLegacyBindings = new Set([
  'async_wrap', 'buffer', 'cares_wrap', 'config', 'constants', 'contextify', 'crypto', 'fs', 'fs_event_wrap',
  'http_parser', 'icu', 'inspector', 'js_stream', 'natives', 'os', 'pipe_wrap', 'process_wrap', 'signal_wrap',
  'spawn_sync', 'stream_wrap', 'tcp_wrap', 'tls_wrap', 'tty_wrap', 'udp_wrap', 'url', 'util', 'uv', 'v8', 'zlib',
]);
const kPynodeBindings = new Set([
  'async_wrap', 'buffer', 'cares_wrap', 'constants', 'fs', 'fs_event_wrap', 'os', 'pipe_wrap', 'process_wrap',
  'signal_wrap', 'spawn_sync', 'stream_wrap', 'tcp_wrap', 'tty_wrap', 'udp_wrap', 'util', 'uv',
]);

function deepFreeze(object) {
  for (const value of Object.values(object)) {
    if (value !== null && typeof value === 'object') deepFreeze(value);
  }
  return Object.freeze(object);
}

// A C library call's failure, as Node reports one: "EPERM, Operation not permitted".
function errnoError([errno, code, message], syscall) {
  const err = new Error(`${code}, ${message}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

// A user or group given by id (a uint32) or by name: its id.
function credentialId(id, name, kind) {
  if (typeof id === 'number') {
    validateUint32(id, name);
    return id;
  }
  if (typeof id !== 'string') throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
  const found = kind === 'User' ? binding.userId(id) : binding.groupId(id);
  if (found === null || found === undefined) throw new ERR_UNKNOWN_CREDENTIAL(kind, id);
  return found;
}

function setupProcessObject() {
  function process() {}
  Object.setPrototypeOf(process.prototype, EventEmitter.prototype);
  const proc = new process();

  defineFixed(proc, 'version', 'v23.5.0');
  const versions = {};
  for (const [key, value] of [
    ['node', '23.5.0'],
    ['acorn', '8.14.0'],
    ['ada', '2.9.2'],
    ['ares', '1.34.3'],
    ['brotli', '1.1.0'],
    ['cjs_module_lexer', '1.4.1'],
    ['llhttp', '9.2.1'],
    ['modules', '131'],
    ['napi', '9'],
    ['nghttp2', '1.64.0'],
    ['openssl', '3.0.15+quic'],
    ['simdjson', '3.10.1'],
    ['simdutf', '5.6.4'],
    ['sqlite', '3.47.2'],
    ['tz', '2024b'],
    ['undici', '7.1.0'],
    ['unicode', '16.0'],
    ['uv', '1.49.2'],
    ['uvwasi', '0.0.21'],
    ['v8', '12.9.202.28-node.13'],
    ['zlib', '1.3.0.1-motley-82a5fec'],
    ['quickjs', binding.quickjsVersion],
    ['python', binding.pythonVersion],
    ['pynode', '0.1.0'],
  ]) {
    defineFixed(versions, key, value);
  }
  defineFixed(proc, 'versions', versions);
  defineFixed(proc, 'arch', binding.arch);
  defineFixed(proc, 'platform', binding.platform);
  const release = {};
  defineFixed(release, 'name', 'node');
  defineFixed(release, 'sourceUrl', 'https://nodejs.org/download/release/v23.5.0/node-v23.5.0.tar.gz');
  defineFixed(release, 'headersUrl', 'https://nodejs.org/download/release/v23.5.0/node-v23.5.0-headers.tar.gz');
  defineFixed(proc, 'release', release);
  proc._rawDebug = function _rawDebug(...args) {
    binding.writeSync(2, `${require('internal/util/inspect').format(...args)}\n`);
  };
  // The bindings and built-in modules loaded so far, and then as they load.
  defineFixed(proc, 'moduleLoadList', require.moduleLoadList);
  proc.binding = function binding(module) {
    module = `${module}`;
    if (!kLegacyBindings.has(module) || !kPynodeBindings.has(module)) throw new Error(`No such module: ${module}`);
    return internalBinding(module);
  };
  if (getOptionValue('--pending-deprecation')) {
    proc.binding = require('internal/util').deprecate(proc.binding,
                                                      'process.binding() is deprecated. Please use public APIs instead.',
                                                      'DEP0111');
  }
  // Bindings linked in by an embedder: pynode links none.
  proc._linkedBinding = function _linkedBinding(module) {
    const err = new Error(`No such binding was linked: ${module}`);
    err.code = 'ERR_INVALID_MODULE';
    throw err;
  };

  EventEmitter.call(proc);
  proc.domain = null;
  const exitState = require('internal/process/exiting');
  Object.defineProperty(proc, '_exiting', {
    __proto__: null,
    get() { return exitState.exiting; },
    set(value) { exitState.exiting = !!value; },
    enumerable: true,
    configurable: true,
  });

  let exitCode;
  Object.defineProperty(proc, 'exitCode', {
    __proto__: null,
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        // A numeric string is checked as its number, any other value as it is.
        let value = code;
        if (typeof code === 'string' && code !== '' && !Number.isNaN(Number(code))) value = Number(code);
        validateInteger(value, 'code'); // at node:internal/bootstrap/node:120:9
      }
      exitCode = code;
    },
    enumerable: true,
    configurable: false,
  });
  defineFixed(proc, 'config', deepFreeze({
    target_defaults: { cflags: [], default_configuration: 'Release', defines: [], include_dirs: [], libraries: [] },
    variables: { host_arch: binding.arch, target_arch: binding.arch, node_shared: false, asan: 0, v8_enable_i18n_support: 0 },
  }));

  // Native addons are built for V8: pynode cannot load one.
  proc.dlopen = function dlopen(...args) {
    const [, filename] = args;
    throw new Error(`Cannot load native addon ${filename}: native addons are not supported by pynode`);
  };
  proc.uptime = function uptime() { return binding.uptime(); };
  proc._getActiveRequests = function _getActiveRequests() { return []; };
  proc._getActiveHandles = function _getActiveHandles() { return []; };
  proc.getActiveResourcesInfo = function getActiveResourcesInfo() { return []; };

  // Node's reallyExit never returns. Here the engine's interrupt handler
  // aborts the JavaScript once the realm is exiting; spinning until it does
  // keeps anything else (the rest of the caller, the next tick) from running.
  function exitNow(code) {
    binding.reallyExit(code);
    for (;;);
  }

  proc.reallyExit = function reallyExit(...args) {
    exitNow(args[0] | 0);
  };
  // kill(2): 0 or a negative errno.
  proc._kill = function _kill(...args) {
    return binding.kill(args[0], args[1]);
  };
  // Variables of a .env file that the environment does not have yet.
  proc.loadEnvFile = function loadEnvFile(path = undefined) {
    const { getValidatedPath } = require('internal/fs/utils');
    path = getValidatedPath(path === undefined ? '.env' : path);
    const content = require('fs').readFileSync(path, 'utf8');
    const parsed = require('internal/util/parse_env').parseEnv(content);
    for (const key of Object.keys(parsed)) {
      if (!Object.hasOwn(proc.env, key)) proc.env[key] = parsed[key];
    }
  };
  const isCpuTime = (value) => typeof value === 'number' && value >= 0 && value <= Number.MAX_SAFE_INTEGER;
  proc.cpuUsage = function cpuUsage(prev) {
    const [user, system] = binding.cpuUsage();
    if (prev) {
      // Times must be numbers from 0 to 2 ** 53 - 1; the object is checked
      // only when `user` is not one.
      if (!isCpuTime(prev.user)) {
        validateObject(prev, 'prevValue'); // at node:internal/process/per_thread:117:9
        validateNumber(prev.user, 'prevValue.user'); // at node:internal/process/per_thread:119:9
        const { RangeError: InvalidValue } = ERR_INVALID_ARG_VALUE;
        throw new InvalidValue('prevValue.user', prev.user); // at node:internal/process/per_thread:120:15
      }
      if (!isCpuTime(prev.system)) {
        validateNumber(prev.system, 'prevValue.system'); // at node:internal/process/per_thread:125:9
        const { RangeError: InvalidValue } = ERR_INVALID_ARG_VALUE;
        throw new InvalidValue('prevValue.system', prev.system); // at node:internal/process/per_thread:126:15
      }
      return { user: user - prev.user, system: system - prev.system };
    }
    return { user, system };
  };
  proc.resourceUsage = function resourceUsage() {
    const u = binding.resourceUsage();
    return {
      userCPUTime: u[0],
      systemCPUTime: u[1],
      maxRSS: u[2],
      sharedMemorySize: u[3],
      unsharedDataSize: u[4],
      unsharedStackSize: u[5],
      minorPageFault: u[6],
      majorPageFault: u[7],
      swappedOut: u[8],
      fsRead: u[9],
      fsWrite: u[10],
      ipcSent: u[11],
      ipcReceived: u[12],
      signalsCount: u[13],
      voluntaryContextSwitches: u[14],
      involuntaryContextSwitches: u[15],
    };
  };
  proc.memoryUsage = function memoryUsage() {
    const [rss, heapTotal, heapUsed, external, arrayBuffers] = binding.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  };
  proc.memoryUsage.rss = function rss() { return binding.rss(); };
  // The memory cgroup's limit (0 when there is none to read).
  proc.constrainedMemory = function constrainedMemory() { return binding.constrainedMemory(); };
  proc.availableMemory = function availableMemory() { return binding.availableMemory(); };
  proc.kill = function kill(pid, sig) {
    if (pid != (pid | 0)) {
      throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid); // at node:internal/process/per_thread:201:13
    }
    let signal;
    const signals = binding.signals;
    if (sig === (sig | 0)) {
      signal = sig;
    } else if (sig === undefined) {
      signal = signals.SIGTERM;
    } else {
      signal = signals[sig];
      if (signal === undefined) throw new ERR_UNKNOWN_SIGNAL(sig); // at node:internal/process/per_thread:214:15
    }
    const err = proc._kill(pid, signal);
    if (err) {
      const { errnoException } = require('internal/errors');
      throw errnoException(err, 'kill'); // at node:internal/process/per_thread:219:13
    }
    return true;
  };

  proc.exit = function exit(code) {
    if (arguments.length !== 0) proc.exitCode = code;
    if (!proc._exiting) {
      proc._exiting = true;
      proc.emit('exit', proc.exitCode || kNoFailure);
    }
    proc.reallyExit(proc.exitCode || kNoFailure);
  };

  let finalization;
  Object.defineProperty(proc, 'finalization', {
    __proto__: null,
    get() {
      finalization ??= require('internal/process/finalization').createFinalization();
      return finalization;
    },
    set(value) { finalization = value; },
    enumerable: true,
    configurable: true,
  });

  const hrtimeBase = () => binding.hrtime();
  proc.hrtime = function hrtime(time) {
    const now = hrtimeBase();
    if (time !== undefined) {
      validateArray(time, 'time'); // at node:internal/process/per_thread:70:5
      if (time.length !== 2) {
        const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
        throw new ERR_OUT_OF_RANGE('time', 2, time.length); // at node:internal/process/per_thread:72:13
      }
      const sec = now[0] - time[0];
      const nsec = now[1] - time[1];
      return [nsec < 0 ? sec - 1 : sec, nsec < 0 ? nsec + 1e9 : nsec];
    }
    return now;
  };
  proc.hrtime.bigint = function bigint() {
    const [sec, nsec] = hrtimeBase();
    return BigInt(sec) * 1000000000n + BigInt(nsec);
  };
  proc.openStdin = function() {
    proc.stdin.resume();
    return proc.stdin;
  };
  proc.getuid = function getuid() { return binding.getuid(); };
  proc.geteuid = function geteuid() { return binding.geteuid(); };
  proc.getgid = function getgid() { return binding.getgid(); };
  proc.getegid = function getegid() { return binding.getegid(); };
  proc.getgroups = function getgroups() { return binding.getgroups(); };

  const features = {
    inspector: false,
    debug: false,
    uv: true,
    ipv6: true,
    tls_alpn: false,
    tls_sni: false,
    tls_ocsp: false,
    tls: false,
  };
  Object.defineProperties(features, {
    cached_builtins: { __proto__: null, enumerable: true, configurable: true, get: function cachedBuiltins() { return true; } },
    require_module: { __proto__: null, enumerable: true, configurable: true, get: function requireModule() { return true; } },
    typescript: { __proto__: null, enumerable: true, configurable: true, get() { return false; } },
  });
  Object.defineProperty(features.__lookupGetter__('cached_builtins'), 'name', { __proto__: null, value: 'get cached_builtins' });
  Object.defineProperty(features.__lookupGetter__('require_module'), 'name', { __proto__: null, value: 'get require_module' });
  Object.defineProperty(proc, 'features', { __proto__: null, value: features, enumerable: true, writable: false, configurable: false });

  proc._fatalException = (er, fromPromise) => require('internal/process/execution').fatalException(er, fromPromise);
  proc.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
    require('internal/process/execution').setUncaughtExceptionCaptureCallback(fn);
  };
  proc.hasUncaughtExceptionCaptureCallback = function hasUncaughtExceptionCaptureCallback() {
    return require('internal/process/execution').hasUncaughtExceptionCaptureCallback();
  };
  // (Node's own function, called directly: a warning's stack starts at its caller.)
  proc.emitWarning = require('internal/process/warning').emitWarning;
  proc.nextTick = undefined;  // (internal/process/task_queues, by bootstrap/node)
  proc._tickCallback = undefined;  // (likewise)

  // pynode maps no stack through source maps: they are never enabled.
  Object.defineProperty(proc, 'sourceMapsEnabled', {
    __proto__: null,
    get() { return false; },
    enumerable: true,
    configurable: true,
  });
  proc.setSourceMapsEnabled = function setSourceMapsEnabled(val) {
    require('internal/validators').validateBoolean(val, 'val');
  };
  proc.getBuiltinModule = function getBuiltinModule(id) {
    validateString(id, 'id');
    const { BuiltinModule } = require;
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (id.startsWith('node:') ? !BuiltinModule.isBuiltin(id) : !BuiltinModule.canBeRequiredWithoutScheme(id)) {
      return undefined;
    }
    return require(name);
  };
  // Asks another Node process to start its inspector (SIGUSR1).
  proc._debugProcess = function _debugProcess(...args) {
    const err = binding.debugProcess(args[0]);
    if (err !== null && err !== undefined) throw errnoError(err, 'kill');
  };
  // Stops this process's inspector: pynode has none running.
  proc._debugEnd = function _debugEnd() {};
  proc._startProfilerIdleNotifier = () => {};
  proc._stopProfilerIdleNotifier = () => {};
  proc.stdout = undefined;  // accessors (internal/bootstrap/stdio)
  proc.stdin = undefined;
  proc.stderr = undefined;

  proc.abort = function abort() {
    binding.writeSync(2, 'pynode: process.abort() called\n');
    exitNow(134);
  };
  proc.umask = function wrappedUmask(mask) {
    if (mask === undefined) return binding.umask();
    mask = require('internal/validators').parseFileMode(mask, 'mask');
    return binding.umask(mask);
  };
  proc.chdir = function wrappedChdir(directory) {
    validateString(directory, 'directory'); // at node:internal/bootstrap/switches/does_own_process_state:127:3
    const err = binding.chdir(directory);
    if (err < 0) {
      const { uvException } = require('internal/errors');
      const ctx = { errno: err, code: undefined, syscall: 'chdir', path: binding.cwd(), dest: directory };
      throw uvException(ctx); // at process.wrappedChdir [as chdir] (node:internal/bootstrap/switches/does_own_process_state:128:14)
    }
  };
  proc.cwd = function wrappedCwd() { return binding.cwd(); };
  proc.initgroups = function initgroups(user, extraGroup) {
    if (typeof user !== 'string') credentialId(user, 'user', 'User');
    const gid = credentialId(extraGroup, 'extraGroup', 'Group');
    // A user given by name is looked up by initgroups(3) itself.
    const name = typeof user === 'string' ? user : binding.userName(user);
    if (name === null || name === undefined) throw new ERR_UNKNOWN_CREDENTIAL('User', user);
    const err = binding.initgroups(name, gid);
    if (err !== null && err !== undefined) throw errnoError(err, 'initgroups');
  };
  proc.setgroups = function setgroups(groups) {
    validateArray(groups, 'groups');
    const ids = groups.map((group, i) => credentialId(group, `groups[${i}]`, 'Group'));
    const err = binding.setgroups(...ids);
    if (err !== null && err !== undefined) throw errnoError(err, 'setgroups');
  };
  for (const [method, kind] of [['setegid', 'Group'], ['seteuid', 'User'], ['setgid', 'Group'], ['setuid', 'User']]) {
    proc[method] = function(id) {
      const err = binding[method](credentialId(id, 'id', kind));
      if (err !== null && err !== undefined) throw errnoError(err, method);
    };
  }

  proc.env = makeEnv(binding.env);
  proc.title = binding.title;
  proc.argv = binding.argv.slice();
  proc.execArgv = binding.execArgv.slice();
  defineFixed(proc, 'pid', binding.pid);
  proc.ppid = binding.ppid;
  proc.execPath = binding.execPath;
  proc.debugPort = 9229;
  Object.defineProperty(proc, 'argv0', { __proto__: null, value: 'node', enumerable: true, writable: false, configurable: false });
  // The code given to -e/-p (code read from stdin is set when it runs).
  const [evalCode, printEval] = evalSource(proc.execArgv);
  if (evalCode !== undefined) defineFixed(proc, '_eval', evalCode);
  if (printEval) defineFixed(proc, '_print_eval', true);
  // The modules given to -r/--require, as given.
  defineFixed(proc, '_preload_modules', preloadRequests(proc.execArgv));
  // What the warning options set (internal/process/warning reads them).
  if (!getOptionValue('--deprecation')) defineFixed(proc, 'noDeprecation', true);
  if (!getOptionValue('--warnings')) defineFixed(proc, 'noProcessWarnings', true);
  if (getOptionValue('--trace-warnings')) defineFixed(proc, 'traceProcessWarnings', true);
  if (getOptionValue('--throw-deprecation')) defineFixed(proc, 'throwDeprecation', true);
  if (getOptionValue('--trace-deprecation')) defineFixed(proc, 'traceDeprecation', true);
  Object.defineProperty(proc, Symbol.toStringTag, {
    __proto__: null, value: 'process', writable: true, enumerable: false, configurable: false,
  });

  if (getOptionValue('--warnings')) proc.on('warning', require('internal/process/warning').onWarning);

  // Listening for a signal name installs an OS signal handler.
  const { startListeningIfSignal, stopListeningIfSignal } = require('internal/process/signals');
  proc.on('newListener', startListeningIfSignal);
  proc.on('removeListener', stopListeningIfSignal);

  return proc;
}

// [the -e/-p code, whether -p (as a separate option) was given]
function evalSource(execArgv) {
  let code;
  let print = false;
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (['-e', '--eval', '-p', '--print', '-pe'].includes(arg) && i + 1 < execArgv.length) {
      if (arg !== '-e' && arg !== '--eval') print = true;
      code = execArgv[++i];
    } else if (arg.startsWith('--eval=') || arg.startsWith('--print=')) {
      code = arg.slice(arg.indexOf('=') + 1);
    }
  }
  return [code, print];
}

function preloadRequests(execArgv) {
  const requests = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if ((arg === '-r' || arg === '--require') && i + 1 < execArgv.length) requests.push(execArgv[++i]);
    else if (arg.startsWith('--require=')) requests.push(arg.slice(10));
  }
  return requests;
}

// process.env: every value stored as a string, changes mirrored to the OS
// environment so child processes and Python code see them.
function makeEnv(initial) {
  const store = { __proto__: null };
  for (const key of Object.keys(initial)) store[key] = initial[key];
  return new Proxy(store, {
    get(target, key) {
      if (typeof key === 'symbol') return undefined;
      return target[key];
    },
    set(target, key, value) {
      if (typeof key === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      const text = `${value}`;
      target[key] = text;
      binding.setenv(key, text);
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key !== 'symbol') {
        delete target[key];
        binding.unsetenv(key);
      }
      return true;
    },
    defineProperty(target, key, desc) {
      if ('value' in desc) {
        target[key] = `${desc.value}`;
        binding.setenv(key, target[key]);
        return true;
      }
      throw new TypeError("'process.env' only accepts a configurable, writable, and enumerable data descriptor");
    },
    has(target, key) { return typeof key !== 'symbol' && key in target; },
    ownKeys(target) { return Reflect.ownKeys(target); },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'symbol' || !(key in target)) return undefined;
      return { value: target[key], writable: true, enumerable: true, configurable: true };
    },
  });
}

module.exports = { setupProcessObject };
