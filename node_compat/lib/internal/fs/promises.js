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
const { markHiddenValidatorError } = require('internal/node_throw_sites');
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
  hiddenError,
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
  withFrames,
} = require('internal/fs/utils');

const { readWholeFile, writeWholeFile } = require('internal/fs/whole_file');
const { awaitFrom, lastLibraryCall, libraryCall, setLibraryFrames } = require('internal/bootstrap/async_frames');
const { defineAsyncFrames } = require('internal/bootstrap/error_stacks');

const { F_OK } = constants;
const kHandle = Symbol('kHandle');
const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');

// Node's lines awaiting each binding call (an error rejecting there is made
// there: it has that frame); the calls Node makes without an await (a
// FileHandle's close) reject with a frameless error.
const kAwait = {
  __proto__: null,
  access: 'node:internal/fs/promises:606:10',
  chmod: 'node:internal/fs/promises:1084:10',
  chown: 'node:internal/fs/promises:1124:10',
  copyFile: 'node:internal/fs/promises:621:10',
  fchmod: 'node:internal/fs/promises:1074:10',
  fchown: 'node:internal/fs/promises:1113:10',
  fdatasync: 'node:internal/fs/promises:832:10',
  fstat: 'node:internal/fs/promises:1019:18',
  fsync: 'node:internal/fs/promises:840:10',
  ftruncate: 'node:internal/fs/promises:799:10',
  futimes: 'node:internal/fs/promises:1148:10',
  lchown: 'node:internal/fs/promises:1103:10',
  link: 'node:internal/fs/promises:1057:10',
  lstat: 'node:internal/fs/promises:1028:18',
  lutimes: 'node:internal/fs/promises:1156:10',
  mkdir: 'node:internal/fs/promises:858:10',
  mkdtemp: 'node:internal/fs/promises:1183:10',
  open: 'node:internal/fs/promises:639:25',
  read: 'node:internal/fs/promises:696:22',
  readFileFstat: 'node:internal/fs/promises:519:22',
  readFileRead: 'node:internal/fs/promises:555:24',
  readdir: 'node:internal/fs/promises:955:18',
  readdirRecursive: 'node:internal/fs/promises:875:7',
  readlink: 'node:internal/fs/promises:973:10',
  readv: 'node:internal/fs/promises:711:22',
  realpath: 'node:internal/fs/promises:1170:10',
  rename: 'node:internal/fs/promises:784:10',
  rmdir: 'node:internal/fs/promises:824:10',
  stat: 'node:internal/fs/promises:1037:18',
  statfs: 'node:internal/fs/promises:1046:18',
  symlink: 'node:internal/fs/promises:1006:10',
  unlink: 'node:internal/fs/promises:1065:10',
  utimes: 'node:internal/fs/promises:1133:10',
  writeBuffer: 'node:internal/fs/promises:744:8',
  writeString: 'node:internal/fs/promises:755:25',
  writev: 'node:internal/fs/promises:773:25',
};

// The functions of the module whose failing binding call Node awaits in
// the function itself: their errors' frames are `at async Object.name`, then
// those of the calls awaiting them (async_frames' libraryCall).
const kAsyncFrames = { __proto__: null };
for (const name of ['access', 'chmod', 'chown', 'copyFile', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir',
  'mkdtemp', 'open', 'readdir', 'readlink', 'realpath', 'rename', 'rmdir', 'stat', 'statfs', 'symlink',
  'unlink', 'utimes']) {
  kAsyncFrames[kAwait[name]] = [name, [`Object.${name} (${kAwait[name]})`]];
}
kAsyncFrames[kAwait.readdirRecursive] = ['readdir', [`readdirRecursive (${kAwait.readdirRecursive})`]];
// A file opened for another function: Node's open, then that function.
const kOpenedFor = {
  __proto__: null,
  readFile: [`open (${kAwait.open})`, 'Object.readFile (node:internal/fs/promises:1243:14)'],
  writeFile: [`open (${kAwait.open})`, 'Object.writeFile (node:internal/fs/promises:1213:14)'],
  appendFile: [`open (${kAwait.open})`, 'writeFile (node:internal/fs/promises:1213:14)'],
  truncate: [`open (${kAwait.open})`, 'Object.truncate (node:internal/fs/promises:792:14)'],
};

// Run binding[op](...args) on the thread pool; resolves with the (transformed)
// result, or rejects as Node's `await` at `site` does (see kAwait).
function call(site, op, args, syscall, path, dest, transform) {
  const frames = kAsyncFrames[site];
  const caller = frames === undefined ? null : libraryCall(frames[0], frames[1]);
  return new Promise((resolve, reject) => {
    binding[op](...args, makeRequest((err, result) => (err ? reject(rejection(err, site, caller)) : resolve(result)),
                                     syscall, path, dest, transform));
  });
}

function rejection(err, site, caller) {
  if (site === undefined) return err;
  withFrames(err, site);
  if (caller !== null) defineAsyncFrames(err, caller);
  return err;
}

// readFile and writeFile run in one piece here; in Node they open a
// FileHandle, stat it, then read (or write) and close it: a failure is made
// at that step's `await` (`transfer`: the read or write). An open's failure
// has the frames of Node's open for `caller`.
function wholeFileRejection(err, transfer, caller) {
  if (typeof err.syscall !== 'string') return err;
  switch (err.syscall) {
    case 'open': return rejection(err, kAwait.open, caller);
    case 'fstat': return withFrames(err, kAwait.readFileFstat);
    case 'read':
      // (Node's readFile returns readFileHandle's promise: its frame only.)
      setLibraryFrames(caller, [`readFileHandle (${transfer})`]);
      return rejection(err, transfer, caller);
    case 'write': return withFrames(err, transfer);
    default: return err;
  }
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
    return fsCall(this, fchmod, mode);
  }

  chown(uid, gid) {
    return fsCall(this, fchown, uid, gid);
  }

  datasync() {
    return fsCall(this, fdatasync);
  }

  sync() {
    return fsCall(this, fsync);
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
    return fsCall(this, fstat, options);
  }

  truncate(len = 0) {
    return fsCall(this, ftruncate, len);
  }

  utimes(atime, mtime) {
    return fsCall(this, futimes, atime, mtime);
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
    handle[kClosePromise] = call(undefined, 'close', [fd], 'close').finally(() => {
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

// The FileHandle operations fsCall runs (named as Node's: a closed handle's
// error names the function as its syscall).
function fchmod(handle, mode) {
  return call(kAwait.fchmod, 'fchmod', [handle.fd, parseFileMode(mode, 'mode')], 'fchmod');
}

function fchown(handle, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return call(kAwait.fchown, 'fchown', [handle.fd, uid, gid], 'fchown');
}

function fdatasync(handle) {
  return call(kAwait.fdatasync, 'fdatasync', [handle.fd], 'fdatasync');
}

function fsync(handle) {
  return call(kAwait.fsync, 'fsync', [handle.fd], 'fsync');
}

function fstat(handle, options) {
  const bigint = Boolean(options?.bigint);
  return call(kAwait.fstat, 'fstat', [handle.fd], 'fstat', undefined, undefined, (s) => getStatsFromBinding(s, bigint));
}

function ftruncate(handle, len) {
  validateInteger(len, 'len');
  return call(kAwait.ftruncate, 'ftruncate', [handle.fd, Math.max(0, len)], 'ftruncate');
}

function futimes(handle, atime, mtime) {
  const args = [handle.fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')];
  return call(kAwait.futimes, 'futimes', args, 'futime');
}

// Run a FileHandle method, failing as Node does once the handle is closed.
async function fsCall(handle, fn, ...args) {
  if (handle[kFd] === -1) {
    const err = new Error('file closed'); // at node:internal/fs/promises:458:17
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
  const data = await call(kAwait.read, 'read', [handle.fd, length, Number(position)], 'read');
  return { __proto__: null, bytesRead: copyRead(data, buffer, offset), buffer };
}

function validateBufferArray(buffers, propName = 'buffers') {
  if (!Array.isArray(buffers) || !buffers.every(isArrayBufferView)) {
    throw hiddenError(new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers), validateBufferArray);
  }
}

async function readvHandle(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  const chunks = await call(kAwait.readv, 'readv', [handle.fd, buffers.map((b) => b.byteLength), position], 'read');
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
    const bytesWritten = await call(kAwait.writeBuffer, 'write', [handle.fd, bytes, position], 'write');
    return { __proto__: null, bytesWritten, buffer };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  validateEncoding(buffer, length);
  const enc = normalizeEncoding(length);
  const data = enc === 'utf8' || enc === undefined ? buffer : Buffer.from(buffer, length);
  const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
  const bytesWritten = await call(kAwait.writeString, 'write', [handle.fd, data, pos], 'write');
  return { __proto__: null, bytesWritten, buffer };
}

async function writevHandle(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
  const bytesWritten = await call(kAwait.writev, 'writev', [handle.fd, buffers.map(bytesOf), position], 'write');
  return { __proto__: null, bytesWritten, buffers };
}

async function readFileHandle(handle, options) {
  options = getOptions(options, { flag: 'r' });
  const signal = options.signal;
  checkAborted(signal);
  const data = await call(kAwait.readFileRead, 'readFile', [handle.fd, 0], 'read');
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
    await call(kAwait.writeBuffer, 'writeFile', [handle.fd, chunkBytes(data, options.encoding), 0, 0], 'write');
    return;
  }
  if (!isIterable(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  for await (const chunk of data) {
    checkAborted(signal);
    await call(kAwait.writeBuffer, 'writeFile', [handle.fd, chunkBytes(chunk, options.encoding), 0, 0], 'write');
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
  path = getValidatedPath(path); // at node:internal/fs/promises:607:20
  mode = getValidMode(mode, 'access', 'node:internal/fs/promises:607:13');
  return call(kAwait.access, 'access', [path, mode], 'access', path);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src'); // at node:internal/fs/promises:623:7
  dest = getValidatedPath(dest, 'dest'); // at node:internal/fs/promises:624:7
  mode = getValidMode(mode, 'copyFile', 'node:internal/fs/promises:622:13');
  return call(kAwait.copyFile, 'copyFile', [src, dest, mode], 'copyfile', src, dest);
}

async function cp(src, dest, options) {
  return require('internal/fs/cp').cp(src, dest, options);
}

function glob(pattern, options) {
  return require('internal/fs/glob').globIterator(pattern, options);
}

async function open(path, flags, mode) {
  path = getValidatedPath(path); // at node:internal/fs/promises:636:10
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  const fd = await call(kAwait.open, 'open', [path, flagsNumber, mode], 'open', path);
  return new FileHandle(fd);
}

// Node's is fs.opendir promisified, so it declares fs.opendir's three
// parameters; the callback one goes unused here.
function opendir(path, options, callback) {
  return require('internal/fs/dir').opendirPromise(path, options);
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath'); // at node:internal/fs/promises:782:13
  newPath = getValidatedPath(newPath, 'newPath'); // at node:internal/fs/promises:783:13
  return call(kAwait.rename, 'rename', [oldPath, newPath], 'rename', oldPath, newPath);
}

async function truncate(path, len = 0) {
  const from = awaitFrom();
  const opening = open(path, 'r+');
  openedFor('truncate', from);
  const fd = await opening;
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
  path = getValidatedPath(path); // at node:internal/fs/promises:807:10
  options = validateRmOptions(options);
  let stats;
  try {
    // (Node's rm is callback-based: its errors have no frames.)
    stats = await call(undefined, 'lstat', [path], 'lstat', path, undefined, (s) => getStatsFromBinding(s, false));
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  if (stats.isDirectory() && !options.recursive) throw rmDirectoryError(path);
  return call(undefined, 'rm', [path, options.recursive, options.force], 'rm', path);
}

async function rmdir(path, options) {
  path = getValidatedPath(path); // at node:internal/fs/promises:813:10
  options = validateRmdirOptions(options);
  if (options.recursive) return call(kAwait.rmdir, 'rm', [path, true, false], 'rmdir', path);
  return call(kAwait.rmdir, 'rmdir', [path], 'rmdir', path);
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') options = { mode: options };
  const { recursive = false, mode = 0o777 } = options || kEmptyObject;
  path = getValidatedPath(path); // at node:internal/fs/promises:855:10
  validateBoolean(recursive, 'options.recursive'); // at node:internal/fs/promises:856:3
  const parsedMode = parseFileMode(mode, 'mode', 0o777);
  return call(kAwait.mkdir, 'mkdir', [path, parsedMode, recursive], 'mkdir', path, undefined,
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
  path = getValidatedPath(path); // at node:internal/fs/promises:951:10
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  return call(options.recursive ? kAwait.readdirRecursive : kAwait.readdir, 'readdir', [path, Boolean(options.withFileTypes), Boolean(options.recursive),
                          options.encoding === 'buffer'], 'scandir', path, undefined,
              (r) => readdirResult(r, path, options));
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath'); // at node:internal/fs/promises:972:10
  return call(kAwait.readlink, 'readlink', [path, options.encoding === 'buffer'], 'readlink', path, undefined,
              (r) => encodeResult(r, options.encoding));
}

async function symlink(target, path, type) {
  validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]); // at node:internal/fs/promises:981:3
  target = getValidatedPath(target, 'target'); // at node:internal/fs/promises:1004:12
  path = getValidatedPath(path); // at node:internal/fs/promises:1005:10
  return call(kAwait.symlink, 'symlink', [target, path], 'symlink', target, path);
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path); // at node:internal/fs/promises:1029:19
  const bigint = Boolean(options?.bigint);
  return call(kAwait.lstat, 'lstat', [path], 'lstat', path, undefined, (s) => getStatsFromBinding(s, bigint));
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path); // at node:internal/fs/promises:1038:18
  const bigint = Boolean(options?.bigint);
  return call(kAwait.stat, 'stat', [path], 'stat', path, undefined, (s) => getStatsFromBinding(s, bigint));
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const bigint = Boolean(options?.bigint);
  return call(kAwait.statfs, 'statfs', [path], 'statfs', path, undefined, (list) => statFsFromBinding(list, bigint));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath'); // at node:internal/fs/promises:1055:18
  newPath = getValidatedPath(newPath, 'newPath'); // at node:internal/fs/promises:1056:13
  return call(kAwait.link, 'link', [existingPath, newPath], 'link', existingPath, newPath);
}

async function unlink(path) {
  path = getValidatedPath(path); // at node:internal/fs/promises:1066:20
  return call(kAwait.unlink, 'unlink', [path], 'unlink', path);
}

async function chmod(path, mode) {
  path = getValidatedPath(path); // at node:internal/fs/promises:1082:10
  mode = parseFileMode(mode, 'mode');
  return call(kAwait.chmod, 'chmod', [path, mode], 'chmod', path);
}

async function lchmod(path, mode) {
  if (constants.O_SYMLINK === undefined) throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
  const fd = await open(path, constants.O_WRONLY | constants.O_SYMLINK);
  return handleFdClose(fd.chmod(mode), fd.close);
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path); // at node:internal/fs/promises:1100:10
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return call(kAwait.lchown, 'lchown', [path, uid, gid], 'lchown', path);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path); // at node:internal/fs/promises:1121:10
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return call(kAwait.chown, 'chown', [path, uid, gid], 'chown', path);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path); // at node:internal/fs/promises:1132:10
  return call(kAwait.utimes, 'utimes', [path, toUnixTimestamp(atime), toUnixTimestamp(mtime)], 'utime', path);
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path); // at node:internal/fs/promises:1158:7
  return call(kAwait.lutimes, 'lutimes', [path, toUnixTimestamp(atime), toUnixTimestamp(mtime)], 'lutime', path);
}

async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path); // at node:internal/fs/promises:1171:22
  return call(kAwait.realpath, 'realpath', [path, options.encoding === 'buffer'], 'realpath', path, undefined,
              (r) => encodeResult(r, options.encoding));
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix'); // at node:internal/fs/promises:1180:12
  return call(kAwait.mkdtemp, 'mkdtemp', [prefix, options.encoding === 'buffer'], 'mkdtemp', `${prefix}XXXXXX`, undefined,
              (r) => encodeResult(r, options.encoding));
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush'); // at node:internal/fs/promises:1200:3
  if (!isArrayBufferView(data) && typeof data !== 'string' && !isIterable(data)) {
    const err = new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data); // at node:internal/fs/promises:1203:5
    throw markHiddenValidatorError(err);
  }
  validateAbortSignal(options.signal, 'options.signal');
  if (path instanceof FileHandle) return writeFileHandle(path, data, options);
  checkAborted(options.signal);
  if (typeof data === 'string' || isArrayBufferView(data)) {
    path = getValidatedPath(path); // at node:internal/fs/promises:636:10
    const mode = parseFileMode(options.mode, 'mode', 0o666);
    const bytes = chunkBytes(data, options.encoding);
    const caller = libraryCall('writeFile', kOpenedFor[appending ? 'appendFile' : 'writeFile']);
    return new Promise((resolve, reject) => {
      writeWholeFile(path, bytes, stringToFlags(flag), mode, options.signal, flush,
                     (err) => (err ? reject(wholeFileRejection(err, kAwait.writeBuffer, caller)) : resolve()));
    });
  }
  const from = awaitFrom();
  const opening = open(path, flag, options.mode);
  openedFor(appending ? 'appendFile' : 'writeFile', from);
  const fd = await opening;
  return handleFdClose(writeFileHandle(fd, data, options), fd.close);
}

// (Node's appendFile returns writeFile's promise: its frames are writeFile's.
// The flag is read in writeFile's first, synchronous part.)
let appending = false;
async function appendFile(path, data, options) {
  appending = true;
  try {
    return writeFile(path, data, appendOptions(options));
  } finally {
    appending = false;
  }
}

// The call of open() just made (after the announced calls counted `from`)
// opens the file for `name`: its failure has Node's frames of that (the
// open's, then the function's).
function openedFor(name, from) {
  const caller = lastLibraryCall(from);
  if (caller !== null) setLibraryFrames(caller, kOpenedFor[name]);
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) return readFileHandle(path, options);
  checkAborted(options.signal);
  path = getValidatedPath(path); // at node:internal/fs/promises:636:10
  const flags = stringToFlags(flag);
  const caller = libraryCall('readFile', kOpenedFor.readFile);
  const buffer = await new Promise((resolve, reject) => {
    readWholeFile(path, flags, options.signal,
                  (err, result) => (err ? reject(wholeFileRejection(err, kAwait.readFileRead, caller)) : resolve(result)));
  });
  return options.encoding ? buffer.toString(options.encoding) : buffer;
}

// An async generator named _watch, as Node's, handing over to the watcher's.
async function* _watch(filename, options = kEmptyObject) {
  yield* require('internal/fs/watchers').watchPromise(filename, options);
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
  watch: _watch,
  constants,
};

module.exports = { exports: exportsObject, FileHandle, kFd };
