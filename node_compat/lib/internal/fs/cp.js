'use strict';

// fs.cp / fs.cpSync / fsPromises.cp: copy files, directories (recursive)
// and symlinks with Node's options (dereference, errorOnExist, filter,
// force, mode, preserveTimestamps, recursive, verbatimSymlinks).
//
// The copy is written once, as a generator that yields the file system
// operations it needs; cpSync runs it with the synchronous fs calls, cp with
// the promise ones. The path checks fail differently in the two forms, as in
// Node: plain errors with a code for cpSync (Node checks in C++), SystemErrors
// for cp.

const pathModule = require('path');
const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR,
    ERR_FS_CP_EEXIST,
    ERR_FS_CP_EINVAL,
    ERR_FS_CP_FIFO_PIPE,
    ERR_FS_CP_NON_DIR_TO_DIR,
    ERR_FS_CP_SOCKET,
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
    ERR_FS_CP_UNKNOWN,
    ERR_FS_EISDIR,
    ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateObject } = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const { getValidatedPath, getValidMode, hiddenError, markThrowSite } = require('internal/fs/utils');
const { markThrowSite: markSites } = require('internal/node_throw_sites');

const defaults = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
  mode: 0,
};

// A hidden validator in Node: its errors start at its caller.
function validateCpOptions(options) {
  try {
    return checkCpOptions(options);
  } catch (err) {
    throw hiddenError(err, validateCpOptions);
  }
}

function checkCpOptions(options) {
  if (options === undefined) return { ...defaults };
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  options.mode = getCopyMode(options.mode);
  if (options.dereference === true && options.verbatimSymlinks === true) {
    const { codes: { ERR_INCOMPATIBLE_OPTION_PAIR } } = require('internal/errors');
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

// cp's mode check reports the standard range message (unlike copyFile's own).
function getCopyMode(mode) {
  if (mode == null || (Number.isInteger(mode) && mode >= 0 && mode <= 7)) return getValidMode(mode, 'copyFile');
  const { codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } } = require('internal/errors');
  if (typeof mode !== 'number') throw new ERR_INVALID_ARG_TYPE('mode', 'integer', mode);
  throw new ERR_OUT_OF_RANGE('mode', '>= 0 && <= 7', mode);
}

// A plain Error with a code: how Node's C++ path checks (used by cpSync) fail.
function checkError(code, message) {
  const err = new Error(message);
  err.code = code;
  return err;
}

// The SystemErrors of cp's JavaScript checks, made (and thrown) at Node's `site`.
function systemError(Ctor, message, path, errno, code, site) {
  return markSites(new Ctor({ message, path, syscall: 'cp', errno, code }), site);
}

function isSubdirectory(src, dest) {
  const srcParts = pathModule.resolve(src).split(pathModule.sep).filter(Boolean);
  const destParts = pathModule.resolve(dest).split(pathModule.sep).filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}

function withSlash(path) {
  return `${path}`.endsWith('/') ? `${path}` : `${path}/`;
}

// The checks made before anything is copied; returns dest's stats (or null).
function* checkPaths(src, dest, opts, sync) {
  const statOp = opts.dereference ? 'stat' : 'lstat';
  const srcStat = yield [statOp, src];
  let destStat = null;
  try {
    destStat = yield [statOp, dest];
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  const srcIsDir = srcStat.isDirectory();
  // (cpSync refuses a directory without `recursive` first, cp last.)
  if (sync && srcIsDir && !opts.recursive) {
    throw checkError('ERR_FS_EISDIR', `Recursive option not enabled, cannot copy a directory: ${withSlash(src)}`);
  }
  if (destStat !== null) {
    if (srcStat.ino === destStat.ino && srcStat.dev === destStat.dev && srcStat.ino !== 0) {
      if (sync) throw checkError('ERR_FS_CP_EINVAL', `src and dest cannot be the same ${dest}`);
      throw systemError(ERR_FS_CP_EINVAL, 'src and dest cannot be the same', dest, 22, 'EINVAL',
                        'node:internal/fs/cp/cp:79:13');
    }
    if (srcIsDir && !destStat.isDirectory()) {
      if (sync) {
        throw checkError('ERR_FS_CP_DIR_TO_NON_DIR', `Cannot overwrite non-directory ${src} with directory ${dest}`);
      }
      throw systemError(ERR_FS_CP_DIR_TO_NON_DIR,
                        `cannot overwrite non-directory ${dest} with directory ${src}`, dest, 21, 'EISDIR',
                        'node:internal/fs/cp/cp:88:13');
    }
    if (!srcIsDir && destStat.isDirectory()) {
      if (sync) {
        throw checkError('ERR_FS_CP_NON_DIR_TO_DIR', `Cannot overwrite directory ${dest} with non-directory ${src}`);
      }
      throw systemError(ERR_FS_CP_NON_DIR_TO_DIR,
                        `cannot overwrite directory ${dest} with non-directory ${src}`, dest, 20, 'ENOTDIR',
                        'node:internal/fs/cp/cp:98:13');
    }
  }
  if (srcIsDir && isSubdirectory(src, dest)) {
    if (sync) {
      throw checkError('ERR_FS_CP_EINVAL', `Cannot copy ${withSlash(src)} to a subdirectory of self ${dest}`);
    }
    throw systemError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`, dest, 22, 'EINVAL',
                      'node:internal/fs/cp/cp:110:11');
  }
  if (srcIsDir && !opts.recursive) {
    throw systemError(ERR_FS_EISDIR, `${src} is a directory (not copied)`, src, 21, 'EISDIR',
                      'node:internal/fs/cp/cp:200:11');
  }
  return destStat;
}

function* filterAllows(opts, src, dest, sync) {
  if (opts.filter === undefined) return true;
  const verdict = opts.filter(src, dest);
  if (sync) {
    if (verdict !== null && typeof verdict?.then === 'function') {
      throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', verdict);
    }
    return Boolean(verdict);
  }
  return Boolean(yield ['await', verdict]);
}

function* copyPlan(src, dest, opts, sync) {
  if (!(yield* filterAllows(opts, src, dest, sync))) return;
  let destStat;
  try {
    destStat = yield* checkPaths(src, dest, opts, sync);
  } catch (err) {
    // Node makes these first checks in C++ for cpSync: that is the reported site.
    if (sync) markThrowSite(err, 'cpSync');
    throw err;
  }
  const parent = pathModule.dirname(dest);
  if (!(yield ['exists', parent])) yield ['mkdir', parent, { recursive: true }];
  yield* copyEntry(src, dest, destStat, opts, sync);
}

function* copyEntry(src, dest, destStat, opts, sync) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat.isDirectory() && opts.recursive) return yield* copyDirectory(srcStat, destStat, src, dest, opts, sync);
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    return yield* copyRegular(srcStat, destStat, src, dest, opts, sync);
  }
  if (srcStat.isSymbolicLink()) return yield* copyLink(destStat, src, dest, opts, sync);
  if (srcStat.isSocket()) {
    if (sync) throw checkError('ERR_FS_CP_SOCKET', `Cannot copy a socket file: ${dest}`);
    throw systemError(ERR_FS_CP_SOCKET, `cannot copy a socket file: ${dest}`, dest, 22, 'EINVAL',
                      'node:internal/fs/cp/cp:214:11');
  }
  if (srcStat.isFIFO()) {
    if (sync) throw checkError('ERR_FS_CP_FIFO_PIPE', `Cannot copy a FIFO pipe: ${dest}`);
    throw systemError(ERR_FS_CP_FIFO_PIPE, `cannot copy a FIFO pipe: ${dest}`, dest, 22, 'EINVAL',
                      'node:internal/fs/cp/cp:222:11');
  }
  if (sync) throw checkError('ERR_FS_CP_UNKNOWN', `Cannot copy an unknown file type: ${dest}`);
  throw systemError(ERR_FS_CP_UNKNOWN, `cannot copy an unknown file type: ${dest}`, dest, 22, 'EINVAL',
                    'node:internal/fs/cp/cp:230:9');
}

function* copyRegular(srcStat, destStat, src, dest, opts, sync) {
  if (destStat !== null) {
    if (opts.force) {
      yield ['unlink', dest];
    } else if (opts.errorOnExist) {
      throw systemError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, 17, 'EEXIST',
                        sync ? 'node:internal/fs/cp/cp-sync:93:11' : 'node:internal/fs/cp/cp:249:11');
    } else {
      return;
    }
  }
  yield ['copyFile', src, dest, opts.mode];
  if (opts.preserveTimestamps) {
    // A read-only source copies to a read-only file: make it writable to set its times.
    if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
    const times = yield ['stat', src];
    yield ['utimes', dest, times.atime, times.mtime];
  }
  yield ['chmod', dest, srcStat.mode];
}

function* copyDirectory(srcStat, destStat, src, dest, opts, sync) {
  if (destStat === null) yield ['mkdir', dest];
  const entries = yield ['readdir', src];
  for (const name of entries) {
    const srcItem = pathModule.join(src, name);
    const destItem = pathModule.join(dest, name);
    if (!(yield* filterAllows(opts, srcItem, destItem, sync))) continue;
    const itemDestStat = yield* checkPaths(srcItem, destItem, opts, sync);
    yield* copyEntry(srcItem, destItem, itemDestStat, opts, sync);
  }
  if (destStat === null) yield ['chmod', dest, srcStat.mode];
}

function* copyLink(destStat, src, dest, opts, sync) {
  let resolvedSrc = yield ['readlink', src];
  if (!opts.verbatimSymlinks && !pathModule.isAbsolute(resolvedSrc)) {
    resolvedSrc = pathModule.resolve(pathModule.dirname(src), resolvedSrc);
  }
  if (destStat === null) {
    yield ['symlink', resolvedSrc, dest];
    return;
  }
  let resolvedDest;
  try {
    resolvedDest = yield ['readlink', dest];
  } catch (err) {
    // dest is not a link: replace it.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      yield ['symlink', resolvedSrc, dest];
      return;
    }
    throw err;
  }
  if (!pathModule.isAbsolute(resolvedDest)) resolvedDest = pathModule.resolve(pathModule.dirname(dest), resolvedDest);
  const srcIsDir = (yield ['stat', src]).isDirectory();
  if (srcIsDir && isSubdirectory(resolvedSrc, resolvedDest)) {
    throw systemError(ERR_FS_CP_EINVAL, `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`,
                      dest, 22, 'EINVAL', sync ? 'node:internal/fs/cp/cp-sync:203:11' : 'node:internal/fs/cp/cp:348:11');
  }
  if ((yield ['stat', dest]).isDirectory() && isSubdirectory(resolvedDest, resolvedSrc)) {
    throw systemError(ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
                      `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, 22, 'EINVAL',
                      sync ? 'node:internal/fs/cp/cp-sync:216:11' : 'node:internal/fs/cp/cp:362:11');
  }
  yield ['unlink', dest];
  yield ['symlink', resolvedSrc, dest];
}

// Run the plan with synchronous calls.
function runSync(plan) {
  const fs = require('fs');
  const ops = {
    stat: (p) => fs.statSync(p),
    lstat: (p) => fs.lstatSync(p),
    exists: (p) => fs.existsSync(p),
    mkdir: (p, o) => fs.mkdirSync(p, o),
    unlink: (p) => fs.unlinkSync(p),
    copyFile: (a, b, m) => fs.copyFileSync(a, b, m),
    chmod: (p, m) => fs.chmodSync(p, m),
    utimes: (p, a, m) => fs.utimesSync(p, a, m),
    readdir: (p) => fs.readdirSync(p),
    readlink: (p) => fs.readlinkSync(p),
    symlink: (t, p) => fs.symlinkSync(t, p),
  };
  let step = plan.next();
  while (!step.done) {
    const [op, ...args] = step.value;
    let value;
    try {
      value = ops[op](...args);
    } catch (err) {
      step = plan.throw(err);
      continue;
    }
    step = plan.next(value);
  }
}

// Run the plan with promise calls.
async function runAsync(plan) {
  const fs = require('fs');
  const fsp = fs.promises;
  const ops = {
    stat: (p) => fsp.stat(p),
    lstat: (p) => fsp.lstat(p),
    exists: (p) => fsp.access(p).then(() => true, () => false),
    mkdir: (p, o) => fsp.mkdir(p, o),
    unlink: (p) => fsp.unlink(p),
    copyFile: (a, b, m) => fsp.copyFile(a, b, m),
    chmod: (p, m) => fsp.chmod(p, m),
    utimes: (p, a, m) => fsp.utimes(p, a, m),
    readdir: (p) => fsp.readdir(p),
    readlink: (p) => fsp.readlink(p),
    symlink: (t, p) => fsp.symlink(t, p),
    await: (v) => v,
  };
  let step = plan.next();
  while (!step.done) {
    const [op, ...args] = step.value;
    let value;
    try {
      value = await ops[op](...args);
    } catch (err) {
      step = plan.throw(err);
      continue;
    }
    step = plan.next(value);
  }
}

function cpSync(src, dest, options) {
  const opts = validateCpOptions(options); // at node:fs:3125:13
  src = getValidatedPath(src, 'src'); // at node:fs:3126:9
  dest = getValidatedPath(dest, 'dest'); // at node:fs:3127:10
  runSync(copyPlan(pathModule.toNamespacedPath(src), pathModule.toNamespacedPath(dest), opts, true));
}

// fs/promises.cp.
async function cp(src, dest, options = kEmptyObject) {
  const opts = validateCpOptions(options === kEmptyObject ? undefined : options); // at node:internal/fs/promises:614:13
  src = getValidatedPath(src, 'src'); // at node:internal/fs/promises:615:9
  dest = getValidatedPath(dest, 'dest'); // at node:internal/fs/promises:616:10
  return copyAsync(src, dest, opts);
}

// The copy of fs.cp and fs/promises.cp, its arguments validated.
function copyAsync(src, dest, opts) {
  return runAsync(copyPlan(src, dest, opts, false));
}

module.exports = { copyAsync, cp, cpSync, validateCpOptions };
