'use strict';

// EventTarget, Event and CustomEvent with Node's semantics (a target has no
// parent, so dispatch is always AT_TARGET): listener options `once`,
// `capture`, `passive`, `signal`; handleEvent objects looked up at dispatch
// time; a throwing (or rejecting) listener becomes an uncaught exception on
// the next tick while the other listeners still run; `on<event>` attribute
// handlers; the MaxListenersExceededWarning; getEventListeners().

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateAbortSignal, validateObject, kValidateObjectAllowFunction, kValidateObjectAllowArray } =
  require('internal/validators');
const { customInspectSymbol } = require('internal/util');
const { markThrowSite } = require('internal/node_throw_sites');
const EventEmitter = require('events');
const { enterEmitter, leaveEmitter, noteRunningEmitters } = require('internal/events/listeners');

const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = EventEmitter;
const kIsEventTarget = Symbol.for('nodejs.event_target');
// Shared with events.js: a listener that stopImmediatePropagation() cannot skip.
const kResistStopPropagation = Symbol.for('pynode.kResistStopPropagation');
const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kTrustEvent = Symbol('kTrustEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');

const NONE = 0;
const AT_TARGET = 2;

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

// Event timestamps are performance.now() values (the same clock and origin).
let perfNow;
function now() {
  perfNow ??= require('internal/perf/utils').now;
  return perfNow();
}

function nestedOptions(options) {
  return { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
}

const trustedEvents = new WeakSet();

// Set by Event's static block: they reach its private fields.
let isEvent;
let beginDispatch;
let endDispatch;
let immediateStopped;

// ---- Event -------------------------------------------------------------------

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;
  #immediateStopped = false;
  #target = null;
  #currentTarget = null;
  #phase = NONE;
  #dispatching = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type'); // at node:internal/event_target:116:13
    if (options != null) {
      const objects = kValidateObjectAllowFunction | kValidateObjectAllowArray;
      validateObject(options, 'options', objects); // at node:internal/event_target:118:7
    }
    this.#type = `${type}`;
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    if (options?.[kTrustEvent]) trustedEvents.add(this);
  }

  [customInspectSymbol](depth, options) {
    checkEvent(this, 'node:internal/event_target:151:13');
    const name = this.constructor.name;
    if (depth < 0) return name;
    const fields = {
      type: this.#type,
      defaultPrevented: this.#cancelable && this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    };
    return `${name} ${inspect(fields, nestedOptions(options))}`;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type'); // at node:internal/event_target:139:13
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  stopImmediatePropagation() {
    checkEvent(this, 'node:internal/event_target:170:13');
    this.#propagationStopped = true;
    this.#immediateStopped = true;
  }

  preventDefault() {
    checkEvent(this, 'node:internal/event_target:180:13');
    this.#defaultPrevented = true;
  }

  get target() {
    checkEvent(this, 'node:internal/event_target:189:13');
    return this.#target;
  }
  get currentTarget() {
    checkEvent(this, 'node:internal/event_target:198:13');
    return this.#currentTarget;
  }
  get srcElement() {
    checkEvent(this, 'node:internal/event_target:207:13');
    return this.#target;
  }
  get type() {
    checkEvent(this, 'node:internal/event_target:216:13');
    return this.#type;
  }
  get cancelable() {
    checkEvent(this, 'node:internal/event_target:225:13');
    return this.#cancelable;
  }
  get defaultPrevented() {
    checkEvent(this, 'node:internal/event_target:234:13');
    return this.#cancelable && this.#defaultPrevented;
  }
  get timeStamp() {
    checkEvent(this, 'node:internal/event_target:243:13');
    return this.#timestamp;
  }

  composedPath() {
    checkEvent(this, 'node:internal/event_target:256:13');
    return this.#dispatching ? [this.#currentTarget] : [];
  }

  get returnValue() {
    checkEvent(this, 'node:internal/event_target:265:13');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    checkEvent(this, 'node:internal/event_target:274:13');
    return this.#bubbles;
  }
  get composed() {
    checkEvent(this, 'node:internal/event_target:283:13');
    return this.#composed;
  }
  get eventPhase() {
    checkEvent(this, 'node:internal/event_target:292:13');
    return this.#phase;
  }

  get cancelBubble() {
    checkEvent(this, 'node:internal/event_target:301:13');
    return this.#propagationStopped;
  }
  set cancelBubble(value) {
    checkEvent(this, 'node:internal/event_target:310:13');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    checkEvent(this, 'node:internal/event_target:318:13');
    this.#propagationStopped = true;
  }

  get isTrusted() { return trustedEvents.has(this); }

  // Brand check and dispatch bookkeeping, reachable only through the functions below.
  static {
    isEvent = (value) => value != null && typeof value === 'object' && #type in value;
    beginDispatch = (event, target) => {
      if (event.#dispatching) throw new ERR_EVENT_RECURSION(event.#type); // at node:internal/event_target:760:13
      event.#dispatching = true;
      event.#target = target;
      event.#currentTarget = target;
      event.#phase = AT_TARGET;
    };
    endDispatch = (event) => {
      event.#dispatching = false;
      event.#currentTarget = null;
      event.#phase = NONE;
    };
    immediateStopped = (event) => event.#immediateStopped;
  }
}

// `nodeSite`: where the member of Node's Event checks its receiver (see
// internal/node_throw_sites).
function checkEvent(value, nodeSite) {
  if (!isEvent(value)) throw markThrowSite(new ERR_INVALID_THIS('Event'), nodeSite);
}

for (const [name, value] of [['NONE', NONE], ['CAPTURING_PHASE', 1], ['AT_TARGET', AT_TARGET], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { __proto__: null, value, writable: false, enumerable: true, configurable: false });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Event', writable: false, enumerable: false, configurable: true,
});
for (const name of ['initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget',
  'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue',
  'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'stopPropagation', 'isTrusted']) {
  Object.defineProperty(Event.prototype, name, { __proto__: null, enumerable: true });
}

class CustomEvent extends Event {
  #detail;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type'); // at node:internal/event_target:389:13
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!(#detail in this)) throw new ERR_INVALID_THIS('CustomEvent'); // at node:internal/event_target:399:13
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, 'detail', { __proto__: null, enumerable: true });
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'CustomEvent', writable: false, enumerable: false, configurable: true,
});

// ---- EventTarget ----------------------------------------------------------------

// One registration: the listener as given, and how it was added. The
// registrations of a type form a linked list; a removed one keeps its `next`
// so a dispatch standing on it goes on, and one appended during a dispatch
// is reached by that dispatch, as in Node.
class Listener {
  constructor(previous, listener, once, capture, passive, resist) {
    this.previous = previous;
    this.next = undefined;
    if (previous !== undefined) previous.next = this;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.resist = resist;
    this.removed = false;
  }

  same(listener, capture) {
    return this.listener === listener && this.capture === capture;
  }

  unlink() {
    this.removed = true;
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
  }

  call(target, event) {
    const listener = this.listener;
    if (typeof listener === 'function') {
      return Reflect.apply(listener, target, [event]); // at [nodejs.internal.kHybridDispatch] (node:internal/event_target:827:20) calling {emitter}
    }
    const handleEvent = listener.handleEvent;
    if (typeof handleEvent === 'function') {
      return Reflect.apply(handleEvent, listener, [event]); // at {emitter}.<anonymous> (node:internal/event_target:488:17) | [nodejs.internal.kHybridDispatch] (node:internal/event_target:827:20) calling Object
    }
    return undefined;
  }
}

function initEventTarget(self) {
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = EventEmitter.defaultMaxListeners;
  self[kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new Map();
}

function isEventTarget(value) {
  return value?.constructor?.[kIsEventTarget] === true && value[kEvents] !== undefined;
}

// `nodeSite` as for checkEvent.
function checkTarget(value, nodeSite) {
  if (value == null || value[kEvents] === undefined) {
    throw markThrowSite(new ERR_INVALID_THIS('EventTarget'), nodeSite); // at -
  }
}

// `options` as a boolean means `capture`.
function listenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options == null) return {};
  const objects = kValidateObjectAllowFunction | kValidateObjectAllowArray;
  validateObject(options, 'options', objects); // at validateEventListenerOptions (node:internal/event_target:1064:3)
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    resist: Boolean(options[kResistStopPropagation]),
  };
}

// True when the listener can be registered; null and undefined are ignored
// with a warning, objects need a `handleEvent` only when an event comes.
function validListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener); // at validateEventListener (node:internal/event_target:1055:9)
}

// Errors thrown by listeners do not stop the dispatch; they surface as
// uncaught exceptions once the current operation is over.
function reportListenerError(err) {
  process.nextTick(() => { throw markThrowSite(err, undefined, 'node:internal/event_target:1101:28'); });
}

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  [kNewListener](size, type) {
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const warning = new Error('Possible EventTarget memory leak detected. ' +
        `${size} ${type} listeners added to ${inspect(this, { depth: -1 })}. MaxListeners is ${max}. ` +
        'Use events.setMaxListeners() to increase limit');
      warning.name = 'MaxListenersExceededWarning';
      warning.target = this;
      warning.type = type;
      warning.count = size;
      process.emitWarning(warning);
    }
  }

  [kRemoveListener]() {}

  addEventListener(type, listener, options = undefined) {
    checkTarget(this, 'node:internal/event_target:596:13'); // at node:internal/event_target:596:13
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener'); // at node:internal/event_target:598:13
    const { once, capture, passive, signal, resist } = listenerOptions(options); // at node:internal/event_target:610:17
    if (!validListener(listener)) { // at node:internal/event_target:635:10
      const warning = new Error(`addEventListener called with ${listener} which has no effect.`);
      warning.name = 'AddEventListenerArgumentTypeWarning';
      warning.target = this;
      warning.type = type;
      process.emitWarning(warning);
      return;
    }
    type = typeof type === 'symbol' ? type : `${type}`;
    if (signal !== undefined) {
      validateAbortSignal(signal, 'options.signal'); // at node:internal/event_target:621:7
      if (signal.aborted) return;
    }
    let entry = this[kEvents].get(type);
    if (entry === undefined) {
      // `head` is a sentinel: the registrations follow it.
      entry = { size: 0, head: new Listener(undefined), tail: undefined };
      entry.tail = entry.head;
      this[kEvents].set(type, entry);
    }
    for (let r = entry.head.next; r !== undefined; r = r.next) {
      if (r.same(listener, !!capture)) return;
    }
    entry.tail = new Listener(entry.tail, listener, !!once, !!capture, !!passive, resist);
    entry.size++;
    if (signal !== undefined) {
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, { capture }),
                              { once: true, [kResistStopPropagation]: true });
    }
    this[kNewListener](entry.size, type, listener, once, capture, passive);
  }

  removeEventListener(type, listener, options = undefined) {
    checkTarget(this, 'node:internal/event_target:698:13'); // at node:internal/event_target:698:13
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener'); // at node:internal/event_target:700:13
    if (!validListener(listener)) return; // at node:internal/event_target:701:10
    type = typeof type === 'symbol' ? type : `${type}`;
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    const entry = this[kEvents].get(type);
    if (entry === undefined) return;
    for (let r = entry.head.next; r !== undefined; r = r.next) {
      if (r.same(listener, capture)) {
        removeRecord(this, type, entry, r);
        return;
      }
    }
  }

  dispatchEvent(event) {
    checkTarget(this, 'node:internal/event_target:752:13'); // at node:internal/event_target:752:13
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event'); // at node:internal/event_target:754:13
    if (!(event instanceof Event)) {
      throw new ERR_INVALID_ARG_TYPE('event', 'Event', event); // at node:internal/event_target:757:13
    }
    beginDispatch(event, this);
    const depth = enterEmitter(this);
    try {
      dispatch(this, event.type, event); // at {emitter}.dispatchEvent (node:internal/event_target:762:26)
    } finally {
      leaveEmitter(depth);
      endDispatch(event);
    }
    return event.defaultPrevented !== true;
  }

  [customInspectSymbol](depth, options) {
    checkTarget(this, 'node:internal/event_target:850:13'); // at node:internal/event_target:850:13
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, nestedOptions(options))}`;
  }
}

Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'EventTarget', writable: false, enumerable: false, configurable: true,
});
for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  Object.defineProperty(EventTarget.prototype, name, { __proto__: null, enumerable: true });
}

function removeRecord(target, type, entry, record) {
  if (entry.tail === record) entry.tail = record.previous;
  record.unlink();
  entry.size--;
  if (entry.size === 0) target[kEvents].delete(type);
  target[kRemoveListener](entry.size, type, record.listener, record.capture);
}

function dispatch(target, type, event) {
  const entry = target[kEvents].get(type);
  if (entry === undefined) return;
  for (let record = entry.head.next; record !== undefined; record = record.next) {
    if (record.removed) continue;
    if (immediateStopped(event) && !record.resist) continue;
    if (record.once) removeRecord(target, type, entry, record);
    try {
      const result = record.call(target, event); // at -
      if (result != null && typeof result.then === 'function') {
        result.then(undefined, reportListenerError);
      }
    } catch (err) {
      noteRunningEmitters(err);
      reportListenerError(err);
    }
  }
}

function getEventTargetListeners(target, type) {
  const entry = target[kEvents]?.get(type);
  if (entry === undefined) return [];
  const listeners = [];
  for (let r = entry.head.next; r !== undefined; r = r.next) listeners.push(r.listener);
  return listeners;
}

// ---- on<event> attribute handlers -----------------------------------------------

// `target.onabort = fn`: one listener per event, registered when a handler is
// first set and kept in place (so it keeps its position) until set to null.
function defineEventHandler(prototype, name, type = name) {
  const { get, set } = {
    get() {
      return this[kHandlers]?.get(type)?.handler ?? null;
    },
    set(value) {
      if (this[kHandlers] === undefined) initEventTarget(this);
      let wrapper = this[kHandlers].get(type);
      if (wrapper !== undefined) {
        if (typeof wrapper.handler === 'function') {
          wrapper.handler = value;
          if (typeof value !== 'function') {
            this.removeEventListener(type, wrapper);
            this[kHandlers].delete(type);
          }
          return;
        }
      }
      if (typeof value !== 'function') {
        this[kHandlers].delete(type);
        return;
      }
      wrapper = function(event) {
        if (typeof wrapper.handler === 'function') {
          return Reflect.apply(wrapper.handler, this, [event]); // at {emitter}.eventHandler (node:internal/event_target:1111:12)
        }
      };
      wrapper.handler = value;
      this[kHandlers].set(type, wrapper);
      this.addEventListener(type, wrapper);
    },
  };
  // Named for the property, as Node names them ("get onmessage").
  Object.defineProperty(get, 'name', { __proto__: null, value: `get on${name}` });
  Object.defineProperty(set, 'name', { __proto__: null, value: `set on${name}` });
  Object.defineProperty(prototype, `on${name}`, { __proto__: null, enumerable: true, configurable: true, get, set });
}

module.exports = {
  CustomEvent,
  defineEventHandler,
  Event,
  EventTarget,
  getEventTargetListeners,
  initEventTarget,
  isEventTarget,
  kEvents,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kTrustEvent,
};
