'use strict';

// structuredClone(value, { transfer }): the HTML structured clone algorithm
// as V8's serializer applies it in Node. Plain objects lose their prototype,
// shared and circular references are kept, ArrayBuffers are copied (or moved
// when transferred), and anything that cannot be cloned raises a
// DOMException named DataCloneError with V8's message.

const {
  codes: { ERR_MISSING_ARGS },
} = require('internal/errors');
const { isMarkedAsUntransferable } = require('internal/buffer');
const { getProxyDetails } = internalBinding('util');
const { markThrowSite } = require('internal/node_throw_sites');
const { describe } = require('internal/v8/describe');

let DOMExceptionCtor;
// (Made here, and given their stack again by structuredClone.)
const dataCloneErrors = new WeakSet();
function dataCloneError(message) {
  DOMExceptionCtor ??= require('internal/per_context/domexception').DOMException;
  const err = new DOMExceptionCtor(message, 'DataCloneError'); // at node:internal/worker/js_transferable:126:26
  dataCloneErrors.add(err);
  return err;
}

// The argument errors Node's WebIDL converters make (no [code] in the
// stack line), thrown from the converter's line `nodeSite`.
function optionsError(message, nodeSite, prefix = "Failed to execute 'structuredClone': ") {
  const err = new TypeError(`${prefix}${message}`); // at codedTypeError (node:internal/webidl:217:15) | makeException (node:internal/webidl:226:10)
  err.code = 'ERR_INVALID_ARG_TYPE';
  return markThrowSite(err, 'node:internal/webidl:217:15', nodeSite);
}

const objectToString = Object.prototype.toString;
const getTypedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

const kErrorConstructors = {
  EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

function notCloneable(value) {
  return dataCloneError(`${describe(value)} could not be cloned.`);
}

// Whether `value` really has the internal slots its tag claims (a
// Symbol.toStringTag can lie); `brand` throws on anything else.
function hasBrand(value, brand) {
  try {
    brand.call(value);
    return true;
  } catch {
    return false;
  }
}

const brands = {
  Map: Object.getOwnPropertyDescriptor(Map.prototype, 'size').get,
  Set: Object.getOwnPropertyDescriptor(Set.prototype, 'size').get,
  ArrayBuffer: Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get,
  DataView: Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get,
  BigInt: BigInt.prototype.valueOf,
  WeakMap: WeakMap.prototype.has,
  WeakSet: WeakSet.prototype.has,
  Promise: Promise.prototype.then,
};

const { isCloneable, cloneTransferable } = require('internal/worker/js_transferable');

class Cloner {
  constructor(transferred) {
    // original -> clone, for shared and circular references.
    this.memo = new Map(transferred);
  }

  clone(value) {
    const type = typeof value;
    if (type === 'function' || type === 'symbol') throw notCloneable(value);
    if (type !== 'object' || value === null) return value;
    const seen = this.memo.get(value);
    if (seen !== undefined) return seen;
    if (value === globalThis || getProxyDetails(value, false) !== undefined) throw notCloneable(value);
    if (Array.isArray(value)) return this.cloneArray(value);
    const typedTag = getTypedArrayTag.call(value);
    if (typedTag !== undefined) return this.cloneView(value, globalThis[typedTag]);
    const tag = objectToString.call(value).slice(8, -1);
    switch (tag) {
      case 'Date':
        return this.remember(value, new Date(Date.prototype.getTime.call(value)));
      case 'RegExp':
        return this.remember(value, new RegExp(value.source, value.flags));
      case 'Error':
        return this.cloneError(value);
      case 'Number':
        return this.remember(value, new Number(Number.prototype.valueOf.call(value)));
      case 'String':
        return this.remember(value, new String(String.prototype.valueOf.call(value)));
      case 'Boolean':
        return this.remember(value, new Boolean(Boolean.prototype.valueOf.call(value)));
      case 'Arguments':
        throw notCloneable(value);
      case 'BigInt':
        if (hasBrand(value, brands.BigInt)) return this.remember(value, Object(BigInt.prototype.valueOf.call(value)));
        break;
      case 'Map':
        if (hasBrand(value, brands.Map)) return this.cloneMap(value);
        break;
      case 'Set':
        if (hasBrand(value, brands.Set)) return this.cloneSet(value);
        break;
      case 'ArrayBuffer':
        if (hasBrand(value, brands.ArrayBuffer)) return this.cloneArrayBuffer(value);
        break;
      case 'DataView':
        if (hasBrand(value, brands.DataView)) return this.cloneView(value, DataView);
        break;
      case 'WeakMap':
      case 'WeakSet':
      case 'Promise':
        if (hasBrand(value, brands[tag])) throw notCloneable(value);
        break;
      case 'SharedArrayBuffer':
      case 'WeakRef':
      case 'FinalizationRegistry':
      case 'Generator':
      case 'AsyncGenerator':
      case 'Symbol':
        throw notCloneable(value);
      case 'URL':
      case 'URLSearchParams':
        // Node marks these as neither cloneable nor transferable.
        if (value instanceof require('internal/url')[tag]) {
          throw dataCloneError('Cannot clone object of unsupported type.');
        }
        break;
      default:
        if (isCloneable(value)) return cloneTransferable(value, (original, copy) => this.remember(original, copy));
    }
    return this.cloneObject(value);
  }

  remember(original, copy) {
    this.memo.set(original, copy);
    return copy;
  }

  cloneObject(value) {
    const out = this.remember(value, {});
    for (const key of Object.keys(value)) out[key] = this.clone(value[key]);
    return out;
  }

  cloneArray(value) {
    const out = this.remember(value, new Array(value.length));
    for (const key of Object.keys(value)) out[key] = this.clone(value[key]);
    return out;
  }

  cloneMap(value) {
    const out = this.remember(value, new Map());
    for (const [k, v] of Map.prototype.entries.call(value)) out.set(this.clone(k), this.clone(v));
    return out;
  }

  cloneSet(value) {
    const out = this.remember(value, new Set());
    for (const v of Set.prototype.values.call(value)) out.add(this.clone(v));
    return out;
  }

  cloneArrayBuffer(value) {
    if (value.detached) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    return this.remember(value, value.slice(0));
  }

  // A typed array or DataView: the whole underlying buffer is cloned (once)
  // and the view rebuilt over it at the same place.
  cloneView(value, Ctor) {
    const buffer = this.clone(value.buffer);
    const length = Ctor === DataView ? value.byteLength : value.length;
    return this.remember(value, new Ctor(buffer, value.byteOffset, length));
  }

  cloneError(value) {
    const name = value.name;
    const Ctor = Object.hasOwn(kErrorConstructors, name) ? kErrorConstructors[name] : Error;
    const out = this.remember(value, new Ctor());
    const message = Object.getOwnPropertyDescriptor(value, 'message');
    if (message !== undefined && 'value' in message) {
      Object.defineProperty(out, 'message', {
        __proto__: null, value: `${message.value}`, writable: true, enumerable: false, configurable: true,
      });
    }
    const stack = value.stack;
    // Without a stack to carry over, the clone's is just its header line.
    out.stack = typeof stack === 'string' ? stack : `${out}`;
    if (Object.hasOwn(value, 'cause')) {
      Object.defineProperty(out, 'cause', {
        __proto__: null, value: this.clone(value.cause), writable: true, enumerable: false, configurable: true,
      });
    }
    return out;
  }
}

// The transfer list as [original, moved copy] pairs, validated before
// anything is cloned.
function transferPairs(options) {
  if (options === undefined || options === null) return [];
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw optionsError('Options cannot be converted to a dictionary', 'node:internal/webidl:294:7'); // at Object.StructuredSerializeOptions (node:internal/webidl:294:13)
  }
  const transfer = options.transfer;
  if (transfer === undefined) return [];
  if (transfer === null || (typeof transfer !== 'object' && typeof transfer !== 'function')) {
    throw optionsError('transfer in Options can not be converted to sequence.', 'node:internal/webidl:342:7'); // at (node:internal/webidl:342:13) | Object.StructuredSerializeOptions (node:internal/webidl:314:32)
  }
  const iterate = transfer[Symbol.iterator];
  if (iterate === undefined || iterate === null) {
    throw optionsError('transfer in Options can not be converted to sequence.', 'node:internal/webidl:348:7'); // at (node:internal/webidl:348:13) | Object.StructuredSerializeOptions (node:internal/webidl:314:32)
  }
  if (typeof iterate !== 'function') {
    // How V8 words Node's failed call of it.
    throw new TypeError('V?.[SymbolIterator] is not a function'); // at (node:internal/webidl:346:39) | Object.StructuredSerializeOptions (node:internal/webidl:314:32)
  }
  const pairs = [];
  const seen = new Set();
  for (const item of transfer) {
    if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
      throw optionsError('is not an object', 'node:internal/webidl:54:5', 'Value '); // at (node:internal/webidl:54:11) | (node:internal/webidl:361:19) | Object.StructuredSerializeOptions (node:internal/webidl:314:32)
    }
    if (objectToString.call(item) !== '[object ArrayBuffer]' || !hasBrand(item, brands.ArrayBuffer)) {
      throw dataCloneError('Found invalid value in transferList.');
    }
    if (seen.has(item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
    if (isMarkedAsUntransferable(item)) throw dataCloneError('Cannot transfer object of unsupported type.');
    seen.add(item);
    pairs.push([item, item.slice(0)]);
  }
  return pairs;
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    throw new ERR_MISSING_ARGS('The value argument must be specified'); // at node:internal/worker/js_transferable:114:11
  }
  let pairs;
  let result;
  try {
    pairs = transferPairs(options); // at node:internal/worker/js_transferable:117:40
    result = new Cloner(pairs).clone(value);
  } catch (err) {
    // Node's clone errors come from V8's serializer: their stack starts at
    // structuredClone's one call of it, whatever value failed.
    if (dataCloneErrors.has(err)) Error.captureStackTrace(err); // at new DOMException (node:internal/per_context/domexception:53:5) | node:internal/worker/js_transferable:126:26
    throw err;
  }
  // Only a successful clone detaches what was transferred.
  for (const [original] of pairs) original.transfer();
  return result;
}

module.exports = { structuredClone };
