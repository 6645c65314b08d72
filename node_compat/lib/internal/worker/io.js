'use strict';

// MessageChannel, MessagePort, BroadcastChannel and MessageEvent, for a
// runtime with a single thread: a message is structured-cloned when posted,
// queued on the receiving port and delivered from the event loop (after
// timers, before immediates) through the port's `messaging` handle, which
// also keeps the process alive while a port is receiving (unless unref'd).
//
// A port starts receiving when it gets a 'message' listener (on(),
// addEventListener() or onmessage) or when start() is called; messages
// posted before that wait in its queue.

const {
  codes: { ERR_CONSTRUCT_CALL_INVALID, ERR_MISSING_ARGS },
  nodeErrorWithMessage,
} = require('internal/errors');
const {
  Event,
  EventTarget,
  defineEventHandler,
  kNewListener,
  kRemoveListener,
} = require('internal/event_target');
const { customInspectSymbol: kInspect } = require('internal/util');

const kQueue = Symbol('kQueue');
const kPeer = Symbol('kPeer');
const kHandle = Symbol('kHandle');
const kStarted = Symbol('kStarted');
const kClosed = Symbol('kClosed');
const kNodeListeners = Symbol('kNodeListeners');

let DOMException;
function dataCloneError(message) {
  DOMException ??= require('internal/per_context/domexception').DOMException;
  return new DOMException(message, 'DataCloneError');
}

let cloneFn;
function cloneMessage(value, transferList) {
  cloneFn ??= require('internal/structured_clone').structuredClone;
  if (containsUncloneable(value, new Set())) throw dataCloneError('Cannot clone object of unsupported type.');
  return cloneFn(value, transferList === undefined ? undefined : { transfer: transferList });
}

// markAsUncloneable(): objects that a port refuses to send, wherever they sit in a message.
const uncloneable = new WeakSet();

function markAsUncloneable(value) {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') uncloneable.add(value);
}

function containsUncloneable(value, seen) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  if (uncloneable.has(value)) return true;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      if (containsUncloneable(k, seen) || containsUncloneable(v, seen)) return true;
    }
    return false;
  }
  if (value instanceof Set) {
    for (const v of value) if (containsUncloneable(v, seen)) return true;
    return false;
  }
  if (ArrayBuffer.isView(value)) return false;
  for (const key of Object.keys(value)) {
    if (containsUncloneable(value[key], seen)) return true;
  }
  return false;
}

// `Prefix { ...fields }`, one nesting level down, as Node prints these objects.
function inspectWithPrefix(prefix, fields, options) {
  const { inspect } = require('internal/util/inspect');
  return `${prefix} ${inspect(fields, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
}

// ---- MessageEvent ----------------------------------------------------------------

class MessageEvent extends Event {
  #data;
  #origin;
  #lastEventId;
  #source;
  #ports;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new TypeError('MessageEvent constructor: 1 argument required, but 0 found.');
    super(type, options);
    const { data = null, origin = '', lastEventId = '', source = null, ports = [] } = options ?? {};
    this.#data = data;
    this.#origin = `${origin}`;
    this.#lastEventId = `${lastEventId}`;
    this.#source = source;
    this.#ports = [...ports];
  }

  get data() { return this.#data; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
  get ports() { return this.#ports; }
}

for (const key of ['data', 'origin', 'lastEventId', 'source', 'ports']) {
  Object.defineProperty(MessageEvent.prototype, key, { __proto__: null, enumerable: true });
}

// ---- EventEmitter-style methods over EventTarget (Node's NodeEventTarget) ----------

// Listeners added with on()/once() get the message itself, not the event.
function nodeStyle(target, type, listener, once) {
  const wrapper = function(event) {
    if (once) target.removeListener(type, listener);
    return Reflect.apply(listener, target, [type === 'message' ? event.data : event]);
  };
  let byType = target[kNodeListeners].get(type);
  if (byType === undefined) target[kNodeListeners].set(type, byType = new Map());
  byType.set(listener, wrapper);
  return wrapper;
}

class NodeEventTarget extends EventTarget {
  constructor() {
    super();
    this[kNodeListeners] = new Map();
  }

  setMaxListeners(n) {
    require('events').setMaxListeners(n, this);
  }

  getMaxListeners() {
    return require('events').getMaxListeners(this);
  }

  eventNames() {
    return [...this[kNodeListeners].keys()];
  }

  listenerCount(type) {
    return this[kNodeListeners].get(type)?.size ?? 0;
  }

  off(type, listener) {
    const wrapper = this[kNodeListeners].get(type)?.get(listener);
    if (wrapper === undefined) return this;
    this[kNodeListeners].get(type).delete(listener);
    if (this[kNodeListeners].get(type).size === 0) this[kNodeListeners].delete(type);
    this.removeEventListener(type, wrapper);
    return this;
  }

  removeListener(type, listener) {
    return this.off(type, listener);
  }

  on(type, listener) {
    this.addEventListener(type, nodeStyle(this, type, listener, false));
    return this;
  }

  addListener(type, listener) {
    return this.on(type, listener);
  }

  emit(type, arg) {
    const hadListeners = this.listenerCount(type) > 0;
    this.dispatchEvent(type === 'message' ? new MessageEvent(type, { data: arg }) : new Event(type));
    return hadListeners;
  }

  once(type, listener) {
    this.addEventListener(type, nodeStyle(this, type, listener, true));
    return this;
  }

  removeAllListeners(type) {
    const types = type === undefined ? [...this[kNodeListeners].keys()] : [type];
    for (const each of types) {
      for (const listener of [...(this[kNodeListeners].get(each)?.keys() ?? [])]) this.off(each, listener);
    }
    return this;
  }
}

// ---- MessagePort -----------------------------------------------------------------

function newHandle(owner) {
  const { MessagePortHandle } = internalBinding('messaging');
  const handle = new MessagePortHandle();
  handle.ondeliver = () => deliverOne(owner);
  return handle;
}

// Deliver the oldest queued message; whether more are waiting.
function deliverOne(port) {
  const queue = port[kQueue];
  if (queue.length === 0 || !port[kStarted]) return false;
  const data = queue.shift();
  port.dispatchEvent(port[kCreateEvent](data, 'message'));
  return queue.length > 0;
}

function enqueue(port, data) {
  port[kQueue].push(data);
  if (port[kStarted] && !port[kClosed]) port[kHandle].signal();
}

// MessagePort is laid out as Node's: a function that cannot be called, whose
// prototype holds postMessage and start before its constructor, and whose
// ports are made by MessageChannel. A port is set up by its [oninit], and
// each port listens for its own 'message' listeners (to start receiving
// when the first is added and stop when the last goes).
const kCreateEvent = Symbol('kCreateEvent');
const kOnInit = Symbol('oninit');
const kOnClose = Symbol('handle_onclose');

function MessagePort() {
  throw new ERR_CONSTRUCT_CALL_INVALID();
}

function newMessagePort() {
  const port = Reflect.construct(NodeEventTarget, [], MessagePort);
  port[kOnInit]();
  return port;
}

function defineMethod(proto, key, value, enumerable = true, writable = true, configurable = true) {
  Object.defineProperty(proto, key, { __proto__: null, value, enumerable, writable, configurable });
}

const MessagePortPrototype = Object.create(NodeEventTarget.prototype);
MessagePort.prototype = MessagePortPrototype;

defineMethod(MessagePortPrototype, 'postMessage', function postMessage(...args) {
  if (args.length === 0) {
    throw nodeErrorWithMessage('ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
  }
  const [message, transferList] = args;
  const transfer = transferList !== null && typeof transferList === 'object' && !Array.isArray(transferList) ?
    transferList.transfer : transferList;
  const data = cloneMessage(message, transfer);
  const peer = this[kPeer];
  if (this[kClosed] || peer === null || peer[kClosed]) return;
  enqueue(peer, data);
});

defineMethod(MessagePortPrototype, 'start', function start() {
  if (this[kStarted] || this[kClosed]) return;
  this[kStarted] = true;
  this[kHandle].start();
  if (this[kQueue].length > 0) this[kHandle].signal();
});

defineMethod(MessagePortPrototype, 'constructor', MessagePort, false);

defineMethod(MessagePortPrototype, 'ref', function ref() {
  this[kHandle].ref();
});

defineMethod(MessagePortPrototype, 'unref', function unref() {
  this[kHandle].unref();
});

defineMethod(MessagePortPrototype, 'hasRef', function() {
  return this[kClosed] ? false : this[kHandle].hasRef();
});

defineEventHandler(MessagePortPrototype, 'message');
defineEventHandler(MessagePortPrototype, 'messageerror');

// Closing one end closes both; each emits 'close' from the loop's close
// phase, this end first (the phase runs the last closed first; in Node
// the peer closes later, when the closing message reaches it).
defineMethod(MessagePortPrototype, 'close', function(cb) {
  if (typeof cb === 'function') this.once('close', cb);
  if (this[kClosed]) return;
  const peer = this[kPeer];
  if (peer !== null) closePort(peer);
  closePort(this);
});

// The event a message is delivered in.
Object.defineProperty(MessagePortPrototype, kCreateEvent, {
  __proto__: null,
  value: function(data, type) {
    return new MessageEvent(type, { data });
  },
  enumerable: false,
  writable: false,
  configurable: false,
});

defineMethod(MessagePortPrototype, kOnInit, function oninit() {
  this[kQueue] = [];
  this[kPeer] = null;
  this[kStarted] = false;
  this[kClosed] = false;
  this[kHandle] = newHandle(this);
  this[kNewListener] = function(size, type, ...rest) {
    Reflect.apply(NodeEventTarget.prototype[kNewListener], this, [size, type, ...rest]);
    if (type === 'message') this.start();
  };
  this[kRemoveListener] = function(size, type, ...rest) {
    Reflect.apply(NodeEventTarget.prototype[kRemoveListener], this, [size, type, ...rest]);
    if (type === 'message' && size === 0 && this[kStarted]) {
      this[kStarted] = false;
      this[kHandle].stop();
    }
  };
}, true, false, false);

// The handle has closed: messages that arrived before the close are still
// delivered, then 'close'.
defineMethod(MessagePortPrototype, kOnClose, function onclose() {
  while (this[kStarted] && deliverOne(this));
  this.dispatchEvent(new Event('close'));
}, false, false, false);

defineMethod(MessagePortPrototype, kInspect, function inspect(...args) {
  const [depth, options] = args;
  if (depth < 0) return this;
  return inspectWithPrefix('MessagePort [EventTarget]', { active: !this[kClosed], refed: this.hasRef() }, options);
}, false, false, false);

function closePort(port) {
  port[kClosed] = true;
  port[kPeer] = null;
  port[kHandle].close(() => port[kOnClose]());
}

class MessageChannel {
  constructor() {
    const port1 = newMessagePort();
    const port2 = newMessagePort();
    port1[kPeer] = port2;
    port2[kPeer] = port1;
    this.port1 = port1;
    this.port2 = port2;
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    throw nodeErrorWithMessage('ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
  }
  if (port[kQueue].length === 0) return undefined;
  return { message: port[kQueue].shift() };
}

// ---- BroadcastChannel -------------------------------------------------------------

const broadcastGroups = new Map();  // name -> Set of open channels

class BroadcastChannel extends EventTarget {
  #name;
  #handle;
  #queue = [];
  #closed = false;

  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    this.#name = `${name}`;
    this.#handle = newHandle(this);
    this.#handle.ondeliver = () => {
      if (this.#queue.length === 0) return false;
      this.dispatchEvent(new MessageEvent('message', { data: this.#queue.shift() }));
      return this.#queue.length > 0;
    };
    this.#handle.start();
    let group = broadcastGroups.get(this.#name);
    if (group === undefined) broadcastGroups.set(this.#name, group = new Set());
    group.add(this);
  }

  get name() {
    return this.#name;
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    const group = broadcastGroups.get(this.#name);
    group.delete(this);
    if (group.size === 0) broadcastGroups.delete(this.#name);
    this.#handle.close();
  }

  postMessage(message) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this.#closed) {
      DOMException ??= require('internal/per_context/domexception').DOMException;
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    const data = cloneMessage(message);
    for (const other of broadcastGroups.get(this.#name)) {
      if (other !== this) other.#receive(data);
    }
  }

  #receive(data) {
    this.#queue.push(data);
    this.#handle.signal();
  }

  ref() {
    this.#handle.ref();
    return this;
  }

  unref() {
    this.#handle.unref();
    return this;
  }

  [kInspect](depth, options) {
    if (depth < 0) return 'BroadcastChannel';
    return inspectWithPrefix('BroadcastChannel', { name: this.#name, active: !this.#closed }, options);
  }
}

for (const key of ['name', 'close', 'postMessage']) {
  Object.defineProperty(BroadcastChannel.prototype, key, { __proto__: null, enumerable: true });
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

module.exports = {
  BroadcastChannel,
  markAsUncloneable,
  MessageChannel,
  MessageEvent,
  MessagePort,
  receiveMessageOnPort,
};
