'use strict';

// Small helpers shared by the builtins.

const { codes: { ERR_UNKNOWN_SIGNAL } } = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');

// The "file:line / source / caret" text a fatal error prints when it was
// thrown inside Node's own library (Node shows its own source line there).
const kNodeArrow = Symbol('kNodeArrow');
// The same for errors thrown from a line of Node's library that are not the
// library's own objects (a user's error rethrown) or that should not carry a
// property for it: error -> { thrown, rejected }. `thrown` is shown when the
// error was thrown; `rejected` when it comes from a rejection or a failed ES
// module: a text, null for "no location" (Node then shows the line raising
// the report), or undefined to fall back to the error's own stack.
const nodeThrowSites = new WeakMap();
const kEmptyObject = Object.freeze({ __proto__: null });
// An error emitted as 'error' with no listener carries, under this key, a
// function giving its stack with the emit site added (for the fatal report).
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const customPromisifyArgs = Symbol('customPromisifyArgs');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 3:
      if (enc === 'hex' || enc === 'HEX' || `${enc}`.toLowerCase() === 'hex') return 'hex';
      break;
    case 5:
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ASCII') return 'ascii';
      if (enc === 'UCS-2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      if (enc === 'BASE64') return 'base64';
      if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
      enc = `${enc}`.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || `${enc}`.toLowerCase() === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || `${enc}`.toLowerCase() === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' || `${enc}`.toLowerCase() === 'base64url') return 'base64url';
      break;
    default:
      if (enc === '') return 'utf8';
  }
}

function promisify(original) {
  validateFunction(original, 'original'); // at node:internal/util:423:3
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom'); // at node:internal/util:428:5
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[customPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => { // at node:internal/util:441:12 calling new
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args); // at node:internal/util:455:21
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  const propertiesValues = Object.values(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) {
    Object.setPrototypeOf(propertiesValues[i], null);
  }
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

const codesWarned = new Set();
function deprecate(fn, msg, code, useEmitSync) {
  if (code !== undefined) validateString(code, 'code'); // at node:internal/util:155:5
  let warned = false;
  function deprecated(...args) {
    if (!process.noDeprecation && !warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn); // at node:internal/util:173:3
  if (fn.prototype) deprecated.prototype = fn.prototype;
  void useEmitSync;
  return deprecated;
}

// Each experimental feature warns once per process.
const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  process.emitWarning(`${feature} is an experimental feature and might change at any time`, 'ExperimentalWarning');
}

function convertToValidSignal(signal) {
  const { signals } = internalBinding('constants').os;
  if (typeof signal === 'number' && Object.values(signals).includes(signal)) return signal;
  if (typeof signal === 'string') {
    const signalName = signals[signal.toUpperCase()];
    if (signalName) return signalName;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal); // at node:internal/util:352:9
}

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args); // at node:internal/util:544:20 calling {emitter}
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function isError(e) {
  return Object.prototype.toString.call(e) === '[object Error]' || e instanceof Error;
}

function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

// Properties of `target` loaded from module `id` on first use. Each is an
// accessor pair named `get <key>` and `set <key>` until it is read or
// assigned; from then on it is a plain writable data property holding the value.
function defineLazyProperties(target, id, keys, enumerable = true) {
  for (const key of keys) {
    let mod;
    const getName = `get ${key}`;
    const setName = `set ${key}`;
    const accessors = {
      [getName]() {
        mod ??= require(id);
        const value = mod[key];
        if (value !== undefined) accessors[setName](value);
        return value;
      },
      [setName](value) {
        Object.defineProperty(target, key, { __proto__: null, writable: true, value });
      },
    };
    Object.defineProperty(target, key, {
      __proto__: null, enumerable, configurable: true, get: accessors[getName], set: accessors[setName],
    });
  }
}

module.exports = {
  convertToValidSignal,
  customInspectSymbol,
  customPromisifyArgs,
  defineLazyProperties,
  deprecate,
  emitExperimentalWarning,
  isError,
  kEmptyObject,
  kEnhanceStackBeforeInspector,
  kNodeArrow,
  nodeThrowSites,
  normalizeEncoding,
  once,
  promisify,
  spliceOne,
};
