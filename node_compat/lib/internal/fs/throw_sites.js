'use strict';

// Where Node 23.5 throws the errors of synchronous fs calls. An uncaught
// error's fatal report starts with that line of Node's own source (e.g.
// "node:fs:563\n  return binding.open(\n                 ^\n"); pynode's
// sources differ, so the line is recorded with the error (in the WeakMap the
// fatal report reads). Only thrown errors have such a site: the callback and
// promise forms fail elsewhere.

const { nodeThrowSites } = require('internal/util');

// name -> [file, line, source line, caret column]
const kSites = {
  __proto__: null,
  assertEncoding: ['node:internal/fs/utils', 157, "    throw new ERR_INVALID_ARG_VALUE(encoding, 'encoding', reason);", 4],
  access: ['node:fs', 245, '  binding.access(getValidatedPath(path), mode);', 10],
  chmod: ['node:fs', 2064, '  binding.chmod(path, mode);', 10],
  chown: ['node:fs', 2170, '  binding.chown(path, uid, gid);', 10],
  close: ['node:fs', 520, '  binding.close(fd);', 10],
  copyFile: ['node:fs', 3087, '  binding.copyFile(', 10],
  cpSync: ['node:internal/fs/cp/cp-sync', 56,
           '  fsBinding.cpSyncCheckPaths(src, dest, opts.dereference, opts.recursive);', 12],
  fchmod: ['node:fs', 1988, '  binding.fchmod(', 10],
  fchown: ['node:fs', 2135, '  binding.fchown(fd, uid, gid);', 10],
  fdatasync: ['node:fs', 1273, '  binding.fdatasync(fd);', 10],
  fstat: ['node:fs', 1690, '  const stats = binding.fstat(fd, options.bigint, undefined, false);', 24],
  fsync: ['node:fs', 1296, '  binding.fsync(fd);', 10],
  ftruncate: ['node:fs', 1115, '  binding.ftruncate(fd, len < 0 ? 0 : len);', 10],
  futimes: ['node:fs', 2241, '  binding.futimes(', 10],
  handleError: ['node:internal/fs/utils', 361, '    throw err;', 4],
  hidden: ['node:internal/errors', 540, '      throw error;', 6],
  lchown: ['node:fs', 2096, '  binding.lchown(path, uid, gid);', 10],
  link: ['node:fs', 1929, '  binding.link(', 10],
  lstat: ['node:fs', 1713, '  const stats = binding.lstat(', 24],
  lutimes: ['node:fs', 2280, '  binding.lutimes(', 10],
  mkdir: ['node:fs', 1361, '  const result = binding.mkdir(', 25],
  mkdtemp: ['node:fs', 3051, '  return binding.mkdtemp(prefix, options.encoding);', 17],
  open: ['node:fs', 563, '  return binding.open(', 17],
  opendir: ['node:internal/fs/dir', 315, '  const handle = dirBinding.opendirSync(path);', 28],
  read: ['node:fs', 742, '  return binding.read(fd, buffer, offset, length, position);', 17],
  readdir: ['node:fs', 1581, '  const result = binding.readdir(', 25],
  readFileUtf8: ['node:fs', 443, '    return binding.readFileUtf8(path, stringToFlags(options.flag));', 19],
  readlink: ['node:fs', 1782, '  return binding.readlink(getValidatedPath(path), options.encoding);', 17],
  readv: ['node:fs', 796, '  return binding.readBuffers(fd, buffers, position);', 17],
  realpath: ['node:fs', 2788, '      const stats = binding.lstat(base, true, undefined, true /* throwIfNoEntry */);',
             28],
  realpathNative: ['node:fs', 2850, '  return binding.realpath(', 17],
  rename: ['node:fs', 1022, '  binding.rename(', 10],
  rmdir: ['node:fs', 1202, '  binding.rmdir(path);', 10],
  stat: ['node:fs', 1737, '  const stats = binding.stat(', 24],
  statfs: ['node:fs', 1750, '  const stats = binding.statfs(getValidatedPath(path), options.bigint);', 24],
  stringToFlags: ['node:internal/fs/utils', 645, "  throw new ERR_INVALID_ARG_VALUE('flags', flags);", 2],
  symlink: ['node:fs', 1891, '  binding.symlink(', 10],
  unlink: ['node:fs', 1954, '  binding.unlink(getValidatedPath(path));', 10],
  utimes: ['node:fs', 2205, '  binding.utimes(', 10],
  writeFileUtf8: ['node:fs', 2427, '    return binding.writeFileUtf8(', 19],
  writev: ['node:fs', 991, '  return binding.writeBuffers(fd, buffers, position);', 17],
};

// Record the site `name` for `err` and return `err`.
function markThrowSite(err, name) {
  const site = kSites[name];
  if (site !== undefined && err !== null && typeof err === 'object') {
    const [file, line, source, column] = site;
    nodeThrowSites.set(err, { thrown: `${file}:${line}\n${source}\n${' '.repeat(column)}^\n`, rejected: undefined });
  }
  return err;
}

module.exports = { markThrowSite };
