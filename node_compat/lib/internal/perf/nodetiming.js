'use strict';

// performance.nodeTiming: the process's start-up milestones and the loop's
// idle time, read live (each getter asks the runtime for the current value).

const { PerformanceEntry, kSkipThrow } = require('internal/perf/performance_entry');
const { inspectAs } = require('internal/perf/performance_entry');
const { customInspectSymbol: kInspect } = require('internal/util');
const { loopIdleTime, loopMetrics, milestones, now } = require('internal/perf/utils');

class PerformanceNodeTiming extends PerformanceEntry {
  constructor() {
    super(kSkipThrow, 'node', 'node', 0, 0);
    const live = (get) => ({ __proto__: null, enumerable: true, configurable: true, get });
    Object.defineProperties(this, {
      name: { __proto__: null, value: 'node', enumerable: true, writable: false, configurable: true },
      entryType: { __proto__: null, value: 'node', enumerable: true, writable: false, configurable: true },
      startTime: { __proto__: null, value: 0, enumerable: true, writable: false, configurable: true },
      duration: live(() => now()),
      nodeStart: live(() => milestones().nodeStart),
      v8Start: live(() => milestones().v8Start),
      environment: live(() => milestones().environment),
      loopStart: live(() => milestones().loopStart),
      loopExit: live(() => milestones().loopExit),
      bootstrapComplete: live(() => milestones().bootstrapComplete),
      idleTime: live(() => loopIdleTime()),
      uvMetricsInfo: live(() => {
        const [loopCount, events, eventsWaiting] = loopMetrics();
        return { loopCount, events, eventsWaiting };
      }),
    });
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectAs('PerformanceNodeTiming', this.toJSON(), options);
  }

  toJSON() {
    const marks = milestones();
    return {
      name: 'node',
      entryType: 'node',
      startTime: 0,
      duration: now(),
      nodeStart: marks.nodeStart,
      v8Start: marks.v8Start,
      bootstrapComplete: marks.bootstrapComplete,
      environment: marks.environment,
      loopStart: marks.loopStart,
      loopExit: marks.loopExit,
      idleTime: loopIdleTime(),
    };
  }
}

module.exports = { nodeTiming: new PerformanceNodeTiming() };
