'use strict';

// assert.partialDeepStrictEqual as Node 23.5 ships it (experimental):
// `expected` must be contained in `actual`. Objects need only expected's own
// keys (symbols included, inherited ones in actual accepted); arrays and
// Sets must contain expected's elements as a multiset (elements compared
// strictly in full); Maps expected's keys with partially equal values;
// typed arrays and buffers must start with expected's contents. Everything
// else (primitives, errors, dates, regular expressions...) is compared with
// full deep strict equality. A key missing from `actual` throws an
// AssertionError naming it.

const { AssertionError } = require('internal/assert/assertion_error');
const { markThrowSite } = require('internal/assert/throw_sites');
const {
  isAnyArrayBuffer, isArrayBuffer, isDate, isDeepStrictEqual, isError, isMap, isRegExp, isSet,
  isSharedArrayBuffer, isWeakMap, isWeakSet,
} = require('internal/util/comparisons');

const objectToString = Object.prototype.toString;

function isSpecial(value) {
  return value == null || typeof value !== 'object' || isError(value) || isRegExp(value) || isDate(value);
}

// Compared with full strict equality even inside a partial comparison.
function comparedStrictly(value) {
  return isWeakSet(value) || isWeakMap(value) || isSharedArrayBuffer(value);
}

function compareMaps(actual, expected, compared) {
  if (expected.size > actual.size) return false;
  for (const { 0: key, 1: value } of expected) {
    if (!actual.has(key) || !compareBranch(actual.get(key), value, compared)) return false;
  }
  return true;
}

function compareSets(actual, expected) {
  if (expected.size > actual.size) return false;
  const remaining = Array.from(actual);
  for (const value of expected) {
    const index = remaining.findIndex((item) => isDeepStrictEqual(item, value));
    if (index === -1) return false;
    remaining.splice(index, 1);
  }
  return true;
}

// A multiset check: each element of `expected` must be matched by its own
// element of `actual`. The counts live in a Map keyed by the first of each
// group of equal elements (a Map key -0 becomes 0, so an expected -0 is
// matched by an actual 0, as in Node).
function compareArrays(actual, expected) {
  if (expected.length > actual.length) return false;
  const counts = new Map();
  for (const item of expected) {
    let found = false;
    for (const { 0: key, 1: count } of counts) {
      if (isDeepStrictEqual(key, item)) {
        counts.set(key, count + 1);
        found = true;
        break;
      }
    }
    if (!found) counts.set(item, 1);
  }
  for (const item of actual) {
    for (const { 0: key, 1: count } of counts) {
      if (isDeepStrictEqual(key, item)) {
        if (count === 1) {
          counts.delete(key);
        } else {
          counts.set(key, count - 1);
        }
        break;
      }
    }
  }
  return counts.size === 0;
}

function compareBinary(actual, expected) {
  let actualView;
  let expectedView;
  let expectedLength;
  if (!ArrayBuffer.isView(actual)) {
    let actualLength;
    if ((isArrayBuffer(actual) && isArrayBuffer(expected)) ||
        (isSharedArrayBuffer(actual) && isSharedArrayBuffer(expected))) {
      actualLength = actual.byteLength;
      expectedLength = expected.byteLength;
    } else {
      return false;
    }
    if (expectedLength > actualLength) return false;
    actualView = new Uint8Array(actual);
    expectedView = new Uint8Array(expected);
  } else if (!ArrayBuffer.isView(expected)) {
    return false;
  } else {
    if (objectToString.call(actual) !== objectToString.call(expected)) return false;
    actualView = actual;
    expectedView = expected;
    // (A DataView has no length: nothing is compared.)
    expectedLength = expected.length;
    if (expectedLength > actual.length) return false;
  }
  for (let i = 0; i < expectedLength; i++) {
    if (!Object.is(actualView[i], expectedView[i])) return false;
  }
  return true;
}

function compareBranch(actual, expected, compared) {
  if (isMap(actual) && isMap(expected)) return compareMaps(actual, expected, compared);
  if (ArrayBuffer.isView(actual) || isAnyArrayBuffer(actual) ||
      ArrayBuffer.isView(expected) || isAnyArrayBuffer(expected)) {
    return compareBinary(actual, expected);
  }
  if (comparedStrictly(actual) || comparedStrictly(expected)) return isDeepStrictEqual(actual, expected);
  if (isSet(actual) && isSet(expected)) return compareSets(actual, expected);
  if (Array.isArray(actual) && Array.isArray(expected)) return compareArrays(actual, expected);
  if (isSpecial(actual) || isSpecial(expected)) return isDeepStrictEqual(actual, expected);

  // An object met again is taken as matching: cycles end here.
  compared ??= new WeakSet();
  if (compared.has(actual)) return true;
  compared.add(actual);
  for (const key of Reflect.ownKeys(expected)) {
    if (!Reflect.has(actual, key)) {
      throw markThrowSite(new AssertionError({ message: `Expected key ${String(key)} not found in actual object` }),
                          'okMessage');
    }
    if (!compareBranch(actual[key], expected[key], compared)) return false;
  }
  return true;
}

function isPartialDeepStrictEqual(actual, expected) {
  return compareBranch(actual, expected, undefined);
}

module.exports = { isPartialDeepStrictEqual };
