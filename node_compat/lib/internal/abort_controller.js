'use strict';

// AbortController and AbortSignal as Node 23.5 has them: abort(reason) with
// a DOMException AbortError by default, AbortSignal.abort(), .timeout(ms)
// (an unref'd timer that aborts with a TimeoutError), .any(signals),
// throwIfAborted(), the trusted 'abort' event and `onabort`.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');
const { validateUint32 } = require('internal/validators');
const { customInspectSymbol } = require('internal/util');
const { markThrowSite } = require('internal/node_throw_sites');
const {
  Event,
  EventTarget,
  defineEventHandler,
  kTrustEvent,
} = require('internal/event_target');
const { kMaxEventTargetListeners } = require('events');

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kDependants = Symbol('kDependants');
const kSources = Symbol('kSources');
const kCreate = Symbol('kCreate');

let DOMExceptionClass;
function domException(message, name) {
  DOMExceptionClass ??= require('internal/per_context/domexception').DOMException;
  return new DOMExceptionClass(message, name); // at -
}

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

// `Name { ...fields }`; at the depth limit the object itself, as Node shows it.
function customInspect(self, fields, depth, options) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(fields, opts)}`;
}

function checkSignal(value) {
  if (value == null || value[kAborted] === undefined) {
    throw new ERR_INVALID_THIS('AbortSignal'); // at validateThisAbortSignal (node:internal/abort_controller:136:11)
  }
}

class AbortSignal extends EventTarget {
  constructor(key = undefined, aborted = false, reason = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR(); // at node:internal/abort_controller:177:13
    super();
    // Abort listeners are not counted for the leak warning.
    this[kMaxEventTargetListeners] = 0;
    this[kAborted] = aborted;
    this[kReason] = reason;
    this[kDependants] = undefined;
    // (A signal AbortSignal.any() made: the signals it follows.)
    this[kSources] = undefined;
  }

  get aborted() {
    checkSignal(this); // at get aborted (node:internal/abort_controller:200:5)
    return this[kAborted];
  }

  get reason() {
    checkSignal(this); // at get reason (node:internal/abort_controller:208:5)
    return this[kReason];
  }

  throwIfAborted() {
    checkSignal(this); // at Object.throwIfAborted (node:internal/abort_controller:213:5)
    // Node throws the reason from its own line, whoever made it.
    if (this[kAborted]) throw markThrowSite(this[kReason], undefined, 'node:internal/abort_controller:215:7');
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = domException('This operation was aborted', 'AbortError')) { // at AbortSignal.abort (node:internal/abort_controller:230:14)
    return new AbortSignal(kCreate, true, reason);
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false); // at node:internal/abort_controller:239:5
    const signal = new AbortSignal(kCreate);
    const timer = setTimeout(() => {
      const reason = domException('The operation was aborted due to timeout', 'TimeoutError'); // at Timeout._onTimeout (node:internal/abort_controller:154:9)
      abortSignal(signal, reason); // at Timeout._onTimeout (node:internal/abort_controller:152:7)
    }, delay);
    timer.unref();
    return signal;
  }

  static any(signals) {
    if (signals == null || typeof signals[Symbol.iterator] !== 'function') {
      const err = new TypeError('signals can not be converted to sequence.');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw markThrowSite(err, 'node:internal/webidl:217:15', 'node:internal/webidl:342:7');
    }
    const sources = [...signals];
    for (let i = 0; i < sources.length; i++) {
      if (!(sources[i] instanceof AbortSignal)) {
        throw new ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', sources[i]); // at (node:internal/webidl:379:11) | Object.sequence<AbortSignal> (node:internal/webidl:361:19) | AbortSignal.any (node:internal/abort_controller:253:61)
      }
    }
    const result = new AbortSignal(kCreate);
    for (const source of sources) {
      if (source[kAborted]) {
        result[kAborted] = true;
        result[kReason] = source[kReason];
        return result;
      }
    }
    // A signal any() made stands for its own sources (the DOM follows
    // them), so a signal's dependants never have dependants of their own.
    result[kSources] = new Set();
    for (const source of sources) {
      for (const original of source[kSources] ?? [source]) {
        original[kDependants] ??= new Set();
        original[kDependants].add(result);
        result[kSources].add(original);
      }
    }
    return result;
  }
}

for (const name of ['aborted', 'reason', 'throwIfAborted']) {
  Object.defineProperty(AbortSignal.prototype, name, { __proto__: null, enumerable: true });
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'AbortSignal', writable: false, enumerable: false, configurable: true,
});
defineEventHandler(AbortSignal.prototype, 'abort');

// Mark the signal aborted, and the signals AbortSignal.any() made from it,
// then tell its listeners (a trusted 'abort' event), then theirs: the DOM's
// order, in which a listener of the signal already sees them aborted.
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const dependants = signal[kDependants];
  const toAbort = [];
  if (dependants !== undefined) {
    signal[kDependants] = undefined;
    for (const dependant of dependants) {
      if (dependant[kAborted]) continue;
      dependant[kAborted] = true;
      dependant[kReason] = reason;
      toAbort.push(dependant);
    }
  }
  runAbort(signal); // at node:internal/abort_controller:435:3
  for (let i = 0; i < toAbort.length; i++) runAbort(toAbort[i]); // at node:internal/abort_controller:440:5
}

function runAbort(signal) {
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true })); // at node:internal/abort_controller:449:10
}

class AbortController {
  #signal;

  get signal() {
    this.#signal ??= new AbortSignal(kCreate); // at node:internal/abort_controller:459:9
    return this.#signal;
  }

  abort(reason = domException('This operation was aborted', 'AbortError')) { // at AbortController.abort (node:internal/abort_controller:467:18)
    this.#signal ??= new AbortSignal(kCreate); // at node:internal/abort_controller:468:21
    abortSignal(this.#signal, reason); // at AbortController.abort (node:internal/abort_controller:468:5)
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

for (const name of ['signal', 'abort']) {
  Object.defineProperty(AbortController.prototype, name, { __proto__: null, enumerable: true });
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'AbortController', writable: false, enumerable: false, configurable: true,
});

module.exports = {
  AbortController,
  AbortSignal,
  abortSignal,
  kAborted,
};
