'use strict';

// What V8 says of a text JSON.parse rejects ("Unexpected token 'x', "[1, x]"
// is not valid JSON", "Expected ',' or '}' after property value in JSON at
// position 6 (line 1 column 7)"), and the head of the fatal report for it.
// Plain functions of the text, with no dependencies: tests run them under
// the reference Node against V8's own JSON.parse.

const kContext = 10; // characters of context either side of an unexpected token
const kShortSource = 2 * kContext + 1; // shorter sources are quoted whole

// Sources V8 quotes whole rather than pointing at a token: what String() makes
// of undefined, NaN, Infinity and a plain object.
const kSpecial = new Set(['NaN', 'Infinity', 'undefined', '[object Object]']);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;

function isSpace(c) {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c) {
  return c >= ZERO && c <= 0x39;
}

function isHex(c) {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

// "<text> at position P (line L column C)": \n, \r and \r\n each end a line.
function located(text, source, pos) {
  let line = 1;
  let start = 0;
  for (let i = 0; i < pos; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { message: `${text} at position ${pos} (line ${line} column ${pos - start + 1})`, pos };
}

// What V8 says of the character at `pos` where it cannot go on: a string or
// a number is named as such (a literal misspelt into one: "t1", "n\"a\"").
function unexpectedToken(source, pos) {
  const c = source.charCodeAt(pos);
  if (c === QUOTE) return located('Unexpected string in JSON', source, pos);
  if (c === MINUS || isDigit(c)) return located('Unexpected number in JSON', source, pos);
  let message;
  const token = `Unexpected token '${source[pos]}', `;
  const length = source.length;
  if (kSpecial.has(source)) {
    message = `"${source}" is not valid JSON`;
  } else if (length < kShortSource) {
    message = `${token}"${source}" is not valid JSON`;
  } else if (pos < kContext) {
    message = `${token}"${source.slice(0, pos + kContext)}"... is not valid JSON`;
  } else if (pos < length - kContext) {
    message = `${token}..."${source.slice(pos - kContext, pos + kContext)}"... is not valid JSON`;
  } else {
    message = `${token}..."${source.slice(pos - kContext)}" is not valid JSON`;
  }
  return { message, pos };
}

function inputEnds(source) {
  return { message: 'Unexpected end of JSON input', pos: source.length };
}

// Where V8 stops in `source` and what it says ({ message, pos }), or
// undefined when it is valid JSON. One pass, with the open arrays and
// objects on a stack (V8 does not recurse either).
function diagnose(source) {
  const length = source.length;
  const open = []; // true: an object, false: an array
  let pos = 0;
  const skipSpace = () => {
    while (pos < length && isSpace(source.charCodeAt(pos))) pos++;
  };
  // Moves past the string at `pos`; a message if it is not one.
  const string = () => {
    pos++;
    for (;;) {
      if (pos >= length) return located('Unterminated string in JSON', source, pos);
      const c = source.charCodeAt(pos);
      if (c === QUOTE) {
        pos++;
        return;
      }
      if (c === BACKSLASH) {
        pos++;
        if (pos >= length) return inputEnds(source);
        const escaped = source[pos];
        if (escaped === 'u') {
          for (let i = 0; i < 4; i++) {
            pos++;
            if (pos >= length || !isHex(source.charCodeAt(pos))) return located('Bad Unicode escape in JSON', source, pos);
          }
        } else if (!'"\\/bfnrt'.includes(escaped)) {
          // (V8 names only a Latin-1 character a bad escape.)
          return source.charCodeAt(pos) > 0xff ? unexpectedToken(source, pos)
            : located('Bad escaped character in JSON', source, pos);
        }
      } else if (c < 0x20) {
        return located('Bad control character in string literal in JSON', source, pos);
      }
      pos++;
    }
  };
  const digits = () => {
    while (pos < length && isDigit(source.charCodeAt(pos))) pos++;
  };
  const number = () => {
    if (source.charCodeAt(pos) === MINUS) {
      pos++;
      if (pos >= length || !isDigit(source.charCodeAt(pos))) return located('No number after minus sign in JSON', source, pos);
    }
    if (source.charCodeAt(pos) === ZERO) {
      pos++;
      if (pos < length && isDigit(source.charCodeAt(pos))) return located('Unexpected number in JSON', source, pos);
    } else {
      digits();
    }
    if (source[pos] === '.') {
      pos++;
      if (pos >= length || !isDigit(source.charCodeAt(pos))) return located('Unterminated fractional number in JSON', source, pos);
      digits();
    }
    if (source[pos] === 'e' || source[pos] === 'E') {
      pos++;
      if (source[pos] === '+' || source[pos] === '-') pos++;
      if (pos >= length || !isDigit(source.charCodeAt(pos))) return located('Exponent part is missing a number in JSON', source, pos);
      digits();
    }
  };
  const literal = (word) => {
    for (let i = 0; i < word.length; i++, pos++) {
      if (pos >= length) return inputEnds(source);
      if (source[pos] !== word[i]) return unexpectedToken(source, pos);
    }
  };
  // An object's member name, from just before its quote to its value.
  const member = (expected) => {
    if (source.charCodeAt(pos) !== QUOTE) return located(expected, source, pos);
    const failed = string();
    if (failed !== undefined) return failed;
    skipSpace();
    if (source[pos] !== ':') return located("Expected ':' after property name in JSON", source, pos);
    pos++;
  };

  for (;;) {
    // A value starts at `pos`.
    skipSpace();
    if (pos >= length) return inputEnds(source);
    let failed;
    switch (source[pos]) {
      case '"': failed = string(); break;
      case '{':
        pos++;
        skipSpace();
        if (source[pos] === '}') {
          pos++;
          break;
        }
        failed = member("Expected property name or '}' in JSON");
        if (failed !== undefined) return failed;
        open.push(true);
        continue;
      case '[':
        pos++;
        skipSpace();
        if (source[pos] === ']') {
          pos++;
          break;
        }
        open.push(false);
        continue;
      case 't': failed = literal('true'); break;
      case 'f': failed = literal('false'); break;
      case 'n': failed = literal('null'); break;
      default:
        if (source[pos] === '-' || isDigit(source.charCodeAt(pos))) {
          failed = number();
          break;
        }
        return unexpectedToken(source, pos);
    }
    if (failed !== undefined) return failed;
    // After a value: close what ends here, or go on to the next element.
    for (;;) {
      skipSpace();
      if (open.length === 0) {
        return pos < length ? located('Unexpected non-whitespace character after JSON', source, pos) : undefined;
      }
      const inObject = open[open.length - 1];
      if (source[pos] === ',') {
        pos++;
        if (inObject) {
          skipSpace();
          failed = member('Expected double-quoted property name in JSON');
          if (failed !== undefined) return failed;
        }
        break;
      }
      if (source[pos] === (inObject ? '}' : ']')) {
        pos++;
        open.pop();
        continue;
      }
      return located(inObject ? "Expected ',' or '}' after property value in JSON" : "Expected ',' or ']' after array element in JSON",
                     source, pos);
    }
  }
}

// UTF-8 bytes of `text`: Node sizes the source line in bytes.
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

// The head of a fatal report for an uncaught JSON.parse error. The JSON text
// is V8's "script" there (named undefined): its line holding `pos` (lines as
// in a script, U+2028 and U+2029 end them too), and under it the caret when
// `pos` is a character of that line. Node prints the line as a C string (up
// to a NUL) and sizes it in bytes.
function jsonArrow(source, pos) {
  const ends = /\r\n|[\n\r\u2028\u2029]/g;
  let line = 1;
  let start = 0;
  let end = source.length;
  for (let m; (m = ends.exec(source)) !== null;) {
    if (m.index >= pos) {
      end = m.index;
      break;
    }
    line++;
    start = m.index + m[0].length;
  }
  const text = source.slice(start, end);
  const nul = text.indexOf('\0');
  const head = `undefined:${line}\n${nul === -1 ? text : text.slice(0, nul)}\n`;
  const column = pos - start;
  if (column + 1 > utf8Length(text)) return head;
  let underline = '';
  for (let i = 0; i < column && text[i] !== '\0'; i++) underline += text[i] === '\t' ? '\t' : ' ';
  if (underline.length === column && text[column] !== '\0') underline += '^';
  return `${head}${underline}\n`;
}

module.exports = { diagnose, jsonArrow };
