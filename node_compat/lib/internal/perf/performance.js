'use strict';

// The `performance` object (global, and perf_hooks.performance): an
// EventTarget whose methods reach the timeline, the clock and nodeTiming.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { EventTarget, defineEventHandler, initEventTarget } = require('internal/event_target');
const { customInspectSymbol: kInspect } = require('internal/util');
const { inspectAs, kSkipThrow } = require('internal/perf/performance_entry');
const { clearTimeline, timelineEntries } = require('internal/perf/observe');
const { clearMarks, clearMeasures, mark, measure } = require('internal/perf/usertiming');
const { markResourceTiming, setResourceTimingBufferSize } = require('internal/perf/resource_timing');
const { eventLoopUtilization } = require('internal/perf/event_loop_utilization');
const { nodeTiming } = require('internal/perf/nodetiming');
const { timerify } = require('internal/perf/timerify');
const { now, timeOrigin } = require('internal/perf/utils');

const kPerformanceBrand = Symbol('performance');

function checkThis(self) {
  if (self?.[kPerformanceBrand] !== true) throw new ERR_INVALID_ARG_TYPE('this', 'Performance', self);
}

class Performance extends EventTarget {
  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kPerformanceBrand] = true;
  }

  clearMarks(name = undefined) {
    checkThis(this);
    clearMarks(name);
  }

  clearMeasures(name = undefined) {
    checkThis(this);
    clearMeasures(name);
  }

  clearResourceTimings(name = undefined) {
    checkThis(this);
    clearTimeline('resource', name === undefined ? undefined : `${name}`);
  }

  getEntries() {
    checkThis(this);
    return timelineEntries();
  }

  getEntriesByName(name, type = undefined) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name'); // at node:internal/perf/performance:103:13
    return timelineEntries(`${name}`, type === undefined ? undefined : `${type}`);
  }

  getEntriesByType(type) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type'); // at node:internal/perf/performance:115:13
    return timelineEntries(undefined, `${type}`);
  }

  mark(name, options = undefined) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name'); // at node:internal/perf/performance:124:13
    return mark(name, options);
  }

  measure(name, startOrMeasureOptions = undefined, endMark = undefined) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name'); // at node:internal/perf/performance:132:13
    return measure(name, startOrMeasureOptions, endMark);
  }

  now() {
    checkThis(this);
    return now();
  }

  setResourceTimingBufferSize(maxSize) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize'); // at node:internal/perf/performance:145:13
    setResourceTimingBufferSize(maxSize);
  }

  get timeOrigin() {
    checkThis(this);
    return timeOrigin;
  }

  toJSON() {
    checkThis(this);
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectAs('Performance', { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin }, options);
  }
}

// The web API's members are enumerable, unlike a class's methods.
for (const key of ['clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries', 'getEntriesByName',
  'getEntriesByType', 'mark', 'measure', 'now', 'setResourceTimingBufferSize', 'timeOrigin', 'toJSON']) {
  Object.defineProperty(Performance.prototype, key, { __proto__: null, enumerable: true });
}

// Node-specific members: not enumerable, unlike the web API above.
for (const [key, value] of Object.entries({ eventLoopUtilization, nodeTiming, markResourceTiming, timerify })) {
  Object.defineProperty(Performance.prototype, key, {
    __proto__: null, value, writable: true, enumerable: false, configurable: true,
  });
}
defineEventHandler(Performance.prototype, 'resourcetimingbufferfull');
const handler = Object.getOwnPropertyDescriptor(Performance.prototype, 'onresourcetimingbufferfull');
Object.defineProperty(handler.get, 'name', { __proto__: null, value: 'get onresourcetimingbufferfull' });
Object.defineProperty(handler.set, 'name', { __proto__: null, value: 'set onresourcetimingbufferfull' });
Object.defineProperty(Performance.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Performance', writable: false, enumerable: false, configurable: true,
});

const performance = new Performance(kSkipThrow);

module.exports = { Performance, performance };
