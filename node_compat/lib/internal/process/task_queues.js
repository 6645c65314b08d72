'use strict';

// process.nextTick's queue and the tick/microtask drain Node runs after every
// callback from the loop (processTicksAndRejections).
//
// `void 0`, not `undefined`: QuickJS reads the name `undefined` from the
// global object each time, and a test against it misses the fast
// is-undefined opcode.

const { validateFunction } = require('internal/validators');
const { processPromiseRejections, hasRejectionToWarn } = require('internal/process/promises');
const { runMicrotasks, tickInfo: tickInfoBuffer } = internalBinding('task_queue');
// [execution id, last id given out, ...] (internal/async_hooks; indexed by
// number here, in the hot paths).
const { asyncIdFields, newAsyncId } = require('internal/async_hooks');
const exitState = require('internal/process/exiting');
let processObject;

// Shared with the realm: [hasTickScheduled, hasRejectionToWarn].
const tickInfo = new Int32Array(tickInfoBuffer);
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;
// The microtasks the realm runs next are those of a drain of ticks that left
// them to it (Node runs them at the end of processTicksAndRejections).
const kJobsAfterTicks = 2;

// Pending ticks in a growable ring, four slots each: either the callback and
// its two arguments (nextTick2), or process.nextTick's arguments array
// (void 0 when there are none) and then the callback; the fourth is the
// tick's async id. So queuing a tick allocates nothing beyond that array,
// and a tick's kind is a typeof test (an array is no function). (Filled, as
// QuickJS keeps an array with holes in its slow representation.) It starts
// small, 64 ticks, as every process pays for it, and doubles when full.
// (A second argument kOneArgument: the callback is called with one.)
const kOneArgument = Symbol('kOneArgument');
// (kOneOfThree: the same, for a callback Node passes three arguments, so
// that its frame is Node's for three.)
const kOneOfThree = Symbol('kOneOfThree');

let ring = new Array(256).fill(void 0);
let mask = ring.length - 1;
let head = 0;
let tail = 0;

function grow() {
  const size = ring.length;
  const next = new Array(size * 2).fill(void 0);
  for (let i = 0; i < size; i++) next[i] = ring[(head + i) & mask];
  ring = next;
  head = 0;
  tail = size;
  mask = size * 2 - 1;
}

function hasTickScheduled() { return tickInfo[kHasTickScheduled] === 1; }

// `leaveJobs`: the caller is a callback from the loop (realm.make_callback),
// which runs the pending microtasks itself as soon as this returns, and the
// ticks they queue: so the checkpoint after the last batch is left to it,
// in the same order and with one call into Python less. A rejection to
// report still takes the whole loop here (microtasks come first).
function processTicksAndRejections(leaveJobs) {
  do {
    while (head !== tail) {
      var first = ring[head];
      var a = ring[head + 1];
      var b = ring[head + 2];
      asyncIdFields[0] = ring[head + 3];
      ring[head] = void 0;
      ring[head + 1] = void 0;
      ring[head + 2] = void 0;
      head = (head + 4) & mask;
      if (typeof first === 'function') {
        if (b === kOneArgument) first(a); // at process.processTicksAndRejections (node:internal/process/task_queues:89:21)
        else if (b === kOneOfThree) first(a); // at process.processTicksAndRejections (node:internal/process/task_queues:91:21)
        else first(a, b); // at process.processTicksAndRejections (node:internal/process/task_queues:90:21)
      } else if (first === void 0) {
        a(); // at process.processTicksAndRejections (node:internal/process/task_queues:85:11)
      } else {
        switch (first.length) {
          case 1: a(first[0]); break; // at process.processTicksAndRejections (node:internal/process/task_queues:89:21)
          case 2: a(first[0], first[1]); break; // at process.processTicksAndRejections (node:internal/process/task_queues:90:21)
          case 3: a(first[0], first[1], first[2]); break; // at process.processTicksAndRejections (node:internal/process/task_queues:91:21)
          case 4: a(first[0], first[1], first[2], first[3]); break; // at process.processTicksAndRejections (node:internal/process/task_queues:92:21)
          default: a(...first); // at process.processTicksAndRejections (node:internal/process/task_queues:93:22)
        }
      }
    }
    asyncIdFields[0] = 0;
    if (leaveJobs && tickInfo[kHasRejectionToWarn] === 0) {
      tickInfo[kJobsAfterTicks] = 1;
      break;
    }
    runMicrotasks(); // at process.processTicksAndRejections (node:internal/process/task_queues:105:5)
    // A rejection to report always raises the flag, so a lowered one means
    // there is nothing for processPromiseRejections to do.
  } while (head !== tail || (tickInfo[kHasRejectionToWarn] !== 0 && processPromiseRejections())); // at process.processTicksAndRejections (node:internal/process/task_queues:106:32)
  tickInfo[kHasTickScheduled] = 0;
  tickInfo[kHasRejectionToWarn] = 0;
}

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    validateFunction(callback, 'callback'); // at node:internal/process/task_queues:114:3
  }
  if (exitState.exiting) return;
  tickInfo[kHasTickScheduled] = 1;
  ring[tail] = args.length === 0 ? void 0 : args;
  ring[tail + 1] = callback;
  ring[tail + 3] = ++asyncIdFields[1];  // (newAsyncId, inline)
  tail = (tail + 4) & mask;
  if (tail === head) grow();
}

// process.nextTick(callback, a, b) for the library's own callbacks, which
// take two arguments: no arguments array. (`b` kOneArgument for those taking
// one, which are called with it alone, as Node calls them.) A
// replaced process.nextTick is still the one called, as Node's library
// calls it too.
function nextTick2(callback, a, b) {
  // (The process object read once: the global is an accessor, a call each time.)
  var proc = processObject ??= process;
  if (proc.nextTick !== nextTick) {
    proc.nextTick(callback, a, b);
    return;
  }
  if (exitState.exiting) return;
  tickInfo[kHasTickScheduled] = 1;
  ring[tail] = callback;
  ring[tail + 1] = a;
  ring[tail + 2] = b;
  ring[tail + 3] = ++asyncIdFields[1];  // (newAsyncId, inline)
  tail = (tail + 4) & mask;
  if (tail === head) grow();
}

// process.nextTick(callback) for the library's own closures: no arguments
// array.
function nextTick0(callback) {
  var proc = processObject ??= process;
  if (proc.nextTick !== nextTick) {
    proc.nextTick(callback);
    return;
  }
  if (exitState.exiting) return;
  tickInfo[kHasTickScheduled] = 1;
  ring[tail] = void 0;
  ring[tail + 1] = callback;
  ring[tail + 3] = ++asyncIdFields[1];  // (newAsyncId, inline)
  tail = (tail + 4) & mask;
  if (tail === head) grow();
}

// What Node runs between timers and between immediates.
function runNextTicks() {
  if (!hasTickScheduled() && !hasRejectionToWarn()) runMicrotasks(); // at runNextTicks (node:internal/process/task_queues:65:5)
  if (!hasTickScheduled() && !hasRejectionToWarn()) return;
  processTicksAndRejections(); // at runNextTicks (node:internal/process/task_queues:69:3) calling -
}

let triggerUncaughtException;
// As Node's, a microtask is a resource of its own: it takes an id, and its
// callback runs with that id as the execution id.
function queueMicrotask(callback) {
  validateFunction(callback, 'callback'); // at node:internal/process/task_queues:161:3
  const asyncId = newAsyncId();
  Promise.resolve().then(() => {
    const outer = asyncIdFields[0];
    asyncIdFields[0] = asyncId;
    try {
      callback(); // at (node:internal/process/task_queues:151:7) | AsyncResource.runInAsyncScope (node:async_hooks:211:14) | AsyncResource.runMicrotask (node:internal/process/task_queues:148:8)
    } catch (error) {
      triggerUncaughtException ??= require('internal/process/execution').triggerUncaughtException;
      triggerUncaughtException(error, false, false, true);
    } finally {
      asyncIdFields[0] = outer;
    }
  });
}

module.exports = {
  hasTickScheduled,
  kOneArgument,
  kOneOfThree,
  nextTick,
  nextTick0,
  nextTick2,
  processTicksAndRejections,
  queueMicrotask,
  runMicrotasks,
  runNextTicks,
};
