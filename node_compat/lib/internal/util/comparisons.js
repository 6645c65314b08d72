'use strict';

// Deep equality as Node 23.5 defines it, shared by assert.deepEqual /
// deepStrictEqual (and their negations) and util.isDeepStrictEqual.
//
// Two modes: loose (`==` for primitives, prototypes ignored, symbol keys
// ignored) and strict (Object.is except that NaN equals NaN, same prototype,
// same enumerable symbol keys). Objects are dispatched on their
// Object.prototype.toString tag first, which is cheap and, for the built-ins,
// reflects the internal slot; the tag is then confirmed with a brand check
// (a built-in method that throws on foreign receivers) so look-alikes made with
// Symbol.toStringTag fall back to plain key comparison as in Node.

const kLoose = 0;
const kStrict = 1;

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

const objectToString = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;
const isEnumerable = Object.prototype.propertyIsEnumerable;
const getPrototypeOf = Object.getPrototypeOf;
const objectKeys = Object.keys;
const ownSymbols = Object.getOwnPropertySymbols;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;

// ---- brand checks --------------------------------------------------------------

function getter(proto, name) {
  return Object.getOwnPropertyDescriptor(proto, name).get;
}

function makeBrandCheck(method, ...args) {
  return (value) => {
    try {
      method.apply(value, args);
      return true;
    } catch {
      return false;
    }
  };
}

const dateGetTime = Date.prototype.getTime;
const isDate = makeBrandCheck(dateGetTime);
const isMap = makeBrandCheck(getter(Map.prototype, 'size'));
const isSet = makeBrandCheck(getter(Set.prototype, 'size'));
const isWeakMap = makeBrandCheck(WeakMap.prototype.has, {});
const isWeakSet = makeBrandCheck(WeakSet.prototype.has, {});
const isArrayBuffer = makeBrandCheck(getter(ArrayBuffer.prototype, 'byteLength'));
const isSharedArrayBuffer = typeof SharedArrayBuffer === 'function' ?
  makeBrandCheck(getter(SharedArrayBuffer.prototype, 'byteLength')) : () => false;
const isNumberObject = makeBrandCheck(Number.prototype.valueOf);
const isStringObject = makeBrandCheck(String.prototype.valueOf);
const isBooleanObject = makeBrandCheck(Boolean.prototype.valueOf);
const isBigIntObject = makeBrandCheck(BigInt.prototype.valueOf);
const isSymbolObject = makeBrandCheck(Symbol.prototype.valueOf);

// RegExp.prototype itself answers `global` with undefined instead of throwing.
const regExpGlobal = getter(RegExp.prototype, 'global');
function isRegExp(value) {
  try {
    return typeof regExpGlobal.call(value) === 'boolean';
  } catch {
    return false;
  }
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}

function isBoxedPrimitive(value) {
  return isNumberObject(value) || isStringObject(value) || isBooleanObject(value) ||
    isBigIntObject(value) || isSymbolObject(value);
}

let isNativeError;
// An error made by an Error constructor (the engine knows), or any object
// inheriting from Error.prototype.
function isError(value) {
  isNativeError ??= require('internal/util/types').isNativeError;
  return isNativeError(value) || value instanceof Error;
}

// Node's own test for its URL class (internal/url's isURL).
function isURL(value) {
  return Boolean(value?.href && value.protocol && value.auth === undefined && value.path === undefined);
}

const typedArrayTag = getter(getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag);
const typedArrayLength = getter(getPrototypeOf(Uint8Array.prototype), 'length');

// ---- keys ------------------------------------------------------------------------

function isArrayIndex(key) {
  const n = +key;
  return n >>> 0 === n && n !== 4294967295 && `${n}` === key;
}

let utilBinding;
// Longer arrays have their keys listed by the engine with the indices
// skipped, rather than as one string per index.
const kLongArray = 1024;

// Own enumerable keys that are not array indices; enumerable symbols too in
// strict mode. Object.keys lists the indices first, so only its tail is
// inspected.
function nonIndexKeys(value, mode, length) {
  if (length > kLongArray) {
    utilBinding ??= internalBinding('util');
    const { ONLY_ENUMERABLE, SKIP_SYMBOLS } = utilBinding.propertyFilter;
    return utilBinding.getOwnNonIndexProperties(value, mode === kStrict ? ONLY_ENUMERABLE : ONLY_ENUMERABLE | SKIP_SYMBOLS);
  }
  const keys = objectKeys(value);
  let start = keys.length;
  while (start > 0 && !isArrayIndex(keys[start - 1])) start--;
  const out = start === 0 ? keys : keys.slice(start);
  if (mode === kStrict) addEnumerableSymbols(value, out);
  return out;
}

function addEnumerableSymbols(value, keys) {
  const symbols = ownSymbols(value);
  for (let i = 0; i < symbols.length; i++) {
    if (isEnumerable.call(value, symbols[i])) keys.push(symbols[i]);
  }
  return keys;
}

// The keys an error is compared on: its message and stack are compared (or,
// for the stack, deliberately not) outside of the key walk, so whether they
// are own enumerable properties does not matter.
function errorKeys(value, mode) {
  const keys = objectKeys(value).filter((key) => key !== 'message' && key !== 'stack');
  if (mode === kStrict) addEnumerableSymbols(value, keys);
  return keys;
}

function plainKeys(value, mode) {
  const keys = objectKeys(value);
  if (mode === kStrict) addEnumerableSymbols(value, keys);
  return keys;
}

// ---- values ----------------------------------------------------------------------

function innerDeepEqual(val1, val2, mode, memos) {
  if (val1 === val2) {
    return val1 !== 0 || mode === kLoose || Object.is(val1, val2);
  }
  if (mode === kStrict) {
    if (typeof val1 === 'number') {
      return val1 !== val1 && val2 !== val2;
    }
    if (typeof val1 !== 'object' || typeof val2 !== 'object' || val1 === null || val2 === null) {
      return false;
    }
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2));
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') return false;
  }
  return objectsEqual(val1, val2, mode, memos);
}

function objectsEqual(val1, val2, mode, memos) {
  if (mode === kStrict && getPrototypeOf(val1) !== getPrototypeOf(val2)) return false;
  const tag = objectToString.call(val1);
  if (tag !== objectToString.call(val2)) return false;

  if (isArray(val1)) {
    if (!isArray(val2) || val1.length !== val2.length) return false;
    const keys1 = nonIndexKeys(val1, mode, val1.length);
    const keys2 = nonIndexKeys(val2, mode, val2.length);
    return keyCheck(val1, val2, mode, memos, kIsArray, keys1, keys2);
  }
  if (tag === '[object Object]') {
    return keyCheck(val1, val2, mode, memos, kNoIterator, plainKeys(val1, mode), plainKeys(val2, mode));
  }

  switch (tag) {
    case '[object Date]':
      if (isDate(val1)) {
        if (!isDate(val2) || dateGetTime.call(val1) !== dateGetTime.call(val2)) return false;
        return keyCheck(val1, val2, mode, memos, kNoIterator, plainKeys(val1, mode), plainKeys(val2, mode));
      }
      break;
    case '[object RegExp]':
      if (isRegExp(val1)) {
        if (!isRegExp(val2) || !similarRegExps(val1, val2)) return false;
        return keyCheck(val1, val2, mode, memos, kNoIterator, plainKeys(val1, mode), plainKeys(val2, mode));
      }
      break;
    case '[object Map]':
      if (isMap(val1)) {
        if (!isMap(val2) || val1.size !== val2.size) return false;
        return keyCheck(val1, val2, mode, memos, kIsMap, plainKeys(val1, mode), plainKeys(val2, mode));
      }
      break;
    case '[object Set]':
      if (isSet(val1)) {
        if (!isSet(val2) || val1.size !== val2.size) return false;
        return keyCheck(val1, val2, mode, memos, kIsSet, plainKeys(val1, mode), plainKeys(val2, mode));
      }
      break;
    case '[object Error]':
      if (isError(val1)) return errorsEqual(val1, val2, mode, memos);
      break;
    case '[object ArrayBuffer]':
    case '[object SharedArrayBuffer]':
      if (isAnyArrayBuffer(val1)) {
        if (!isAnyArrayBuffer(val2) || !sameBytes(new Uint8Array(val1), new Uint8Array(val2))) return false;
        return keyCheck(val1, val2, mode, memos, kNoIterator, plainKeys(val1, mode), plainKeys(val2, mode));
      }
      break;
    case '[object Number]':
    case '[object String]':
    case '[object Boolean]':
    case '[object BigInt]':
    case '[object Symbol]':
      if (isBoxedPrimitive(val1)) {
        if (!sameBoxedPrimitive(val1, val2)) return false;
        return keyCheck(val1, val2, mode, memos, kNoIterator, plainKeys(val1, mode), plainKeys(val2, mode));
      }
      break;
    default:
      if (isView(val1)) return viewsEqual(val1, val2, mode, memos);
  }
  if (val1 instanceof Error) return errorsEqual(val1, val2, mode, memos);
  if (isSpecialObject(val2) || isWeakMap(val1) || isWeakSet(val1)) return false;
  if (isURL(val1) && (!isURL(val2) || val1.href !== val2.href)) return false;
  return keyCheck(val1, val2, mode, memos, kNoIterator, plainKeys(val1, mode), plainKeys(val2, mode));
}

// A value that would have been compared on its contents had it been `val1`.
function isSpecialObject(value) {
  return isArray(value) || isView(value) || isSet(value) || isMap(value) || isDate(value) ||
    isRegExp(value) || isAnyArrayBuffer(value) || isBoxedPrimitive(value) || isError(value);
}

function similarRegExps(a, b) {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

function sameBoxedPrimitive(val1, val2) {
  if (isNumberObject(val1)) {
    return isNumberObject(val2) && Object.is(Number.prototype.valueOf.call(val1), Number.prototype.valueOf.call(val2));
  }
  if (isStringObject(val1)) {
    return isStringObject(val2) && String.prototype.valueOf.call(val1) === String.prototype.valueOf.call(val2);
  }
  if (isBooleanObject(val1)) {
    return isBooleanObject(val2) && Boolean.prototype.valueOf.call(val1) === Boolean.prototype.valueOf.call(val2);
  }
  if (isBigIntObject(val1)) {
    return isBigIntObject(val2) && BigInt.prototype.valueOf.call(val1) === BigInt.prototype.valueOf.call(val2);
  }
  return isSymbolObject(val2) && Symbol.prototype.valueOf.call(val1) === Symbol.prototype.valueOf.call(val2);
}

let bufferBinding;
// Past this many bytes one copy into Python and a memcmp beat a JS loop.
const kNativeCompareBytes = 256;

// Two Uint8Arrays with the same bytes.
function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  if (a.length > kNativeCompareBytes) {
    bufferBinding ??= internalBinding('buffer');
    return bufferBinding.compare(a, b) === 0;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function viewsEqual(val1, val2, mode, memos) {
  if (!isView(val2)) return false;
  const kind = typedArrayTag.call(val1);
  if (kind !== typedArrayTag.call(val2)) return false;
  if (mode === kLoose && (kind === 'Float32Array' || kind === 'Float64Array' || kind === 'Float16Array')) {
    // Loose mode compares the numbers, so 0 equals -0 and NaN differs from NaN.
    if (val1.length !== val2.length) return false;
    for (let i = 0; i < val1.length; i++) {
      if (val1[i] !== val2[i]) return false;
    }
  } else if (!sameBytes(bytesOf(val1), bytesOf(val2))) {
    return false;
  }
  // (A DataView has no indices.)
  const length = kind === undefined ? 0 : typedArrayLength.call(val1);
  return keyCheck(val1, val2, mode, memos, kNoIterator, nonIndexKeys(val1, mode, length),
                  nonIndexKeys(val2, mode, length));
}

function errorsEqual(val1, val2, mode, memos) {
  if (!isError(val2) || val1.message !== val2.message || val1.name !== val2.name) return false;
  for (const field of ['cause', 'errors']) {
    const has1 = hasOwn.call(val1, field);
    if (has1 !== hasOwn.call(val2, field) ||
        (has1 && !innerDeepEqual(val1[field], val2[field], mode, memos))) {
      return false;
    }
  }
  return keyCheck(val1, val2, mode, memos, kNoIterator, errorKeys(val1, mode), errorKeys(val2, mode));
}

// Same enumerable own keys, then equal values under them (and equal entries
// for Maps, Sets and array indices). `memos` lists the objects whose
// comparison is in progress, both sides, outermost first: meeting a pair
// that are both already being compared means a cycle on each side, which
// is taken as equal. (A list beats a Set here: values are rarely deep, and
// the engine's stack bounds the depth anyway.)
function keyCheck(val1, val2, mode, memos, iterationType, keys1, keys2) {
  if (keys1.length !== keys2.length) return false;
  for (let i = 0; i < keys2.length; i++) {
    if (!isEnumerable.call(val1, keys2[i])) return false;
  }
  if (keys2.length === 0 &&
      (iterationType === kNoIterator ||
       (iterationType === kIsArray && val2.length === 0) ||
       (iterationType !== kIsArray && val2.size === 0))) {
    return true;
  }
  if (memos === undefined) {
    memos = [];
  } else if (memos.includes(val1) && memos.includes(val2)) {
    return true;
  }
  const depth = memos.length;
  memos.push(val1, val2);
  const result = objEquiv(val1, val2, mode, keys2, memos, iterationType);
  memos.length = depth;
  return result;
}

function objEquiv(a, b, mode, keys, memos, iterationType) {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!innerDeepEqual(a[key], b[key], mode, memos)) return false;
  }
  if (iterationType === kIsArray) return arrayEntriesEqual(a, b, mode, memos);
  if (iterationType === kIsSet) return setEquiv(a, b, mode, memos);
  if (iterationType === kIsMap) return mapEquiv(a, b, mode, memos);
  return true;
}

// Holes only match holes, in both modes.
function arrayEntriesEqual(a, b, mode, memos) {
  for (let i = 0; i < a.length; i++) {
    const v1 = a[i];
    const v2 = b[i];
    if (v1 === undefined || v2 === undefined) {
      const own1 = hasOwn.call(a, i);
      if (own1 !== hasOwn.call(b, i)) return false;
      if (!own1) continue;
    }
    if (!innerDeepEqual(v1, v2, mode, memos)) return false;
  }
  return true;
}

// ---- Sets and Maps ---------------------------------------------------------------

// For a primitive missing from the other collection, what loose equality
// could still match it: false/true mean "nothing"/"maybe something"; a
// returned null or undefined is the one other primitive to look for.
function looseAlternative(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      prim = +prim;
      // Fall through: a string matches loosely only if it reads as a number.
    case 'number':
      if (prim !== prim) return false;
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  const alt = looseAlternative(prim);
  if (alt != null) return alt;
  return b.has(alt) && !a.has(alt);
}

function mapMightHaveLoosePrim(a, b, prim, item, memos) {
  const alt = looseAlternative(prim);
  if (alt != null) return alt;
  const curB = b.get(alt);
  if ((curB === undefined && !b.has(alt)) || !innerDeepEqual(item, curB, kLoose, memos)) return false;
  return !a.has(alt);
}

function setHasEqualElement(set, val1, mode, memos) {
  for (const val2 of set) {
    if (innerDeepEqual(val1, val2, mode, memos)) {
      set.delete(val2);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, mode, memos) {
  // Values of `a` that `b` does not hold as such; they need a deep search.
  let pending = null;
  for (const val of a) {
    if (typeof val === 'object' && val !== null) {
      if (!b.has(val)) {
        if (pending === null) pending = new Set();
        pending.add(val);
      }
    } else if (!b.has(val)) {
      if (mode !== kLoose || !setMightHaveLoosePrim(a, b, val)) return false;
      if (pending === null) pending = new Set();
      pending.add(val);
    }
  }
  if (pending === null) return true;
  for (const val of b) {
    if (typeof val === 'object' && val !== null) {
      if (!a.has(val) && !setHasEqualElement(pending, val, mode, memos)) return false;
    } else if (mode === kLoose && !a.has(val) && !setHasEqualElement(pending, val, mode, memos)) {
      return false;
    }
  }
  return pending.size === 0;
}

function mapHasEqualEntry(set, map, key1, item1, mode, memos) {
  for (const key2 of set) {
    if (innerDeepEqual(key1, key2, mode, memos) && innerDeepEqual(item1, map.get(key2), mode, memos)) {
      set.delete(key2);
      return true;
    }
  }
  return false;
}

function mapEquiv(a, b, mode, memos) {
  let pending = null;
  for (const { 0: key, 1: item1 } of a) {
    if (typeof key === 'object' && key !== null) {
      if (pending === null) pending = new Set();
      pending.add(key);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, mode, memos)) {
        if (mode !== kLoose || !mapMightHaveLoosePrim(a, b, key, item1, memos)) return false;
        if (pending === null) pending = new Set();
        pending.add(key);
      }
    }
  }
  if (pending === null) return true;
  for (const { 0: key, 1: item } of b) {
    if (typeof key === 'object' && key !== null) {
      if (!mapHasEqualEntry(pending, a, key, item, mode, memos)) return false;
    } else if (mode === kLoose &&
               (!a.has(key) || !innerDeepEqual(a.get(key), item, mode, memos)) &&
               !mapHasEqualEntry(pending, a, key, item, mode, memos)) {
      return false;
    }
  }
  return pending.size === 0;
}

function isDeepEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kLoose, undefined);
}

function isDeepStrictEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kStrict, undefined);
}

module.exports = {
  isAnyArrayBuffer,
  isArrayBuffer,
  isDate,
  isDeepEqual,
  isDeepStrictEqual,
  isError,
  isMap,
  isRegExp,
  isSet,
  isSharedArrayBuffer,
  isWeakMap,
  isWeakSet,
};
