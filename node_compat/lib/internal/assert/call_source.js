'use strict';

// Where a call expression starts and ends in source text, given the position
// the stack reports for it (the called member's name, or the opening
// parenthesis). Used to quote `assert.ok(...)` calls in messages.
//
// The code is tokenized only as far as the call reaches, just finely enough
// to know brackets: strings, template literals (with their `${}` parts),
// comments and regular expression literals are single tokens. The start is
// found by walking back over the callee's member chain (`a.b[c](d).ok`) on
// the same line, as Node's parser-based search sees it.

const kKeywords = new Set([
  'await', 'case', 'catch', 'delete', 'do', 'else', 'for', 'if', 'in', 'instanceof', 'new', 'of',
  'return', 'switch', 'throw', 'typeof', 'void', 'while', 'with', 'yield',
]);

const kIdentStart = /[A-Za-z_$#\u0080-\uffff]/;
const kIdentPart = /[\w$\u0080-\uffff]/;

// Token kinds.
const IDENT = 0;
const PUNCT = 1;
const LITERAL = 2;

function skipString(code, i) {
  const quote = code[i];
  for (i++; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\\') {
      i++;
    } else if (ch === quote) {
      return i + 1;
    } else if (ch === '\n') {
      return -1;
    }
  }
  return -1;
}

// `i` is at the opening backquote; returns the index after the closing one.
function skipTemplate(code, i) {
  for (i++; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '`') {
      return i + 1;
    } else if (ch === '$' && code[i + 1] === '{') {
      const end = scan(code, i + 2, null, '}');
      if (end === -1) return -1;
      i = end - 1;
    }
  }
  return -1;
}

function skipRegExp(code, i) {
  let inClass = false;
  for (i++; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '\n') {
      return -1;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '/') {
      i++;
      while (i < code.length && kIdentPart.test(code[i])) i++;
      return i;
    }
  }
  return -1;
}

function regExpAllowed(prev) {
  if (prev === null) return true;
  if (prev.kind === PUNCT) return prev.text !== ')' && prev.text !== ']' && prev.text !== '}';
  if (prev.kind === IDENT) return kKeywords.has(prev.text);
  return false;
}

// Tokenizes from `i`. With `tokens` an array, pushes { kind, text, start, end,
// match } (match: index of the partner bracket) and stops after the closing
// bracket that balances the first opening one at or after `stopAfter`.
// With `closer`, stops after the unbalanced `closer` (a template's `}`).
// Returns the index where it stopped, or -1 when the code ends first.
function scan(code, i, tokens, closer, stopAfter = -1) {
  const open = [];
  let prev = null;
  let target = -1;
  while (i < code.length) {
    const ch = code[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      i = nl === -1 ? code.length : nl;
      continue;
    }
    if (ch === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      if (close === -1) return -1;
      i = close + 2;
      continue;
    }
    const start = i;
    let kind;
    if (ch === '"' || ch === "'") {
      i = skipString(code, i);
      kind = LITERAL;
    } else if (ch === '`') {
      i = skipTemplate(code, i);
      kind = LITERAL;
    } else if (ch === '/' && regExpAllowed(prev)) {
      i = skipRegExp(code, i);
      kind = LITERAL;
    } else if (kIdentStart.test(ch)) {
      i++;
      while (i < code.length && kIdentPart.test(code[i])) i++;
      kind = IDENT;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(code[i + 1]))) {
      i++;
      while (i < code.length && /[\w.]/.test(code[i])) i++;
      kind = LITERAL;
    } else if (ch === '?' && code[i + 1] === '.' && !/[0-9]/.test(code[i + 2])) {
      i += 2;
      kind = PUNCT;
    } else {
      i++;
      kind = PUNCT;
    }
    if (i === -1) return -1;
    const token = { kind, text: code.slice(start, i), start, end: i, match: -1 };
    prev = token;
    if (kind !== PUNCT) {
      if (tokens !== null) tokens.push(token);
      continue;
    }
    const text = token.text;
    if (text === '(' || text === '[' || text === '{') {
      if (tokens !== null) {
        if (target === -1 && text === '(' && start >= stopAfter && stopAfter !== -1) target = tokens.length;
        open.push(tokens.length);
      } else {
        open.push(text);
      }
    } else if (text === ')' || text === ']' || text === '}') {
      if (open.length === 0) {
        // Code before the call may close blocks opened on earlier lines.
        if (text === closer) return i;
        if (tokens === null) return -1;
        tokens.push(token);
        continue;
      }
      const partner = open.pop();
      if (tokens !== null) {
        token.match = partner;
        tokens[partner].match = tokens.length;
        if (partner === target) {
          tokens.push(token);
          return i;
        }
      }
    }
    if (tokens !== null) tokens.push(token);
  }
  return -1;
}

function isChainEnd(token) {
  if (token.kind === LITERAL) return true;
  if (token.kind === IDENT) return !kKeywords.has(token.text);
  return token.text === ')' || token.text === ']';
}

// [start, end] of the call whose callee ends at (or whose argument list
// opens at) `offset`, or null.
function callExtent(code, offset) {
  const tokens = [];
  if (scan(code, 0, tokens, null, offset) === -1) return null;
  const open = tokens.findIndex((t) => t.start >= offset && t.text === '(' && t.kind === PUNCT);
  if (open === -1) return null;
  const end = tokens[tokens[open].match].end;

  // Walk back over the callee: identifiers joined by `.`/`?.`, index and
  // call brackets, a parenthesized or literal head.
  let i = open - 1;
  // An optional call: `assert.ok?.(value)`.
  if (i >= 0 && tokens[i].kind === PUNCT && tokens[i].text === '?.') i--;
  if (i < 0) return null;
  let start;
  for (;;) {
    const token = tokens[i];
    if (token.kind === PUNCT && (token.text === ')' || token.text === ']')) {
      // A bracket group: an index or call applied to what precedes it, or the head.
      const opener = token.match;
      if (opener === -1) return null;
      start = tokens[opener].start;
      const before = tokens[opener - 1];
      if (before === undefined || !isChainEnd(before)) break;
      i = opener - 1;
      continue;
    }
    start = token.start;
    const link = tokens[i - 1];
    if (i < 2 || link.kind !== PUNCT || (link.text !== '.' && link.text !== '?.') || !isChainEnd(tokens[i - 2])) break;
    i -= 2;
  }
  return [start, end];
}

module.exports = { callExtent };
