'use strict';

// util.MIMEType and util.MIMEParams: MIME types parsed and serialized as the
// WHATWG MIME Sniffing standard describes (type/subtype are HTTP tokens,
// parameters keep the first occurrence of each name, values that are not
// tokens are written back quoted).

const { codes: { ERR_INVALID_MIME_SYNTAX } } = require('internal/errors');

// HTTP token code points: ! # $ % & ' * + - . ^ _ ` | ~ digits letters.
const notTokenRegExp = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
// Code points allowed inside an HTTP quoted string: tab, printable ASCII, Latin-1.
const notQuotedStringRegExp = /[^\t\u0020-\u007e\u0080-\u00ff]/;
const whitespaceChars = '\t\n\r ';

function firstInvalid(text, regExp) {
  const match = regExp.exec(text);
  return match === null ? -1 : match.index;
}

function isWhitespace(ch) {
  return whitespaceChars.includes(ch);
}

function trimWhitespace(text) {
  let start = 0;
  let end = text.length;
  while (start < end && isWhitespace(text[start])) start++;
  while (end > start && isWhitespace(text[end - 1])) end--;
  return text.slice(start, end);
}

function trimTrailingWhitespace(text) {
  let end = text.length;
  while (end > 0 && isWhitespace(text[end - 1])) end--;
  return text.slice(0, end);
}

function serializeValue(value) {
  if (value.length !== 0 && !notTokenRegExp.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

// A quoted parameter value starting at `start` (the opening quote):
// backslash escapes the next character; returns [value, index after it].
function collectQuotedString(input, start) {
  let value = '';
  let i = start + 1;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"') {
      i++;
      break;
    }
    if (ch === '\\') {
      i++;
      if (i >= input.length) {
        value += '\\';
        break;
      }
      value += input[i];
      i++;
      continue;
    }
    value += ch;
    i++;
  }
  return [value, i];
}

class MIMEParams {
  #data = new Map();

  delete(name) {
    this.#data.delete(name);
  }

  get(name) {
    const data = this.#data;
    return data.has(name) ? data.get(name) : null;
  }

  has(name) {
    return this.#data.has(name);
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    const invalidName = firstInvalid(name, notTokenRegExp);
    if (name.length === 0 || invalidName !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, invalidName); // at node:internal/mime:168:13
    }
    const invalidValue = firstInvalid(value, notQuotedStringRegExp);
    if (invalidValue !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, invalidValue); // at node:internal/mime:178:13
    }
    this.#data.set(name, value);
  }

  * entries() {
    yield* this.#data.entries();
  }

  * keys() {
    yield* this.#data.keys();
  }

  * values() {
    yield* this.#data.values();
  }

  toString() {
    let out = '';
    for (const [name, value] of this.#data) {
      out += `${out === '' ? '' : ';'}${name}=${serializeValue(value)}`;
    }
    return out;
  }

  toJSON() {
    return this.toString();
  }

  // Parameters from the text after the subtype (starting at its ';').
  static parseInto(params, input, position) {
    const data = params.#data;
    while (position < input.length) {
      position++; // the ';'
      while (position < input.length && isWhitespace(input[position])) position++;
      let nameEnd = position;
      while (nameEnd < input.length && input[nameEnd] !== ';' && input[nameEnd] !== '=') nameEnd++;
      const name = input.slice(position, nameEnd).toLowerCase();
      position = nameEnd;
      if (position < input.length) {
        if (input[position] === ';') continue;
        position++; // the '='
      }
      if (position >= input.length) break;
      let value;
      if (input[position] === '"') {
        [value, position] = collectQuotedString(input, position);
        while (position < input.length && input[position] !== ';') position++;
      } else {
        let valueEnd = position;
        while (valueEnd < input.length && input[valueEnd] !== ';') valueEnd++;
        value = trimTrailingWhitespace(input.slice(position, valueEnd));
        position = valueEnd;
        if (value.length === 0) continue;
      }
      if (name.length !== 0 && !notTokenRegExp.test(name) && !notQuotedStringRegExp.test(value) &&
          !data.has(name)) {
        data.set(name, value);
      }
    }
  }
}

MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;
const parseParamsInto = MIMEParams.parseInto;
delete MIMEParams.parseInto;

class MIMEType {
  #type;
  #subtype;
  #parameters;

  constructor(string) {
    string = trimWhitespace(`${string}`);
    const slash = string.indexOf('/');
    const type = slash === -1 ? string : string.slice(0, slash);
    const invalidType = firstInvalid(type, notTokenRegExp);
    if (type.length === 0 || invalidType !== -1 || slash === -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', string, invalidType); // at parseTypeAndSubtype (node:internal/mime:51:11) | node:internal/mime:332:18
    }
    let subtypeEnd = string.indexOf(';', slash + 1);
    if (subtypeEnd === -1) subtypeEnd = string.length;
    const subtype = trimTrailingWhitespace(string.slice(slash + 1, subtypeEnd));
    const invalidSubtype = firstInvalid(subtype, notTokenRegExp);
    if (subtype.length === 0 || invalidSubtype !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', string, invalidSubtype); // at parseTypeAndSubtype (node:internal/mime:73:11) | node:internal/mime:332:18
    }
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    this.#parameters = new MIMEParams();
    parseParamsInto(this.#parameters, string, subtypeEnd);
  }

  get type() {
    return this.#type;
  }

  set type(value) {
    value = `${value}`;
    const invalid = firstInvalid(value, notTokenRegExp);
    if (value.length === 0 || invalid !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', value, invalid); // at node:internal/mime:346:13
    }
    this.#type = value.toLowerCase();
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(value) {
    value = `${value}`;
    const invalid = firstInvalid(value, notTokenRegExp);
    if (value.length === 0 || invalid !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', value, invalid); // at node:internal/mime:359:13
    }
    this.#subtype = value.toLowerCase();
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    const params = `${this.#parameters}`;
    return `${this.essence}${params.length === 0 ? '' : `;${params}`}`;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEParams, MIMEType };
