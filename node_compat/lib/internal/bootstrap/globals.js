'use strict';

// Node's globals on top of the engine's: console, timers, queueMicrotask,
// structuredClone, Buffer, URL, TextEncoder/TextDecoder, AbortController,
// EventTarget, atob/btoa and performance.

const { defineLazyProperties } = require('internal/util');
const timers = require('timers');
const { queueMicrotask } = require('internal/process/task_queues');

function defineData(name, value) {
  Object.defineProperty(globalThis, name, {
    __proto__: null, value, writable: true, enumerable: false, configurable: true,
  });
}

defineData('global', globalThis);
defineData('console', require('internal/console/global'));
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']) {
  Object.defineProperty(globalThis, name, {
    __proto__: null, value: timers[name], writable: true, enumerable: true, configurable: true,
  });
}
defineData('queueMicrotask', queueMicrotask);

defineLazyProperties(globalThis, 'internal/structured_clone', ['structuredClone'], false);
// Buffer is no lazy property of the usual kind: its accessors are named
// get and set, and it stays an accessor pair whatever is read or assigned.
let BufferValue;
let BufferLoaded = false;
Object.defineProperty(globalThis, 'Buffer', {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() {
    if (!BufferLoaded) {
      BufferValue = require('buffer').Buffer;
      BufferLoaded = true;
    }
    return BufferValue;
  },
  set(value) {
    BufferValue = value;
    BufferLoaded = true;
  },
});
defineLazyProperties(globalThis, 'buffer', ['atob', 'btoa', 'Blob', 'File'], false);
defineLazyProperties(globalThis, 'internal/url', ['URL', 'URLSearchParams'], false);
defineLazyProperties(globalThis, 'internal/encoding', ['TextEncoder', 'TextDecoder'], false);
defineLazyProperties(globalThis, 'internal/per_context/domexception', ['DOMException'], false);
defineLazyProperties(globalThis, 'internal/abort_controller', ['AbortController', 'AbortSignal'], false);
defineLazyProperties(globalThis, 'internal/event_target', ['EventTarget', 'Event', 'CustomEvent'], false);
defineLazyProperties(globalThis, 'internal/perf/performance', ['performance'], true);
defineLazyProperties(globalThis, 'perf_hooks', [
  'Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
  'PerformanceObserverEntryList', 'PerformanceResourceTiming',
], false);
defineLazyProperties(globalThis, 'internal/navigator', ['Navigator'], false);
defineLazyProperties(globalThis, 'internal/worker/io', [
  'BroadcastChannel', 'MessageChannel', 'MessageEvent', 'MessagePort',
], false);
// `navigator` is read-only (a getter without a setter), unlike the others.
let navigator;
Object.defineProperty(globalThis, 'navigator', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    navigator ??= require('internal/navigator').navigator;
    return navigator;
  },
});

// --expose-gc: V8's global gc().
if (require('internal/options').getOptionValue('--expose-gc')) {
  Object.defineProperty(globalThis, 'gc', {
    __proto__: null, value: require('internal/gc').gc, writable: true, enumerable: true, configurable: false,
  });
}
