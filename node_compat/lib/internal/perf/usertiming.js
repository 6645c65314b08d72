'use strict';

// User Timing: PerformanceMark, PerformanceMeasure, and the mark()/measure()/
// clearMarks()/clearMeasures() behind `performance`.

const {
  codes: {
    ERR_MISSING_ARGS,
    ERR_PERFORMANCE_INVALID_TIMESTAMP,
    ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const { validateInternalField, validateNumber, validateObject } = require('internal/validators');
const { PerformanceEntry, kDetail, kSkipThrow } = require('internal/perf/performance_entry');
const { bufferUserTiming, clearTimeline, domException, enqueue } = require('internal/perf/observe');
const { milestones, now } = require('internal/perf/utils');

// The latest start time of each mark name, for measure('m', 'markName').
const markTimes = new Map();

// nodeTiming milestones may be named where a mark is expected.
const kMilestoneNames = new Set(['nodeStart', 'v8Start', 'environment', 'bootstrapComplete', 'loopStart', 'loopExit']);

function cloneDetail(detail) {
  return detail != null ? structuredClone(detail) : null;
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options !== undefined) validateObject(options, 'options');
    const startTime = options?.startTime ?? now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime); // at node:internal/perf/usertiming:83:13
    const detail = cloneDetail(options?.detail);
    super(kSkipThrow, name, 'mark', startTime, 0);
    this[kDetail] = detail;
  }

  get detail() {
    validateInternalField(this, kDetail, 'PerformanceMark');
    return this[kDetail];
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      detail: this[kDetail],
    };
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(skipThrow = undefined, name = undefined, type = undefined, start = undefined, duration = undefined) {
    super(skipThrow, name, type, start, duration);
  }

  get detail() {
    validateInternalField(this, kDetail, 'PerformanceMeasure');
    return this[kDetail];
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      detail: this[kDetail],
    };
  }
}

for (const [C, tag] of [[PerformanceMark, 'PerformanceMark'], [PerformanceMeasure, 'PerformanceMeasure']]) {
  Object.defineProperty(C.prototype, 'detail', { __proto__: null, enumerable: true });
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: tag, writable: false, enumerable: false, configurable: true,
  });
}

function mark(name, options) {
  const entry = new PerformanceMark(name, options);
  enqueue(entry);
  bufferUserTiming(entry);
  markTimes.set(entry.name, entry.startTime);
  return entry;
}

// A timestamp given as a number or as the name of a mark (or milestone).
function timestampOf(nameOrTime) {
  if (nameOrTime === undefined) return undefined;
  if (typeof nameOrTime === 'number') {
    if (nameOrTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(nameOrTime);
    return nameOrTime;
  }
  const name = `${nameOrTime}`;
  if (kMilestoneNames.has(name)) return milestones()[name];
  const time = markTimes.get(name);
  if (time === undefined) throw domException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  return time;
}

function measure(name, startOrOptions, endMark) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
  name = `${name}`;
  let options;
  if (startOrOptions !== null && typeof startOrOptions === 'object' &&
      ['start', 'end', 'duration', 'detail'].some((key) => startOrOptions[key] !== undefined)) {
    options = startOrOptions;
    if (endMark !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS( // at node:internal/perf/usertiming:186:13
        'endMark must not be specified');
    }
    if (options.start !== undefined && options.end !== undefined && options.duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS( // at node:internal/perf/usertiming:195:13
        'Must not have options.start, options.end, and options.duration specified');
    }
  }

  let end;
  if (endMark !== undefined) {
    end = timestampOf(endMark);
  } else if (options?.end !== undefined) {
    end = timestampOf(options.end);
  } else if (options?.start !== undefined && options.duration !== undefined) {
    end = timestampOf(options.start) + timestampOf(options.duration);
  } else {
    end = now();
  }

  let start;
  if (options?.start !== undefined) {
    start = timestampOf(options.start);
  } else if (options?.duration !== undefined && options.end !== undefined) {
    start = end - timestampOf(options.duration);
  } else if (typeof startOrOptions === 'string') {
    start = timestampOf(startOrOptions);
  } else {
    start = 0;
  }

  const detail = cloneDetail(options?.detail);
  const entry = new PerformanceMeasure(kSkipThrow, name, 'measure', start, end - start);
  entry[kDetail] = detail;
  enqueue(entry);
  bufferUserTiming(entry);
  return entry;
}

function clearMarks(name) {
  if (name === undefined) {
    markTimes.clear();
    clearTimeline('mark');
    return;
  }
  name = `${name}`;
  markTimes.delete(name);
  clearTimeline('mark', name);
}

function clearMeasures(name) {
  clearTimeline('measure', name === undefined ? undefined : `${name}`);
}

module.exports = { clearMarks, clearMeasures, mark, measure, PerformanceMark, PerformanceMeasure };
