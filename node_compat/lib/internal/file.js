'use strict';

// File: a Blob with a name and a last-modified time.

const {
  codes: { ERR_INVALID_THIS, ERR_MISSING_ARGS },
} = require('internal/errors');
const { customInspectSymbol, kEmptyObject } = require('internal/util');
const { Blob, kHandle, kLength, kType } = require('internal/blob');
const { kClone, kDeserialize, markTransferMode } = require('internal/worker/js_transferable');

// { name, lastModified }, in a symbol-keyed own property as in Node.
const kState = Symbol('state');

function stateOf(file) {
  const state = file?.[kState];
  if (state === undefined) throw new ERR_INVALID_THIS('File');
  return state;
}

class File extends Blob {
  constructor(fileBits, fileName, options = kEmptyObject) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    let { lastModified } = options ?? kEmptyObject;
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this[kState] = { name: `${fileName}`, lastModified };
  }

  get name() {
    return stateOf(this).name;
  }

  get lastModified() {
    return stateOf(this).lastModified;
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const { inspect } = require('internal/util/inspect');
    const fields = { size: this.size, type: this.type, name: this.name, lastModified: this.lastModified };
    return `File ${inspect(fields, opts)}`;
  }

  [kClone]() {
    const { name, lastModified } = stateOf(this);
    return {
      data: { handle: this[kHandle], type: this[kType], length: this[kLength], name, lastModified },
      deserializeInfo: 'internal/file:TransferableFile',
    };
  }

  [kDeserialize]({ handle, type, length, name, lastModified }) {
    this[kHandle] = handle;
    this[kType] = type;
    this[kLength] = length;
    this[kState] = { name, lastModified };
  }
}

// What a copy of a File is made as: a File with no state until it is
// deserialized.
function TransferableFile() {
  markTransferMode(this, true);
}
TransferableFile.prototype = File.prototype;

for (const key of ['name', 'lastModified']) {
  Object.defineProperty(File.prototype, key, { __proto__: null, enumerable: true });
}
Object.defineProperty(File.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'File', configurable: true, enumerable: false, writable: false,
});

module.exports = { File, TransferableFile };
