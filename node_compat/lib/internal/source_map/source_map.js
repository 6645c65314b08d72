'use strict';

// module.SourceMap: a Source Map v3 payload (plain or index map with
// sections) decoded into a sorted table of mappings, looked up by
// generated position (findEntry, 0-based) or by 1-based call-site position
// (findOrigin), as Node's class does.

const { validateObject } = require('internal/validators');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((ch, i) => [ch, i]));

// Reads a mappings string; past its end it reads '' and VLQs decode as 0,
// which is what makes a trailing four-field segment pick up the current name.
class MappingReader {
  constructor(text) {
    this.text = text;
    this.pos = 0;
  }

  peek() { return this.text.charAt(this.pos); }

  hasMore() { return this.pos < this.text.length; }

  vlq() {
    let value = 0;
    let shift = 0;
    let digit;
    do {
      digit = DIGIT.get(this.text.charAt(this.pos++)) ?? 0;
      value += (digit & 31) * 2 ** shift;
      shift += 5;
    } while (digit & 32);
    const negative = value % 2 === 1;
    value = Math.floor(value / 2);
    return negative ? -value : value;
  }
}

function isSeparator(ch) { return ch === ',' || ch === ';'; }

// object[key], failing with V8's words when object is null or undefined.
function readProperty(object, key) {
  if (object === undefined || object === null) {
    throw new TypeError(`Cannot read properties of ${object} (reading '${key}')`);
  }
  return object[key];
}

// A copy of the payload the caller cannot change behind our back.
function clonePayload(payload) {
  const copy = { ...payload };
  for (const key of ['sources', 'sourcesContent', 'names', 'sections']) {
    if (Array.isArray(copy[key])) copy[key] = copy[key].slice();
  }
  return copy;
}

class SourceMap {
  #payload;
  #mappings = [];
  #lineLengths = undefined;

  constructor(payload, { lineLengths } = {}) {
    validateObject(payload, 'payload');
    this.#payload = clonePayload(payload);
    if (this.#payload.sections) {
      for (const section of this.#payload.sections) {
        this.#decode(section.map, section.offset.line, section.offset.column);
      }
    } else {
      this.#decode(this.#payload, 0, 0);
    }
    this.#mappings.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    if (Array.isArray(lineLengths) && lineLengths.length) this.#lineLengths = lineLengths;
  }

  get payload() { return clonePayload(this.#payload); }

  get lineLengths() { return this.#lineLengths; }

  findEntry(lineOffset, columnOffset) {
    const mappings = this.#mappings;
    // The last mapping at or before the position.
    let lo = 0;
    let hi = mappings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = mappings[mid];
      if (m[0] < lineOffset || (m[0] === lineOffset && m[1] <= columnOffset)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found === -1) return {};
    const entry = mappings[found];
    return {
      generatedLine: entry[0],
      generatedColumn: entry[1],
      originalSource: entry[2],
      originalLine: entry[3],
      originalColumn: entry[4],
      name: entry[5],
    };
  }

  findOrigin(lineNumber, columnNumber) {
    const entry = this.findEntry(lineNumber - 1, columnNumber - 1);
    if (entry.originalSource === undefined) return {};
    return {
      name: entry.name,
      fileName: entry.originalSource,
      lineNumber: entry.originalLine + (lineNumber - entry.generatedLine),
      columnNumber: entry.originalColumn + (columnNumber - entry.generatedColumn),
    };
  }

  // Append the mappings of one map whose generated code starts at (line, column).
  #decode(map, line, column) {
    const sources = readProperty(map, 'sources');
    readProperty(sources, 'length');
    const mappings = readProperty(map, 'mappings');
    readProperty(mappings, 'length');
    const reader = new MappingReader(mappings);
    let sourceIndex = 0;
    let source = sources[0];
    let sourceLine = 0;
    let sourceColumn = 0;
    let nameIndex = 0;
    for (;;) {
      if (reader.peek() === ',') {
        reader.pos++;
      } else {
        while (reader.peek() === ';') {
          line++;
          column = 0;
          reader.pos++;
        }
        if (!reader.hasMore()) break;
      }
      column += reader.vlq();
      if (isSeparator(reader.peek())) {
        this.#mappings.push([line, column]);
        continue;
      }
      const sourceDelta = reader.vlq();
      if (sourceDelta) {
        sourceIndex += sourceDelta;
        source = sources[sourceIndex];
      }
      sourceLine += reader.vlq();
      sourceColumn += reader.vlq();
      let name;
      if (!isSeparator(reader.peek())) {
        nameIndex += reader.vlq();
        name = map.names?.[nameIndex];
      }
      this.#mappings.push([line, column, source, sourceLine, sourceColumn, name]);
    }
  }
}

module.exports = { SourceMap };
