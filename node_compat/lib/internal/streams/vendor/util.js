'use strict';

// Stands in for readable-stream's `lib/ours/util.js` (its browser-friendly
// subset of node:util) with our own helpers, so deprecations, inspection and
// abort listeners behave as in Node 23.5.

const { addAbortListener } = require('events');
const { deprecate, kEmptyObject, once, promisify } = require('internal/util');

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule;
}

const AsyncFunction = Object.getPrototypeOf(async function() {}).constructor;

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function isBlob(value) {
  const { Blob } = globalThis;
  return typeof Blob === 'function' && value instanceof Blob;
}

module.exports = {
  AbortSignalAny(signals) { return AbortSignal.any(signals); },
  addAbortListener,
  createDeferredPromise,
  debuglog() { return function debug() {}; },
  deprecate,
  format(...args) { return lazyInspect().format(...args); },
  inspect(...args) { return lazyInspect().inspect(...args); },
  isBlob,
  kEmptyObject,
  once,
  promisify,
  types: {
    isAsyncFunction(fn) { return fn instanceof AsyncFunction; },
    isArrayBufferView(value) { return ArrayBuffer.isView(value); },
  },
};
