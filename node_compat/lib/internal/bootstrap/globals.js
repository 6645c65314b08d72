'use strict';

// Node's globals on top of the engine's: console, timers, queueMicrotask,
// structuredClone, Buffer, URL, TextEncoder/TextDecoder, AbortController,
// EventTarget, atob/btoa and performance; gc() under --expose-gc. Each is
// described as in Node (data or accessor, enumerable or not, accessor
// names), and the global object's keys come in Node's order (see below).

const { defineLazyProperties } = require('internal/util');
const { getOptionValue } = require('internal/options');
const timers = require('timers');
const { queueMicrotask } = require('internal/process/task_queues');

function defineData(name, value, enumerable) {
  Object.defineProperty(globalThis, name, {
    __proto__: null, value, writable: true, enumerable, configurable: true,
  });
}

// An accessor pair named `get` and `set` that stays one whatever is read
// or assigned (Node's `process` and `Buffer`); `load()` gives the value
// until one is assigned.
function defineReplaceable(name, load) {
  let value;
  let loaded = false;
  Object.defineProperty(globalThis, name, {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(newValue) {
      value = newValue;
      loaded = true;
    },
  });
}

// The engine's globals first, in V8's order (with the engine's extras next
// to their kin): each configurable one is moved to the end in turn, which
// leaves the engine's non-configurable ones (Infinity, NaN, undefined)
// first. Node's are then defined in Node's order, Iterator and
// SharedArrayBuffer moved after them as V8 has them, and --expose-gc's
// gc(), not configurable either, defined at its place.
const kEngineOrder = [
  'Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Boolean', 'String', 'Symbol', 'Date',
  'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError',
  'TypeError', 'URIError', 'InternalError', 'globalThis', 'JSON', 'Math', 'Intl', 'ArrayBuffer', 'Atomics',
  'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float16Array',
  'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map',
  'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'FinalizationRegistry', 'WeakRef', 'decodeURI',
  'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval', 'isFinite', 'isNaN',
];
// (Every global is away for a moment: what the moves use is taken first.)
const global = globalThis;
const { defineProperty, deleteProperty, getOwnPropertyDescriptor } = Reflect;
function moveToEnd(key) {
  const desc = getOwnPropertyDescriptor(global, key);
  if (desc === undefined || !desc.configurable) return;
  deleteProperty(global, key);
  defineProperty(global, key, desc);
}
for (const key of kEngineOrder) moveToEnd(key);

defineData('console', require('internal/console/global'), false);
const processObject = globalThis.process;
delete globalThis.process;
defineReplaceable('process', () => processObject);
defineData('global', globalThis, true);
defineReplaceable('Buffer', () => require('buffer').Buffer);
defineData('clearImmediate', timers.clearImmediate, true);
defineData('setImmediate', timers.setImmediate, true);
defineLazyProperties(globalThis, 'internal/url', ['URL', 'URLSearchParams'], false);
// DOMException's accessors have no names (Node makes them apart from the others).
{
  const accessors = [
    function() {
      const value = require('internal/per_context/domexception').DOMException;
      accessors[1](value);
      return value;
    },
    function(value) {
      Object.defineProperty(globalThis, 'DOMException', { __proto__: null, writable: true, value });
    },
  ];
  Object.defineProperty(globalThis, 'DOMException', {
    __proto__: null, enumerable: false, configurable: true, get: accessors[0], set: accessors[1],
  });
}
defineLazyProperties(globalThis, 'internal/abort_controller', ['AbortController', 'AbortSignal'], false);
defineLazyProperties(globalThis, 'internal/event_target', ['Event', 'EventTarget', 'CustomEvent'], false);
defineLazyProperties(globalThis, 'internal/encoding', ['TextEncoder', 'TextDecoder'], false);
for (const name of ['clearInterval', 'clearTimeout', 'setInterval', 'setTimeout']) defineData(name, timers[name], true);
defineData('queueMicrotask', queueMicrotask, true);
defineLazyProperties(globalThis, 'internal/structured_clone', ['structuredClone'], true);
defineLazyProperties(globalThis, 'buffer', ['atob', 'btoa'], true);
defineLazyProperties(globalThis, 'internal/worker/io', ['BroadcastChannel', 'MessageChannel', 'MessagePort'], false);
defineLazyProperties(globalThis, 'buffer', ['Blob', 'File'], false);
defineLazyProperties(globalThis, 'perf_hooks', [
  'Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
  'PerformanceObserverEntryList', 'PerformanceResourceTiming',
], false);
// `performance` stays an accessor pair once read or assigned.
{
  let performance;
  let loaded = false;
  const accessors = {
    'get performance'() {
      if (!loaded) {
        performance = require('internal/perf/performance').performance;
        loaded = true;
      }
      return performance;
    },
    'set performance'(value) {
      performance = value;
      loaded = true;
    },
  };
  Object.defineProperty(globalThis, 'performance', {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get: accessors['get performance'],
    set: accessors['set performance'],
  });
}
defineLazyProperties(globalThis, 'internal/worker/io', ['MessageEvent'], false);
moveToEnd('Iterator');
moveToEnd('SharedArrayBuffer');
if (getOptionValue('--expose-gc')) {
  // (V8's: a full collection, see internal/gc.)
  Object.defineProperty(globalThis, 'gc', {
    __proto__: null, value: require('internal/gc').gc, writable: true, enumerable: true, configurable: false,
  });
}
defineLazyProperties(globalThis, 'internal/navigator', ['Navigator'], false);
// `navigator` is read-only (a getter without a setter), unlike the others.
{
  let navigator;
  Object.defineProperty(globalThis, 'navigator', {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get: {
      'get navigator'() {
        navigator ??= require('internal/navigator').navigator;
        return navigator;
      },
    }['get navigator'],
  });
}
