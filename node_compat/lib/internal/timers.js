'use strict';

// Timer lists and the immediate queue. As in Node, JS keeps one list per
// duration (insertion order within it) in a priority queue keyed by expiry,
// and the loop holds a single timer for the earliest list; `processTimers`
// and `processImmediate` are what the loop calls.

const binding = internalBinding('timers');
const { scheduleTimer, toggleTimerRef, getLibuvNow, toggleImmediateRef } = binding;
const immediateInfo = new Uint32Array(binding.immediateInfo);
const { validateFunction, validateNumber } = require('internal/validators');
const { runNextTicks } = require('internal/process/task_queues');
const { noteAsyncCall } = require('internal/bootstrap/async_frames');
const {
  asyncIdFields, executionAsyncId, kExecutionAsyncId, newAsyncId,
} = require('internal/async_hooks');

const kCount = 0;
const kRefCount = 1;
const kHasOutstanding = 2;

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const asyncIdSymbol = Symbol('asyncId');
const triggerAsyncIdSymbol = Symbol('triggerId');
const kAsyncContextFrame = Symbol('kAsyncContextFrame');

// A timer's or an immediate's ids, and its async context frame (always
// undefined here, as in Node without --experimental-async-context-frame).
function initAsyncResource(resource) {
  resource[asyncIdSymbol] = newAsyncId();
  resource[triggerAsyncIdSymbol] = executionAsyncId();
  resource[kAsyncContextFrame] = undefined;
}

// Timers and their lists show one level when inspected, as Node's do: a
// list links back to the timers, which link to the lists again.
const kInspectCustom = Symbol.for('nodejs.util.inspect.custom');

// Intrusive doubly linked lists (_idleNext/_idlePrev), like Node's internal/linkedlist.
const L = {
  init(list) {
    list._idleNext = list;
    list._idlePrev = list;
    return list;
  },
  peek(list) {
    if (list._idlePrev === list) return null;
    return list._idlePrev;
  },
  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    item._idleNext = null;
    item._idlePrev = null;
  },
  append(list, item) {
    if (item._idleNext || item._idlePrev) L.remove(item);
    item._idleNext = list._idleNext;
    list._idleNext._idlePrev = item;
    item._idlePrev = list;
    list._idleNext = item;
  },
  isEmpty(list) { return list._idleNext === list; },
};

// Binary heap of TimersList, ordered by (expiry, id).
class PriorityQueue {
  constructor() {
    this.heap = [undefined];
    this.size = 0;
  }

  compare(a, b) {
    const d = a.expiry - b.expiry;
    if (d === 0) {
      if (a.id < b.id) return -1;
      if (a.id > b.id) return 1;
    }
    return d;
  }

  setPosition(node, pos) { node.priorityQueuePosition = pos; }

  insert(value) {
    const heap = this.heap;
    const pos = ++this.size;
    heap[pos] = value;
    this.percolateUp(pos);
  }

  peek() { return this.heap[1]; }

  percolateDown(pos) {
    const heap = this.heap;
    const size = this.size;
    const hsize = size >> 1;
    const item = heap[pos];
    while (pos <= hsize) {
      let child = pos << 1;
      const nextChild = child + 1;
      let childItem = heap[child];
      if (nextChild <= size && this.compare(heap[nextChild], childItem) < 0) {
        child = nextChild;
        childItem = heap[child];
      }
      if (this.compare(item, childItem) <= 0) break;
      this.setPosition(childItem, pos);
      heap[pos] = childItem;
      pos = child;
    }
    heap[pos] = item;
    this.setPosition(item, pos);
  }

  percolateUp(pos) {
    const heap = this.heap;
    const item = heap[pos];
    while (pos > 1) {
      const parent = heap[pos >> 1];
      if (this.compare(parent, item) <= 0) break;
      heap[pos] = parent;
      this.setPosition(parent, pos);
      pos >>= 1;
    }
    heap[pos] = item;
    this.setPosition(item, pos);
  }

  removeAt(pos) {
    const heap = this.heap;
    const size = --this.size;
    heap[pos] = heap[size + 1];
    heap[size + 1] = undefined;
    if (size > 0 && pos <= size) {
      if (pos > 1 && this.compare(heap[pos >> 1], heap[pos]) > 0) this.percolateUp(pos);
      else this.percolateDown(pos);
    }
  }

  shift() {
    const heap = this.heap;
    const value = heap[1];
    if (value === undefined) return;
    this.removeAt(1);
    return value;
  }
}

const timerListQueue = new PriorityQueue();
const timerListMap = { __proto__: null };
let timerListId = Number.MIN_SAFE_INTEGER;
let nextExpiry = Infinity;
let refCount = 0;
const knownTimersById = { __proto__: null };

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}

function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }

  [kInspectCustom](depth, options, inspect) {
    return inspect(this, { ...options, depth: 0, customInspect: false });
  }
}

let inspect;
class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
                            '\nTimeout duration was set to 1.',
                            'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    initAsyncResource(this);
  }

  refresh() {
    if (this[kRefed]) active(this);
    else unrefActive(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() { return this[kRefed]; }

  // (Two parameters, as Node's: util.inspect is required when used.)
  [kInspectCustom](depth, options) {
    inspect ??= require('internal/util/inspect').inspect;
    return inspect(this, { ...options, depth: 0, customInspect: false });
  }

  // ([Symbol.toPrimitive] is given in timers.js, after [Symbol.dispose] as
  // in Node.)
}

function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const isDestroyed = item._destroyed;
  if (isDestroyed || !item[asyncIdSymbol]) {
    item._destroyed = false;
    initAsyncResource(item);
  }
  if (isDestroyed) {
    if (refed) incRefCount();
  } else if (refed === !item[kRefed]) {
    if (refed) incRefCount();
    else decRefCount();
  }
  item[kRefed] = refed;
}

function insert(item, msecs, start = getLibuvNow()) {
  msecs = Math.trunc(msecs);
  item._idleStart = start;
  let list = timerListMap[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    timerListMap[msecs] = list = new TimersList(expiry, msecs);
    timerListQueue.insert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  L.append(list, item);
}

function active(item) { insertGuarded(item, true); }
function unrefActive(item) { insertGuarded(item, false); }

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) delete knownTimersById[item[asyncIdSymbol]];
  L.remove(item);
  const list = timerListMap[item._idleTimeout];
  if (list !== undefined && L.isEmpty(list)) {
    timerListQueue.removeAt(list.priorityQueuePosition);
    delete timerListMap[list.msecs];
  }
  if (item[kRefed]) decRefCount();
  item._idleTimeout = -1;
}

function processTimers(now) {
  nextExpiry = Infinity;
  let list;
  let ranAtLeastOneList = false;
  while ((list = timerListQueue.peek()) != null) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranAtLeastOneList) runNextTicks(); // at process.processTimers (node:internal/timers:546:9)
    else ranAtLeastOneList = true;
    listOnTimeout(list, now); // at process.processTimers (node:internal/timers:549:7)
  }
  return 0;
}

function listOnTimeout(list, now) {
  const msecs = list.msecs;
  let ranAtLeastOneTimer = false;
  let timer;
  while ((timer = L.peek(list)) != null) {
    const diff = now - timer._idleStart;
    if (diff < msecs) {
      list.expiry = Math.max(timer._idleStart + msecs, now + 1);
      list.id = timerListId++;
      timerListQueue.percolateDown(1);
      return;
    }
    if (ranAtLeastOneTimer) runNextTicks(); // at listOnTimeout (node:internal/timers:575:9)
    else ranAtLeastOneTimer = true;

    L.remove(timer);
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) refCount--;
      }
      continue;
    }
    let start;
    if (timer._repeat) start = getLibuvNow();
    asyncIdFields[kExecutionAsyncId] = timer[asyncIdSymbol];
    try {
      const args = timer._timerArgs;
      const callback = timer._onTimeout;
      if (args === undefined) timer._onTimeout(); // at listOnTimeout (node:internal/timers:614:17) calling Timeout._onTimeout
      else Reflect.apply(timer._onTimeout, timer, args); // at listOnTimeout (node:internal/timers:616:11) calling Timeout._onTimeout
      noteAsyncCall(callback, timer);
    } finally {
      asyncIdFields[kExecutionAsyncId] = 0;
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._idlePrev && !timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) refCount--;
      }
    }
  }
  if (list === timerListMap[msecs]) {
    delete timerListMap[msecs];
    timerListQueue.shift();
  }
}

// ---- immediates ------------------------------------------------------------------

class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }

  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }

  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

const immediateQueue = new ImmediateList();
const outstandingQueue = new ImmediateList();

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    initAsyncResource(this);
    this.ref();
    immediateInfo[kCount]++;
    immediateQueue.append(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    return this;
  }

  hasRef() { return !!this[kRefed]; }
}

function processImmediate() {
  const queue = outstandingQueue.head !== null ? outstandingQueue : immediateQueue;
  let immediate = queue.head;
  if (queue !== outstandingQueue) {
    queue.head = queue.tail = null;
    immediateInfo[kHasOutstanding] = 1;
  }
  let prevImmediate;
  let ranAtLeastOneImmediate = false;
  while (immediate !== null) {
    if (ranAtLeastOneImmediate) runNextTicks(); // at process.processImmediate (node:internal/timers:479:9)
    else ranAtLeastOneImmediate = true;
    if (immediate._destroyed) {
      outstandingQueue.head = immediate = prevImmediate._idleNext;
      continue;
    }
    immediate._destroyed = true;
    immediateInfo[kCount]--;
    if (immediate[kRefed]) immediateInfo[kRefCount]--;
    immediate[kRefed] = null;
    prevImmediate = immediate;
    asyncIdFields[kExecutionAsyncId] = immediate[asyncIdSymbol];
    try {
      const argv = immediate._argv;
      const callback = immediate._onImmediate;
      if (!argv) immediate._onImmediate(); // at process.processImmediate (node:internal/timers:511:21) calling Immediate._onImmediate
      else immediate._onImmediate(...argv); // at process.processImmediate (node:internal/timers:513:21) calling Immediate._onImmediate
      noteAsyncCall(callback, immediate);
    } finally {
      asyncIdFields[kExecutionAsyncId] = 0;
      immediate._onImmediate = null;
      outstandingQueue.head = immediate = immediate._idleNext;
    }
  }
  if (queue === outstandingQueue) outstandingQueue.head = null;
  immediateInfo[kHasOutstanding] = 0;
}

module.exports = {
  active,
  asyncIdSymbol,
  decRefCount,
  getLibuvNow,
  Immediate,
  immediateInfo,
  immediateQueue,
  incRefCount,
  insert,
  kCount,
  kHasOutstanding,
  kHasPrimitive,
  kRefCount,
  kRefed,
  knownTimersById,
  processImmediate,
  processTimers,
  Timeout,
  TIMEOUT_MAX,
  timerListMap,
  timerListQueue,
  triggerAsyncIdSymbol,
  unenroll,
  unrefActive,
  validateFunction,
  validateNumber,
};
