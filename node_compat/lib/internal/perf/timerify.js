'use strict';

// performance.timerify(fn): a wrapper that records a 'function' entry (and
// optionally a histogram sample) for each call, including async completion.

const { validateFunction, validateObject } = require('internal/validators');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { createPerformanceNodeEntry } = require('internal/perf/performance_entry');
const { enqueue } = require('internal/perf/observe');
const { now } = require('internal/perf/utils');

function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined && typeof histogram?.record !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }

  function complete(start, args) {
    const duration = now() - start;
    if (histogram !== undefined) histogram.record(Math.max(1, Math.ceil(duration * 1e6)));
    enqueue(createPerformanceNodeEntry(fn.name, 'function', start, duration, args));
  }

  function timerified(...args) {
    const start = now();
    const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
    if (!new.target && typeof result?.finally === 'function') {
      return result.finally(() => complete(start, args));
    }
    complete(start, args);
    return result;
  }

  Object.defineProperties(timerified, {
    length: { __proto__: null, configurable: false, enumerable: true, value: fn.length },
    name: { __proto__: null, configurable: false, enumerable: true, value: `timerified ${fn.name}` },
  });
  return timerified;
}

module.exports = { timerify };
