'use strict';

// assert.CallTracker (deprecated, DEP0173, but still in Node 23.5): wraps
// functions to count their calls and reports those called a different
// number of times than expected.

const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const { AssertionError } = require('internal/assert/assertion_error');
const { markThrowSite } = require('internal/assert/throw_sites');
const { validateUint32 } = require('internal/validators');

// Function.prototype: callable, returns undefined, and has an empty name, so
// a tracker made without a function reports itself as "calls".
const noop = Function.prototype;

// The record of one tracked function.
class TrackedCalls {
  #calls = [];
  #expected;
  #name;
  #stackTrace;

  constructor(expected, name, stackTrace) {
    this.#expected = expected;
    this.#name = name;
    this.#stackTrace = stackTrace;
  }

  track(thisArg, args) {
    this.#calls.push(Object.freeze({ thisArg, arguments: Object.freeze(args.slice()) }));
  }

  reset() {
    this.#calls = [];
  }

  getCalls() {
    return Object.freeze(this.#calls.slice());
  }

  report() {
    if (this.#calls.length === this.#expected) return undefined;
    return {
      message: `Expected the ${this.#name} function to be executed ${this.#expected} time(s) ` +
               `but was executed ${this.#calls.length} time(s).`,
      actual: this.#calls.length,
      expected: this.#expected,
      operator: this.#name,
      stack: this.#stackTrace,
    };
  }
}

class CallTracker {
  #records = new Set();
  #byFunction = new WeakMap();

  #recordOf(tracked) {
    const record = this.#byFunction.get(tracked);
    if (record === undefined) {
      throw new ERR_INVALID_ARG_VALUE('tracked', tracked, 'is not a tracked function');
    }
    return record;
  }

  reset(tracked) {
    if (tracked === undefined) {
      for (const record of this.#records) record.reset();
      return;
    }
    this.#recordOf(tracked).reset();
  }

  getCalls(tracked) {
    return this.#recordOf(tracked).getCalls();
  }

  calls(fn, expected = 1) {
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(expected, 'expected', true);
    const record = new TrackedCalls(expected, fn.name || 'calls', new Error());
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        record.track(thisArg, args);
        return Reflect.apply(target, thisArg, args);
      },
    });
    this.#records.add(record);
    this.#byFunction.set(tracked, record);
    return tracked;
  }

  report() {
    const errors = [];
    for (const record of this.#records) {
      const failure = record.report();
      if (failure !== undefined) errors.push(failure);
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ?
      errors[0].message :
      'Functions were not called the expected number of times';
    throw markThrowSite(new AssertionError({ message, details: errors }), 'verify');
  }
}

module.exports = CallTracker;
