'use strict';

// node:assert. The comparisons live in internal/util/comparisons, the
// messages in internal/assert/assertion_error; this module validates
// arguments, decides pass or fail, and throws from the places Node throws.

const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { AssertionError } = require('internal/assert/assertion_error');
const { innerOk } = require('internal/assert/utils');
const { isOwnError, markThrowSite } = require('internal/assert/throw_sites');
const { isDeepEqual, isDeepStrictEqual, isRegExp } = require('internal/util/comparisons');
const { deprecate, emitExperimentalWarning, isError } = require('internal/util');
const CallTracker = require('internal/assert/calltracker');

let inspectModule;
function inspect(value, options) {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule.inspect(value, options);
}

const regExpExec = RegExp.prototype.exec;
const isPrototypeOf = Object.prototype.isPrototypeOf;

// What getActual/waitForActual report when nothing was thrown.
const NO_EXCEPTION_SENTINEL = {};

function missingArgs(site) {
  return markThrowSite(new ERR_MISSING_ARGS('actual', 'expected'), site);
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw markThrowSite(obj.message, 'innerFailMessage');
  throw markThrowSite(new AssertionError(obj), 'innerFail');
}

// assert() / assert.ok(value, message). Declared without parameters, as
// Node's (length 0); `arguments` keeps the passing case cheap.
function ok() {
  if (arguments[0]) return;
  innerOk(ok, arguments.length, arguments[0], arguments[1]);
}

const assert = module.exports = ok;

let failWarned = false;
function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!failWarned) {
      failWarned = true;
      process.emitWarning(
        'assert.fail() with more than one argument is deprecated. ' +
          'Please use assert.strictEqual() instead or only pass a message.',
        'DeprecationWarning',
        'DEP0094',
      );
    }
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw markThrowSite(message, 'failMessage');
  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message,
  });
  if (internalMessage) err.generatedMessage = true;
  throw markThrowSite(err, 'fail');
}
assert.fail = fail;
assert.AssertionError = AssertionError;
assert.ok = ok;

assert.equal = function equal(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs('equal');
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
};

assert.notEqual = function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs('notEqual');
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
};

assert.deepEqual = function deepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs('deepEqual');
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
};

assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs('notDeepEqual');
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
};

assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs('deepStrictEqual');
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
};

assert.notDeepStrictEqual = notDeepStrictEqual;
function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs('notDeepStrictEqual');
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
}

assert.strictEqual = function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs('strictEqual');
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
};

assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs('notStrictEqual');
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
};

assert.partialDeepStrictEqual = function partialDeepStrictEqual(actual, expected, message) {
  emitExperimentalWarning('assert.partialDeepStrictEqual');
  if (arguments.length < 2) throw missingArgs('partialDeepStrictEqual');
  const { isPartialDeepStrictEqual } = require('internal/assert/partial_comparisons');
  if (!isPartialDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'partialDeepStrictEqual', stackStartFn: partialDeepStrictEqual });
  }
};

// ---- throws / rejects ----------------------------------------------------------

// The properties of an error matcher object a message compares, with the
// actual values in place where a RegExp in the matcher accepts them.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) &&
            regExpExec.call(obj[key], actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (key in actual && isDeepStrictEqual(actual[key], expected[key])) return;
  if (!message) {
    // Compare just the matcher's keys, so the diff shows only what matters.
    const a = new Comparison(actual, keys);
    const b = new Comparison(expected, keys, actual);
    const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
    err.actual = actual;
    err.expected = expected;
    err.operator = fn.name;
    throw markThrowSite(err, 'compareExceptionKey');
  }
  innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
}

function expectedException(actual, expected, message, fn) {
  let generatedMessage = false;

  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (regExpExec.call(expected, str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
                  `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw markThrowSite(err, 'primitiveException');
    } else {
      // An object whose every own key must match; for an error, its name and
      // message too.
      const keys = Object.keys(expected);
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw markThrowSite(new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object'),
                            'emptyMatcher');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            regExpExec.call(expected[key], actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    // (Arrow functions have no prototype and cannot be classes.)
    return;
  } else if (isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (isError(actual)) {
        const name = actual.constructor?.name || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
  } else {
    const res = Reflect.apply(expected, {}, [actual]);
    if (res === true) return;
    if (!message) {
      generatedMessage = true;
      const name = expected.name ? `"${expected.name}" ` : '';
      message = `The ${name}validation function is expected to return "true". Received ${inspect(res)}`;
      if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
    }
  }

  const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw markThrowSite(err, 'expectedException');
}

function getActual(fn) {
  if (typeof fn !== 'function') {
    throw markThrowSite(new ERR_INVALID_ARG_TYPE('fn', 'Function', fn), 'validateFunction');
  }
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

// Native promises and promise-like objects (with both then and catch).
function checkIsPromise(obj) {
  return obj instanceof Promise ||
    (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' && typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw markThrowSite(new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise),
                          'returnValue');
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw markThrowSite(new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn), 'promiseFnType');
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function expectsError(stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) {
      throw markThrowSite(new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error),
                          'errorStringWithMessage');
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw markThrowSite(new ERR_AMBIGUOUS_ARGUMENT(
          'error/message', `The error message "${actual.message}" is identical to the message.`),
        'ambiguousMessage');
      }
    } else if (actual === error) {
      throw markThrowSite(new ERR_AMBIGUOUS_ARGUMENT(
        'error/message', `The error "${actual}" is identical to the message.`),
      'ambiguousError');
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw markThrowSite(new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error),
                        'errorType');
  }

  if (actual === NO_EXCEPTION_SENTINEL) {
    let details = '';
    if (error?.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: stackStartFn.name,
      message: `Missing expected ${fnType}${details}`,
      stackStartFn,
    });
  }
  if (error) expectedException(actual, error, message, stackStartFn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return regExpExec.call(expected, String(actual)) !== null;
    throw markThrowSite(new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected), 'expectedType');
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION_SENTINEL) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\nActual message: "${actual?.message}"`,
      stackStartFn,
    });
  }
  throw markThrowSite(actual, 'unwanted');
}

assert.throws = function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
};

// An AssertionError made after the await has no stack frames in Node (but
// V8's async ones): the frames it would keep are above the resumed async
// function, which V8 does not count as being on the stack. (Here, below it
// are the loop's frames.)
function withoutFrames(err) {
  if (err instanceof AssertionError && isOwnError(err)) {
    err.stack = err.message ? `AssertionError [ERR_ASSERTION]: ${err.message}` : 'AssertionError [ERR_ASSERTION]';
  }
  return err;
}

assert.rejects = async function rejects(promiseFn, ...args) {
  const actual = await waitForActual(promiseFn);
  try {
    expectsError(rejects, actual, ...args);
  } catch (err) {
    throw withoutFrames(err);
  }
};

assert.doesNotThrow = function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
};

assert.doesNotReject = async function doesNotReject(fn, ...args) {
  const actual = await waitForActual(fn);
  try {
    expectsNoError(doesNotReject, actual, ...args);
  } catch (err) {
    throw withoutFrames(err);
  }
};

// ---- ifError / match ---------------------------------------------------------------

assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    if (err.message.length === 0 && err.constructor) {
      message += err.constructor.name;
    } else {
      message += err.message;
    }
  } else {
    message += inspect(err);
  }

  const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });

  // The new stack: its own frames down to the first one the original error
  // shares, then all of the original's.
  const origStack = err.stack;
  if (typeof origStack === 'string') {
    const origStackStart = origStack.indexOf('\n    at');
    if (origStackStart !== -1) {
      const originalFrames = origStack.slice(origStackStart + 1).split('\n');
      let newFrames = newErr.stack.split('\n');
      for (const errFrame of originalFrames) {
        const pos = newFrames.indexOf(errFrame);
        if (pos !== -1) {
          newFrames = newFrames.slice(0, pos);
          break;
        }
      }
      newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
    }
  }
  throw markThrowSite(newErr, 'ifError');
};

function internalMatch(string, regexp, message, fn) {
  if (!isRegExp(regexp)) {
    throw markThrowSite(new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp), 'matchRegExpType');
  }
  const match = fn === assert.match;
  if (typeof string !== 'string' || (regExpExec.call(regexp, string) !== null) !== match) {
    if (message instanceof Error) throw markThrowSite(message, 'matchMessage');
    const generatedMessage = !message;
    message ||= typeof string !== 'string' ?
      'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})` :
      (match ?
        'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw markThrowSite(err, 'match');
  }
}

assert.match = function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
};

assert.CallTracker = deprecate(CallTracker, 'assert.CallTracker is deprecated.', 'DEP0173');

// assert/strict: the same module with the strict comparisons under the
// loose names.
function strict() {
  if (arguments[0]) return;
  innerOk(strict, arguments.length, arguments[0], arguments[1]);
}

assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;

