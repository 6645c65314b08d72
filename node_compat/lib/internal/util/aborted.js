'use strict';

// util.aborted and util.transferableAbortSignal/Controller: helpers over the
// public AbortSignal API. Transferability only matters when signals cross to
// worker threads, which this runtime does not have; the functions validate
// and hand back the signal or controller as Node does.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const {
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  validateObject,
} = require('internal/validators');

function isAbortSignal(value) {
  return typeof AbortSignal === 'function' && value instanceof AbortSignal;
}

// Resolves once `signal` aborts (at once if it already has). Node ties the
// listener's life to `resource`; here the listener simply goes once it ran.
async function aborted(signal, resource) {
  if (!isAbortSignal(signal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal); // at node:internal/webidl:379:11
  }
  const objects = kValidateObjectAllowArray | kValidateObjectAllowFunction;
  validateObject(resource, 'resource', objects); // at node:internal/abort_controller:510:3
  // Returning a promise (not a value) settles a little later, as in Node.
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function transferableAbortSignal(signal) {
  if (!isAbortSignal(signal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal); // at node:internal/abort_controller:491:11
  }
  return signal;
}

function transferableAbortController() {
  return new AbortController();
}

module.exports = { aborted, transferableAbortSignal, transferableAbortController };
