'use strict';

// The `process` object: an EventEmitter whose facts and methods come from
// internalBinding('process_methods').

const EventEmitter = require('events');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_SIGNAL },
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');
const binding = internalBinding('process_methods');

const kNoFailure = 0;

function setupProcessObject() {
  function process() {}
  Object.setPrototypeOf(process.prototype, EventEmitter.prototype);
  Object.defineProperty(process.prototype, Symbol.toStringTag, {
    __proto__: null, value: 'process', writable: false, enumerable: false, configurable: true,
  });
  const proc = new process();
  EventEmitter.call(proc);

  proc.version = 'v23.5.0';
  proc.versions = {
    node: '23.5.0',
    acorn: '8.14.0',
    ada: '2.9.2',
    ares: '1.34.3',
    brotli: '1.1.0',
    cjs_module_lexer: '1.4.1',
    llhttp: '9.2.1',
    modules: '131',
    napi: '9',
    nghttp2: '1.64.0',
    openssl: '3.0.15+quic',
    simdjson: '3.10.1',
    simdutf: '5.6.4',
    sqlite: '3.47.2',
    tz: '2024b',
    undici: '7.1.0',
    unicode: '16.0',
    uv: '1.49.2',
    uvwasi: '0.0.21',
    v8: '12.9.202.28-node.13',
    zlib: '1.3.0.1-motley-82a5fec',
    quickjs: binding.quickjsVersion,
    python: binding.pythonVersion,
    pynode: '0.1.0',
  };
  proc.arch = binding.arch;
  proc.platform = binding.platform;
  proc.release = {
    name: 'node',
    sourceUrl: 'https://nodejs.org/download/release/v23.5.0/node-v23.5.0.tar.gz',
    headersUrl: 'https://nodejs.org/download/release/v23.5.0/node-v23.5.0-headers.tar.gz',
  };
  proc._rawDebug = function _rawDebug(...args) {
    binding.writeSync(2, `${require('internal/util/inspect').format(...args)}\n`);
  };
  proc.moduleLoadList = [];
  proc.binding = undefined;
  delete proc.binding;
  proc.domain = null;
  proc._exiting = false;
  proc.config = {
    target_defaults: { cflags: [], default_configuration: 'Release', defines: [], include_dirs: [], libraries: [] },
    variables: { host_arch: binding.arch, target_arch: binding.arch, node_shared: false, asan: 0, v8_enable_i18n_support: 0 },
  };
  proc.features = {
    inspector: false,
    debug: false,
    uv: true,
    ipv6: true,
    tls_alpn: false,
    tls_sni: false,
    tls_ocsp: false,
    tls: false,
    cached_builtins: true,
    require_module: true,
    typescript: false,
  };
  proc.argv = binding.argv.slice();
  proc.argv0 = 'node';
  proc.execArgv = binding.execArgv.slice();
  proc.execPath = binding.execPath;
  proc.pid = binding.pid;
  proc.ppid = binding.ppid;
  proc.title = binding.title;
  proc.debugPort = 9229;
  proc.env = makeEnv(binding.env);

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

  // Node's reallyExit never returns. Here the engine's interrupt handler
  // aborts the JavaScript once the realm is exiting; spinning until it does
  // keeps anything else (the rest of the caller, the next tick) from running.
  function exitNow(code) {
    binding.reallyExit(code);
    for (;;);
  }

  proc.reallyExit = function reallyExit(code) {
    exitNow(code | 0);
  };

  proc.exit = function exit(code) {
    if (arguments.length !== 0) proc.exitCode = code;
    if (!proc._exiting) {
      proc._exiting = true;
      proc.emit('exit', proc.exitCode || kNoFailure);
    }
    proc.reallyExit(proc.exitCode || kNoFailure);
  };

  proc.abort = function abort() {
    binding.writeSync(2, 'pynode: process.abort() called\n');
    exitNow(134);
  };

  proc.cwd = function cwd() { return binding.cwd(); };
  proc.chdir = function chdir(directory) {
    validateString(directory, 'directory'); // at node:internal/bootstrap/switches/does_own_process_state:127:3
    const err = binding.chdir(directory);
    if (err < 0) {
      const { uvException } = require('internal/errors');
      const ctx = { errno: err, code: undefined, syscall: 'chdir', path: binding.cwd(), dest: directory };
      throw uvException(ctx); // at node:internal/bootstrap/switches/does_own_process_state:128:14
    }
  };
  proc.umask = function umask(mask) {
    if (mask === undefined) return binding.umask();
    mask = require('internal/validators').parseFileMode(mask, 'mask');
    return binding.umask(mask);
  };
  proc.uptime = function uptime() { return binding.uptime(); };

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
  proc.memoryUsage = function memoryUsage() {
    const [rss, heapTotal, heapUsed, external, arrayBuffers] = binding.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  };
  proc.memoryUsage.rss = function rss() { return binding.rss(); };
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
    const err = binding.kill(pid, signal);
    if (err) {
      const { errnoException } = require('internal/errors');
      throw errnoException(err, 'kill'); // at node:internal/process/per_thread:219:13
    }
    return true;
  };
  proc.getuid = binding.getuid;
  proc.geteuid = binding.geteuid;
  proc.getgid = binding.getgid;
  proc.getegid = binding.getegid;
  proc.getgroups = binding.getgroups;

  let captureCallback = null;
  proc.setUncaughtExceptionCaptureCallback = function(fn) {
    if (fn !== null && typeof fn !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn); // at node:internal/process/execution:152:11
    }
    captureCallback = fn;
  };
  proc.hasUncaughtExceptionCaptureCallback = function() { return captureCallback !== null; };

  proc.emitWarning = function emitWarning(...args) {
    return require('internal/process/warning').emitWarning(...args);
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
  proc.getActiveResourcesInfo = function getActiveResourcesInfo() { return []; };
  proc._getActiveHandles = function _getActiveHandles() { return []; };
  proc._getActiveRequests = function _getActiveRequests() { return []; };

  proc.on('warning', (warning) => require('internal/process/warning').onWarning(warning));

  // Listening for a signal name installs an OS signal handler.
  const { startListeningIfSignal, stopListeningIfSignal } = require('internal/process/signals');
  proc.on('newListener', startListeningIfSignal);
  proc.on('removeListener', stopListeningIfSignal);

  return proc;
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
