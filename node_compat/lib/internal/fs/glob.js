'use strict';

// Glob patterns as Node 23.5 uses them (it embeds minimatch with
// windowsPathsNoEscape, nonegate, nocomment and optimizationLevel 2):
// brace expansion, `*`, `?`, `[...]` classes with POSIX names, `**`
// globstars, extglobs `?() *() +() @() !()`, dotfiles hidden from magic,
// and '.', '..' and '' segments folded away. path.matchesGlob() matches one
// path; fs.glob()/globSync()/fsPromises.glob() walk directories with it.

const pathModule = require('path');
const { validateString, validateObject, validateFunction } = require('internal/validators');
const { emitExperimentalWarning, kEmptyObject } = require('internal/util');

const GLOBSTAR = Symbol('globstar');

// ---- brace expansion -------------------------------------------------------------------

// The index of the '}' closing the '{' at `open`, or -1.
function closingBrace(str, open) {
  let depth = 0;
  for (let i = open; i < str.length; i++) {
    if (str[i] === '{') depth++;
    else if (str[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

// Split a brace body on its top-level commas.
function topLevelCommas(body) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

// {1..5}, {01..10}, {a..e}, with an optional ..step; null when not a sequence.
function expandSequence(body) {
  const m = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/.exec(body);
  if (m === null) return null;
  const [, from, to, stepText] = m;
  const numeric = /\d/.test(from) && /\d/.test(to);
  if (!numeric && (/\d/.test(from) || /\d/.test(to))) return null;
  const step = Math.max(1, Math.abs(stepText === undefined ? 1 : parseInt(stepText, 10)));
  const out = [];
  if (numeric) {
    const a = parseInt(from, 10);
    const b = parseInt(to, 10);
    const pad = (/^-?0\d/.test(from) || /^-?0\d/.test(to)) ? Math.max(from.length, to.length) : 0;
    const dir = a <= b ? 1 : -1;
    for (let n = a; dir > 0 ? n <= b : n >= b; n += dir * step) {
      let s = String(Math.abs(n)).padStart(pad - (n < 0 ? 1 : 0), '0');
      if (n < 0) s = `-${s}`;
      out.push(s);
    }
  } else {
    const a = from.charCodeAt(0);
    const b = to.charCodeAt(0);
    const dir = a <= b ? 1 : -1;
    for (let n = a; dir > 0 ? n <= b : n >= b; n += dir * step) out.push(String.fromCharCode(n));
  }
  return out;
}

function braceExpand(pattern) {
  if (!/\{(?:(?!\{).)*\}/.test(pattern)) return [pattern];
  return expand(pattern);
}

function expand(str) {
  for (let open = str.indexOf('{'); open !== -1; open = str.indexOf('{', open + 1)) {
    const close = closingBrace(str, open);
    if (close === -1) continue;
    const pre = str.slice(0, open);
    const body = str.slice(open + 1, close);
    const post = str.slice(close + 1);
    let options = expandSequence(body);
    if (options === null) {
      const parts = topLevelCommas(body);
      if (parts.length < 2) {
        // "{x}" is not an alternation: keep it and look for braces inside or after it.
        const inner = expand(body);
        if (inner.length === 1 && inner[0] === body) {
          return expand(post).map((rest) => `${pre}{${body}}${rest}`);
        }
        options = inner.map((s) => `{${s}}`);
      } else {
        options = parts.flatMap((part) => expand(part));
      }
    }
    const tails = expand(post);
    const out = [];
    for (const option of options) for (const tail of tails) out.push(pre + option + tail);
    return out;
  }
  return [str];
}

// ---- one segment to a matcher --------------------------------------------------------------

const POSIX_CLASSES = {
  '__proto__': null,
  '[:alnum:]': '\\p{L}\\p{Nl}\\p{Nd}',
  '[:alpha:]': '\\p{L}\\p{Nl}',
  '[:ascii:]': '\\x00-\\x7f',
  '[:blank:]': '\\p{Zs}\\t',
  '[:cntrl:]': '\\p{Cc}',
  '[:digit:]': '\\p{Nd}',
  '[:lower:]': '\\p{Ll}',
  '[:punct:]': '\\p{P}',
  '[:space:]': '\\p{Z}\\t\\r\\n\\v\\f',
  '[:upper:]': '\\p{Lu}',
  '[:word:]': '\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}',
  '[:xdigit:]': 'A-Fa-f0-9',
};
const NEGATED_POSIX_CLASSES = { '__proto__': null, '[:graph:]': '\\p{Z}\\p{C}', '[:print:]': '\\p{C}' };

function escapeRegExp(ch) { return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch; }

// A bracket expression starting at `i` ('['): [regexSource, endIndex] or null.
function parseClass(glob, i) {
  let j = i + 1;
  let negate = false;
  if (glob[j] === '!' || glob[j] === '^') {
    negate = true;
    j++;
  }
  const ranges = [];
  const negatedNames = [];
  let first = true;
  for (; j < glob.length; j++) {
    const c = glob[j];
    if (c === ']' && !first) {
      if (ranges.length === 0 && negatedNames.length === 0) return null;
      let body = ranges.join('');
      if (negatedNames.length > 0) {
        // A class with [:graph:]/[:print:] is built from negations: (?:[^..]|[..]).
        const alt = `[^${negatedNames.join('')}]`;
        return [negate ? `(?!(?:${alt}${body ? `|[${body}]` : ''}))[^/]` : `(?:${alt}${body ? `|[${body}]` : ''})`, j];
      }
      return [negate ? `[^/${body}]` : `[${body}]`, j];
    }
    first = false;
    if (c === '[' && glob[j + 1] === ':') {
      const end = glob.indexOf(':]', j + 2);
      if (end !== -1) {
        const name = glob.slice(j, end + 2);
        if (name in POSIX_CLASSES) {
          ranges.push(POSIX_CLASSES[name]);
          j = end + 1;
          continue;
        }
        if (name in NEGATED_POSIX_CLASSES) {
          negatedNames.push(NEGATED_POSIX_CLASSES[name]);
          j = end + 1;
          continue;
        }
      }
    }
    if (glob[j + 1] === '-' && glob[j + 2] !== undefined && glob[j + 2] !== ']') {
      const to = glob[j + 2];
      if (to < c) return null;
      ranges.push(`${escapeRegExp(c)}-${escapeRegExp(to)}`);
      j += 2;
      continue;
    }
    ranges.push(escapeRegExp(c));
  }
  return null;
}

// The end (index of ')') of an extglob body starting after '(' at `i`, or -1.
function closingParen(glob, i) {
  let depth = 1;
  for (let j = i; j < glob.length; j++) {
    if (glob[j] === '[') {
      const cls = parseClass(glob, j);
      if (cls !== null) {
        j = cls[1];
        continue;
      }
    }
    if (glob[j] === '(') depth++;
    else if (glob[j] === ')' && --depth === 0) return j;
  }
  return -1;
}

function splitAlternatives(body) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

// Regex source for a glob fragment; `magic` records whether it had any.
function fragmentSource(glob, state) {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const next = glob[i + 1];
    if ('?*+@!'.includes(c) && next === '(') {
      const close = closingParen(glob, i + 2);
      if (close !== -1) {
        state.magic = true;
        const alts = splitAlternatives(glob.slice(i + 2, close)).map((alt) => fragmentSource(alt, state));
        const group = `(?:${alts.join('|')})`;
        if (c === '!') {
          // Anything except an alternative followed by the rest of the segment.
          const rest = fragmentSource(glob.slice(close + 1), state);
          return `${src}(?:(?!${group}${rest}$)[^/]*?)${rest}`;
        }
        src += c === '?' ? `${group}?` : c === '*' ? `${group}*` : c === '+' ? `${group}+` : group;
        i = close;
        continue;
      }
    }
    if (c === '*') {
      state.magic = true;
      src += '[^/]*?';
    } else if (c === '?') {
      state.magic = true;
      src += '[^/]';
    } else if (c === '[') {
      const cls = parseClass(glob, i);
      if (cls === null) {
        src += '\\[';
      } else {
        state.magic = true;
        src += cls[0];
        i = cls[1];
      }
    } else {
      src += escapeRegExp(c);
    }
  }
  return src;
}

const noTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';

// A segment matcher: the literal string, GLOBSTAR, or a RegExp.
function compileSegment(segment) {
  if (segment === '**') return GLOBSTAR;
  if (segment === '') return '';
  if (/^\*+$/.test(segment)) return { test: (f) => f.length !== 0 && f[0] !== '.' };
  const state = { magic: false };
  const src = fragmentSource(segment, state);
  if (!state.magic) return segment;
  // Magic never matches '.' or '..'; it matches a leading dot only when the pattern spells it.
  let start = '';
  if (src.startsWith('\\.')) start = noTraversal;
  else if (!segment.startsWith('.')) start = '(?!\\.)';
  return new RegExp(`^${start}${src}$`, 'u');
}

// ---- pattern and path normalisation (minimatch's optimizationLevel 2) ------------------------

// Drop '.' and empty inner segments and fold 'x/..' pairs.
function foldSegments(parts, isPattern) {
  let changed;
  do {
    changed = false;
    for (let i = 1; i < parts.length - 1; i++) {
      const p = parts[i];
      if (i === 1 && p === '' && parts[0] === '') continue;
      if (p === '.' || p === '') {
        changed = true;
        parts.splice(i, 1);
        i--;
      }
    }
    if (parts[0] === '.' && parts.length === 2 && (parts[1] === '.' || parts[1] === '')) {
      changed = true;
      parts.pop();
    }
    let dd = 0;
    while ((dd = parts.indexOf('..', dd + 1)) !== -1) {
      const p = parts[dd - 1];
      if (p && p !== '.' && p !== '..' && p !== '**') {
        changed = true;
        parts.splice(dd - 1, 2);
        dd -= 2;
      }
    }
    if (isPattern) {
      for (let i = 0; i < parts.length - 1; i++) {
        if (parts[i] === '**' && parts[i + 1] === '**') {
          changed = true;
          parts.splice(i, 1);
          i--;
        }
      }
    }
  } while (changed);
  return parts.length === 0 ? [''] : parts;
}

function compilePattern(pattern) {
  pattern = pattern.replace(/\\/g, '/');
  return braceExpand(pattern).map((p) => foldSegments(p.split('/'), true).map(compileSegment));
}

function isHidden(segment) {
  return segment === '.' || segment === '..' || segment[0] === '.';
}

function hit(p, f) {
  return typeof p === 'string' ? f === p : p.test(f);
}

function matchParts(file, fi, pattern, pi, partial) {
  const fl = file.length;
  const pl = pattern.length;
  for (; fi < fl && pi < pl; fi++, pi++) {
    const p = pattern[pi];
    if (p === GLOBSTAR) {
      if (pi + 1 === pl) {
        // A trailing ** takes the rest, except hidden segments.
        for (; fi < fl; fi++) if (isHidden(file[fi])) return false;
        return true;
      }
      for (let fr = fi; fr < fl; fr++) {
        if (matchParts(file, fr, pattern, pi + 1, partial)) return true;
        if (isHidden(file[fr])) break;
      }
      return partial && fi <= fl;
    }
    if (!hit(p, file[fi])) return false;
  }
  if (fi === fl && pi === pl) return true;
  if (fi === fl) return partial;
  // A trailing slash on the file is fine: "a/*" matches "a/b/".
  return fi === fl - 1 && file[fi] === '';
}

function splitPath(path, windows) {
  if (windows) path = path.replace(/\\/g, '/');
  return foldSegments(path.split('/'), false);
}

function matchGlobPattern(path, pattern, windows = process.platform === 'win32') {
  validateString(path, 'path'); // at node:internal/fs/glob:661:3
  validateString(pattern, 'pattern'); // at node:internal/fs/glob:662:3
  emitExperimentalWarning('glob');
  const file = splitPath(path, windows);
  return compilePattern(pattern).some((parts) => matchParts(file, 0, parts, 0, false));
}

// ---- walking directories --------------------------------------------------------------------
//
// The walk visits (path, states) items from a stack. A state is a pattern
// and the indexes of the segments the entries of `path` must match. Files
// are reported when seen, directories when visited; new items are stacked
// pattern by pattern, then child by child, which gives Node's result order.

function validateGlobOptions(options) {
  validateObject(options, 'options'); // at node:internal/fs/glob:201:5
  const { cwd, exclude, withFileTypes } = options;
  if (exclude !== undefined) validateFunction(exclude, 'options.exclude');
  return { cwd: require('internal/url').toPathIfFileURL(cwd) ?? '.', exclude, withFileTypes: Boolean(withFileTypes) };
}

function globPatterns(pattern) {
  const patterns = Array.isArray(pattern) ? pattern : [pattern];
  if (Array.isArray(pattern)) {
    for (let i = 0; i < patterns.length; i++) validateString(patterns[i], `patterns[${i}]`);
  } else {
    validateString(pattern, 'patterns'); // at node:internal/fs/glob:214:7
  }
  return patterns.flatMap((p) => compilePattern(p)).map((parts) => ({ parts, last: parts.length - 1 }));
}

class Walker {
  constructor(patterns, options, fs) {
    this.patterns = patterns;
    this.root = options.cwd;
    this.exclude = options.exclude;
    this.withFileTypes = options.withFileTypes;
    this.fs = fs;
    this.results = new Map();  // path -> entry (for withFileTypes)
    this.seen = new Set();
    this.stats = new Map();
  }

  lstat(path) {
    let st = this.stats.get(path);
    if (st === undefined) {
      st = this.fs.lstatSync(path, { throwIfNoEntry: false }) ?? null;
      this.stats.set(path, st);
    }
    return st;
  }

  isDirectoryLike(full, entry) {
    if (entry.isDirectory()) return true;
    if (!entry.isSymbolicLink()) return false;
    return this.fs.statSync(full, { throwIfNoEntry: false })?.isDirectory() ?? false;
  }

  add(path) {
    if (!this.results.has(path)) this.results.set(path, true);
  }

  run() {
    const start = new Map();
    for (let id = 0; id < this.patterns.length; id++) {
      const { parts } = this.patterns[id];
      // Absolute patterns start at the root directory, after their empty first segment.
      const [path, index] = parts[0] === '' && parts.length > 1 ? ['/', 1] : ['.', 0];
      if (!start.has(path)) start.set(path, new Map());
      start.get(path).set(id, new Set([index]));
    }
    const stack = [...start].reverse();
    while (stack.length > 0) {
      const [path, states] = stack.pop();
      const scheduled = new Map();
      for (const [id, indexes] of states) this.visit(path, id, indexes, scheduled);
      for (const item of scheduled) stack.push(item);
    }
    return [...this.results.keys()];
  }

  schedule(scheduled, path, id, indexes) {
    if (indexes.size === 0) return;
    let states = scheduled.get(path);
    if (states === undefined) {
      states = new Map();
      scheduled.set(path, states);
    }
    const existing = states.get(id);
    if (existing === undefined) states.set(id, indexes);
    else for (const i of indexes) existing.add(i);
  }

  visit(path, id, indexes, scheduled) {
    const { parts, last } = this.patterns[id];
    const fresh = [...indexes].filter((i) => {
      const key = `${path}\0${id}\0${i}`;
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    const full = pathModule.resolve(this.root, path);
    const st = this.lstat(full);
    const isDir = st !== null && (st.isDirectory() || (st.isSymbolicLink() && this.isDirectoryLike(full, st)));
    for (const i of fresh) {
      // The path itself completes the pattern: a trailing ** (the start
      // only for a bare "**" or a pattern starting with '.'), or a trailing
      // slash on a directory.
      if (i === last && parts[i] === GLOBSTAR && (path !== '.' || last === 0 || parts[0] === '.')) this.add(path);
      if (i === last && parts[i] === '' && isDir) this.add(path);
      if (parts[i] === GLOBSTAR && i + 1 === last && parts[last] === '' && isDir) this.add(path);
    }
    if (!isDir) return;

    // A lone literal segment needs no directory listing.
    let children;
    const single = fresh.length === 1 ? parts[fresh[0]] : undefined;
    if (typeof single === 'string' && single !== '') {
      const child = this.lstat(pathModule.join(full, single));
      if (child === null) return;
      children = [{ name: single, entry: child }];
    } else {
      let entries;
      try {
        entries = this.fs.readdirSync(full, { withFileTypes: true });
      } catch {
        return;
      }
      children = entries.map((entry) => ({ name: entry.name, entry }));
    }

    for (const { name, entry } of children) {
      const childPath = path === '.' ? name : pathModule.join(path, name);
      const childFull = pathModule.join(full, name);
      const next = new Set();
      for (const i of fresh) {
        const seg = parts[i];
        if (seg === GLOBSTAR) {
          if (name[0] === '.') continue;
          if (this.exclude !== undefined && this.exclude(this.withFileTypes ? entry : name)) continue;
          if (entry.isDirectory()) next.add(i);
          else if (i === last) this.add(childPath);
          if (i + 1 <= last) {
            const after = parts[i + 1];
            const matches = after !== GLOBSTAR && after !== '' && hit(after, name);
            if (matches && i + 1 === last) this.add(childPath);
            else if (matches && entry.isDirectory()) next.add(i + 2);
            if (matches && (entry.isDirectory() || entry.isSymbolicLink())) next.add(i + 1);
            if (after === '' && entry.isDirectory()) next.add(i + 1);
          }
          continue;
        }
        if (seg === '' || !hit(seg, name)) continue;
        if (i === last) this.add(childPath);
        else if (this.isDirectoryLike(childFull, entry)) next.add(i + 1);
      }
      this.schedule(scheduled, childPath, id, new Set([...next].filter((i) => i <= last)));
    }
  }
}

function walk(pattern, options) {
  const fs = require('fs');
  const walker = new Walker(globPatterns(pattern), options, fs);
  const paths = walker.run();
  if (!options.withFileTypes) return paths;
  return paths.map((p) => {
    const full = pathModule.resolve(options.cwd, p);
    const dirent = fs.lstatSync(full);
    const { Dirent } = require('internal/fs/utils');
    const kind = dirent.isDirectory() ? 2 : dirent.isSymbolicLink() ? 3 : dirent.isFile() ? 1 : 0;
    return new Dirent(pathModule.basename(full), kind, pathModule.dirname(full));
  });
}

function globSync(pattern, options = kEmptyObject) {
  emitExperimentalWarning('globSync');
  return walk(pattern, validateGlobOptions(options));
}

async function* globIterator(pattern, options = kEmptyObject) {
  emitExperimentalWarning('glob');
  yield* walk(pattern, validateGlobOptions(options));
}

function glob(pattern, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  emitExperimentalWarning('glob');
  const results = walk(pattern, validateGlobOptions(options ?? kEmptyObject));
  process.nextTick(callback, null, results);
}

module.exports = { glob, globIterator, globSync, matchGlobPattern };
