'use strict';

// Where Node 23.5 throws assert's errors from (see internal/node_throw_sites):
// when such an error is not caught, Node's fatal report starts with that line
// of its own source ("node:assert:126\n  throw new AssertionError(obj);\n  ^\n").

const { markThrowSite } = require('internal/node_throw_sites');
const { AssertionError } = require('internal/assert/assertion_error');

// name -> [where Node throws, where Node makes the error when that is
// another column of the line (its `new`)]
const kSites = {
  __proto__: null,
  innerFail: ['node:assert:126:3', 'node:assert:126:9'],
  fail: ['node:assert:173:3'],
  innerFailMessage: ['node:assert:124:37'],
  failMessage: ['node:assert:160:33'],
  ok: ['node:internal/assert/utils:281:5'],
  noFrame: ['node:internal/assert/utils:173:23'],
  okMessage: ['node:internal/assert/utils:270:7'],
  compareExceptionKey: ['node:assert:684:7'],
  primitiveException: ['node:assert:723:7'],
  emptyMatcher: ['node:assert:732:9', 'node:assert:732:15'],
  expectedException: ['node:assert:798:5'],
  errorStringWithMessage: ['node:assert:850:7', 'node:assert:850:13'],
  ambiguousMessage: ['node:assert:856:9', 'node:assert:856:15'],
  ambiguousError: ['node:assert:862:7', 'node:assert:862:13'],
  errorType: ['node:assert:872:5', 'node:assert:872:11'],
  expectedType: ['node:assert:905:5', 'node:assert:905:11'],
  ifError: ['node:assert:1040:5'],
  matchRegExpType: ['node:assert:1046:5', 'node:assert:1046:11'],
  matchMessage: ['node:assert:1054:7'],
  match: ['node:assert:1075:5'],
  validateFunction: ['node:internal/errors:540:7'],
  verify: ['node:internal/assert/calltracker:146:5', 'node:internal/assert/calltracker:146:11'],
  unwanted: ['node:assert:941:3'],
  // (Thrown in async functions: always reported as rejections.)
  returnValue: ['node:assert:829:7', 'node:assert:829:13'],
  promiseFnType: ['node:assert:835:5', 'node:assert:835:11'],
  equal: ['node:assert:202:5', 'node:assert:202:11'],
  notEqual: ['node:assert:226:5', 'node:assert:226:11'],
  deepEqual: ['node:assert:249:5', 'node:assert:249:11'],
  notDeepEqual: ['node:assert:272:5', 'node:assert:272:11'],
  deepStrictEqual: ['node:assert:297:5', 'node:assert:297:11'],
  notDeepStrictEqual: ['node:assert:322:5', 'node:assert:322:11'],
  strictEqual: ['node:assert:345:5', 'node:assert:345:11'],
  notStrictEqual: ['node:assert:367:5', 'node:assert:367:11'],
  partialDeepStrictEqual: ['node:assert:637:5', 'node:assert:637:11'],
};

// Sites that rethrow a value the caller gave (an error passed as the
// message, or the exception doesNotThrow did not want). Reported through a
// promise, such a value shows where it was made, as any error would.
const kRethrown = new Set(['innerFailMessage', 'failMessage', 'okMessage', 'matchMessage', 'unwanted']);

// Errors assert made itself (not values it rethrows).
const ownErrors = new WeakSet();

function isObject(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// Records the throw site `name` for `err` and returns `err`. Reported
// through a promise (or a failed ES module), an AssertionError has no
// location in Node (its stack is captured with no frames, then replaced),
// and any other error shows the `new` that made it.
function markThrowSiteOf(err, name) {
  if (!isObject(err)) return err;
  const { 0: thrownAt, 1: madeAt = thrownAt } = kSites[name];
  let at;
  if (!kRethrown.has(name)) {
    ownErrors.add(err);
    at = err instanceof AssertionError ? null : madeAt;
  }
  return markThrowSite(err, at, thrownAt);
}

function isOwnError(err) {
  return isObject(err) && ownErrors.has(err);
}

module.exports = { isOwnError, markThrowSite: markThrowSiteOf };
