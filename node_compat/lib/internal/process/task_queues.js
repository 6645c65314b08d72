'use strict';

// process.nextTick's queue and the tick/microtask drain Node runs after every
// callback from the loop (processTicksAndRejections).

const { validateFunction } = require('internal/validators');
const { processPromiseRejections, hasRejectionToWarn, setHasRejectionToWarn } = require('internal/process/promises');
const { runMicrotasks, tickInfo: tickInfoBuffer } = internalBinding('task_queue');

// Shared with the realm: [hasTickScheduled, hasRejectionToWarn].
const tickInfo = new Int32Array(tickInfoBuffer);
const kHasTickScheduled = 0;

// A growable ring of pending ticks; shift() is O(1).
class TickQueue {
  constructor() {
    this.items = new Array(2048);
    this.head = 0;
    this.tail = 0;
    this.mask = 2047;
  }

  isEmpty() { return this.head === this.tail; }

  push(item) {
    this.items[this.tail] = item;
    this.tail = (this.tail + 1) & this.mask;
    if (this.tail === this.head) this.grow();
  }

  grow() {
    const old = this.items;
    const size = old.length;
    const next = new Array(size * 2);
    for (let i = 0; i < size; i++) next[i] = old[(this.head + i) & this.mask];
    this.items = next;
    this.head = 0;
    this.tail = size;
    this.mask = size * 2 - 1;
  }

  shift() {
    if (this.head === this.tail) return null;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    return item;
  }
}

const queue = new TickQueue();
function hasTickScheduled() { return tickInfo[kHasTickScheduled] === 1; }
function setHasTickScheduled(value) { tickInfo[kHasTickScheduled] = value ? 1 : 0; }

function processTicksAndRejections() {
  let tock;
  do {
    while ((tock = queue.shift()) !== null) {
      const callback = tock.callback;
      const args = tock.args;
      if (args === undefined) {
        callback();
      } else {
        switch (args.length) {
          case 1: callback(args[0]); break;
          case 2: callback(args[0], args[1]); break;
          case 3: callback(args[0], args[1], args[2]); break;
          case 4: callback(args[0], args[1], args[2], args[3]); break;
          default: callback(...args);
        }
      }
    }
    runMicrotasks();
  } while (!queue.isEmpty() || processPromiseRejections());
  setHasTickScheduled(false);
  setHasRejectionToWarn(false);
}

function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  if (tickInfo[kHasTickScheduled] === 0) tickInfo[kHasTickScheduled] = 1;
  queue.push({ callback, args: args.length === 0 ? undefined : args });
}

// What Node runs between timers and between immediates.
function runNextTicks() {
  if (!hasTickScheduled() && !hasRejectionToWarn()) runMicrotasks();
  if (!hasTickScheduled() && !hasRejectionToWarn()) return;
  processTicksAndRejections();
}

let triggerUncaughtException;
function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (error) {
      triggerUncaughtException ??= require('internal/process/execution').triggerUncaughtException;
      triggerUncaughtException(error, false);
    }
  });
}

module.exports = {
  hasTickScheduled,
  nextTick,
  processTicksAndRejections,
  queueMicrotask,
  runMicrotasks,
  runNextTicks,
};
