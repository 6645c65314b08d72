'use strict';

// path.win32: Windows path semantics on any platform. Both '\' and '/' are
// separators; roots are drive letters ("C:", "C:\"), UNC shares
// ("\\server\share\") and, for normalize/resolve, the device namespaces
// "\\.\" and "\\?\". Results use '\'.

const { validateString } = require('internal/validators');

const SLASH = 47;
const BACKSLASH = 92;
const COLON = 58;
const DOT = 46;

function isSep(code) { return code === SLASH || code === BACKSLASH; }

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hasDrive(path) {
  return path.length >= 2 && path.charCodeAt(1) === COLON && isDriveLetter(path.charCodeAt(0));
}

// For a path that starts with two separators: where "\\server\share" ends,
// or null when the server or the share is missing.
function scanUNC(path) {
  const len = path.length;
  let j = 2;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  if (j === len || j === 2) return null;
  const server = path.slice(2, j);
  while (j < len && isSep(path.charCodeAt(j))) j++;
  if (j === len) return null;
  const shareStart = j;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  return { server, share: path.slice(shareStart, j), end: j };
}

// "\\.\name..." and "\\?\name...": the device namespaces, whose root is the
// four-character prefix.
function isDevicePath(path) {
  if (path.length <= 4 || !isSep(path.charCodeAt(0)) || !isSep(path.charCodeAt(1)) || !isSep(path.charCodeAt(3))) {
    return false;
  }
  const kind = path.charCodeAt(2);
  return kind === DOT || kind === 63;
}

// Root of a path as normalize() and resolve() see it.
function rootOf(path) {
  const len = path.length;
  const first = path.charCodeAt(0);
  if (len === 1) return isSep(first) ? { device: '', end: 1, absolute: true, uncOnly: false } : null;
  if (isSep(first)) {
    if (!isSep(path.charCodeAt(1))) return { device: '', end: 1, absolute: true, uncOnly: false };
    if (isDevicePath(path)) return { device: `\\\\${path[2]}`, end: 4, absolute: true, uncOnly: false };
    const unc = scanUNC(path);
    if (unc === null) return { device: '', end: 0, absolute: true, uncOnly: false };
    return { device: `\\\\${unc.server}\\${unc.share}`, end: unc.end, absolute: true, uncOnly: unc.end === len };
  }
  if (hasDrive(path)) {
    if (len > 2 && isSep(path.charCodeAt(2))) return { device: path.slice(0, 2), end: 3, absolute: true, uncOnly: false };
    return { device: path.slice(0, 2), end: 2, absolute: false, uncOnly: false };
  }
  return null;
}

// Collapse separators, '.' and '..' in a root-less path, joined with '\'.
// With `allowAboveRoot`, leading '..' segments that cannot be resolved stay.
function normalizeSegments(path, allowAboveRoot) {
  const out = [];
  for (const segment of path.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
      continue;
    }
    out.push(segment);
  }
  return out.join('\\');
}

function resolve(...args) {
  let device = '';
  let tail = '';
  let absolute = false;
  for (let i = args.length - 1; i >= -1; i--) {
    let path;
    if (i >= 0) {
      path = args[i];
      validateString(path, `paths[${i}]`); // at node:path:181:9
      if (path.length === 0) continue;
    } else if (device.length === 0) {
      path = process.cwd();
    } else {
      // The per-drive working directory Windows keeps in the environment,
      // when it belongs to that drive; otherwise the drive's root.
      path = process.env[`=${device}`] || process.cwd();
      if (path.slice(0, 2).toLowerCase() !== device.toLowerCase() && path.charCodeAt(2) === BACKSLASH) {
        path = `${device}\\`;
      }
    }
    const root = rootOf(path);
    const rootDevice = root === null ? '' : root.device;
    if (rootDevice.length > 0) {
      if (device.length === 0) device = rootDevice;
      else if (rootDevice.toLowerCase() !== device.toLowerCase()) continue;
    }
    if (absolute) {
      if (device.length > 0) break;
    } else {
      tail = `${path.slice(root === null ? 0 : root.end)}\\${tail}`;
      absolute = root !== null && root.absolute;
      if (absolute && device.length > 0) break;
    }
  }
  tail = normalizeSegments(tail, !absolute);
  if (absolute) return `${device}\\${tail}`;
  return `${device}${tail}` || '.';
}

function normalize(path) {
  validateString(path, 'path'); // at node:path:325:5
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isSep(path.charCodeAt(0)) ? '\\' : path;
  const root = rootOf(path);
  if (root !== null && root.uncOnly) return `${root.device}\\`;
  const end = root === null ? 0 : root.end;
  const absolute = root !== null && root.absolute;
  let tail = end < len ? normalizeSegments(path.slice(end), !absolute) : '';
  if (tail.length === 0 && !absolute) tail = '.';
  if (tail.length > 0 && isSep(path.charCodeAt(len - 1))) tail += '\\';
  const device = root === null ? '' : root.device;
  if (device === '') return absolute ? `\\${tail}` : tail;
  return absolute ? `${device}\\${tail}` : `${device}${tail}`;
}

function isAbsolute(path) {
  validateString(path, 'path'); // at node:path:428:5
  const len = path.length;
  if (len === 0) return false;
  const first = path.charCodeAt(0);
  return isSep(first) || (len > 2 && hasDrive(path) && isSep(path.charCodeAt(2)));
}

function join(...args) {
  if (args.length === 0) return '.';
  let joined;
  let first;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    validateString(arg, 'path'); // at node:path:454:7
    if (arg.length === 0) continue;
    if (joined === undefined) joined = first = arg;
    else joined += `\\${arg}`;
  }
  if (joined === undefined) return '.';
  // Leading separators would make normalize() read a UNC root. Keep them
  // only when the first part itself looks like one: exactly two separators
  // followed by a name.
  const looksUNC = first.length > 2 && isSep(first.charCodeAt(0)) && isSep(first.charCodeAt(1)) &&
                   !isSep(first.charCodeAt(2));
  if (!looksUNC) {
    let slashes = 0;
    while (slashes < joined.length && isSep(joined.charCodeAt(slashes))) slashes++;
    if (slashes >= 2) joined = `\\${joined.slice(slashes)}`;
  }
  return normalize(joined);
}

// Length of the run of separators at the ends of a resolved path, for relative().
function trimmedBounds(path) {
  let start = 0;
  while (start < path.length && path.charCodeAt(start) === BACKSLASH) start++;
  let end = path.length;
  while (end - 1 > start && path.charCodeAt(end - 1) === BACKSLASH) end--;
  return [start, end];
}

function relative(from, to) {
  validateString(from, 'from'); // at node:path:522:5
  validateString(to, 'to'); // at node:path:523:5
  if (from === to) return '';
  const fromResolved = resolve(from);
  const toResolved = resolve(to);
  if (fromResolved === toResolved) return '';
  // Windows paths compare case-insensitively; the answer keeps `to`'s case.
  const a = fromResolved.toLowerCase();
  const b = toResolved.toLowerCase();
  if (a === b) return '';
  const [aStart, aEnd] = trimmedBounds(a);
  let [bStart, bEnd] = trimmedBounds(b);
  const aLen = aEnd - aStart;
  const bLen = bEnd - bStart;
  const common = Math.min(aLen, bLen);
  let lastSep = -1;
  let i = 0;
  while (i < common) {
    const code = a.charCodeAt(aStart + i);
    if (code !== b.charCodeAt(bStart + i)) break;
    if (code === BACKSLASH) lastSep = i;
    i++;
  }
  if (i !== common) {
    // Different before the first separator: different roots.
    if (lastSep === -1) return toResolved;
  } else {
    if (bLen > common) {
      // `from` is a prefix of `to`: "C:\foo" -> "C:\foo\bar", or a drive root "C:\" -> "C:\foo".
      if (b.charCodeAt(bStart + i) === BACKSLASH) return toResolved.slice(bStart + i + 1);
      if (i === 2) return toResolved.slice(bStart + i);
    }
    if (aLen > common) {
      // `to` is a prefix of `from`: "C:\foo\bar" -> "C:\foo", or the drive root "C:\".
      if (a.charCodeAt(aStart + i) === BACKSLASH) lastSep = i;
      else if (i === 2) lastSep = 3;
    }
    if (lastSep === -1) lastSep = 0;
  }
  let ups = '';
  for (let k = aStart + lastSep + 1; k <= aEnd; k++) {
    if (k === aEnd || a.charCodeAt(k) === BACKSLASH) ups += ups.length === 0 ? '..' : '\\..';
  }
  bStart += lastSep;
  if (ups.length > 0) return `${ups}${toResolved.slice(bStart, bEnd)}`;
  if (toResolved.charCodeAt(bStart) === BACKSLASH) bStart++;
  return toResolved.slice(bStart, bEnd);
}

function toNamespacedPath(path) {
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = resolve(path);
  if (resolved.length <= 2) return path;
  if (resolved.charCodeAt(0) === BACKSLASH) {
    if (resolved.charCodeAt(1) === BACKSLASH) {
      const kind = resolved.charCodeAt(2);
      if (kind !== 63 && kind !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
    }
  } else if (hasDrive(resolved) && resolved.charCodeAt(2) === BACKSLASH) {
    return `\\\\?\\${resolved}`;
  }
  return resolved;
}

// Where the root ends for dirname() and parse(): a UNC root includes the
// separator after the share; -1 / 0 when there is no root.
function dirRoot(path) {
  const len = path.length;
  const first = path.charCodeAt(0);
  if (isSep(first)) {
    if (len > 1 && isSep(path.charCodeAt(1))) {
      const unc = scanUNC(path);
      if (unc !== null) return { end: unc.end === len ? len : unc.end + 1, uncOnly: unc.end === len };
    }
    return { end: 1, uncOnly: false };
  }
  if (hasDrive(path)) return { end: len > 2 && isSep(path.charCodeAt(2)) ? 3 : 2, uncOnly: false };
  return null;
}

function dirname(path) {
  validateString(path, 'path'); // at node:path:715:5
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isSep(path.charCodeAt(0)) ? path : '.';
  const root = dirRoot(path);
  if (root !== null && root.uncOnly) return path;
  const rootEnd = root === null ? 0 : root.end;
  let end = -1;
  let inTrailingSeps = true;
  for (let i = len - 1; i >= rootEnd; i--) {
    if (isSep(path.charCodeAt(i))) {
      if (!inTrailingSeps) {
        end = i;
        break;
      }
    } else {
      inTrailingSeps = false;
    }
  }
  if (end === -1) {
    if (root === null) return '.';
    end = rootEnd;
  }
  return path.slice(0, end);
}

// The last component of path[from:]: its bounds, ignoring trailing
// separators, and where its extension starts (-1 for none).
function lastComponent(path, from) {
  let start = from;
  let end = -1;
  let dot = -1;
  // 0: nothing before the dot yet; 1: only dots before it; -1: a real character.
  let beforeDot = 0;
  for (let i = path.length - 1; i >= from; i--) {
    const code = path.charCodeAt(i);
    if (isSep(code)) {
      if (end !== -1) {
        start = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) end = i + 1;
    if (code === DOT) {
      if (dot === -1) dot = i;
      else if (beforeDot !== 1) beforeDot = 1;
    } else if (dot !== -1) {
      beforeDot = -1;
    }
  }
  // "." and ".." have no extension, nor do names with only a leading dot.
  if (dot === -1 || end === -1 || beforeDot === 0 ||
      (beforeDot === 1 && dot === end - 1 && dot === start + 1)) {
    dot = -1;
  }
  return { start, end, dot };
}

function basename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix'); // at node:path:812:7
  validateString(path, 'path'); // at node:path:813:5
  // A drive prefix is not part of any component ("C:" has an empty basename).
  const from = hasDrive(path) ? 2 : 0;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    return basenameWithSuffix(path, suffix, from);
  }
  const { start, end } = lastComponent(path, from);
  return end === -1 ? '' : path.slice(start, end);
}

// basename() that also drops `suffix` when the component ends with it
// (compared from the right, character by character, as Node does).
function basenameWithSuffix(path, suffix, from) {
  let start = from;
  let end = -1;
  let componentEnd = -1;
  let s = suffix.length - 1;
  for (let i = path.length - 1; i >= from; i--) {
    const code = path.charCodeAt(i);
    if (isSep(code)) {
      if (componentEnd !== -1) {
        start = i + 1;
        break;
      }
      continue;
    }
    if (componentEnd === -1) componentEnd = i + 1;
    if (s >= 0) {
      if (code === suffix.charCodeAt(s)) {
        if (--s === -1) end = i;
      } else {
        s = -1;
        end = componentEnd;
      }
    }
  }
  if (start === end) end = componentEnd;
  else if (end === -1) end = path.length;
  return path.slice(start, end);
}

function extname(path) {
  validateString(path, 'path'); // at node:path:898:5
  const { end, dot } = lastComponent(path, hasDrive(path) ? 2 : 0);
  return dot === -1 ? '' : path.slice(dot, end);
}

function parse(path) {
  validateString(path, 'path'); // at node:path:974:5
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  const len = path.length;
  if (len === 0) return ret;
  if (len === 1) {
    if (isSep(path.charCodeAt(0))) ret.root = ret.dir = path;
    else ret.base = ret.name = path;
    return ret;
  }
  const root = dirRoot(path);
  let rootEnd = 0;
  if (root !== null) {
    rootEnd = root.end;
    // A bare drive ("C:", "C:\") is all root.
    if (hasDrive(path) && rootEnd === len) {
      ret.root = ret.dir = path;
      return ret;
    }
    ret.root = path.slice(0, rootEnd);
  }
  const { start, end, dot } = lastComponent(path, rootEnd);
  if (end !== -1) {
    ret.base = path.slice(start, end);
    if (dot === -1) {
      ret.name = ret.base;
    } else {
      ret.name = path.slice(start, dot);
      ret.ext = path.slice(dot, end);
    }
  }
  ret.dir = start > 0 && start !== rootEnd ? path.slice(0, start - 1) : ret.root;
  return ret;
}

function matchesGlob(path, pattern) {
  return require('internal/fs/glob').matchGlobPattern(path, pattern, true);
}

const win32 = {
  resolve,
  normalize,
  isAbsolute,
  join,
  relative,
  toNamespacedPath,
  dirname,
  basename,
  extname,
  format: null, // node:path's own formatter, bound to '\\' (path.js puts it here)
  parse,
  matchesGlob,
  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
  _makeLong: toNamespacedPath,
};
win32.win32 = win32;
win32.posix = require('path').posix;

module.exports = win32;
