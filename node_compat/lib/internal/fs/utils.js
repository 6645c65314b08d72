'use strict';

// Shared pieces of node:fs and fs/promises: argument validation with Node's
// errors, open flags, Stats/BigIntStats and Dirent, option normalisation,
// and the conversion of a failed binding call into Node's system error.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_FS_EISDIR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  getSystemErrorName,
  uvException,
} = require('internal/errors');
const {
  isInt32,
  isUint32,
  parseFileMode,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateUint32,
} = require('internal/validators');
const { deprecate, normalizeEncoding } = require('internal/util');
const { toPathIfFileURL } = require('internal/url');
const { markThrowSite } = require('internal/fs/throw_sites');
const { markHiddenValidatorError, markThrowSite: markSites } = require('internal/node_throw_sites');
const pathModule = require('path');

const binding = internalBinding('fs');
const constants = internalBinding('constants').fs;
const {
  O_APPEND,
  O_CREAT,
  O_EXCL,
  O_RDONLY,
  O_RDWR,
  O_SYNC,
  O_TRUNC,
  O_WRONLY,
  S_IFBLK,
  S_IFCHR,
  S_IFDIR,
  S_IFIFO,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  S_IFSOCK,
  UV_DIRENT_BLOCK,
  UV_DIRENT_CHAR,
  UV_DIRENT_DIR,
  UV_DIRENT_FIFO,
  UV_DIRENT_FILE,
  UV_DIRENT_LINK,
  UV_DIRENT_SOCKET,
  F_OK,
  X_OK,
  COPYFILE_FICLONE_FORCE,
} = constants;

const kMaxUserId = 2 ** 32 - 1;
const kType = Symbol('type');
const kStats = Symbol('stats');

// ---- errors from the binding ---------------------------------------------------------

// A negative result of a synchronous binding call, as the error Node throws.
// Composite calls name their own failing syscall and paths.
function bindingError(code, syscall, path, dest) {
  const context = binding.lastError();
  if (context !== null && context !== undefined) {
    syscall = context[0];
    path = context[1] === null ? undefined : decodedPath(context[1], path);
    dest = context[2] === null ? undefined : decodedPath(context[2], dest);
  }
  return systemError(code, syscall, path, dest); // at -
}

// Node's fs errors list errno, code, syscall (then path, dest) in that order.
function systemError(errno, syscall, path, dest) {
  return uvException({ errno, code: getSystemErrorName(errno), syscall, path, dest }); // at -
}

// The error Node builds from a binding's context object (handleErrorFromBinding),
// whose code comes last.
function contextError(errno, syscall) {
  return uvException({ errno, syscall });
}

// The error of an asynchronous request; `context` is what the binding passed.
// Node makes it in C++ as the request completes, with no JavaScript on the
// stack: its stack is the bare "Error: message" line (see withFrames).
function requestError(code, context, syscall, path, dest) {
  if (context !== null && context !== undefined) {
    syscall = context[0];
    path = context[1] === null ? undefined : decodedPath(context[1], path);
    dest = context[2] === null ? undefined : decodedPath(context[2], dest);
  }
  const err = systemError(code, syscall, path, dest);
  err.stack = `${err.name}: ${err.message}`;
  return err;
}

// A request error rejecting a promise of fs/promises, which Node gives the
// frames of the `await` that rejects (at Node's `site`, where it is made).
function withFrames(err, site) {
  Error.captureStackTrace(err, withFrames);
  return markSites(err, site);
}

// The path a composite call reports: the caller's own when it is that one.
function decodedPath(raw, given) {
  const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString();
  if (given !== undefined && `${given}` === text) return given;
  return text;
}

function isError(result) {
  return typeof result === 'number' && result < 0;
}

// The throw site of a failed synchronous call, by syscall, where its name differs.
const kSiteOfSyscall = {
  __proto__: null,
  copyfile: 'copyFile',
  futime: 'futimes',
  lutime: 'lutimes',
  scandir: 'readdir',
  utime: 'utimes',
  write: 'handleError',
};

// Throw for a failed synchronous call, else return its result.
function check(result, syscall, path, dest, site = kSiteOfSyscall[syscall] ?? syscall) {
  if (typeof result === 'number' && result < 0) {
    const err = site === 'handleError' ? contextError(result, syscall) : bindingError(result, syscall, path, dest); // at -
    throw site === 'hidden' ? markHiddenValidatorError(err) : markThrowSite(err, site);
  }
  return result;
}

// A request object whose completion calls `callback(err, result)` (as
// Node's makeCallback wrapper does, whose frame the callback's caller is).
function makeRequest(callback, syscall, path, dest, transform) {
  return {
    oncomplete(status, result) {
      if (status < 0) {
        callback(requestError(status, result, syscall, path, dest)); // at FSReqCallback.oncomplete (node:fs:189:23)
        return;
      }
      let value = result;
      if (transform !== undefined) {
        try {
          value = transform(result);
        } catch (err) {
          callback(err); // at FSReqCallback.oncomplete (node:fs:189:23)
          return;
        }
      }
      // Calls without a result complete with the error argument alone.
      if (value === undefined || value === null) callback(null); // at FSReqCallback.oncomplete (node:fs:189:23)
      else callback(null, value); // at FSReqCallback.oncomplete (node:fs:189:23)
    },
  };
}

// The same for the stat calls, whose callback Node wraps in makeStatsCallback.
function makeStatsRequest(callback, syscall, path, bigint) {
  return {
    oncomplete(status, result) {
      if (status < 0) {
        const err = requestError(status, result, syscall, path);
        callback(err); // at FSReqCallback.oncomplete (node:fs:199:21)
        return;
      }
      const stats = getStatsFromBinding(result, bigint);
      callback(null, stats); // at FSReqCallback.oncomplete (node:fs:200:5)
    },
  };
}

// ---- paths, fds, flags, modes ------------------------------------------------------------

// Node hides the frames of its path validators (hideStackFrames): their
// errors start at the caller of `hiddenFrom` and are rethrown by the wrapper.
function hiddenError(err, hiddenFrom) {
  Error.captureStackTrace(err, hiddenFrom);
  return markHiddenValidatorError(err);
}

function validatePath(path, propName = 'path', hiddenFrom = validatePath) {
  if (typeof path !== 'string' && !(path instanceof Uint8Array)) {
    throw hiddenError(new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path), hiddenFrom);
  }
  const hasNull = typeof path === 'string' ? path.includes('\u0000') : path.includes(0);
  if (hasNull) {
    const reason = 'must be a string, Uint8Array, or URL without null bytes';
    throw hiddenError(new ERR_INVALID_ARG_VALUE(propName, path, reason), hiddenFrom);
  }
}

function getValidatedPath(fileURLOrPath, propName = 'path') {
  const path = toPathIfFileURL(fileURLOrPath);
  validatePath(path, propName, getValidatedPath);
  return path;
}

function getValidatedFd(fd, propName = 'fd') {
  if (Object.is(fd, -0)) return 0;
  if (isInt32(fd) && fd >= 0) return fd;
  try {
    validateInt32(fd, propName, 0);
  } catch (err) {
    throw hiddenError(err, getValidatedFd);
  }
  return fd;
}

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs':
    case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+':
    case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx':
    case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+':
    case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax':
    case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as':
    case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+':
    case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+':
    case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw markThrowSite(new ERR_INVALID_ARG_VALUE(name, flags), 'stringToFlags');
}

// Node checks some arguments in C++ as its binding call starts: plain
// errors with a code (none in the stack line), thrown by the call at `site`
// (a name of internal/fs/throw_sites, or Node's frame).
function nativeArgumentError(Ctor, message, code, site) {
  const err = new Ctor(message);
  err.code = code;
  return site === undefined ? err : markThrowSite(err, site);
}

// access() and copyFile() modes, checked in C++ by Node with its own wording.
function getValidMode(mode, type, site) {
  const max = type === 'copyFile' ? COPYFILE_FICLONE_FORCE * 2 - 1 : 7;
  const def = type === 'copyFile' ? 0 : F_OK;
  if (mode == null) return def;
  if (!isInt32(mode)) {
    throw nativeArgumentError(TypeError, 'mode must be int32 or null/undefined', 'ERR_INVALID_ARG_TYPE', site);
  }
  if (mode < 0 || mode > max) {
    throw nativeArgumentError(RangeError, `mode is out of range: >= 0 && <= ${max}`, 'ERR_OUT_OF_RANGE', site);
  }
  return mode;
}

// The fd of calls Node checks in C++ (close, fstat, fsync, fchmod, ...): the
// messages of validateInt32, as native errors thrown at `site`.
function getNativeFd(fd, site) {
  if (Object.is(fd, -0)) return 0;
  if (isInt32(fd) && fd >= 0) return fd;
  try {
    validateInt32(fd, 'fd', 0);
  } catch (err) {
    throw nativeArgumentError(err instanceof RangeError ? RangeError : TypeError, err.message, err.code, site);
  }
  return fd;
}

function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time); // at node:internal/fs/utils:677:9
}

// ---- options ---------------------------------------------------------------------------------

function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) {
    const reason = 'is invalid encoding';
    throw markThrowSite(new ERR_INVALID_ARG_VALUE(encoding, 'encoding', reason), 'assertEncoding');
  }
}

function getOptions(options, defaultOptions = {}) {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options); // at node:internal/fs/utils:341:11
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    const { validateAbortSignal } = require('internal/validators');
    validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

function maybeCallback(cb) {
  validateFunction(cb, 'cb'); // at node:fs:187:3
  return cb;
}

// A string result of the binding in the requested encoding.
function encodeResult(value, encoding) {
  if (value === undefined || value === null) return value;
  if (encoding === 'buffer') return Buffer.from(value);
  if (typeof value === 'string') {
    if (encoding === undefined || encoding === null || normalizeEncoding(encoding) === 'utf8') return value;
    return Buffer.from(value).toString(encoding);
  }
  const buf = Buffer.from(value);
  return encoding ? buf.toString(encoding) : buf.toString();
}

// ---- read/write argument checks -----------------------------------------------------------

// (These three are hidden validators in Node too: see hiddenError.)
function outOfRange(name, range, value, hiddenFrom) {
  return hiddenError(new ERR_OUT_OF_RANGE(name, range, value), hiddenFrom);
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw outOfRange('offset', '>= 0', offset, validateOffsetLengthRead);
  if (length < 0) throw outOfRange('length', '>= 0', length, validateOffsetLengthRead);
  if (offset + length > bufferLength) {
    throw outOfRange('length', `<= ${bufferLength - offset}`, length, validateOffsetLengthRead);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw outOfRange('offset', `<= ${byteLength}`, offset, validateOffsetLengthWrite);
  if (length > byteLength - offset) {
    throw outOfRange('length', `<= ${byteLength - offset}`, length, validateOffsetLengthWrite);
  }
  if (length < 0) throw outOfRange('length', '>= 0', length, validateOffsetLengthWrite);
  try {
    validateInt32(length, 'length', 0);
  } catch (err) {
    throw hiddenError(err, validateOffsetLengthWrite);
  }
}

function validatePosition(position, name, length) {
  if (typeof position === 'number') {
    try {
      validateInteger(position, name, -1);
    } catch (err) {
      throw hiddenError(err, validatePosition);
    }
  } else if (typeof position === 'bigint') {
    const maxPosition = 2n ** 63n - 1n - BigInt(length);
    if (!(position >= -1n && position <= maxPosition)) {
      throw hiddenError(new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${maxPosition}`, position), validatePosition);
    }
  } else {
    throw hiddenError(new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position), validatePosition);
  }
}

// ---- rm / rmdir options ---------------------------------------------------------------------

const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };
const defaultRmdirOptions = { retryDelay: 100, maxRetries: 0, recursive: false };

function validateRmOptionsShape(options, defaults) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}

function validateRmOptions(options) {
  options = validateRmOptionsShape(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  return options;
}

function validateRmdirOptions(options, defaults = defaultRmdirOptions) {
  return validateRmOptionsShape(options, defaults);
}

// rm() of a directory without `recursive`: Node's SystemError with the libuv code inside.
function rmDirectoryError(path) {
  return new ERR_FS_EISDIR({
    code: 'EISDIR',
    message: 'is a directory',
    path,
    syscall: 'rm',
    errno: 21,
  });
}

// ---- Stats ------------------------------------------------------------------------------------

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

function defineDateGetters(proto) {
  for (const name of ['atime', 'mtime', 'ctime', 'birthtime']) {
    const msKey = `${name}Ms`;
    Object.defineProperty(proto, name, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() {
        const value = dateFromMs(this[msKey]);
        Object.defineProperty(this, name, { __proto__: null, value, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, name, { __proto__: null, value, writable: true });
      },
    });
  }
}

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function() { return this._checkModeProperty(S_IFDIR); };
StatsBase.prototype.isFile = function() { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = function() { return this._checkModeProperty(S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function() { return this._checkModeProperty(S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function() { return this._checkModeProperty(S_IFLNK); };
StatsBase.prototype.isFIFO = function() { return this._checkModeProperty(S_IFIFO); };
StatsBase.prototype.isSocket = function() { return this._checkModeProperty(S_IFSOCK); };
for (const name of ['isDirectory', 'isFile', 'isBlockDevice', 'isCharacterDevice', 'isSymbolicLink', 'isFIFO',
                    'isSocket']) {
  Object.defineProperty(StatsBase.prototype[name], 'name', { __proto__: null, value: name });
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  Reflect.apply(StatsBase, this, [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks]);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
defineDateGetters(Stats.prototype);
Stats.prototype._checkModeProperty = function(property) {
  if (process.platform === 'win32' && (property === S_IFIFO || property === S_IFBLK || property === S_IFSOCK)) {
    return false;
  }
  return (this.mode & S_IFMT) === property;
};

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  Reflect.apply(StatsBase, this, [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks]);
  this.atimeMs = atimeNs / 1000000n;
  this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n;
  this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
defineDateGetters(BigIntStats.prototype);
BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

function msFromTimespec(sec, nsec) {
  return sec * 1e3 + nsec / 1e6;
}

// The binding's 18 numbers (10 fields, then sec/nsec of atime, mtime, ctime, birthtime) as Stats.
function getStatsFromBinding(s, bigint = false) {
  if (bigint) {
    const b = (n) => BigInt(n);
    const ns = (i) => BigInt(s[i]) * 1000000000n + BigInt(s[i + 1]);
    return new BigIntStats(b(s[0]), b(s[1]), b(s[2]), b(s[3]), b(s[4]), b(s[5]), b(s[6]), b(s[7]), b(s[8]), b(s[9]),
                           ns(10), ns(12), ns(14), ns(16));
  }
  const stats = Object.create(Stats.prototype);
  stats.dev = s[0];
  stats.mode = s[1];
  stats.nlink = s[2];
  stats.uid = s[3];
  stats.gid = s[4];
  stats.rdev = s[5];
  stats.blksize = s[6];
  stats.ino = s[7];
  stats.size = s[8];
  stats.blocks = s[9];
  stats.atimeMs = msFromTimespec(s[10], s[11]);
  stats.mtimeMs = msFromTimespec(s[12], s[13]);
  stats.ctimeMs = msFromTimespec(s[14], s[15]);
  stats.birthtimeMs = msFromTimespec(s[16], s[17]);
  return stats;
}

const DeprecatedStats = deprecate(Stats, 'fs.Stats constructor is deprecated.', 'DEP0180');

// ---- StatFs ----------------------------------------------------------------------------------------

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function statFsFromBinding(list, bigint) {
  const v = bigint ? list.map((n) => BigInt(n)) : list;
  return new StatFs(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
}

// ---- Dirent --------------------------------------------------------------------------------------

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }

  isFile() { return this[kType] === UV_DIRENT_FILE; }

  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }

  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }

  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }

  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }

  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// `dirent.path`: the parent path, with a deprecation warning; setting it
// gives the entry an own `path`.
Object.defineProperty(Dirent.prototype, 'path', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get: deprecate(function() {
    return this.parentPath;
  }, 'dirent.path is deprecated in favor of dirent.parentPath', 'DEP0178'),
  set(value) {
    Object.defineProperty(this, 'path', { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  },
});

class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}
for (const name of ['isDirectory', 'isFile', 'isBlockDevice', 'isCharacterDevice', 'isSymbolicLink', 'isFIFO',
                    'isSocket']) {
  DirentFromStats.prototype[name] = function() { return this[kStats][name](); };
}

// A Dirent, resolving an unknown type with lstat as Node does.
function getDirent(path, name, type) {
  if (type === 0) {
    const full = pathModule.join(`${path}`, `${name}`);
    const result = binding.lstat(full);
    if (!isError(result)) return new DirentFromStats(name, getStatsFromBinding(result), path);
  }
  return new Dirent(name, type, path);
}

module.exports = {
  Dirent,
  DeprecatedStats,
  Stats,
  assertEncoding,
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
  isUint32,
  kMaxUserId,
  makeRequest,
  makeStatsRequest,
  nativeArgumentError,
  markThrowSite,
  maybeCallback,
  parseFileMode,
  requestError,
  rmDirectoryError,
  statFsFromBinding,
  stringToFlags,
  systemError,
  toUnixTimestamp,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePath,
  validatePosition,
  validateRmOptions,
  validateRmdirOptions,
  withFrames,
  X_OK,
};
