'use strict';

// Where Node 23.5 throws the errors of synchronous fs calls, by name (see
// internal/node_throw_sites). Most fail inside a binding call, which throws
// from C++: the call's frame is both where the error is made and where it is
// thrown. Only thrown errors have such a site: the callback and promise forms
// fail elsewhere.

const { markThrowSite: markSites } = require('internal/node_throw_sites');

const kSites = {
  __proto__: null,
  assertEncoding: 'node:internal/fs/utils:157:11',
  access: 'node:fs:245:11',
  chmod: 'node:fs:2064:11',
  chown: 'node:fs:2170:11',
  close: 'node:fs:520:11',
  copyFile: 'node:fs:3087:11',
  cpSync: 'node:internal/fs/cp/cp-sync:56:13',
  fchmod: 'node:fs:1988:11',
  fchown: 'node:fs:2135:11',
  fdatasync: 'node:fs:1273:11',
  fstat: 'node:fs:1690:25',
  fsync: 'node:fs:1296:11',
  ftruncate: 'node:fs:1115:11',
  futimes: 'node:fs:2241:11',
  lchown: 'node:fs:2096:11',
  link: 'node:fs:1929:11',
  lstat: 'node:fs:1713:25',
  lutimes: 'node:fs:2280:11',
  mkdir: 'node:fs:1361:26',
  mkdtemp: 'node:fs:3051:18',
  open: 'node:fs:563:18',
  opendir: 'node:internal/fs/dir:315:29',
  read: 'node:fs:742:18',
  readdir: 'node:fs:1581:26',
  readFileUtf8: 'node:fs:443:20',
  readlink: 'node:fs:1782:18',
  readv: 'node:fs:796:18',
  realpath: 'node:fs:2788:29',
  realpathNative: 'node:fs:2850:18',
  rename: 'node:fs:1022:11',
  rmdir: 'node:fs:1202:11',
  stat: 'node:fs:1737:25',
  statfs: 'node:fs:1750:25',
  stringToFlags: 'node:internal/fs/utils:645:9',
  symlink: 'node:fs:1891:11',
  tryStatSync: 'node:fs:393:25',
  unlink: 'node:fs:1954:11',
  utimes: 'node:fs:2205:11',
  writeFileUtf8: 'node:fs:2427:20',
  writev: 'node:fs:991:18',
};

// writeSync's error is made from the binding's context by
// handleErrorFromBinding, called from writeSync, which throws it.
const kHandleErrorMadeAt = 'node:fs:925:3';
const kHandleErrorThrownAt = 'node:internal/fs/utils:361:5';

// Record the site `name` (or Node's frame 'node:<id>:<line>:<column>') for
// `err` and return `err`.
function markThrowSite(err, name) {
  if (name === 'handleError') return markSites(err, kHandleErrorMadeAt, kHandleErrorThrownAt);
  const site = name.startsWith('node:') ? name : kSites[name];
  return site === undefined ? err : markSites(err, site);
}

module.exports = { markThrowSite };
