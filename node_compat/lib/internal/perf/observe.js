'use strict';

// PerformanceObserver and the global performance timeline.
//
// Marks and measures are buffered on the timeline (performance.getEntries());
// every new entry is also offered to the connected observers whose entry
// types include it. Observers with new entries are called together in one
// setImmediate callback, each with a PerformanceObserverEntryList of what it
// collected since the last call.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction, validateInternalField, validateObject } = require('internal/validators');
const { customInspectSymbol: kInspect } = require('internal/util');
const { inspectAs, kSkipThrow } = require('internal/perf/performance_entry');

const kSupportedEntryTypes = Object.freeze([
  'dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource',
]);

const kBuffer = Symbol('kBuffer');
const kCallback = Symbol('kCallback');
const kEntryTypes = Symbol('kEntryTypes');
const kMode = Symbol('kMode');
const kEntries = Symbol('kEntries');
const kMaybeBuffer = Symbol('kMaybeBuffer');
const kDispatch = Symbol('kDispatch');

const observers = new Set();
const pending = new Set();
let dispatchScheduled = false;

// The timeline: user timing entries and resource timing entries.
const markEntries = [];
const measureEntries = [];
const resourceEntries = [];

let DOMException;
function domException(message, name) {
  DOMException ??= require('internal/per_context/domexception').DOMException;
  return new DOMException(message, name);
}

// Stable sort by start time: entries lists are in timeline order.
function byStartTime(entries) {
  return entries.slice().sort((a, b) => a.startTime - b.startTime);
}

function scheduleDispatch(observer) {
  pending.add(observer);
  if (dispatchScheduled) return;
  dispatchScheduled = true;
  setImmediate(() => {
    dispatchScheduled = false;
    const due = [...pending];
    pending.clear();
    for (const each of due) each[kDispatch]();
  });
}

class PerformanceObserverEntryList {
  constructor(skipThrow = undefined, entries = []) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kEntries] = byStartTime(entries);
  }

  getEntries() {
    validateInternalField(this, kEntries, 'PerformanceObserverEntryList');
    return this[kEntries].slice();
  }

  getEntriesByType(type) {
    validateInternalField(this, kEntries, 'PerformanceObserverEntryList');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return this[kEntries].filter((entry) => entry.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    validateInternalField(this, kEntries, 'PerformanceObserverEntryList');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this[kEntries].filter((entry) => entry.name === name && (type === undefined || entry.entryType === type));
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectAs(this.constructor.name, this[kEntries], options);
  }
}

for (const key of ['getEntries', 'getEntriesByType', 'getEntriesByName']) {
  Object.defineProperty(PerformanceObserverEntryList.prototype, key, { __proto__: null, enumerable: true });
}
Object.defineProperty(PerformanceObserverEntryList.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'PerformanceObserverEntryList', writable: false, enumerable: false, configurable: true,
});

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    this[kBuffer] = [];
    this[kEntryTypes] = new Set();
    this[kMode] = undefined;
    this[kCallback] = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type'); // at node:internal/perf/observe:262:13
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
                                      'options.entryTypes can not set with options.type together');
    }
    switch (this[kMode]) {
      case undefined:
        this[kMode] = entryTypes !== undefined ? 'multiple' : 'single';
        break;
      case 'single':
        if (entryTypes !== undefined) {
          throw domException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
        }
        break;
      case 'multiple':
        if (type !== undefined) {
          throw domException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
        }
        break;
    }

    if (this[kMode] === 'multiple') {
      if (!Array.isArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      this[kEntryTypes].clear();
      for (const each of entryTypes) {
        if (kSupportedEntryTypes.includes(each)) this[kEntryTypes].add(each);
      }
    } else {
      if (!kSupportedEntryTypes.includes(type)) return;
      this[kEntryTypes].add(type);
      if (buffered) {
        const entries = timelineEntries(undefined, type);
        if (entries.length > 0) {
          this[kBuffer].push(...entries);
          scheduleDispatch(this);
        }
      }
    }

    if (this[kEntryTypes].size > 0) {
      observers.add(this);
    } else {
      this.disconnect();
    }
  }

  disconnect() {
    observers.delete(this);
    pending.delete(this);
    this[kBuffer] = [];
    this[kEntryTypes].clear();
    this[kMode] = undefined;
  }

  takeRecords() {
    const records = this[kBuffer];
    this[kBuffer] = [];
    return records;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes;
  }

  [kMaybeBuffer](entry) {
    if (!this[kEntryTypes].has(entry.entryType)) return;
    this[kBuffer].push(entry);
    scheduleDispatch(this);
  }

  [kDispatch]() {
    const entries = this.takeRecords();
    this[kCallback](new PerformanceObserverEntryList(kSkipThrow, entries), this);
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectAs(this.constructor.name, {
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: [...this[kEntryTypes]],
      buffer: this[kBuffer],
    }, options);
  }
}

for (const key of ['observe', 'disconnect', 'takeRecords']) {
  Object.defineProperty(PerformanceObserver.prototype, key, { __proto__: null, enumerable: true });
}
Object.defineProperty(PerformanceObserver.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'PerformanceObserver', writable: false, enumerable: false, configurable: true,
});

// Offer a new entry to every observer that watches its type.
function enqueue(entry) {
  for (const observer of observers) observer[kMaybeBuffer](entry);
}

function bufferUserTiming(entry) {
  (entry.entryType === 'mark' ? markEntries : measureEntries).push(entry);
}

function bufferResourceTiming(entry) {
  resourceEntries.push(entry);
}

function timelineEntries(name, type) {
  let entries;
  switch (type) {
    case undefined:
      entries = [...markEntries, ...measureEntries, ...resourceEntries];
      break;
    case 'mark':
      entries = markEntries;
      break;
    case 'measure':
      entries = measureEntries;
      break;
    case 'resource':
      entries = resourceEntries;
      break;
    default:
      return [];
  }
  if (name !== undefined) entries = entries.filter((entry) => entry.name === name);
  return byStartTime(entries);
}

// Remove the entries of `type` (all of them, or those called `name`).
function clearTimeline(type, name) {
  const list = type === 'mark' ? markEntries : type === 'measure' ? measureEntries : resourceEntries;
  if (name === undefined) {
    list.length = 0;
    return;
  }
  let kept = 0;
  for (const entry of list) {
    if (entry.name !== name) list[kept++] = entry;
  }
  list.length = kept;
}

module.exports = {
  bufferResourceTiming,
  bufferUserTiming,
  clearTimeline,
  domException,
  enqueue,
  PerformanceObserver,
  PerformanceObserverEntryList,
  resourceEntryCount: () => resourceEntries.length,
  timelineEntries,
};
