'use strict';

// PerformanceEntry, the base of every entry on the performance timeline
// (marks, measures, 'function' entries from timerify, nodeTiming). Entries
// are made by the library only: `new PerformanceEntry()` is illegal.

const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
const { validateInternalField } = require('internal/validators');
const { customInspectSymbol: kInspect } = require('internal/util');

const kSkipThrow = Symbol('kSkipThrow');
const kName = Symbol('kName');
const kType = Symbol('kType');
const kStart = Symbol('kStart');
const kDuration = Symbol('kDuration');
const kDetail = Symbol('kDetail');

let inspectFn;
// `Name { ...fields }` with the nesting depth one level down, as Node prints entries.
function inspectAs(prefix, fields, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${prefix} ${inspectFn(fields, opts)}`;
}

class PerformanceEntry {
  constructor(skipThrow = undefined, name = undefined, type = undefined, start = undefined, duration = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR(); // at node:internal/perf/performance_entry:42:13
    this[kName] = name;
    this[kType] = type;
    this[kStart] = start;
    this[kDuration] = duration;
  }

  get name() {
    validateInternalField(this, kName, 'PerformanceEntry');
    return this[kName];
  }

  get entryType() {
    validateInternalField(this, kType, 'PerformanceEntry');
    return this[kType];
  }

  get startTime() {
    validateInternalField(this, kStart, 'PerformanceEntry');
    return this[kStart];
  }

  get duration() {
    validateInternalField(this, kDuration, 'PerformanceEntry');
    return this[kDuration];
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectAs(this.constructor.name, this.toJSON(), options);
  }

  toJSON() {
    validateInternalField(this, kName, 'PerformanceEntry');
    return {
      name: this[kName],
      entryType: this[kType],
      startTime: this[kStart],
      duration: this[kDuration],
    };
  }
}

for (const key of ['name', 'entryType', 'startTime', 'duration', 'toJSON']) {
  Object.defineProperty(PerformanceEntry.prototype, key, { __proto__: null, enumerable: true });
}

// An entry Node itself records ('function' from timerify, ...), with a detail.
class PerformanceNodeEntry extends PerformanceEntry {
  constructor(skipThrow, name, type, start, duration, detail) {
    super(skipThrow, name, type, start, duration);
    this[kDetail] = detail;
  }

  get detail() {
    validateInternalField(this, kDetail, 'NodePerformanceEntry');
    return this[kDetail];
  }

  toJSON() {
    return { ...super.toJSON(), detail: this[kDetail] };
  }
}

function createPerformanceNodeEntry(name, type, start, duration, detail) {
  return new PerformanceNodeEntry(kSkipThrow, name, type, start, duration, detail);
}

function isPerformanceEntry(value) {
  return value?.[kName] !== undefined;
}

module.exports = {
  createPerformanceNodeEntry,
  inspectAs,
  isPerformanceEntry,
  kDetail,
  kSkipThrow,
  PerformanceEntry,
};
