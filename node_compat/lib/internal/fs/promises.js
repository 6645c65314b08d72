'use strict';

// fs/promises: the promise form of node:fs, and FileHandle (an open file
// whose methods return promises). Every call goes to the thread pool through
// the fs binding and settles in the poll phase.

const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const EventEmitter = require('events');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const {
  kValidateObjectAllowNullable,
  parseFileMode,
  validateAbortSignal,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateInteger,
  validateObject,
  validateOneOf,
} = require('internal/validators');
const { kEmptyObject, normalizeEncoding } = require('internal/util');
const pathModule = require('path');
const {
  binding,
  constants,
  copyObject,
  encodeResult,
  getDirent,
  getOptions,
  getStatsFromBinding,
  getValidMode,
  getValidatedPath,
  kMaxUserId,
  makeRequest,
  rmDirectoryError,
  statFsFromBinding,
  stringToFlags,
  toUnixTimestamp,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateRmOptions,
  validateRmdirOptions,
} = require('internal/fs/utils');

const { readWholeFile, writeWholeFile } = require('internal/fs/whole_file');

const { F_OK } = constants;
const kHandle = Symbol('kHandle');
const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');

// Run binding[op](...args) on the thread pool; resolves with the (transformed) result.
function call(op, args, syscall, path, dest, transform) {
  return new Promise((resolve, reject) => {
    binding[op](...args, makeRequest((err, result) => (err ? reject(err) : resolve(result)),
                                     syscall, path, dest, transform));
  });
}

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

function isArrayBufferView(value) { return ArrayBuffer.isView(value); }

function bytesOf(view) {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function copyRead(data, buffer, offset) {
  const n = data.byteLength;
  if (n > 0) new Uint8Array(buffer.buffer, buffer.byteOffset + offset, n).set(new Uint8Array(data));
  return n;
}

// ---- FileHandle ------------------------------------------------------------------------------

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kHandle] = { fd };
    this[kFd] = fd;
    this[kRefs] = 1;
    this[kClosePromise] = null;
    this.close = () => closeHandle(this);
  }

  getAsyncId() { return this[kFd]; }

  get fd() { return this[kFd]; }

  appendFile(data, options) {
    return fsCall(this, writeFileHandle, data, appendOptions(options));
  }

  chmod(mode) {
    return fsCall(this, (handle) => call('fchmod', [handle.fd, parseFileMode(mode, 'mode')], 'fchmod'));
  }

  chown(uid, gid) {
    return fsCall(this, (handle) => {
      validateInteger(uid, 'uid', -1, kMaxUserId);
      validateInteger(gid, 'gid', -1, kMaxUserId);
      return call('fchown', [handle.fd, uid, gid], 'fchown');
    });
  }

  datasync() {
    return fsCall(this, (handle) => call('fdatasync', [handle.fd], 'fdatasync'));
  }

  sync() {
    return fsCall(this, (handle) => call('fsync', [handle.fd], 'fsync'));
  }

  read(buffer, offset, length, position) {
    return fsCall(this, readHandle, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(this, readvHandle, buffers, position);
  }

  readFile(options) {
    return fsCall(this, readFileHandle, options);
  }

  readLines(options = undefined) {
    return require('readline').createInterface({
      input: this.createReadStream(options),
      crlfDelay: Infinity,
    });
  }

  stat(options) {
    return fsCall(this, (handle) => {
      const bigint = Boolean(options?.bigint);
      return call('fstat', [handle.fd], 'fstat', undefined, undefined, (s) => getStatsFromBinding(s, bigint));
    });
  }

  truncate(len = 0) {
    return fsCall(this, (handle) => {
      validateInteger(len, 'len');
      return call('ftruncate', [handle.fd, Math.max(0, len)], 'ftruncate');
    });
  }

  utimes(atime, mtime) {
    return fsCall(this, (handle) =>
      call('futimes', [handle.fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')], 'futime'));
  }

  write(buffer, offsetOrOptions, length, position) {
    return fsCall(this, writeHandle, buffer, offsetOrOptions, length, position);
  }

  writev(buffers, position) {
    return fsCall(this, writevHandle, buffers, position);
  }

  writeFile(data, options) {
    return fsCall(this, writeFileHandle, data, options);
  }

  readableWebStream() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('readableWebStream()');
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }
}

function closeHandle(handle) {
  if (handle[kFd] === -1) return Promise.resolve();
  if (handle[kClosePromise]) return handle[kClosePromise];
  handle[kRefs]--;
  if (handle[kRefs] === 0) {
    const fd = handle[kFd];
    handle[kFd] = -1;
    handle[kClosePromise] = call('close', [fd], 'close').finally(() => {
      handle[kClosePromise] = undefined;
    });
  } else {
    handle[kClosePromise] = new Promise((resolve, reject) => {
      handle.once('close-complete', resolve).once('close-error', reject);
    }).finally(() => { handle[kClosePromise] = undefined; });
  }
  handle.emit('close');
  return handle[kClosePromise];
}

// Run a FileHandle method, failing as Node does once the handle is closed.
async function fsCall(handle, fn, ...args) {
  if (handle[kFd] === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = syscallNames.get(fn) ?? fn.name;
    throw err;
  }
  try {
    handle[kRefs]++;
    return await fn(handle, ...args);
  } finally {
    handle[kRefs]--;
    if (handle[kRefs] === 0 && handle[kFd] === -1) {
      handle.emit('close-complete');
    }
  }
}

async function readHandle(handle, bufferOrParams, offsetOrOptions, length, position) {
  let buffer = bufferOrParams;
  let offset = offsetOrOptions;
  if (!isArrayBufferView(buffer)) {
    if (bufferOrParams !== undefined) validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = bufferOrParams ?? kEmptyObject);
    validateBuffer(buffer);
  }
  if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length ??= buffer.byteLength - offset;
  if (length === 0) return { __proto__: null, bytesRead: length, buffer };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  else validatePosition(position, 'position', length);
  const data = await call('read', [handle.fd, length, Number(position)], 'read');
  return { __proto__: null, bytesRead: copyRead(data, buffer, offset), buffer };
}

function validateBufferArray(buffers, propName = 'buffers') {
  if (!Array.isArray(buffers) || !buffers.every(isArrayBufferView)) {
    throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  }
}

async function readvHandle(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  const chunks = await call('readv', [handle.fd, buffers.map((b) => b.byteLength), position], 'read');
  let bytesRead = 0;
  for (let i = 0; i < chunks.length; i++) bytesRead += copyRead(chunks[i], buffers[i], 0);
  return { __proto__: null, bytesRead, buffers };
}

async function writeHandle(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytes = bytesOf(buffer).subarray(offset, offset + length);
    const bytesWritten = await call('write', [handle.fd, bytes, position], 'write');
    return { __proto__: null, bytesWritten, buffer };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  validateEncoding(buffer, length);
  const enc = normalizeEncoding(length);
  const data = enc === 'utf8' || enc === undefined ? buffer : Buffer.from(buffer, length);
  const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
  const bytesWritten = await call('write', [handle.fd, data, pos], 'write');
  return { __proto__: null, bytesWritten, buffer };
}

async function writevHandle(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
  const bytesWritten = await call('writev', [handle.fd, buffers.map(bytesOf), position], 'write');
  return { __proto__: null, bytesWritten, buffers };
}

async function readFileHandle(handle, options) {
  options = getOptions(options, { flag: 'r' });
  const signal = options.signal;
  checkAborted(signal);
  const data = await call('readFile', [handle.fd, 0], 'read');
  checkAborted(signal);
  const buffer = new FastBuffer(data, 0, data.byteLength);
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

function isIterable(value) {
  return value != null && (typeof value[Symbol.iterator] === 'function' ||
                           typeof value[Symbol.asyncIterator] === 'function');
}

// The bytes of one chunk writeFile() writes.
function chunkBytes(chunk, encoding) {
  if (isArrayBufferView(chunk)) return bytesOf(chunk);
  if (typeof chunk === 'string') {
    const enc = normalizeEncoding(encoding);
    return enc === 'utf8' || enc === undefined ? chunk : Buffer.from(chunk, encoding);
  }
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

async function writeFileHandle(handle, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const signal = options.signal;
  checkAborted(signal);
  if (typeof data === 'string' || isArrayBufferView(data)) {
    await call('writeFile', [handle.fd, chunkBytes(data, options.encoding), 0, 0], 'write');
    return;
  }
  if (!isIterable(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  for await (const chunk of data) {
    checkAborted(signal);
    await call('writeFile', [handle.fd, chunkBytes(chunk, options.encoding), 0, 0], 'write');
  }
}

// What a closed FileHandle's error names as the syscall, per method.
const syscallNames = new Map([
  [readHandle, 'read'], [readvHandle, 'readv'], [writeHandle, 'write'], [writevHandle, 'writev'],
  [readFileHandle, 'readFile'], [writeFileHandle, 'writeFile'],
]);

function appendOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag ||= 'a';
  return options;
}

// ---- the fs/promises functions ---------------------------------------------------------------------

async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  return call('access', [path, mode], 'access', path);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  return call('copyFile', [src, dest, mode], 'copyfile', src, dest);
}

async function cp(src, dest, options) {
  return require('internal/fs/cp').cp(src, dest, options);
}

function glob(pattern, options) {
  return require('internal/fs/glob').globIterator(pattern, options);
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  const fd = await call('open', [path, flagsNumber, mode], 'open', path);
  return new FileHandle(fd);
}

async function opendir(path, options) {
  return require('internal/fs/dir').opendirPromise(path, options);
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return call('rename', [oldPath, newPath], 'rename', oldPath, newPath);
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  return handleFdClose(fd.truncate(len), fd.close);
}

async function handleFdClose(promise, closeFn) {
  let result;
  try {
    result = await promise;
  } catch (err) {
    await closeFn().catch(() => {});
    throw err;
  }
  await closeFn();
  return result;
}

async function rm(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptions(options);
  let stats;
  try {
    stats = await lstat(path);
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  if (stats.isDirectory() && !options.recursive) throw rmDirectoryError(path);
  return call('rm', [path, options.recursive, options.force], 'rm', path);
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  if (options.recursive) return call('rm', [path, true, false], 'rmdir', path);
  return call('rmdir', [path], 'rmdir', path);
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') options = { mode: options };
  const { recursive = false, mode = 0o777 } = options || kEmptyObject;
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  const parsedMode = parseFileMode(mode, 'mode', 0o777);
  return call('mkdir', [path, parsedMode, recursive], 'mkdir', path, undefined,
              (first) => (recursive && first !== null ? first : undefined));
}

function readdirResult(result, path, options) {
  const names = result[0].map((name) => encodeResult(name, options.encoding));
  if (!options.withFileTypes) return names;
  const out = [];
  for (let i = 0; i < names.length; i++) {
    const dir = result[2]?.[i];
    const parent = dir ? pathModule.join(`${path}`, typeof dir === 'string' ? dir : Buffer.from(dir).toString()) : path;
    out.push(getDirent(parent, names[i], result[1][i]));
  }
  return out;
}

async function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  return call('readdir', [path, Boolean(options.withFileTypes), Boolean(options.recursive),
                          options.encoding === 'buffer'], 'scandir', path, undefined,
              (r) => readdirResult(r, path, options));
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return call('readlink', [path, options.encoding === 'buffer'], 'readlink', path, undefined,
              (r) => encodeResult(r, options.encoding));
}

async function symlink(target, path, type) {
  validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return call('symlink', [target, path], 'symlink', target, path);
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const bigint = Boolean(options?.bigint);
  return call('lstat', [path], 'lstat', path, undefined, (s) => getStatsFromBinding(s, bigint));
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const bigint = Boolean(options?.bigint);
  return call('stat', [path], 'stat', path, undefined, (s) => getStatsFromBinding(s, bigint));
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const bigint = Boolean(options?.bigint);
  return call('statfs', [path], 'statfs', path, undefined, (list) => statFsFromBinding(list, bigint));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return call('link', [existingPath, newPath], 'link', existingPath, newPath);
}

async function unlink(path) {
  path = getValidatedPath(path);
  return call('unlink', [path], 'unlink', path);
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  return call('chmod', [path, mode], 'chmod', path);
}

async function lchmod(path, mode) {
  if (constants.O_SYMLINK === undefined) throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
  const fd = await open(path, constants.O_WRONLY | constants.O_SYMLINK);
  return handleFdClose(fd.chmod(mode), fd.close);
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return call('lchown', [path, uid, gid], 'lchown', path);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return call('chown', [path, uid, gid], 'chown', path);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return call('utimes', [path, toUnixTimestamp(atime), toUnixTimestamp(mtime)], 'utime', path);
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return call('lutimes', [path, toUnixTimestamp(atime), toUnixTimestamp(mtime)], 'lutime', path);
}

async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return call('realpath', [path, options.encoding === 'buffer'], 'realpath', path, undefined,
              (r) => encodeResult(r, options.encoding));
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  return call('mkdtemp', [prefix, options.encoding === 'buffer'], 'mkdtemp', `${prefix}XXXXXX`, undefined,
              (r) => encodeResult(r, options.encoding));
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flag = options.flag || 'w';
  if (!isArrayBufferView(data) && typeof data !== 'string' && !isIterable(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  validateAbortSignal(options.signal, 'options.signal');
  if (path instanceof FileHandle) return writeFileHandle(path, data, options);
  checkAborted(options.signal);
  if (typeof data === 'string' || isArrayBufferView(data)) {
    path = getValidatedPath(path);
    const mode = parseFileMode(options.mode, 'mode', 0o666);
    const bytes = chunkBytes(data, options.encoding);
    return new Promise((resolve, reject) => {
      writeWholeFile(path, bytes, stringToFlags(flag), mode, options.signal, Boolean(options.flush),
                     (err) => (err ? reject(err) : resolve()));
    });
  }
  const fd = await open(path, flag, options.mode);
  return handleFdClose(writeFileHandle(fd, data, options), fd.close);
}

async function appendFile(path, data, options) {
  return writeFile(path, data, appendOptions(options));
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) return readFileHandle(path, options);
  checkAborted(options.signal);
  path = getValidatedPath(path);
  const flags = stringToFlags(flag);
  const buffer = await new Promise((resolve, reject) => {
    readWholeFile(path, flags, options.signal, (err, result) => (err ? reject(err) : resolve(result)));
  });
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

function watch(filename, options) {
  return require('internal/fs/watchers').watchPromise(filename, options);
}

const exportsObject = {
  access,
  copyFile,
  cp,
  glob,
  open,
  opendir,
  rename,
  truncate,
  rm,
  rmdir,
  mkdir,
  readdir,
  readlink,
  symlink,
  lstat,
  stat,
  statfs,
  link,
  unlink,
  chmod,
  lchmod,
  lchown,
  chown,
  utimes,
  lutimes,
  realpath,
  mkdtemp,
  writeFile,
  appendFile,
  readFile,
  watch,
  constants,
};

module.exports = { exports: exportsObject, FileHandle, kFd };
