'use strict';

// The machinery behind node:child_process: option normalisation shared by
// every spawn flavour, stdio specs, the ChildProcess class (an EventEmitter
// over a process_wrap `Process` handle, with net.Sockets over `Pipe`
// handles for its stdio pipes) and the synchronous spawn over spawn_sync.

const EventEmitter = require('events');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_OUT_OF_RANGE,
  },
  errnoException,
} = require('internal/errors');
const {
  isInt32,
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { convertToValidSignal, kEmptyObject } = require('internal/util');
const { markHiddenValidatorError } = require('internal/node_throw_sites');

const { signals } = internalBinding('constants').os;

const UV_EACCES = -13;
const UV_EAGAIN = -11;
const UV_EINVAL = -22;
const UV_EMFILE = -24;
const UV_ENFILE = -23;
const UV_ENOENT = -2;
const UV_ENOSYS = -38;
const UV_ESRCH = -3;

// Spawn failures that are reported through 'error' (the child may be run
// again later) rather than thrown.
const kAsyncSpawnErrors = new Set([UV_EACCES, UV_EAGAIN, UV_EMFILE, UV_ENFILE, UV_ENOENT]);

let signalNames;
function signalName(signum) {
  if (signalNames === undefined) {
    signalNames = { __proto__: null };
    for (const name of Object.keys(signals)) signalNames[signals[name]] ??= name;
  }
  return signalNames[signum] ?? null;
}

// ---- argument checks shared by spawn, spawnSync, execFile, ... -------------------

function validateArgumentNullCheck(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes'); // at node:child_process:965:11
  }
}

function validateArgumentsNullCheck(args, name) {
  for (let i = 0; i < args.length; i++) validateArgumentNullCheck(args[i], `${name}[${i}]`);
}

// options.cwd: a string, Buffer or file: URL, as a path string.
function validatedCwd(cwd) {
  if (cwd !== null && typeof cwd === 'object' && !(cwd instanceof Uint8Array) && cwd.href !== undefined &&
      cwd.protocol !== undefined) {
    cwd = require('internal/url').fileURLToPath(cwd);
  }
  // (Node's getValidatedPath, hidden, called from normalizeSpawnArguments.)
  const site = 'node:child_process:568:11';
  if (typeof cwd !== 'string' && !(cwd instanceof Uint8Array)) {
    throw markHiddenValidatorError(new ERR_INVALID_ARG_TYPE('options.cwd', ['string', 'Buffer', 'URL'], cwd), site);
  }
  const hasNull = typeof cwd === 'string' ? cwd.includes('\u0000') : cwd.includes(0);
  if (hasNull) {
    throw markHiddenValidatorError(
      new ERR_INVALID_ARG_VALUE('options.cwd', cwd, 'must be a string, Uint8Array, or URL without null bytes'), site);
  }
  return typeof cwd === 'string' ? cwd : require('buffer').Buffer.from(cwd).toString();
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout); // at node:child_process:979:11
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer); // at node:child_process:986:11
  }
}

// killSignal as a signal number (SIGTERM when not given).
function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') return convertToValidSignal(killSignal);
  if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal); // at node:child_process:997:11
  }
  return signals.SIGTERM;
}

// (file, args, options) as every spawn flavour accepts them -> the spawn
// request: argv with argv0 first, the shell applied, env as "K=V" pairs.
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file'); // at node:child_process:539:3
  validateArgumentNullCheck(file, 'file');
  if (file.length === 0) {
    throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty'); // at node:child_process:543:11
  }

  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args); // at node:child_process:550:11
  } else {
    options = args;
    args = [];
  }
  validateArgumentsNullCheck(args, 'args');

  if (options === undefined) options = kEmptyObject;
  else validateObject(options, 'options'); // at node:child_process:561:5

  let cwd = options.cwd;
  if (cwd != null) cwd = validatedCwd(cwd);
  if (options.detached != null) validateBoolean(options.detached, 'options.detached'); // at node:child_process:573:5
  if (options.uid != null && !isInt32(options.uid)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid); // at node:child_process:578:11
  }
  if (options.gid != null && !isInt32(options.gid)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid); // at node:child_process:583:11
  }
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell); // at node:child_process:590:11
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0'); // at node:child_process:596:5
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) {
    validateBoolean(options.windowsHide, 'options.windowsHide'); // at node:child_process:602:5
  }
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments'); // at node:child_process:608:5
  }

  if (options.shell) {
    validateArgumentNullCheck(options.shell, 'options.shell');
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);

  const env = options.env || process.env;
  const envPairs = [];
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    validateArgumentNullCheck(key, `options.env['${key}']`);
    validateArgumentNullCheck(value, `options.env['${key}']`);
    envPairs.push(`${key}=${value}`);
  }

  return {
    ...options,
    args,
    cwd,
    detached: Boolean(options.detached),
    envPairs,
    file,
    windowsHide: Boolean(options.windowsHide),
    windowsVerbatimArguments: Boolean(options.windowsVerbatimArguments),
  };
}

// ---- stdio ------------------------------------------------------------------

// The descriptor behind a stream or handle given as a stdio entry, if any.
function descriptorOf(value) {
  if (value === null || typeof value !== 'object') return undefined;
  for (const candidate of [value, value._handle, value.handle]) {
    const fd = candidate?.fd;
    if (typeof fd === 'number' && fd >= 0) return fd;
  }
  return undefined;
}

// options.stdio -> one spec per child descriptor:
// {type: 'pipe', readable, writable[, input][, handle]}, {type: 'ignore'},
// {type: 'inherit', fd} or {type: 'fd', fd}.
// 'pipe' and the other one-word forms of options.stdio as three entries.
// (With `channel`, fork's 'ipc' as a fourth entry; 'inherit' is then 0, 1, 2.)
function stdioStringToArray(stdio, channel) {
  let entries;
  switch (stdio) {
    case 'ignore':
    case 'pipe':
    case 'overlapped':
      entries = [stdio, stdio, stdio];
      break;
    case 'inherit':
      entries = channel ? [0, 1, 2] : [stdio, stdio, stdio];
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio); // at node:internal/child_process:247:13
  }
  if (channel) entries.push(channel);
  return entries;
}

function getValidStdio(stdio, sync) {
  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio); // at node:internal/child_process:992:11
  }
  stdio = stdio.slice();
  while (stdio.length < 3) stdio.push(undefined);

  const { Pipe, constants: PipeConstants } = sync ? {} : internalBinding('pipe_wrap');
  const specs = [];
  for (let i = 0; i < stdio.length; i++) {
    let entry = stdio[i];
    if (entry == null) entry = i < 3 ? 'pipe' : 'ignore';

    if (entry === 'ignore') {
      specs.push({ type: 'ignore' });
    } else if (entry === 'pipe' || entry === 'overlapped' || (typeof entry === 'number' && entry < 0)) {
      const spec = { type: 'pipe', readable: i === 0, writable: i !== 0 };
      if (!sync) spec.handle = new Pipe(PipeConstants.SOCKET);
      specs.push(spec);
    } else if (entry === 'ipc') {
      if (sync || specs.some((spec) => spec.ipc)) {
        for (const spec of specs) spec.handle?.close();
        if (sync) throw new ERR_IPC_SYNC_FORK(); // at node:internal/child_process:1035:17
        throw new ERR_IPC_ONE_PIPE(); // at node:internal/child_process:1033:17
      }
      specs.push({ type: 'pipe', readable: true, writable: true, handle: new Pipe(PipeConstants.IPC), ipc: true });
    } else if (entry === 'inherit') {
      specs.push({ type: 'inherit', fd: i });
    } else if (typeof entry === 'number') {
      specs.push({ type: 'fd', fd: entry });
    } else if (descriptorOf(entry) !== undefined) {
      specs.push({ type: 'fd', fd: descriptorOf(entry) });
    } else if (ArrayBuffer.isView(entry) || typeof entry === 'string') {
      if (!sync) {
        const { inspect } = require('internal/util/inspect');
        throw new ERR_INVALID_SYNC_FORK_INPUT(inspect(entry)); // at node:internal/child_process:1071:15
      }
      specs.push({ type: 'pipe', readable: i === 0, writable: i !== 0, input: entry });
    } else {
      throw new ERR_INVALID_ARG_VALUE('stdio', entry); // at node:internal/child_process:1076:13
    }
  }
  return specs;
}

// ---- ChildProcess --------------------------------------------------------------

function createSocket(handle, readable) {
  const net = require('net');
  return new net.Socket({ handle, readable });
}

// 'close' comes once the process has exited and every output pipe has closed.
function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) child.emit('close', child.exitCode, child.signalCode);
}

// Output nobody reads must still flow, or its pipe would never close.
function flushStdio(child) {
  for (const stream of child.stdio ?? []) {
    if (stream === null || !stream.readable || stream.readableFlowing === true) continue;
    if (stream.listenerCount('data') > 0 || stream.listenerCount('readable') > 0) continue;
    stream.resume();
  }
}

// A spawn failure reaches the child as an exit with the (negative) errno.
function onErrorNT(child, err) {
  child._handle.onexit(err, 0);
}

// A function with methods assigned to its prototype, as Node's is: the methods
// are enumerable and anonymous, and the constructor may be called without new.
// The diagnostics channel Node publishes each new child process to.
const childProcessChannel = require('diagnostics_channel').channel('child_process');

function ChildProcess() {
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;

  const { Process } = internalBinding('process_wrap');
  this._handle = new Process();
  this._handle.onexit = (exitCode, signalCode) => {
    if (signalCode) this.signalCode = signalName(signalCode);
    else this.exitCode = exitCode;

    if (this.stdin) this.stdin.destroy();
    if (this._handle) this._handle.close();
    this._handle = null;

    if (exitCode < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = errnoException(exitCode, syscall); // at node:internal/child_process:286:19
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = this.spawnargs.slice(1);
      // The pipes of a child that never ran carry nothing: close them.
      for (const stream of this.stdio ?? []) stream?.destroy();
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    process.nextTick(flushStdio, this);
    maybeClose(this);
  };
  if (childProcessChannel.hasSubscribers) childProcessChannel.publish({ process: this });
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

ChildProcess.prototype.spawn = function(options) {
  validateObject(options, 'options'); // at node:internal/child_process:358:3
  const stdio = getValidStdio(options.stdio || 'pipe', false);
  validateOneOf(options.serialization, 'options.serialization', // at node:internal/child_process:370:3
                [undefined, 'json', 'advanced']);
  validateString(options.file, 'options.file'); // at node:internal/child_process:386:3
  this.spawnfile = options.file;
  if (options.args === undefined) {
    this.spawnargs = [];
  } else {
    validateArray(options.args, 'options.args'); // at node:internal/child_process:392:5
    this.spawnargs = options.args;
  }

  const serialization = options.serialization || 'json';
  const ipcIndex = stdio.findIndex((spec) => spec.ipc);
  const request = { ...options, stdio };
  if (ipcIndex !== -1) {
    if (options.envPairs === undefined) request.envPairs = [];
    else validateArray(options.envPairs, 'options.envPairs'); // at node:internal/child_process:379:7
    request.envPairs = [...request.envPairs, `NODE_CHANNEL_FD=${ipcIndex}`,
                        `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`];
  }
  const err = this._handle.spawn(request);
  if (kAsyncSpawnErrors.has(err)) {
    process.nextTick(onErrorNT, this, err);
    if (err === UV_EMFILE || err === UV_ENFILE) return err;
  } else if (err) {
    for (const spec of stdio) spec.handle?.close();
    this._handle.close();
    this._handle = null;
    throw errnoException(err, 'spawn'); // at node:internal/child_process:421:11
  } else {
    process.nextTick(() => this.emit('spawn'));
  }

  this.pid = this._handle.pid;
  const streams = stdio.map((spec, i) => {
    if (spec.ipc) {
      this._closesNeeded++;
      return null;
    }
    if (spec.handle === undefined) return null;
    const socket = createSocket(spec.handle, i > 0);
    if (i > 0) {
      this._closesNeeded++;
      socket.on('close', () => maybeClose(this));
    }
    return socket;
  });
  this.stdin = streams.length >= 1 ? streams[0] : null;
  this.stdout = streams.length >= 2 ? streams[1] : null;
  this.stderr = streams.length >= 3 ? streams[2] : null;
  this.stdio = streams;
  if (ipcIndex !== -1) {
    require('internal/child_process/channel').setupChannel(this, stdio[ipcIndex].handle, serialization, maybeClose);
  }
  return err;
};

ChildProcess.prototype.kill = function(sig) {
  const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_EINVAL || err === UV_ENOSYS) throw errnoException(err, 'kill'); // at node:internal/child_process:509:13
    if (err !== UV_ESRCH) this.emit('error', errnoException(err, 'kill')); // at node:internal/child_process:512:26
  }
  return false;
};

ChildProcess.prototype.ref = function() {
  this._handle?.ref();
};

ChildProcess.prototype.unref = function() {
  this._handle?.unref();
};

ChildProcess.prototype[Symbol.dispose] = function() {
  if (!this.killed) this.kill();
};

// spawn()'s `signal` and `timeout` options: both kill the child with killSignal.
function attachAbortSignal(child, signal, killSignal) {
  validateAbortSignal(signal, 'options.signal');
  if (signal === undefined) return;
  const abort = () => {
    try {
      if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: signal.reason }));
    } catch (err) {
      child.emit('error', err);
    }
  };
  if (signal.aborted) {
    process.nextTick(abort);
  } else {
    signal.addEventListener('abort', abort, { once: true });
    child.once('exit', () => signal.removeEventListener('abort', abort));
  }
}

function attachTimeout(child, timeout, killSignal) {
  if (!(timeout > 0)) return;
  let timer = setTimeout(() => {
    timer = null;
    try {
      child.kill(killSignal);
    } catch (err) {
      child.emit('error', err);
    }
  }, timeout);
  child.once('exit', () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  });
}

// ---- synchronous spawn ------------------------------------------------------------

// Run options (from normalizeSpawnArguments, stdio specs included) to completion.
function spawnSync(options) {
  const raw = internalBinding('spawn_sync').spawn(options);
  const { Buffer } = require('buffer');
  let output = raw.output;
  if (output) {
    output = output.map((data) => {
      if (data === null || data === undefined) return null;
      const buffer = Buffer.from(data);
      return options.encoding && options.encoding !== 'buffer' ? buffer.toString(options.encoding) : buffer;
    });
  }
  const result = {};
  if (raw.error) {
    const error = errnoException(raw.error, `spawnSync ${options.file}`); // at node:internal/child_process:1120:20
    error.path = options.file;
    error.spawnargs = options.args.slice(1);
    result.error = error;
  }
  result.status = raw.status;
  result.signal = raw.signal ? signalName(raw.signal) : null;
  result.output = output;
  result.pid = raw.pid;
  result.stdout = output ? output[1] : undefined;
  result.stderr = output ? output[2] : undefined;
  return result;
}

module.exports = {
  attachAbortSignal,
  attachTimeout,
  ChildProcess,
  getValidStdio,
  normalizeSpawnArguments,
  sanitizeKillSignal,
  spawnSync,
  stdioStringToArray,
  validateArgumentNullCheck,
  validateArgumentsNullCheck,
  validateMaxBuffer,
  validateTimeout,
};
