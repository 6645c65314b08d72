'use strict';

// Array.fromAsync, which Node 23.5's V8 has and this QuickJS does not:
// written from the proposal's steps. An async iterable is read with its
// async iterator, a sync iterable with its iterator and each value awaited
// (for-await does both, and closes the iterator when a step throws), an
// array-like by index; `mapfn(value, index)` is awaited too. The result is
// made by `this` when it is a constructor, as Array.from's is. Every failure,
// argument errors included, rejects the returned promise.

const { markNative } = require('internal/bootstrap/function_text');

function isConstructor(C) {
  if (typeof C !== 'function') return false;
  try {
    Reflect.construct(String, [], C);
    return true;
  } catch {
    return false;
  }
}

// How V8 names a value in "... is not a function".
function describe(value) {
  if (Array.isArray(value)) return '[object Array]';
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  const name = value.constructor?.name;
  return `#<${typeof name === 'string' && name !== '' ? name : 'Object'}>`;
}

function define(A, k, value) {
  Object.defineProperty(A, k, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
}

async function collect(C, items, mapfn, thisArg) {
  if (mapfn !== undefined && typeof mapfn !== 'function') {
    throw new TypeError(`${describe(mapfn)} is not a function`);
  }
  if (items === null || items === undefined) {
    throw new TypeError(`Cannot read properties of ${items} (reading 'Symbol(Symbol.asyncIterator)')`);
  }
  if (items[Symbol.asyncIterator] != null || items[Symbol.iterator] != null) {
    const A = isConstructor(C) ? new C() : [];
    let k = 0;
    for await (const value of items) {
      define(A, k, mapfn === undefined ? value : await Reflect.apply(mapfn, thisArg, [value, k]));
      k++;
    }
    A.length = k;
    return A;
  }
  const arrayLike = Object(items);
  const length = Math.min(Math.max(Math.trunc(Number(arrayLike.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
  const A = isConstructor(C) ? new C(length) : new Array(length);
  for (let k = 0; k < length; k++) {
    const value = await arrayLike[k];
    define(A, k, mapfn === undefined ? value : await Reflect.apply(mapfn, thisArg, [value, k]));
  }
  A.length = length;
  return A;
}

function fromAsync(items, mapfn = undefined, thisArg = undefined) {
  return collect(this, items, mapfn, thisArg);
}

markNative(fromAsync);
Object.defineProperty(Array, 'fromAsync', {
  __proto__: null, value: fromAsync, writable: true, enumerable: false, configurable: true,
});
