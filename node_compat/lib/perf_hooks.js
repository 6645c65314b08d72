'use strict';

// node:perf_hooks — the performance timeline (marks, measures, observers),
// the process clock, histograms and event loop delay monitoring.

const { PerformanceEntry } = require('internal/perf/performance_entry');
const { PerformanceMark, PerformanceMeasure } = require('internal/perf/usertiming');
const { PerformanceObserver, PerformanceObserverEntryList } = require('internal/perf/observe');
const { PerformanceResourceTiming } = require('internal/perf/resource_timing');
const { Performance, performance } = require('internal/perf/performance');
const { createHistogram, monitorEventLoopDelay } = require('internal/perf/histogram');

// GC entry kinds and flags (the values of V8's GCType and GCCallbackFlags).
const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
};
// Enumerable but fixed, as Node's.
Object.defineProperty(module.exports, 'constants', {
  __proto__: null, value: constants, enumerable: true, configurable: false, writable: false,
});
