'use strict';

// Where a call expression starts and ends in source text, given the position
// the stack reports for it (the called member's name, or the opening
// parenthesis). Used to quote `assert.ok(...)` calls in messages.
//
// The code is tokenized only as far as the call reaches, just finely enough
// to know brackets: strings, comments and regular expression literals are
// single tokens, and the text of template literals is skipped while the
// expressions in their `${}` parts are tokenized like any code. The start is
// found by walking back over the callee's member chain (`a.b[c](d).ok`), as
// Node's parser-based search sees it.

const kKeywords = new Set([
  'await', 'case', 'catch', 'delete', 'do', 'else', 'for', 'if', 'in', 'instanceof', 'new', 'of',
  'return', 'switch', 'throw', 'typeof', 'void', 'while', 'with', 'yield',
]);

const kIdentStart = /[A-Za-z_$#\u0080-\uffff]/;
const kIdentPart = /[\w$\u0080-\uffff]/;
const kDigit = /[0-9]/;

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
  if (prev === undefined) return true;
  if (prev.kind === PUNCT) return prev.text !== ')' && prev.text !== ']' && prev.text !== '}';
  if (prev.kind === IDENT) return kKeywords.has(prev.text);
  return false;
}

// Tokens of `code` with each bracket's `match` (the index of its partner),
// up to the closing parenthesis of the first argument list that opens at or
// after `offset`.
class Tokenizer {
  constructor(code, offset) {
    this.code = code;
    this.offset = offset;
    this.tokens = [];
    this.target = -1; // index of that opening parenthesis
    this.done = false;
  }

  push(kind, start, end) {
    const token = { kind, text: this.code.slice(start, end), start, end, match: -1 };
    this.tokens.push(token);
    return token;
  }

  // Tokenizes from `i` until the code ends, the call closes, or (inside a
  // template substitution, `nested`) an unbalanced `}`. Returns the index
  // reached, or -1 on code it cannot read.
  run(i, nested) {
    const { code, tokens } = this;
    const open = [];
    while (i < code.length && !this.done) {
      const ch = code[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        i++;
      } else if (ch === '/' && code[i + 1] === '/') {
        const nl = code.indexOf('\n', i);
        i = nl === -1 ? code.length : nl;
      } else if (ch === '/' && code[i + 1] === '*') {
        const close = code.indexOf('*/', i + 2);
        if (close === -1) return -1;
        i = close + 2;
      } else if (ch === '"' || ch === "'") {
        const end = skipString(code, i);
        if (end === -1) return -1;
        this.push(LITERAL, i, end);
        i = end;
      } else if (ch === '`') {
        i = this.template(i);
        if (i === -1) return -1;
      } else if (ch === '/' && regExpAllowed(tokens[tokens.length - 1])) {
        const end = skipRegExp(code, i);
        if (end === -1) return -1;
        this.push(LITERAL, i, end);
        i = end;
      } else if (kIdentStart.test(ch)) {
        const start = i;
        for (i++; i < code.length && kIdentPart.test(code[i]); i++);
        this.push(IDENT, start, i);
      } else if (kDigit.test(ch) || (ch === '.' && kDigit.test(code[i + 1]))) {
        const start = i;
        for (i++; i < code.length && /[\w.]/.test(code[i]); i++);
        this.push(LITERAL, start, i);
      } else if (ch === '?' && code[i + 1] === '.' && !kDigit.test(code[i + 2])) {
        this.push(PUNCT, i, i + 2);
        i += 2;
      } else if (ch === '(' || ch === '[' || ch === '{') {
        if (this.target === -1 && ch === '(' && i >= this.offset) this.target = tokens.length;
        open.push(tokens.length);
        this.push(PUNCT, i, i + 1);
        i++;
      } else if (ch === ')' || ch === ']' || ch === '}') {
        if (open.length === 0) {
          if (nested && ch === '}') return i + 1;
          // Code before the call may close blocks opened on earlier lines.
          this.push(PUNCT, i, i + 1);
        } else {
          const partner = open.pop();
          const token = this.push(PUNCT, i, i + 1);
          token.match = partner;
          tokens[partner].match = tokens.length - 1;
          if (partner === this.target) this.done = true;
        }
        i++;
      } else {
        this.push(PUNCT, i, i + 1);
        i++;
      }
    }
    return this.done || !nested ? i : -1;
  }

  // `i` is at a template's backquote: one literal token for the template,
  // and the tokens of its substitutions. Returns the index after it.
  template(i) {
    const { code } = this;
    this.push(LITERAL, i, i + 1);
    for (i++; i < code.length; i++) {
      const ch = code[i];
      if (ch === '\\') {
        i++;
      } else if (ch === '`') {
        return i + 1;
      } else if (ch === '$' && code[i + 1] === '{') {
        const end = this.run(i + 2, true);
        if (end === -1 || this.done) return end;
        i = end - 1;
      }
    }
    return -1;
  }
}

function isChainEnd(token) {
  if (token.kind === LITERAL) return true;
  if (token.kind === IDENT) return !kKeywords.has(token.text);
  return token.text === ')' || token.text === ']';
}

// [start, end] of the call whose callee ends at (or whose argument list
// opens at) `offset`, or null.
function callExtent(code, offset) {
  const tokenizer = new Tokenizer(code, offset);
  tokenizer.run(0, false);
  if (!tokenizer.done) return null;
  const { tokens, target: open } = tokenizer;
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
