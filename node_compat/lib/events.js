'use strict';

// node:events — EventEmitter with Node 23's semantics: listener storage as a
// single function or an array, 'newListener'/'removeListener', the leak
// warning, errorMonitor, captureRejections, and the promise/iterator helpers.
//
// `void 0`, not `undefined`: QuickJS reads the name `undefined` from the
// global object each time, and a test against it misses the fast
// is-undefined opcode.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNHANDLED_ERROR },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateObject,
  validateInteger,
  validateNumber,
} = require('internal/validators');
const { markRethrow, markThrowSite } = require('internal/node_throw_sites');
const { noteAsyncListener, noteEmitters, setEmitterSource } = require('internal/bootstrap/error_stacks');
const { kEnhanceStackBeforeInspector } = require('internal/util');

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kShapeMode = Symbol('shapeMode');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kRejection = Symbol.for('nodejs.rejection');
const kFirstEventParam = Symbol('nodejs.kFirstEventParam');

let defaultMaxListeners = 10;

let inspectFn;
function inspect(value, opts) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = void 0;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = void 0;

// The module is the class; its other exports come first, in Node's order.
module.exports = EventEmitter;
EventEmitter.addAbortListener = addAbortListener;
EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.getEventListeners = getEventListeners;
EventEmitter.getMaxListeners = getMaxListeners;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = kRejection;

function checkListener(listener) {
  validateFunction(listener, 'listener'); // at node:events:264:3
}

Object.defineProperty(EventEmitter, 'captureRejections', {
  __proto__: null,
  get() { return EventEmitter.prototype[kCapture]; },
  set(value) {
    validateBoolean(value, 'EventEmitter.captureRejections'); // at node:events:229:5
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
});

EventEmitter.errorMonitor = kErrorMonitor;

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  __proto__: null,
  enumerable: true,
  get() { return defaultMaxListeners; },
  set(arg) {
    validateNumber(arg, 'defaultMaxListeners', 0); // at node:events:274:5
    defaultMaxListeners = arg;
  },
});

Object.defineProperties(EventEmitter, {
  kMaxEventTargetListeners: { __proto__: null, value: kMaxEventTargetListeners, enumerable: false, configurable: false, writable: false },
  kMaxEventTargetListenersWarned: { __proto__: null, value: kMaxEventTargetListenersWarned, enumerable: false, configurable: false, writable: false },
});

Object.defineProperty(EventEmitter.prototype, kCapture, { __proto__: null, value: false, writable: true });

EventEmitter.setMaxListeners = function(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0); // at node:events:310:5
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
  } else {
    for (let i = 0; i < eventTargets.length; i++) {
      const target = eventTargets[i];
      if (isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        const types = ['EventEmitter', 'EventTarget'];
        throw new ERR_INVALID_ARG_TYPE('eventTargets', types, target); // at node:events:325:17
      }
    }
  }
};

EventEmitter.init = function(opts) {
  if (this._events === void 0 || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || void 0;
  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections'); // at node:events:351:5
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

// A listener returned a value while captureRejections is on: a rejection of
// it becomes 'error' (or the Symbol.for('nodejs.rejection') method).
function addCatch(that, promise, type, args) {
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, void 0, function(err) {
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0); // at node:events:409:3
  this._maxListeners = n;
  return this;
};

function _getMaxListeners(that) {
  if (that._maxListeners === void 0) return defaultMaxListeners;
  return that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return _getMaxListeners(this);
};

function enhanceStackTrace(err, own) {
  let ctorInfo = '';
  try {
    const { name } = this.constructor;
    if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
  } catch {
    // A constructor that cannot be read gives no extra detail.
  }
  const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
  const errStack = (err.stack || '').split('\n').slice(1);
  const ownStack = (own.stack || '').split('\n').slice(1);
  const { len, offset } = require('internal/util/inspect').identicalSequenceRange(ownStack, errStack);
  if (len > 0) {
    ownStack.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
  }
  return err.stack + sep + ownStack.join('\n');
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = (type === 'error');
  const events = this._events;
  if (events !== void 0) {
    if (doError && events[kErrorMonitor] !== void 0) this.emit(kErrorMonitor, ...args);
    doError = (doError && events.error === void 0);
  } else if (!doError) {
    return false;
  }

  if (doError) {
    let er;
    if (args.length > 0) er = args[0];
    if (er instanceof Error) {
      try {
        const capture = {};
        Error.captureStackTrace(capture, EventEmitter.prototype.emit);
        Object.defineProperty(er, kEnhanceStackBeforeInspector, {
          __proto__: null,
          value: enhanceStackTrace.bind(this, er, capture),
          configurable: true,
        });
      } catch {
        // Extra stack detail is a courtesy; the error is thrown regardless.
      }
      throw markRethrow(er, 'node:events:491:7'); // Unhandled 'error' event
    }
    let stringifiedEr;
    try {
      stringifiedEr = inspect(er);
    } catch {
      stringifiedEr = er;
    }
    // (Made while this emitter runs, for its frame's name.)
    const depth = enterEmitter(this);
    const err = new ERR_UNHANDLED_ERROR(stringifiedEr); // at {emitter}.emit (node:events:502:17)
    leaveEmitter(depth);
    err.context = er;
    throw markThrowSite(err, 'node:events:502:17', 'node:events:504:5'); // Unhandled 'error' event
  }

  const handler = events[type];
  if (handler === void 0) return false;

  const depth = emitDepth;
  emitters[depth] = this;
  emitDepth = depth + 1;
  try {
    if (typeof handler === 'function') {
      const result = handler.apply(this, args); // at {emitter}.emit (node:events:513:28) calling {emitter}
      if (result !== void 0 && result !== null) {
        if (this[kCapture]) addCatch(this, result, type, args);
        returned(handler, this, result);
      }
    } else {
      const len = handler.length;
      const listeners = arrayClone(handler);
      for (let i = 0; i < len; ++i) {
        const result = listeners[i].apply(this, args); // at {emitter}.emit (node:events:525:35) calling {emitter}
        if (result !== void 0 && result !== null) {
          if (this[kCapture]) addCatch(this, result, type, args);
          returned(listeners[i], this, result);
        }
      }
    }
  } catch (err) {
    leaveEmitThrowing(err, depth);
    throw err;
  }
  emitDepth = depth;
  emitters[depth] = void 0;
  return true;
};

// A listener that returned a promise (an async function): its emitter is
// noted for the stacks of its code after an await (see bootstrap/error_stacks).
function returned(listener, emitter, result) {
  if (typeof result === 'object' && typeof result.then === 'function') noteAsyncListener(listener, emitter);
}

// The emitters whose listeners are running, outermost first. V8 names
// the frames of emit and of the listener it calls after the emitter
// (`Socket.emit`, `Socket.<anonymous>`), and QuickJS's frames do not keep
// `this`: error stacks take them from here (see bootstrap/error_stacks).
const emitters = [];
let emitDepth = 0;
function runningEmitters() {
  return emitDepth === 0 ? null : emitters.slice(0, emitDepth);
}
// An error leaving a listener: one the engine made is given the emitters
// of its frames now (an error made in JS has them already).
function leaveEmitThrowing(err, depth) {
  noteRunningEmitters(err);
  leaveEmitter(depth);
}
setEmitterSource(runningEmitters);
// An EventTarget's dispatchEvent runs its listeners with the target as the
// running emitter too (V8 names them after it: `AbortSignal.dispatchEvent`).
function enterEmitter(target) {
  const depth = emitDepth;
  emitters[depth] = target;
  emitDepth = depth + 1;
  return depth;
}
function leaveEmitter(depth) {
  emitDepth = depth;
  emitters[depth] = void 0;
}
// An error from such a listener, which dispatch catches: one the engine
// made is given the running emitters now, as emit does.
function noteRunningEmitters(err) {
  noteEmitters(err, emitters.slice(0, emitDepth));
}

// What emit(type) and emit(type, a) do for an emitter whose emit is events'
// own, given the listener (or listeners) `events[type]` the caller read:
// the library's own events (never 'error') without emit's arguments array.
// emit calls `listener.apply(emitter, args)`; while that is Function's own
// apply (as made at start-up), the listener is called directly, through a
// Function.prototype.call bound at start-up, without the arguments array
// and its copy. (Named emit: their frames stand for emit's in stacks.)
const functionApply = Function.prototype.apply;
const callListener = Function.prototype.call.bind(Function.prototype.call);

const emitListened0 = function emit(target, type, handler) {
  const depth = emitDepth;
  emitters[depth] = target;
  emitDepth = depth + 1;
  try {
    if (typeof handler === 'function') {
      const result = handler.apply === functionApply ? callListener(handler, target) : handler.apply(target, []); // at {emitter}.emit (node:events:513:28) calling {emitter}
      if (result !== void 0 && result !== null) {
        if (target[kCapture]) addCatch(target, result, type, []);
        returned(handler, target, result);
      }
    } else if (handler.length === 2) {
      // (Two listeners, the usual array: emit's copy of it, so that one
      // removed by the other still runs, is two locals.)
      const first = handler[0];
      const second = handler[1];
      let result = first.apply === functionApply ? callListener(first, target) : first.apply(target, []); // at {emitter}.emit (node:events:525:35) calling {emitter}
      if (result !== void 0 && result !== null) {
        if (target[kCapture]) addCatch(target, result, type, []);
        returned(first, target, result);
      }
      result = second.apply === functionApply ? callListener(second, target) : second.apply(target, []); // at {emitter}.emit (node:events:525:35) calling {emitter}
      if (result !== void 0 && result !== null) {
        if (target[kCapture]) addCatch(target, result, type, []);
        returned(second, target, result);
      }
    } else {
      const len = handler.length;
      const listeners = arrayClone(handler);
      for (let i = 0; i < len; ++i) {
        const listener = listeners[i];
        const result = listener.apply === functionApply ? callListener(listener, target) : listener.apply(target, []); // at {emitter}.emit (node:events:525:35) calling {emitter}
        if (result !== void 0 && result !== null) {
          if (target[kCapture]) addCatch(target, result, type, []);
          returned(listener, target, result);
        }
      }
    }
  } catch (err) {
    leaveEmitThrowing(err, depth);
    throw err;
  }
  emitDepth = depth;
  emitters[depth] = void 0;
  return true;
};

const emitListened1 = function emit(target, type, handler, a) {
  var depth = emitDepth;
  emitters[depth] = target;
  emitDepth = depth + 1;
  try {
    if (typeof handler === 'function') {
      var result = handler.apply === functionApply ? callListener(handler, target, a) : handler.apply(target, [a]); // at {emitter}.emit (node:events:513:28) calling {emitter}
      if (result !== void 0 && result !== null) {
        if (target[kCapture]) addCatch(target, result, type, [a]);
        returned(handler, target, result);
      }
    } else if (handler.length === 2) {
      var first = handler[0];
      var second = handler[1];
      var result = first.apply === functionApply ? callListener(first, target, a) : first.apply(target, [a]); // at {emitter}.emit (node:events:525:35) calling {emitter}
      if (result !== void 0 && result !== null) {
        if (target[kCapture]) addCatch(target, result, type, [a]);
        returned(first, target, result);
      }
      result = second.apply === functionApply ? callListener(second, target, a) : second.apply(target, [a]); // at {emitter}.emit (node:events:525:35) calling {emitter}
      if (result !== void 0 && result !== null) {
        if (target[kCapture]) addCatch(target, result, type, [a]);
        returned(second, target, result);
      }
    } else {
      var len = handler.length;
      var listeners = arrayClone(handler);
      for (var i = 0; i < len; ++i) {
        var listener = listeners[i];
        var result = listener.apply === functionApply ? callListener(listener, target, a) : listener.apply(target, [a]); // at {emitter}.emit (node:events:525:35) calling {emitter}
        if (result !== void 0 && result !== null) {
          if (target[kCapture]) addCatch(target, result, type, [a]);
          returned(listener, target, result);
        }
      }
    }
  } catch (err) {
    leaveEmitThrowing(err, depth);
    throw err;
  }
  emitDepth = depth;
  emitters[depth] = void 0;
  return true;
};

// emit(type, a, b) for one listener function (a socket's 'message'); with
// several, the caller calls emit.
const emitListened2 = function emit(target, type, handler, a, b) {
  var depth = emitDepth;
  emitters[depth] = target;
  emitDepth = depth + 1;
  try {
    var result = handler.apply === functionApply ? callListener(handler, target, a, b) : handler.apply(target, [a, b]); // at {emitter}.emit (node:events:513:28) calling {emitter}
    if (result !== void 0 && result !== null) {
      if (target[kCapture]) addCatch(target, result, type, [a, b]);
      returned(handler, target, result);
    }
  } catch (err) {
    leaveEmitThrowing(err, depth);
    throw err;
  }
  emitDepth = depth;
  emitters[depth] = void 0;
  return true;
};

function _addListener(target, type, listener, prepend) {
  let m;
  let events;
  let existing;

  if (typeof listener !== 'function') checkListener(listener);

  events = target._events;
  if (events === void 0) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== void 0) {
      target.emit('newListener', type, listener.listener ?? listener);
      events = target._events;
    }
    existing = events[type];
  }

  if (existing === void 0) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }

    m = _getMaxListeners(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const w = new Error('Possible EventEmitter memory leak detected. ' +
                          `${existing.length} ${String(type)} listeners ` +
                          `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${m}. ` +
                          'Use emitter.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      process.emitWarning(w);
    }
  }

  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false);
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

{
  const shared = require('internal/events/listeners');
  shared.addListener = _addListener;
  shared.on = EventEmitter.prototype.on;
  shared.emit = EventEmitter.prototype.emit;
  shared.emitListened0 = emitListened0;
  shared.emitListened1 = emitListened1;
  shared.emitListened2 = emitListened2;
  shared.init = EventEmitter.init;
  shared.kShapeMode = kShapeMode;
  shared.kCapture = kCapture;
  shared.enterEmitter = enterEmitter;
  shared.leaveEmitter = leaveEmitter;
  shared.noteRunningEmitters = noteRunningEmitters;
}

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return _addListener(this, type, listener, true);
};

// The listener once() adds: as in Node, onceWrapper bound to its state
// (so named 'bound onceWrapper', without a prototype, `listener` set). The
// state is an array [target, type, listener, wrapper, fired]: in QuickJS
// cheaper than an object, and than a closure over the same values.
function onceWrapper(...args) {
  const state = this;
  if (state[4]) return void 0;
  const target = state[0];
  target.removeListener(state[1], state[3]);
  // The state and the wrapper refer to each other, a cycle QuickJS frees
  // only at its next cycle collection: cut it once the wrapper is off.
  state[3] = void 0;
  state[4] = true;
  if (args.length === 0) return state[2].call(target); // at Object.onceWrapper (node:events:627:28) calling {emitter}
  return state[2].apply(target, args); // at Object.onceWrapper (node:events:628:26) calling {emitter}
}

function _onceWrap(target, type, listener) {
  const state = [target, type, listener, void 0, false];
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state[3] = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  if (typeof listener !== 'function') checkListener(listener);
  this.on(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  if (typeof listener !== 'function') checkListener(listener);
  this.prependListener(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  if (typeof listener !== 'function') checkListener(listener);

  const events = this._events;
  if (events === void 0) return this;

  const list = events[type];
  if (list === void 0) return this;

  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = void 0;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
    }
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) {
      list.shift();
    } else {
      list.splice(position, 1);
    }
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== void 0) this.emit('removeListener', type, listener);
  }
  return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === void 0) return this;

  if (events.removeListener === void 0) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== void 0) {
      if (--this._eventsCount === 0) {
        this._events = { __proto__: null };
      } else {
        delete events[type];
      }
    }
    this[kShapeMode] = false;
    return this;
  }

  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }

  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== void 0) {
    for (let i = listeners.length - 1; i >= 0; i--) {
      this.removeListener(type, listeners[i]);
    }
  }
  return this;
};

function _listeners(target, type, unwrap) {
  const events = target._events;
  if (events === void 0) return [];
  const evlistener = events[type];
  if (evlistener === void 0) return [];
  if (typeof evlistener === 'function') {
    return unwrap ? [evlistener.listener || evlistener] : [evlistener];
  }
  return unwrap ? unwrapListeners(evlistener) : arrayClone(evlistener);
}

EventEmitter.prototype.listeners = function listeners(type) {
  return _listeners(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return _listeners(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events !== void 0) {
    const evlistener = events[type];
    if (typeof evlistener === 'function') {
      if (listener != null) {
        return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      }
      return 1;
    } else if (evlistener !== void 0) {
      if (listener != null) {
        let matching = 0;
        for (let i = 0, l = evlistener.length; i < l; i++) {
          if (evlistener[i] === listener || evlistener[i].listener === listener) matching++;
        }
        return matching;
      }
      return evlistener.length;
    }
  }
  return 0;
}

EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.listenerCount = function(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type); // at node:events:824:22
  return listenerCount.call(emitter, type);
};

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

function arrayClone(arr) {
  switch (arr.length) {
    case 2: return [arr[0], arr[1]];
    case 3: return [arr[0], arr[1], arr[2]];
    case 4: return [arr[0], arr[1], arr[2], arr[3]];
    case 5: return [arr[0], arr[1], arr[2], arr[3], arr[4]];
    case 6: return [arr[0], arr[1], arr[2], arr[3], arr[4], arr[5]];
  }
  return arr.slice();
}

function unwrapListeners(arr) {
  const ret = arrayClone(arr);
  for (let i = 0; i < ret.length; ++i) {
    const orig = ret[i].listener;
    if (typeof orig === 'function') ret[i] = orig;
  }
  return ret;
}

function isEventTarget(obj) {
  return obj?.constructor?.[kEventTargetMarker] === true || (typeof obj?.addEventListener === 'function' &&
    typeof obj?.removeEventListener === 'function' && typeof obj?.dispatchEvent === 'function' &&
    typeof obj?.on !== 'function');
}
const kEventTargetMarker = Symbol.for('nodejs.event_target');

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    const { getEventTargetListeners } = require('internal/event_target');
    return getEventTargetListeners(emitterOrTarget, type);
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget); // at node:events:929:9
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return _getMaxListeners(emitterOrTarget);
  } else if (emitterOrTarget?.[kMaxEventTargetListeners]) {
    // As in Node, a target whose limit is 0 (an AbortSignal) is not accepted.
    return emitterOrTarget[kMaxEventTargetListeners];
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget); // at node:events:946:9
}

function addAbortListener(signal, listener) {
  if (signal === void 0) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal); // at node:internal/events/abort_listener:26:11
  }
  validateAbortSignal(signal, 'signal'); // at node:internal/events/abort_listener:28:3
  validateFunction(listener, 'listener'); // at node:internal/events/abort_listener:29:3

  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { __proto__: null, once: true, [kResistStopPropagation]: true });
    removeEventListener = () => {
      signal.removeEventListener('abort', listener);
    };
  }
  return {
    __proto__: null,
    [Symbol.dispose]() {
      removeEventListener?.();
    },
  };
}
const kResistStopPropagation = Symbol.for('pynode.kResistStopPropagation');

async function once(emitter, name, options = { __proto__: null }) {
  validateObject(options, 'options'); // at node:events:960:3
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal'); // at node:events:962:3
  if (signal?.aborted) {
    throw new AbortError(void 0, { cause: signal?.reason }); // at node:events:964:11
  }
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) {
        eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      }
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', errorListener);
      }
      if (signal != null) {
        eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      }
      resolve(args);
    };
    const opts = { __proto__: null, once: true, [kResistStopPropagation]: true };
    eventTargetAgnosticAddListener(emitter, name, resolver, opts);
    if (name !== 'error' && typeof emitter.once === 'function') {
      emitter.once('error', errorListener);
    }
    function abortListener() {
      eventTargetAgnosticRemoveListener(emitter, name, resolver);
      eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
      reject(new AbortError(void 0, { cause: signal?.reason })); // at AbortSignal.abortListener (node:events:994:14)
    }
    if (signal != null) {
      eventTargetAgnosticAddListener(signal, 'abort', abortListener, { __proto__: null, once: true, [kResistStopPropagation]: true });
    }
  });
}

function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter); // at node:events:1016:11
  }
}

function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') { // at node:events:1021:22
    if (flags?.once) {
      emitter.once(name, listener);
    } else {
      emitter.on(name, listener);
    }
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter); // at node:events:1030:11
  }
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
const kWatermarkData = Symbol.for('nodejs.watermarkData');

function createIterResult(value, done) { return { value, done }; }

function on(emitter, event, options = { __proto__: null }) {
  validateObject(options, 'options'); // at node:events:1048:3
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal'); // at node:events:1050:3
  if (signal?.aborted) throw new AbortError(void 0, { cause: signal?.reason }); // at node:events:1052:11
  const highWatermark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1); // at node:events:1055:3
  const lowWatermark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1); // at node:events:1058:3

  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let paused = false;
  let error = null;
  let finished = false;
  let size = 0;

  const iterator = Object.setPrototypeOf({
    next() {
      if (size) {
        const value = unconsumedEvents.shift();
        size--;
        if (paused && size < lowWatermark) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve(createIterResult(value, false));
      }
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise(function(resolve, reject) {
        unconsumedPromises.push({ resolve, reject });
      });
    },
    return() { return closeHandler(); },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err); // at node:events:1107:15
      }
      errorHandler(err);
    },
    [Symbol.asyncIterator]() { return this; },
    // (What Node shows of the queue's state, for those who look.)
    [kWatermarkData]: {
      get size() { return size; },
      get low() { return lowWatermark; },
      get high() { return highWatermark; },
      get isPaused() { return paused; },
    },
  }, AsyncIteratorPrototype);

  // The listeners this iterator added, and only those, go when it ends:
  // others on the same events (a socket's own 'end' one) stay.
  const added = [];
  const listen = (name, listener) => {
    eventTargetAgnosticAddListener(emitter, name, listener);
    added.push([name, listener]);
  };
  const abortListenerDisposable = signal ? addAbortListener(signal, abortListener) : null;
  listen(event, options[kFirstEventParam] ? eventHandler : function(...args) {
    return eventHandler(args);
  });
  if (event !== 'error' && typeof emitter.on === 'function') {
    listen('error', errorHandler);
  }
  const closeEvents = options?.close;
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) {
      listen(closeEvents[i], closeHandler);
    }
  }

  function abortListener() {
    errorHandler(new AbortError(void 0, { cause: signal?.reason })); // at AbortSignal.abortListener (node:events:1164:18)
  }

  function eventHandler(value) {
    if (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().resolve(createIterResult(value, false));
    } else {
      size++;
      if (!paused && size > highWatermark) {
        paused = true;
        emitter.pause();
      }
      unconsumedEvents.push(value);
    }
  }

  function errorHandler(err) {
    if (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().reject(err);
    } else {
      error = err;
    }
    closeHandler();
  }

  function closeHandler() {
    abortListenerDisposable?.[Symbol.dispose]();
    while (added.length) {
      const [name, listener] = added.pop();
      eventTargetAgnosticRemoveListener(emitter, name, listener);
    }
    finished = true;
    const doneResult = createIterResult(void 0, true);
    while (unconsumedPromises.length > 0) unconsumedPromises.shift().resolve(doneResult);
    return Promise.resolve(doneResult);
  }

  return iterator;
}
