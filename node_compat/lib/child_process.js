'use strict';

// node:child_process — run other programs: spawn (streams and events),
// exec/execFile (buffered output to a callback), and the synchronous
// spawnSync/execSync/execFileSync, and fork(): another pynode with an IPC
// channel to it.

const {
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED,
    ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
    ERR_INVALID_ARG_TYPE,
  },
  getSystemErrorName,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateFunction,
  validateObject,
  validateString,
} = require('internal/validators');
const { markThrowSite } = require('internal/node_throw_sites');
const { kEmptyObject, promisify } = require('internal/util');
const { getValidatedPath } = require('internal/fs/utils');
const {
  attachAbortSignal,
  attachTimeout,
  ChildProcess,
  getValidStdio,
  normalizeSpawnArguments,
  sanitizeKillSignal,
  spawnSync: runSync,
  stdioStringToArray,
  validateArgumentNullCheck,
  validateArgumentsNullCheck,
  validateMaxBuffer,
  validateTimeout,
} = require('internal/child_process');

const MAX_BUFFER = 1024 * 1024;


let BufferClass;
function lazyBuffer() {
  BufferClass ??= require('buffer').Buffer;
  return BufferClass;
}

// An Error with extra own properties (the "Command failed" errors).
function errorWith(message, properties) {
  const err = new Error(message);
  Object.assign(err, properties);
  return err;
}

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal'); // at node:child_process:748:3
  const killSignal = sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();
  child.spawn(options);
  attachTimeout(child, options.timeout, killSignal);
  attachAbortSignal(child, options.signal, killSignal);
  return child;
}

// ---- exec / execFile ------------------------------------------------------------

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command'); // at node:child_process:189:3
  validateArgumentNullCheck(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return execFile(opts.file, opts.options, opts.callback);
}

// (file, args, options, callback) of execFile and execFileSync, sorted out:
// args and options may each be left out.
function normalizeExecFileArgs(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  args ??= [];
  if (typeof options === 'function') {
    callback = options;
  } else if (options != null) {
    validateObject(options, 'options'); // at node:child_process:280:5
  }
  options ??= kEmptyObject;
  if (callback != null) validateFunction(callback, 'callback'); // at node:child_process:286:5
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0'); // at node:child_process:291:5
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));

  options = {
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: MAX_BUFFER,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  const killSignal = sanitizeKillSignal(options.killSignal);

  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: Boolean(options.windowsHide),
    windowsVerbatimArguments: Boolean(options.windowsVerbatimArguments),
  });

  const Buffer = lazyBuffer();
  const encoding = options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const collected = { stdout: [], stderr: [] };
  const lengths = { stdout: 0, stderr: 0 };
  let failure = null;
  let killedByUs = false;
  let finished = false;
  let timer = null;

  function killChild() {
    child.stdout?.destroy();
    child.stderr?.destroy();
    killedByUs = true;
    try {
      child.kill(killSignal);
    } catch (err) {
      failure = err;
      finish();
    }
  }

  function finish(code, signal) {
    if (finished) return;
    finished = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!callback) return;
    const join = (name) => {
      const stream = child[name];
      if (encoding || stream?.readableEncoding) return collected[name].join('');
      return Buffer.concat(collected[name]);
    };
    const stdout = join('stdout');
    const stderr = join('stderr');
    if (failure === null && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    let cmd = file;
    if (args?.length) cmd += ` ${args.join(' ')}`;
    if (failure === null) {
      failure = errorWith(`Command failed: ${cmd}\n${stderr}`, {
        code: code < 0 ? getSystemErrorName(code) : code,
        killed: child.killed || killedByUs,
        signal,
      });
    }
    failure.cmd = cmd;
    callback(failure, stdout, stderr);
  }

  if (options.timeout > 0) {
    timer = setTimeout(() => {
      timer = null;
      killChild();
    }, options.timeout);
  }

  for (const name of ['stdout', 'stderr']) {
    const stream = child[name];
    if (!stream) continue;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      const streamEncoding = stream.readableEncoding;
      const length = streamEncoding ? Buffer.byteLength(chunk, streamEncoding) : chunk.length;
      lengths[name] += length;
      if (lengths[name] > options.maxBuffer) {
        const keep = options.maxBuffer - (lengths[name] - length);
        collected[name].push(chunk.slice(0, keep));
        failure = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        killChild();
      } else {
        collected[name].push(chunk);
      }
    });
  }

  child.addListener('close', finish);
  child.addListener('error', (err) => {
    failure = err;
    child.stdout?.destroy();
    child.stderr?.destroy();
    finish();
  });
  return child;
}

// util.promisify(exec|execFile): a promise of { stdout, stderr }, rejected
// with an error that carries them too; `promise.child` is the ChildProcess.
function promisifiedExec(original) {
  return (...args) => {
    let settle;
    const promise = new Promise((resolve, reject) => {
      settle = (err, stdout, stderr) => {
        if (err === null) {
          resolve({ stdout, stderr });
        } else {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        }
      };
    });
    promise.child = original(...args, settle);
    return promise;
  };
}

for (const fn of [exec, execFile]) {
  Object.defineProperty(fn, promisify.custom, {
    __proto__: null, value: promisifiedExec(fn), enumerable: false, writable: false, configurable: false,
  });
}

// ---- synchronous forms -------------------------------------------------------------

function spawnSync(file, args, options) {
  options = { __proto__: null, maxBuffer: MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  options.stdio = getValidStdio(options.stdio || 'pipe', true);
  if (options.input) options.stdio[0] = { ...options.stdio[0], input: options.input };
  for (let i = 0; i < options.stdio.length; i++) {
    const input = options.stdio[i]?.input;
    if (input == null) continue;
    if (!ArrayBuffer.isView(input) && typeof input !== 'string') {
      throw new ERR_INVALID_ARG_TYPE( // at node:child_process:858:15
        `options.stdio[${i}]`, ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
  }
  return runSync(options);
}

// The error execSync/execFileSync throw (from `thrownAt`): the spawn error,
// or "Command failed" (which Node makes in genericNodeError).
function checkExecSyncError(result, args, cmd, thrownAt) {
  if (result.error) return markThrowSite(Object.assign(result.error, result), undefined, thrownAt);
  if (result.status === 0) return undefined;
  let message = `Command failed: ${cmd || args.join(' ')}`;
  if (result.stderr && result.stderr.length > 0) message += `\n${result.stderr.toString()}`;
  const err = new Error(message); // at genericNodeError (node:internal/errors:983:15) | wrappedFn (node:internal/errors:537:14) | checkExecSyncError (node:child_process:882:11)
  return markThrowSite(Object.assign(err, result), 'node:internal/errors:983:15', thrownAt);
}

function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));
  const inheritStderr = !options.stdio;
  const result = spawnSync(file, args, options);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const err = checkExecSyncError(result, [options.argv0 || file, ...args], undefined, 'node:child_process:921:5'); // at node:child_process:918:15
  if (err) throw err;
  return result.stdout;
}

function execSync(command, options) {
  const { file, options: opts } = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.stdio;
  const result = spawnSync(file, opts);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const err = checkExecSyncError(result, undefined, command, 'node:child_process:957:5'); // at node:child_process:954:15
  if (err) throw err;
  return result.stdout;
}

// Run a module in a new pynode (this runtime: options.execPath) with an IPC
// channel to it on descriptor 3 (or where options.stdio puts 'ipc').
function fork(modulePath, args = [], options) {
  modulePath = getValidatedPath(modulePath, 'modulePath'); // at node:child_process:123:16
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args'); // at node:child_process:134:5
  }
  if (options != null) validateObject(options, 'options'); // at node:child_process:138:5
  options = { __proto__: null, ...options, shell: false };
  options.execPath ||= process.execPath;
  validateArgumentNullCheck(options.execPath, 'options.execPath');
  let execArgv = options.execArgv || process.execArgv;
  validateArgumentsNullCheck(execArgv, 'options.execArgv');
  // A child of `pynode -e CODE` does not run CODE again.
  if (execArgv === process.execArgv && process._eval != null) {
    const at = execArgv.lastIndexOf(process._eval);
    if (at > 0) execArgv = execArgv.toSpliced(at - 1, 2);
  }
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio'); // at node:child_process:168:11
  }
  return spawn(options.execPath, args, options);
}

// In a child fork() started: `process.send()` and the rest over descriptor `fd`.
// The channel keeps the child alive only while 'message' or 'disconnect' is listened for.
function _forkChild(fd, serializationMode) {
  const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
  const pipe = new Pipe(PipeConstants.IPC);
  pipe.open(fd);
  pipe.unref();
  const control = require('internal/child_process/channel').setupChannel(process, pipe, serializationMode);
  process.on('newListener', function onNewListener(name) {
    if (name === 'message' || name === 'disconnect') control.refCounted();
  });
  process.on('removeListener', function onRemoveListener(name) {
    if (name === 'message' || name === 'disconnect') control.unrefCounted();
  });
}

module.exports = {
  _forkChild,
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
