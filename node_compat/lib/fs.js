'use strict';

// node:fs — synchronous, callback and (through `fs.promises`) promise file
// system calls. The work is done by internalBinding('fs') (bindings/fs.py):
// synchronous calls run at once, callback calls run on the loop's thread
// pool and complete in the poll phase, as libuv's requests do.

const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  kValidateObjectAllowNullable,
  parseFileMode,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateFunction,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { defineLazyProperties, kEmptyObject, normalizeEncoding } = require('internal/util');
const { toPathIfFileURL } = require('internal/url');
const pathModule = require('path');
const {
  DeprecatedStats,
  Dirent,
  binding,
  bindingError,
  check,
  constants,
  copyObject,
  encodeResult,
  getDirent,
  getOptions,
  getStatsFromBinding,
  getNativeFd,
  getValidMode,
  getValidatedFd,
  getValidatedPath,
  hiddenError,
  isError,
  isInt32,
  kMaxUserId,
  makeRequest,
  makeStatsRequest,
  markThrowSite,
  nativeArgumentError,
  maybeCallback,
  rmDirectoryError,
  statFsFromBinding,
  stringToFlags,
  systemError,
  toUnixTimestamp,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateRmOptions,
  validateRmdirOptions,
} = require('internal/fs/utils');

const { readWholeFile, writeWholeFile } = require('internal/fs/whole_file');

const { F_OK, R_OK, W_OK, X_OK, O_SYMLINK } = constants;
const UV_ENOENT = -2;

function isFd(value) { return isInt32(value); }

function isArrayBufferView(value) { return ArrayBuffer.isView(value); }

function bytesOf(view) {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// Copy bytes the binding read (an ArrayBuffer) into `buffer` at `offset`.
function copyRead(data, buffer, offset) {
  const n = data.byteLength;
  if (n > 0) new Uint8Array(buffer.buffer, buffer.byteOffset + offset, n).set(new Uint8Array(data));
  return n;
}

function bufferFrom(data) {
  return new FastBuffer(data, 0, data.byteLength);
}

// ---- access / exists ------------------------------------------------------------------------

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  mode = getValidMode(mode, 'access', 'node:fs:234:11');
  binding.access(path, mode, makeRequest(callback, 'access', path));
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access', 'access');
  check(binding.access(path, mode), 'access', path); // at node:fs:245:11
}

function exists(path, callback) {
  maybeCallback(callback);
  function suppressed(err) { callback(!err); }
  try {
    access(path, F_OK, suppressed);
  } catch {
    return callback(false);
  }
}
Object.defineProperty(exists, require('internal/util').promisify.custom, {
  __proto__: null,
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.exists(path);
}

// ---- open / close / read / write ------------------------------------------------------------

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = maybeCallback(callback);
  binding.open(path, flagsNumber, mode, makeRequest(callback, 'open', path));
}

function openSync(path, flags, mode) {
  path = getValidatedPath(path); // at node:fs:564:5
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return check(binding.open(path, flagsNumber, mode), 'open', path); // at node:fs:563:18
}

function close(fd, callback = defaultCloseCallback) {
  if (callback !== defaultCloseCallback) callback = maybeCallback(callback);
  fd = getNativeFd(fd, 'node:fs:511:11');
  binding.close(fd, makeRequest(callback, 'close'));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function closeSync(fd) {
  fd = getNativeFd(fd, 'close');
  check(binding.close(fd), 'close'); // at node:fs:520:11
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      // read(fd, buffer, options, callback)
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      // read(fd, bufferOrParams, callback)
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      // read(fd, callback)
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', kValidateObjectAllowNullable);
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? kEmptyObject);
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) {
    process.nextTick(function tick() { callback(null, 0, buffer); });
    return;
  }
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written'); // at node:fs:659:11
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  else validatePosition(position, 'position', length);
  const req = makeRequest((err, data) => {
    if (err) callback(err, 0, buffer);
    else callback(null, copyRead(data, buffer, offset), buffer);
  }, 'read');
  binding.read(fd, length, Number(position), req);
}
Object.defineProperty(read, require('internal/util').customPromisifyArgs,
                      { __proto__: null, value: ['bytesRead', 'buffer'], enumerable: false });

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd); // at node:fs:700:8
  validateBuffer(buffer); // at node:fs:702:3
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0); // at node:fs:720:5
  length |= 0;
  if (length === 0) return 0;
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written'); // at node:fs:730:11
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength); // at node:fs:734:3
  if (position == null) position = -1;
  else validatePosition(position, 'position', length); // at node:fs:739:5
  const data = check(binding.read(fd, length, Number(position)), 'read'); // at node:fs:742:18
  return copyRead(data, buffer, offset);
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  if (typeof position !== 'number') position = null;
  const req = makeRequest((err, chunks) => {
    if (err) return callback(err, 0, buffers);
    callback(null, scatter(chunks, buffers), buffers);
  }, 'read');
  binding.readv(fd, buffers.map((b) => b.byteLength), position, req);
}
Object.defineProperty(readv, require('internal/util').customPromisifyArgs,
                      { __proto__: null, value: ['bytesRead', 'buffers'], enumerable: false });

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd); // at node:fs:790:8
  validateBufferArray(buffers); // at node:fs:791:3
  if (typeof position !== 'number') position = null;
  const chunks = check(binding.readv(fd, buffers.map((b) => b.byteLength), position), 'read', undefined, undefined,
                       'readv');
  return scatter(chunks, buffers);
}

function scatter(chunks, buffers) {
  let total = 0;
  for (let i = 0; i < chunks.length; i++) total += copyRead(chunks[i], buffers[i], 0);
  return total;
}

// (Hidden validators in Node: see hiddenError.)
function validateBufferArray(buffers, propName = 'buffers') {
  if (!Array.isArray(buffers) || !buffers.every(isArrayBufferView)) {
    throw hiddenError(new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers), validateBufferArray);
  }
  return buffers;
}

function validateStringAfterArrayBufferView(buffer, name, hiddenFrom = validateStringAfterArrayBufferView) {
  if (typeof buffer !== 'string') {
    throw hiddenError(new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer),
                      hiddenFrom);
  }
}

// The bytes [offset, offset + length) of a view, as the binding writes them.
function viewBytes(buffer, offset, length) {
  const bytes = bytesOf(buffer);
  return offset === 0 && length === bytes.byteLength ? bytes : bytes.subarray(offset, offset + length);
}

// A string as the binding writes it: UTF-8 text as it is, others as bytes.
function stringBytes(string, encoding) {
  const enc = normalizeEncoding(encoding);
  return enc === 'utf8' || enc === undefined ? string : Buffer.from(string, encoding);
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  function wrapper(err, written) { callback(err, written || 0, buffer); }
  fd = getValidatedFd(fd); // at node:fs:819:8
  let offset = offsetOrOptions;
  let data;
  if (isArrayBufferView(buffer)) {
    callback = maybeCallback(callback || position || length || offset);
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null || typeof offset === 'function') offset = 0;
    else validateInteger(offset, 'offset', 0); // at node:fs:837:7
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength); // at node:fs:843:5
    data = viewBytes(buffer, offset, length);
  } else {
    validateStringAfterArrayBufferView(buffer, 'buffer'); // at node:fs:851:3
    if (typeof position !== 'function') {
      if (typeof offset === 'function') {
        position = offset;
        offset = null;
      } else {
        position = length;
      }
      length = 'utf8';
    }
    validateEncoding(buffer, length); // at node:fs:864:3
    callback = maybeCallback(position);
    data = stringBytes(buffer, length);
    position = typeof offset === 'number' ? offset : null;
  }
  binding.write(fd, data, position, makeRequest(wrapper, 'write'));
}
Object.defineProperty(write, require('internal/util').customPromisifyArgs,
                      { __proto__: null, value: ['bytesWritten', 'buffer'], enumerable: false });

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd); // at node:fs:891:8
  let offset = offsetOrOptions;
  let data;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0); // at node:fs:909:7
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength); // at node:fs:913:5
    data = viewBytes(buffer, offset, length);
  } else {
    validateStringAfterArrayBufferView(buffer, 'buffer'); // at node:fs:917:5
    validateEncoding(buffer, length); // at node:fs:918:5
    data = stringBytes(buffer, length);
    position = typeof offset === 'number' ? offset : null;
  }
  return check(binding.write(fd, data, position), 'write');
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  if (typeof position !== 'number') position = null;
  binding.writev(fd, buffers.map(bytesOf), position,
                 makeRequest((err, written) => callback(err, written || 0, buffers), 'write'));
}
Object.defineProperty(writev, require('internal/util').customPromisifyArgs,
                      { __proto__: null, value: ['bytesWritten', 'buffer'], enumerable: false });

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd); // at node:fs:981:8
  validateBufferArray(buffers); // at node:fs:982:3
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number') position = null;
  return check(binding.writev(fd, buffers.map(bytesOf), position), 'write', undefined, undefined, 'writev'); // at node:fs:991:18
}

// ---- whole files ----------------------------------------------------------------------------------

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const encoding = options.encoding;
  if (encoding === 'utf8' || encoding === 'utf-8') {
    if (!isInt32(path)) path = getValidatedPath(path); // at node:fs:441:14
    const result = binding.readFileUtf8(path, stringToFlags(options.flag));
    if (isError(result)) throw markThrowSite(readFileError(result, path), 'readFileUtf8'); // at node:fs:443:20
    return result;
  }
  const target = isFd(path) ? getValidatedFd(path) : getValidatedPath(path); // at Object.openSync (node:fs:564:5) | node:fs:447:35
  const flags = stringToFlags(options.flag);
  if (typeof target === 'number') {
    // A descriptor of the caller's is stat'ed first, as Node does.
    const stats = binding.fstat(target);
    if (isError(stats)) throw markThrowSite(bindingError(stats, 'fstat'), 'tryStatSync'); // at tryStatSync (node:fs:393:25) | node:fs:449:17
  }
  const result = binding.readFile(target, flags);
  if (isError(result)) {
    const err = readFileError(result, target); // at Object.openSync (node:fs:563:18) | node:fs:447:35
    throw markThrowSite(err, err.syscall === 'read' ? 'read' : 'open');
  }
  const buffer = bufferFrom(result);
  return encoding ? buffer.toString(encoding) : buffer;
}

function readFileError(code, path) {
  return bindingError(code, 'open', typeof path === 'number' ? undefined : path); // at -
}

function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { flag: 'r' });
  const target = isFd(path) ? getValidatedFd(path) : getValidatedPath(path); // at node:fs:389:16
  const flags = stringToFlags(options.flag);
  const encoding = options.encoding;
  const signal = options.signal;
  if (signal?.aborted) {
    const { AbortError } = require('internal/errors');
    process.nextTick(callback, new AbortError(undefined, { cause: signal.reason }));
    return;
  }
  readWholeFile(target, flags, signal, (err, buffer) => {
    if (err) return callback(err);
    let result = buffer;
    if (encoding) {
      try {
        result = buffer.toString(encoding);
      } catch (e) {
        return callback(e);
      }
    }
    callback(null, result);
  });
}

// The bytes writeFile()/appendFile() write.
function dataBytes(data, encoding, name = 'data') {
  if (isArrayBufferView(data)) return bytesOf(data);
  validateStringAfterArrayBufferView(data, name, dataBytes);
  const enc = normalizeEncoding(encoding);
  return enc === 'utf8' || enc === undefined ? data : Buffer.from(data, encoding);
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding); // at node:fs:2436:5
  const flag = options.flag || 'w';
  // (Node validates the path on its UTF-8 fast path for strings, else in openSync.)
  let target;
  if (isFd(path)) target = getValidatedFd(path);
  else if (typeof bytes === 'string') target = getValidatedPath(path); // at node:fs:2424:14
  else target = getValidatedPath(path); // at Object.openSync (node:fs:564:5) | node:fs:2441:35
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const result = binding.writeFile(target, bytes, flags, mode);
  if (isError(result)) {
    const named = typeof target === 'number' ? undefined : target;
    if (typeof bytes === 'string') throw markThrowSite(bindingError(result, 'open', named), 'writeFileUtf8'); // at node:fs:2427:20
    throw markThrowSite(bindingError(result, 'open', named), 'open'); // at Object.openSync (node:fs:563:18) | node:fs:2441:35
  }
  if (options.flush) fsyncTarget(target);
}

function fsyncTarget(target) {
  if (typeof target === 'number') {
    fsyncSync(target);
    return;
  }
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding);
  const flag = options.flag || 'w';
  const target = isFd(path) ? getValidatedFd(path) : getValidatedPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const signal = options.signal;
  if (signal?.aborted) {
    const { AbortError } = require('internal/errors');
    process.nextTick(callback, new AbortError(undefined, { cause: signal.reason }));
    return;
  }
  writeWholeFile(target, bytes, flags, mode, signal, Boolean(options.flush), (err) => callback(err || null)); // at -
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFileSync(path, data, options); // at node:fs:2509:6 calling Object.writeFileSync
}

function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFile(path, data, options, callback);
}

// ---- metadata ----------------------------------------------------------------------------------------

function statOptions(options) {
  if (options === null || typeof options !== 'object') return { bigint: false };
  return options;
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  const bigint = Boolean(statOptions(options).bigint);
  binding.stat(path, makeStatsRequest(callback, 'stat', path, bigint));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  const bigint = Boolean(statOptions(options).bigint);
  binding.lstat(path, makeStatsRequest(callback, 'lstat', path, bigint));
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  fd = getNativeFd(fd, 'node:fs:1610:11');
  const bigint = Boolean(statOptions(options).bigint);
  binding.fstat(fd, makeStatsRequest(callback, 'fstat', undefined, bigint));
}

function statSyncImpl(op, syscall, path, options) {
  const { bigint = false, throwIfNoEntry = true } = statOptions(options);
  path = getValidatedPath(path);
  const result = binding[op](path);
  if (isError(result)) {
    if (!throwIfNoEntry && (result === -2 || result === -20)) return undefined;
    throw markThrowSite(bindingError(result, syscall, path), syscall); // at -
  }
  return getStatsFromBinding(result, bigint);
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  return statSyncImpl('stat', 'stat', path, options); // at node:fs:1737:25
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  return statSyncImpl('lstat', 'lstat', path, options); // at node:fs:1713:25
}

function fstatSync(fd, options = { bigint: false }) {
  fd = getNativeFd(fd, 'fstat');
  const result = check(binding.fstat(fd), 'fstat'); // at node:fs:1690:25
  return getStatsFromBinding(result, Boolean(statOptions(options).bigint));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  const bigint = Boolean(statOptions(options).bigint);
  binding.statfs(path, makeRequest(callback, 'statfs', path, undefined, (s) => statFsFromBinding(s, bigint)));
}

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const result = check(binding.statfs(path), 'statfs', path); // at node:fs:1750:25
  return statFsFromBinding(result, Boolean(statOptions(options).bigint));
}

// ---- directories ---------------------------------------------------------------------------------------

function mkdir(path, options, callback) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      recursive = options.recursive;
      validateBoolean(recursive, 'options.recursive'); // at node:fs:1319:7
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path); // at node:fs:1330:5
  binding.mkdir(path, mode, recursive,
                makeRequest(callback, 'mkdir', path, undefined,
                            recursive ? (first) => (first === null ? undefined : first) : () => undefined));
}

function mkdirSync(path, options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      recursive = options.recursive;
      validateBoolean(recursive, 'options.recursive'); // at node:fs:1354:7
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  path = getValidatedPath(path); // at node:fs:1362:5
  const result = check(binding.mkdir(path, mode, recursive), 'mkdir', path); // at node:fs:1361:26
  if (recursive) return result === null ? undefined : result;
}

function mkdtemp(prefix, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  const asBuffer = options.encoding === 'buffer';
  binding.mkdtemp(prefix, asBuffer, makeRequest(callback, 'mkdtemp', `${prefix}XXXXXX`, undefined,
                                                (dir) => encodeResult(dir, options.encoding)));
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix'); // at node:fs:3049:12
  const asBuffer = options.encoding === 'buffer';
  const result = check(binding.mkdtemp(prefix, asBuffer), 'mkdtemp', `${prefix}XXXXXX`); // at node:fs:3051:18
  return encodeResult(result, options.encoding);
}

// readdir results from the binding ([names, types, parents]) as Node returns them.
function readdirResult(result, path, options) {
  const encoding = options.encoding;
  const names = result[0].map((name) => encodeResult(name, encoding));
  if (!options.withFileTypes) return names;
  const types = result[1];
  const dirs = result[2];
  const out = [];
  for (let i = 0; i < names.length; i++) {
    let parent = path;
    if (dirs !== undefined && dirs[i] !== '' && dirs[i] !== undefined) {
      parent = pathModule.join(`${path}`, typeof dirs[i] === 'string' ? dirs[i] : Buffer.from(dirs[i]).toString());
    }
    out.push(getDirent(parent, names[i], types[i]));
  }
  return out;
}

function readdir(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  const recursive = Boolean(options.recursive);
  const withTypes = Boolean(options.withFileTypes);
  binding.readdir(path, withTypes, recursive, options.encoding === 'buffer',
                  makeRequest(callback, 'scandir', path, undefined, (r) => readdirResult(r, path, options)));
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  const recursive = Boolean(options.recursive);
  const withTypes = Boolean(options.withFileTypes);
  const result = check(binding.readdir(path, withTypes, recursive, options.encoding === 'buffer'), 'scandir', path); // at node:fs:1581:26
  return readdirResult(result, path, options);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    validateRmdirOptions(options);
    binding.rm(path, true, false, makeRequest(callback, 'rmdir', path));
    return;
  }
  validateRmdirOptions(options);
  binding.rmdir(path, makeRequest(callback, 'rmdir', path));
}

function rmdirSync(path, options) {
  path = getValidatedPath(path); // at node:fs:1190:10
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    options = validateRmOptionsSync(path, { ...options, force: false }, true); // at node:fs:1194:15
    if (options !== false) {
      check(binding.rm(path, true, false), 'rmdir', path, undefined, 'node:fs:1196:22'); // at node:fs:1196:22
      return;
    }
  } else {
    validateRmdirOptions(options); // at node:fs:1199:5
  }
  check(binding.rmdir(path), 'rmdir', path); // at node:fs:1202:11
}

let recursiveRmdirWarned = false;
function emitRecursiveRmdirWarning() {
  if (recursiveRmdirWarned) return;
  recursiveRmdirWarned = true;
  process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
                      'will be removed. Use fs.rm(path, { recursive: true }) instead',
                      'DeprecationWarning', 'DEP0147');
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  options = validateRmOptions(options);
  // A directory without `recursive` is refused before anything is removed.
  lstat(path, (err, stats) => {
    if (err) {
      if (err.code === 'ENOENT' && options.force) return callback(null);
      return callback(err);
    }
    if (stats.isDirectory() && !options.recursive) return callback(rmDirectoryError(path));
    binding.rm(path, options.recursive, options.force, makeRequest(callback, 'rm', path));
  });
}

// Node's validateRmOptionsSync, a hidden validator (its errors start at its
// caller): the options, then what is at `path` (unless a forced recursive
// rm makes that moot). False when `expectDir` and no directory is there.
function validateRmOptionsSync(path, options, expectDir) {
  try {
    options = validateRmOptions(options);
    if (!options.force || expectDir || !options.recursive) {
      path = getValidatedPath(path);
      const stats = binding.lstat(path);
      let isDirectory;
      if (!isError(stats)) {
        isDirectory = getStatsFromBinding(stats).isDirectory();
      } else if (stats !== UV_ENOENT || !options.force) {
        throw bindingError(stats, 'lstat', path);
      }
      if (expectDir && !isDirectory) return false;
      if (isDirectory && !options.recursive) throw rmDirectoryError(path);
    }
    return options;
  } catch (err) {
    throw hiddenError(err, validateRmOptionsSync);
  }
}

function rmSync(path, options) {
  const opts = validateRmOptionsSync(path, options, false); // at node:fs:1247:16
  path = getValidatedPath(path); // at node:fs:1248:25
  check(binding.rm(path, opts.recursive, opts.force), 'rm', path, undefined, 'node:fs:1248:18'); // at node:fs:1248:18
}

// ---- names and links ------------------------------------------------------------------------------------

function unlink(path, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.unlink(path, makeRequest(callback, 'unlink', path));
}

function unlinkSync(path) {
  path = getValidatedPath(path);
  check(binding.unlink(path), 'unlink', path); // at node:fs:1954:11
}

function rename(oldPath, newPath, callback) {
  callback = maybeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, makeRequest(callback, 'rename', oldPath, newPath));
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  check(binding.rename(oldPath, newPath), 'rename', oldPath, newPath); // at node:fs:1022:11
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  callback = maybeCallback(callback);
  mode = getValidMode(mode, 'copyFile', 'node:fs:3075:11');
  binding.copyFile(src, dest, mode, makeRequest(callback, 'copyfile', src, dest));
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile', 'copyFile');
  check(binding.copyFile(src, dest, mode), 'copyfile', src, dest); // at node:fs:3087:11
}

function link(existingPath, newPath, callback) {
  callback = maybeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, makeRequest(callback, 'link', existingPath, newPath));
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  check(binding.link(existingPath, newPath), 'link', existingPath, newPath); // at node:fs:1929:11
}

const kSymlinkTypes = ['dir', 'file', 'junction', null, undefined];

function symlink(target, path, type, callback) {
  if (callback === undefined) {
    callback = maybeCallback(type);
    type = undefined;
  } else {
    validateOneOf(type, 'type', kSymlinkTypes); // at node:fs:1798:5
  }
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  binding.symlink(target, path, makeRequest(callback, 'symlink', target, path));
}

function symlinkSync(target, path, type) {
  validateOneOf(type, 'type', kSymlinkTypes); // at node:fs:1868:3
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  check(binding.symlink(target, path), 'symlink', target, path); // at node:fs:1891:11
}

function readlink(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  binding.readlink(path, options.encoding === 'buffer',
                   makeRequest(callback, 'readlink', path, undefined, (r) => encodeResult(r, options.encoding)));
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const result = check(binding.readlink(path, options.encoding === 'buffer'), 'readlink', path); // at node:fs:1782:18
  return encodeResult(result, options.encoding);
}

// realpath() walks the path with lstat as Node's JavaScript version does, so
// a missing component is reported as `lstat '<absolute prefix>'`.
function realpathSync(p, options) {
  options = getOptions(options);
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p = `${p}`;
  p = getValidatedPath(p);
  const result = walkRealpath(pathModule.resolve(p), (part) => {
    const stats = binding.lstat(part);
    if (isError(stats)) throw markThrowSite(bindingError(stats, 'lstat', part), 'realpath');
    return stats;
  }, (part) => {
    // Node checks that the link leads somewhere before reading it.
    check(binding.stat(part), 'stat', part, undefined, 'realpath');
    return check(binding.readlink(part, false), 'readlink', part, undefined, 'realpath');
  });
  return encodeResult(result, options.encoding);
}

// Resolve symlinks one component at a time; `lstatOf` and `readlinkOf` throw on failure.
function walkRealpath(absolute, lstatOf, readlinkOf) {
  const S_IFMT = constants.S_IFMT;
  const S_IFLNK = constants.S_IFLNK;
  let pending = absolute.split('/').filter(Boolean);
  let current = '/';
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift();
    if (part === '.') continue;
    if (part === '..') {
      current = pathModule.dirname(current);
      continue;
    }
    const next = current === '/' ? `/${part}` : `${current}/${part}`;
    const stats = lstatOf(next);
    if ((stats[1] & S_IFMT) !== S_IFLNK) {
      current = next;
      continue;
    }
    if (++links > 40) throw systemError(-40, 'realpath', absolute);
    const target = readlinkOf(next);
    const resolved = pathModule.resolve(current, target);
    pending = resolved.split('/').filter(Boolean).concat(pending);
    current = '/';
  }
  return current;
}

realpathSync.native = function(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const result = check(binding.realpath(path, options.encoding === 'buffer'), 'realpath', path, undefined,
                       'realpathNative');
  return encodeResult(result, options.encoding);
};

function realpath(p, options, callback) {
  callback = typeof options === 'function' ? options : maybeCallback(callback);
  options = getOptions(options);
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validateString(p, 'path');
  p = getValidatedPath(p);
  const absolute = pathModule.resolve(p);
  // The same walk as realpathSync, on the thread pool one call at a time.
  const pending = absolute.split('/').filter(Boolean);
  let current = '/';
  let links = 0;
  function step() {
    while (pending.length > 0 && (pending[0] === '.' || pending[0] === '..')) {
      if (pending.shift() === '..') current = pathModule.dirname(current);
    }
    if (pending.length === 0) {
      let result;
      try {
        result = encodeResult(current, options.encoding);
      } catch (err) {
        return callback(err);
      }
      return callback(null, result);
    }
    const part = pending.shift();
    const next = current === '/' ? `/${part}` : `${current}/${part}`;
    binding.lstat(next, makeRequest((err, stats) => {
      if (err) return callback(err);
      if ((stats[1] & constants.S_IFMT) !== constants.S_IFLNK) {
        current = next;
        return step();
      }
      if (++links > 40) return callback(systemError(-40, 'realpath', absolute));
      binding.stat(next, makeRequest((err2) => {
        if (err2) return callback(err2);
        binding.readlink(next, false, makeRequest((err3, target) => {
          if (err3) return callback(err3);
          const resolved = pathModule.resolve(current, target);
          pending.unshift(...resolved.split('/').filter(Boolean));
          current = '/';
          step();
        }, 'readlink', next));
      }, 'stat', next));
    }, 'lstat', next));
  }
  step();
}

realpath.native = function(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  binding.realpath(path, options.encoding === 'buffer',
                   makeRequest(callback, 'realpath', path, undefined, (r) => encodeResult(r, options.encoding)));
};

// ---- permissions, owners, sizes, times -------------------------------------------------------------------

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = maybeCallback(callback);
  binding.chmod(path, mode, makeRequest(callback, 'chmod', path));
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  check(binding.chmod(path, mode), 'chmod', path); // at node:fs:2064:11
}

function fchmod(fd, mode, callback) {
  mode = parseFileMode(mode, 'mode');
  callback = maybeCallback(callback);
  fd = getNativeFd(fd, 'node:fs:1975:11');
  binding.fchmod(fd, mode, makeRequest(callback, 'fchmod'));
}

function fchmodSync(fd, mode) {
  mode = parseFileMode(mode, 'mode');
  fd = getNativeFd(fd, 'fchmod');
  check(binding.fchmod(fd, mode), 'fchmod'); // at node:fs:1988:11
}

function chown(path, uid, gid, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId); // at node:fs:2150:3
  validateInteger(gid, 'gid', -1, kMaxUserId); // at node:fs:2151:3
  binding.chown(path, uid, gid, makeRequest(callback, 'chown', path));
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId); // at node:fs:2168:3
  validateInteger(gid, 'gid', -1, kMaxUserId); // at node:fs:2169:3
  check(binding.chown(path, uid, gid), 'chown', path); // at node:fs:2170:11
}

function lchown(path, uid, gid, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId); // at node:fs:2078:3
  validateInteger(gid, 'gid', -1, kMaxUserId); // at node:fs:2079:3
  binding.lchown(path, uid, gid, makeRequest(callback, 'lchown', path));
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId); // at node:fs:2094:3
  validateInteger(gid, 'gid', -1, kMaxUserId); // at node:fs:2095:3
  check(binding.lchown(path, uid, gid), 'lchown', path); // at node:fs:2096:11
}

function fchown(fd, uid, gid, callback) {
  validateInteger(uid, 'uid', -1, kMaxUserId); // at node:fs:2108:3
  validateInteger(gid, 'gid', -1, kMaxUserId); // at node:fs:2109:3
  callback = maybeCallback(callback);
  fd = getNativeFd(fd, 'node:fs:2118:11');
  binding.fchown(fd, uid, gid, makeRequest(callback, 'fchown'));
}

function fchownSync(fd, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId); // at node:fs:2129:3
  validateInteger(gid, 'gid', -1, kMaxUserId); // at node:fs:2130:3
  fd = getNativeFd(fd, 'fchown');
  check(binding.fchown(fd, uid, gid), 'fchown'); // at node:fs:2135:11
}

function truncate(path, len, callback) {
  if (typeof path === 'number') return ftruncate(path, len, callback);
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = maybeCallback(callback);
  open(path, 'r+', (err, fd) => {
    if (err) return callback(err);
    binding.ftruncate(fd, len, makeRequest((err2) => {
      close(fd, (err3) => callback(err2 || err3));
    }, 'ftruncate'));
  });
}

function truncateSync(path, len) {
  if (typeof path === 'number') return ftruncateSync(path, len);
  if (len === undefined) len = 0;
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, len);
  } finally {
    closeSync(fd);
  }
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = maybeCallback(callback);
  fd = getNativeFd(fd, 'node:fs:1104:11');
  binding.ftruncate(fd, len, makeRequest(callback, 'ftruncate'));
}

function ftruncateSync(fd, len = 0) {
  validateInteger(len, 'len'); // at node:fs:1114:3
  fd = getNativeFd(fd, 'ftruncate');
  check(binding.ftruncate(fd, len), 'ftruncate'); // at node:fs:1115:11
}

function utimes(path, atime, mtime, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), makeRequest(callback, 'utime', path));
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  check(binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime)), 'utime', path); // at node:fs:2205:11
}

function lutimes(path, atime, mtime, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime), makeRequest(callback, 'lutime', path));
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  check(binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime)), 'lutime', path); // at node:fs:2280:11
}

function futimes(fd, atime, mtime, callback) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = maybeCallback(callback);
  fd = getNativeFd(fd, 'node:fs:2228:11');
  binding.futimes(fd, atime, mtime, makeRequest(callback, 'futime'));
}

function futimesSync(fd, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  fd = getNativeFd(fd, 'futimes');
  check(binding.futimes(fd, atime, mtime), 'futime'); // at node:fs:2241:11
}

function fsync(fd, callback) {
  callback = maybeCallback(callback);
  fd = getNativeFd(fd, 'node:fs:1286:11');
  binding.fsync(fd, makeRequest(callback, 'fsync'));
}

function fsyncSync(fd) {
  fd = getNativeFd(fd, 'fsync');
  check(binding.fsync(fd), 'fsync'); // at node:fs:1296:11
}

function fdatasync(fd, callback) {
  callback = maybeCallback(callback);
  fd = getNativeFd(fd, 'node:fs:1262:11');
  binding.fdatasync(fd, makeRequest(callback, 'fdatasync'));
}

function fdatasyncSync(fd) {
  fd = getNativeFd(fd, 'fdatasync');
  check(binding.fdatasync(fd), 'fdatasync'); // at node:fs:1273:11
}

// ---- streams, directories, watchers, globbing (their own modules) -------------------------------------------

// The stream classes, loaded when first needed. fs.ReadStream and the others
// can be replaced; createReadStream and createWriteStream use the
// replacements.
let ReadStream;
let WriteStream;
let FileReadStream;
let FileWriteStream;

function lazyLoadStreams() {
  if (ReadStream) return;
  ({ ReadStream, WriteStream } = require('internal/fs/streams'));
  FileReadStream = ReadStream;
  FileWriteStream = WriteStream;
}

function createReadStream(path, options) {
  lazyLoadStreams();
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  lazyLoadStreams();
  return new WriteStream(path, options);
}

function lazyWatchers() { return require('internal/fs/watchers'); }

function watch(filename, options, listener) {
  return lazyWatchers().watch(...arguments);
}

function watchFile(filename, options, listener) {
  return lazyWatchers().watchFile(...arguments);
}

function unwatchFile(filename, listener) {
  return lazyWatchers().unwatchFile(...arguments);
}

function lazyGlob() { return require('internal/fs/glob'); }

function glob(pattern, options, callback) {
  return lazyGlob().glob(...arguments);
}

function globSync(pattern, options) {
  return lazyGlob().globSync(...arguments);
}

function lazyCp() { return require('internal/fs/cp'); }

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  const { copyAsync, validateCpOptions } = lazyCp();
  options = validateCpOptions(options); // at node:fs:3109:13
  src = getValidatedPath(src, 'src'); // at node:fs:3110:9
  dest = getValidatedPath(dest, 'dest'); // at node:fs:3111:10
  copyAsync(src, dest, options).then(() => callback(null), callback);
}

function cpSync(src, dest, options) {
  lazyCp().cpSync(src, dest, options);
}

function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  const type = options.type || '';
  validateString(type, 'options.type');
  path = getValidatedPath(path);
  // Node opens the file at once (its Blob reads it later): one that cannot be
  // opened fails now, with Node's native error.
  const fd = binding.open(path, constants.O_RDONLY, 0);
  if (isError(fd)) {
    throw nativeArgumentError(TypeError, 'Unable to open file as blob', 'ERR_INVALID_ARG_VALUE',
                              'node:internal/blob:470:21');
  }
  binding.close(fd);
  const { Blob } = require('buffer');
  return Promise.resolve().then(() => new Blob([readFileSync(path)], { type }));
}

let promises;

const fs = module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  glob,
  globSync,
  lchown,
  lchownSync,
  lchmod: O_SYMLINK !== undefined ? fchmod : undefined,
  lchmodSync: O_SYMLINK !== undefined ? fchmodSync : undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats: DeprecatedStats,
  get ReadStream() {
    lazyLoadStreams();
    return ReadStream;
  },
  set ReadStream(value) { ReadStream = value; },
  get WriteStream() {
    lazyLoadStreams();
    return WriteStream;
  },
  set WriteStream(value) { WriteStream = value; },
  get FileReadStream() {
    lazyLoadStreams();
    return FileReadStream;
  },
  set FileReadStream(value) { FileReadStream = value; },
  get FileWriteStream() {
    lazyLoadStreams();
    return FileWriteStream;
  },
  set FileWriteStream(value) { FileWriteStream = value; },
  _toUnixTimestamp: toUnixTimestamp,
  Dir: undefined,  // these three load internal/fs/dir when first read (below)
  opendir: undefined,
  opendirSync: undefined,
  F_OK,
  R_OK,
  W_OK,
  X_OK,
  constants,
  promises: undefined,  // defined below
};

defineLazyProperties(fs, 'internal/fs/dir', ['Dir', 'opendir', 'opendirSync']);
// Fixed, as Node's are.
for (const name of ['F_OK', 'R_OK', 'W_OK', 'X_OK', 'constants']) {
  Object.defineProperty(fs, name, { __proto__: null, writable: false, configurable: false });
}
Object.defineProperty(fs, 'promises', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    promises ??= require('internal/fs/promises').exports;
    return promises;
  },
});
