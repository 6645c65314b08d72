'use strict';

// node:net: TCP and IPC (Unix domain socket) streams and servers.
//
// A `Socket` is a stream.Duplex over a `TCP` or `Pipe` handle
// (bindings/tcp_wrap.py, pipe_wrap.py); the handle reports through
// `onread`, request `oncomplete` callbacks and `onconnection`, and
// internal/stream_base_commons turns those into pushes and write
// completions. A `Server` is an EventEmitter over a listening handle. Host
// names are resolved with dns.lookup; with autoSelectFamily (the default)
// every looked-up address is tried in turn, alternating families, each
// attempt given `autoSelectFamilyAttemptTimeout` ms (Happy Eyeballs).

const EventEmitter = require('events');
const stream = require('stream');
const { Buffer } = require('buffer');
const { isIP, isIPv4, isIPv6, normalizedArgsSymbol } = require('internal/net');
const {
  codes: {
    ERR_INVALID_ADDRESS_FAMILY,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FD_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_IP_ADDRESS,
    ERR_IP_BLOCKED,
    ERR_MISSING_ARGS,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
    ERR_SOCKET_CONNECTION_TIMEOUT,
  },
  errnoException,
  exceptionWithHostPort,
  genericNodeError,
  NodeAggregateError,
  uvExceptionWithHostPort,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/validators');
const { kEmptyObject, promisify } = require('internal/util');
const {
  kAfterAsyncWrite,
  kBuffer,
  kBufferCb,
  kBufferGen,
  kHandle,
  kTimeout,
  kUpdateTimer,
  onStreamRead,
  owner_symbol,
  setStreamTimeout,
  streamsUsed,
  writeGeneric,
  writevGeneric,
} = require('internal/stream_base_commons');
const { getDefaultHighWaterMark } = require('internal/streams/state');
const { plainReads, syncDestroys, socketFinals, socketCloses } = require('internal/streams/utils');
const { nextTick0 } = require('internal/process/task_queues');

// The diagnostics channels Node's net publishes to: a socket net.connect()
// made, a connection a server accepted, and each listen() as a trace
// (asyncStart when called, asyncEnd once listening, error when it fails).
const dc = require('diagnostics_channel');
const netClientSocketChannel = dc.channel('net.client.socket');
const netServerSocketChannel = dc.channel('net.server.socket');
const netServerListen = dc.tracingChannel('net.server.listen');

const { TCP, TCPConnectWrap, constants: TCPConstants } = internalBinding('tcp_wrap');
const { Pipe, PipeConnectWrap, constants: PipeConstants } = internalBinding('pipe_wrap');
const {
  ShutdownWrap, attachOnread, closeDestroyed, destroyedCounts, setDestroyedOnread,
} = internalBinding('stream_wrap');
const { UV_EADDRINUSE, UV_EINVAL, UV_ENOTCONN, UV_ECANCELED, UV_ETIMEDOUT } = internalBinding('uv').codes;

let dns;
function lazyDns() {
  dns ??= require('dns');
  return dns;
}

let blockListModule;
function lazyBlockList() {
  blockListModule ??= require('internal/blocklist');
  return blockListModule;
}

const DEFAULT_IPV4_ADDR = '0.0.0.0';
const DEFAULT_IPV6_ADDR = '::';

const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kReinitializeHandle = Symbol('kReinitializeHandle');
const { async_id_symbol, newAsyncId } = require('internal/async_hooks');

let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

function noop() {}

// EventEmitter's emit: while a socket has it, an event no one listens to
// ('connectionAttempt', 'ready', often 'close') need not be emitted, which
// saves a call and its arguments array, and one that is goes to
// emitListened0/1.
const eeListeners = require('internal/events/listeners');
const { emit: eeEmit, emitListened0, emitListened1 } = eeListeners;
const readableOn = eeListeners.readableOn;

// ---- argument normalisation ----------------------------------------------------

// A number (or numeric string) >= 0, or false.
function toNumber(x) {
  x = Number(x);
  return x >= 0 ? x : false;
}

// A string that is not a port number names a pipe.
function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// connect() and listen() arguments as [options, callback-or-null]:
// (options[, cb]), (path[, cb]) or ([port][, host][, ...][, cb]).
function normalizeArgs(args) {
  const normalized = [args.length === 0 ? {} : optionsOf(args), callbackOf(args)];
  normalized[normalizedArgsSymbol] = true;
  return normalized;
}

// The options of arguments there are (normalizeArgs' first).
function optionsOf(args) {
  const first = args[0];
  if (typeof first === 'object' && first !== null) return first;
  const options = {};
  if (isPipeName(first)) {
    options.path = first;
  } else {
    options.port = first;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  return options;
}

function callbackOf(args) {
  const last = args[args.length - 1];
  return typeof last === 'function' ? last : null;
}

// ---- handles ---------------------------------------------------------------------

// 'TCP', 'PIPE', 'TTY', 'FILE', 'UDP' or 'UNKNOWN', as libuv guesses it.
function handleTypeOf(fd) {
  return internalBinding('tty_wrap').guessHandleType(fd);
}

// A handle of the right kind (TCP or Pipe) for an existing descriptor.
function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0); // at createHandle (node:net:180:3)
  const type = handleTypeOf(fd);
  if (type === 'PIPE') return new Pipe(isServer ? PipeConstants.SERVER : PipeConstants.SOCKET);
  if (type === 'TCP') return new TCP(isServer ? TCPConstants.SERVER : TCPConstants.SOCKET);
  throw new ERR_INVALID_FD_TYPE(type); // at node:net:194:9
}

// ---- net.connect / createConnection ------------------------------------------------

// An options object net made itself for the Socket about to be built (the
// parsed arguments of net.connect(port, host), an accepted connection's),
// with the stream options that go with it, complete: the constructor then
// neither copies nor completes them (which costs more than the rest of the
// options handling).
let ownOptions = null;
let ownStreamOptions = null;

// Those of a socket with no stream options of its own.
const kDefaultStreamOptions = { allowHalfOpen: false, emitClose: false, autoDestroy: true, decodeStrings: false };

// The options net.connect(port[, host]) parsed for a connection to an IP
// literal, once connecting: no one kept them, so the next such call fills
// them in again instead of making an object (~1,500 instructions in
// QuickJS). Only a host name's lookup keeps them, and a replaced connect()
// gets options of its own.
let spareConnectOptions = null;

function connect(...args) {
  const first = args[0];
  let options;
  let fromPort = false;
  // (A number is no pipe name: no call to tell.)
  if (args.length !== 0 && (typeof first !== 'object' || first === null) &&
      (typeof first !== 'string' || !isPipeName(first))) {
    // (optionsOf's, with a `host` key even when there is none: only a
    // replaced connect() could tell.)
    options = spareConnectOptions ?? {};
    spareConnectOptions = null;
    options.port = first;
    options.host = args.length > 1 && typeof args[1] === 'string' ? args[1] : undefined;
    fromPort = true;
  } else {
    options = args.length === 0 ? {} : optionsOf(args);
  }
  const last = args[args.length - 1];  // (callbackOf, inline)
  const cb = typeof last === 'function' ? last : null;
  if (options !== first) {
    // Made from a port or a path (and a host): no stream options.
    ownOptions = options;
    ownStreamOptions = kDefaultStreamOptions;
  }
  const socket = new Socket(options); // at Object.connect (node:net:239:18) calling new
  if (netClientSocketChannel.hasSubscribers) netClientSocketChannel.publish({ socket });
  if (options.timeout) socket.setTimeout(options.timeout); // at Object.connect (node:net:247:12)
  // Our own connect() is given the parsed arguments directly: no
  // normalized array, which only a replaced connect() can see. The socket
  // is still as constructed (`fresh`, see initSocketHandle).
  if (socket.connect === socketConnect) {
    connectSocket(socket, options, cb, true); // at Object.connect (node:net:250:17)
    if (fromPort && socket._host === null) spareConnectOptions = options;  // (no lookup)
    return socket;
  }
  const normalized = [fromPort ? optionsOf(args) : options, cb];
  normalized[normalizedArgsSymbol] = true;
  return socket.connect(normalized);
}

// ---- Happy Eyeballs defaults ---------------------------------------------------------

function getDefaultAutoSelectFamily() {
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value'); // at node:net:258:3
  autoSelectFamilyDefault = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1); // at Object.setDefaultAutoSelectFamilyAttemptTimeout (node:net:267:3)
  autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
}

// ---- Socket ----------------------------------------------------------------------------

function Socket(options) {
  // (`new Socket` needs no instanceof, a call in QuickJS.)
  if (new.target !== Socket && !(this instanceof Socket)) return new Socket(options); // at Object.Socket (node:net:368:41) calling new
  // Options net made itself (a port and a host or path, an accepted
  // handle's) have none of the options checked or read only here.
  const own = options === ownOptions && options !== null;
  if (!own) {
    if (options?.objectMode) {
      throw new ERR_INVALID_ARG_VALUE('options.objectMode', options.objectMode, 'is not supported'); // at node:net:370:11
    } else if (options?.readableObjectMode || options?.writableObjectMode) {
      const which = options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode';
      throw new ERR_INVALID_ARG_VALUE(`options.${which}`, options[which], 'is not supported'); // at node:net:376:11
    }
    if (options?.keepAliveInitialDelay !== undefined) {
      validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay'); // at node:net:385:5
      if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
    }
  }

  this.connecting = false;
  this._hadError = false;
  this[async_id_symbol] = -1;
  this[kHandle] = null;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;
  this[kBuffer] = null;
  this[kBufferCb] = null;
  this[kBufferGen] = null;
  this._closeAfterHandlingError = false;

  let streamOptions;
  if (own) {
    streamOptions = ownStreamOptions;
    ownOptions = null;
    ownStreamOptions = null;
  } else {
    options = typeof options === 'number' ? { fd: options } : { ...options };
    // Sockets close when the peer ends unless told otherwise; 'close' is
    // emitted by the handle's close callback, not by the stream machinery.
    options.allowHalfOpen = !!options.allowHalfOpen;
    options.emitClose = false;
    options.autoDestroy = true;
    options.decodeStrings = false;
    streamOptions = options;
  }
  stream.Duplex.call(this, streamOptions); // at new Socket (node:net:422:17) calling Socket

  if (options.handle) {
    this[kHandle] = options.handle;
  } else if (own) {
    // (no descriptor)
  } else if (options.fd !== undefined) {
    const { fd } = options;
    this[kHandle] = createHandle(fd, false); // at new Socket (node:net:433:20)
    const err = this[kHandle].open(fd);
    if (err) throw errnoException(err, 'open'); // at node:net:442:13
  }

  const onread = own ? undefined : options.onread;
  if (onread !== null && typeof onread === 'object' &&
      (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function') &&
      typeof onread.callback === 'function') {
    streamsUsed.userBuffers = true;
    // (Socket#read now does more than Duplex's read.)
    plainReads.socket = null;
    if (typeof onread.buffer === 'function') {
      this[kBuffer] = true;
      this[kBufferGen] = onread.buffer;
    } else {
      this[kBuffer] = onread.buffer;
    }
    this[kBufferCb] = onread.callback;
  }

  if (own) {
    this[kSetNoDelay] = false;
    this[kSetKeepAlive] = false;
    this[kSetKeepAliveInitialDelay] = 0;
  } else {
    this[kSetNoDelay] = !!options.noDelay;
    this[kSetKeepAlive] = !!options.keepAlive;
    this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);
  }

  // Added as on() adds it to a socket no one listens to yet, when on() is
  // the streams' own (two calls less).
  const events = this._events;
  if (this.on === readableOn && stream.prototype.on === eeListeners.on &&
      events.end === undefined && events.newListener === undefined) {
    events.end = onReadableStreamEnd;
    this._eventsCount++;
  } else {
    this.on('end', onReadableStreamEnd);
  }

  // (An aborted `signal` has destroyed the stream already: _undestroy()
  // makes it live again, though its AbortError is still emitted.)
  initSocketHandle(this, own || !options.signal);

  this._pendingData = null;
  this._pendingEncoding = '';

  // A socket made over an existing handle starts reading now; others when connected.
  if (this[kHandle] && options.readable !== false) {
    if (options.pauseOnCreate) {
      this[kHandle].reading = false;
      this[kHandle].readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }

  if (!own && options.signal) addClientAbortSignalOption(this, options);

  this.server = null;
  this._server = null;

  // What bytesRead/bytesWritten report once the handle is gone.
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  if (!own && options.blockList) {
    if (!lazyBlockList().BlockList.isBlockList(options.blockList)) {
      throw new ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList); // at node:net:516:13
    }
    this.blockList = options.blockList;
  }
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

// One object is kept at each step of the usual construction of a socket's
// requests, and of a socket's first properties (see keepLayout in
// internal/bootstrap/realm; a handle, given its class's prototype after it
// was made, has a layout of its own). Only the first: finding a kept layout
// compares every property so far, which past a dozen costs more than
// adding the property to the object's own layout.
const { keepLayout } = require;
keepLayout(Socket.prototype, [
  'connecting', '_hadError', async_id_symbol, kHandle, '_parent', '_host', kLastWriteQueueSize, kTimeout, kBuffer,
  kBufferCb, kBufferGen, '_closeAfterHandlingError',
]);
keepLayout(TCPConnectWrap.prototype, ['oncomplete', 'address', 'port', 'localAddress', 'localPort', 'addressType']);
keepLayout(ShutdownWrap.prototype, ['oncomplete', 'callback', 'handle']);

// Bind the socket and its (possibly new) handle to each other. A socket
// being constructed, or just constructed by net.connect() (`fresh`), is
// already as _undestroy() would leave it, unless its construction is
// pending (a _construct) or _undestroy is not the streams' own: only then
// is the call needed.
const duplexUndestroy = stream.Duplex.prototype._undestroy;
const tcpGetAsyncId = TCP.prototype.getAsyncId;
const pipeGetAsyncId = Pipe.prototype.getAsyncId;
function initSocketHandle(self, fresh) {
  if (!fresh || self._undestroy !== duplexUndestroy || self._construct != null) self._undestroy();
  self._sockname = null;
  const handle = self[kHandle];
  if (!handle) return;
  handle[owner_symbol] = self;
  const type = handle.constructor;
  const getAsyncId = handle.getAsyncId;
  if ((type === TCP && getAsyncId === tcpGetAsyncId) || (type === Pipe && getAsyncId === pipeGetAsyncId)) {
    // (The two below, in one call into Python.)
    self[async_id_symbol] = attachOnread(handle, onStreamRead);
  } else {
    handle.onread = onStreamRead;
    self[async_id_symbol] = handle.getAsyncId();
  }
  let userBuf = streamsUsed.userBuffers ? self[kBuffer] : null;
  if (userBuf) {
    const bufGen = self[kBufferGen];
    if (bufGen !== null) {
      userBuf = bufGen();
      if (!(userBuf instanceof Uint8Array)) return;
      self[kBuffer] = userBuf;
    }
    handle.useUserBuffer(userBuf);
  }
}

function addClientAbortSignalOption(self, options) {
  validateAbortSignal(options.signal, 'options.signal'); // at node:net:1650:3
  const { signal } = options;
  let disposable;
  function onAbort() {
    disposable?.[Symbol.dispose]();
    self._aborted = true;
  }
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    process.nextTick(() => {
      disposable = EventEmitter.addAbortListener(signal, onAbort);
    });
  }
}

// Until a stream has had an idle timer there is none to refresh: then
// this returns at once, and the hot paths call a socket's _unrefTimer
// only when it is another (see streamsUsed in stream_base_commons).
function _unrefTimer() {
  if (!streamsUsed.timers) return;
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
}
Socket.prototype._unrefTimer = _unrefTimer;
streamsUsed.ownUnrefTimer = _unrefTimer;

// Activity refreshes the idle timers through the socket's _unrefTimer, a
// user's override included: Node's accessor for that (stream_base_commons
// calls the method directly, without the accessor's call).
Object.defineProperty(Socket.prototype, kUpdateTimer, {
  __proto__: null,
  get() { return this._unrefTimer; },
});

Socket.prototype[kAfterAsyncWrite] = function() {
  this[kLastWriteQueueSize] = 0;
};

// The writable side ends with a shutdown (FIN) once queued writes are out.
Socket.prototype._final = function(cb) {
  // (The handle is read past the _handle accessor: a call each time in QuickJS.)
  // Connecting: after 'connect'. Never connected (or closed): nothing to shut down.
  if (this.connecting) return this.once('connect', () => this._final(cb));
  const handle = this[kHandle];
  if (!handle) return cb();
  const req = new ShutdownWrap();
  req.oncomplete = afterShutdown;
  req.callback = cb;
  req.handle = handle;
  const err = handle.shutdown(req);
  if (err === 1 || err === UV_ENOTCONN) return cb();
  if (err !== 0) return cb(errnoException(err, 'shutdown')); // at node:net:556:15
};

// Requests only net sees (the shutdowns socketFinals.run makes, the
// connects to an IP literal), once done, for the next ones to reuse: only
// the fields that differ are set again (a new request costs QuickJS an
// object and its properties). A stack with its own count, as the write
// requests' (stream_base_commons).
const spareShutdownWraps = new Array(16).fill(null);
let spareShutdownCount = 0;
const spareConnectWraps = new Array(16).fill(null);
let spareConnectCount = 0;

function afterShutdown() {
  this.callback(); // at ShutdownWrap.afterShutdown [as oncomplete] (node:net:564:8) calling ShutdownWrap.callback
  if (this.callback === shutdownDone && spareShutdownCount < spareShutdownWraps.length) {
    this.handle = null;
    spareShutdownWraps[spareShutdownCount++] = this;
  }
}

// _final as the stream machinery runs it (socketFinals.run): the same
// shutdown, its end reported through the request's handle's socket, not
// through a callback made per socket. Not while connecting, nor over a
// handle the socket does not own.
socketFinals.final = Socket.prototype._final;
socketFinals.run = function(socket) {
  const handle = socket[kHandle];
  if (!handle || socket.connecting || handle[owner_symbol] !== socket) return false;
  let req;
  if (spareShutdownCount !== 0) {
    req = spareShutdownWraps[--spareShutdownCount];
    spareShutdownWraps[spareShutdownCount] = null;
    req.handle = handle;
  } else {
    req = new ShutdownWrap();
    req.oncomplete = afterShutdown;
    req.callback = shutdownDone;
    req.handle = handle;
  }
  const err = handle.shutdown(req);
  if (err === 1 || err === UV_ENOTCONN) {
    socketFinals.done(socket); // at (node:internal/streams/writable:914:30) | Socket._final (node:net:554:12)
  } else if (err !== 0) {
    const ex = errnoException(err, 'shutdown'); // at Socket._final (node:net:556:15)
    socketFinals.done(socket, ex); // at (node:internal/streams/writable:914:30) | Socket._final (node:net:556:12)
  }
  return true;
};

// (Called as the request's method.)
function shutdownDone() {
  socketFinals.done(this.handle[owner_symbol]); // at ShutdownWrap.callback (node:internal/streams/writable:914:30)
}

// After the peer's FIN, a socket that does not allow half-open connections
// answers any further write with EPIPE.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return Reflect.apply(stream.Duplex.prototype.write, this, [chunk, encoding, cb]);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const err = genericNodeError('This socket has been ended by the other party', { code: 'EPIPE' }); // at genericNodeError (node:internal/errors:983:15) | wrappedFn (node:internal/errors:537:14) | Socket.writeAfterFIN [as write] (node:net:580:14)
  if (typeof cb === 'function') process.nextTick(cb, err);
  this.destroy(err);
  return false;
}

Socket.prototype.setTimeout = setStreamTimeout;

Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const lastWriteQueueSize = this[kLastWriteQueueSize];
  if (lastWriteQueueSize > 0 && handle) {
    // A write still draining counts as activity.
    const { writeQueueSize } = handle;
    if (lastWriteQueueSize !== writeQueueSize) {
      this[kLastWriteQueueSize] = writeQueueSize;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout'); // at Socket._onTimeout (node:net:609:8)
};

Socket.prototype.setNoDelay = function(enable) {
  enable = Boolean(enable === undefined ? true : enable);
  if (!this._handle) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] || (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() {
  return this._getsockname();
};

Object.defineProperty(Socket.prototype, '_connecting', {
  __proto__: null,
  get() { return this.connecting; },
});

Object.defineProperty(Socket.prototype, 'pending', {
  __proto__: null,
  get() { return !this._handle || this.connecting; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'readyState', {
  __proto__: null,
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  __proto__: null,
  get() {
    if (this._handle) return this.writableLength;
  },
});

function tryReadStart(socket) {
  const handle = socket[kHandle];
  handle.reading = true;
  const err = handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read')); // at node:net:721:20
}

Socket.prototype._read = function(n) {
  const handle = this[kHandle];
  if (this.connecting || !handle) {
    // The size the streams ask for is the high-water mark: then a shared
    // listener reads once connected, instead of a closure per socket.
    if (n === this._readableState.highWaterMark) this.once('connect', readOnConnect);
    else this.once('connect', () => this._read(n));
  } else if (!handle.reading) {
    tryReadStart(this);
  }
};

// (What plainReads.sourceReading compares a socket's _read with.)
const socketSourceRead = Socket.prototype._read;

function readOnConnect() {
  this._read(this._readableState.highWaterMark);
}
// (Node's listener is an arrow function: no name.)
Object.defineProperty(readOnConnect, 'name', { __proto__: null, value: '' });

Socket.prototype.end = function(data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback); // at Socket.end (node:net:742:31)
  return this;
};

// With an `onread` buffer the stream machinery never asks for data, so
// pausing and resuming have to stop and start the handle directly.
// (streamsUsed.userBuffers: no socket has one yet, no symbol read.)
Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (!(this._handle instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE(); // at node:net:750:13
    if (this.connecting) {
      this.once('connect', () => this._reset());
    } else {
      this._reset();
    }
  } else {
    this.destroy(new ERR_SOCKET_CLOSED()); // at node:net:758:18
  }
  return this;
};

Socket.prototype.pause = function() {
  if (streamsUsed.userBuffers && this[kBuffer] && !this.connecting && this._handle && this._handle.reading) {
    this._handle.reading = false;
    if (!this.destroyed) {
      const err = this._handle.readStop();
      if (err) this.destroy(errnoException(err, 'read')); // at node:net:769:22
    }
  }
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  if (streamsUsed.userBuffers && this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
  }
  return stream.Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function(n) {
  if (streamsUsed.userBuffers && this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
  }
  return stream.Duplex.prototype.read.call(this, n); // at Socket.read (node:net:790:39)
};
// Until a socket has an onread buffer, read() only calls Duplex's.
plainReads.socket = Socket.prototype.read;
plainReads.duplex = stream.Duplex.prototype;
// Whether a socket's _read would do nothing: net's own, connected, its
// handle reading already.
plainReads.sourceReading = function(socket) {
  if (socket._read !== socketSourceRead || socket.connecting) return false;
  var handle = socket[kHandle];
  return handle !== null && handle.reading === true;
};

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) {
    this.destroy();
  } else {
    this.once('finish', this.destroy);
  }
};

let stderrMade = false;
Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  if (streamsUsed.timers) {
    for (let s = this; s !== null; s = s._parent) {
      if (s[kTimeout] !== null) clearTimeout(s[kTimeout]);
    }
  }

  const handle = this[kHandle];
  if (handle) {
    // Node reads process.stderr here (to keep its own debug output off a
    // closing stderr), which makes the stream on first use: its handle, and
    // that handle's async id, come into being at this point in Node too.
    if (!stderrMade) {
      stderrMade = true;
      void process.stderr;
    }
    const hadError = !!exception;
    if (!this.resetAndClosing && !this._closeAfterHandlingError && closesOwnHandle(this, handle)) {
      // (What the other branch does, in one call into Python.)
      closeDestroyed(handle, hadError ? onHandleCloseAfterError : onHandleClose);
      this[kBytesRead] = destroyedCounts[0];
      this[kBytesWritten] = destroyedCounts[1];
      this[kHandle] = null;
      this._sockname = null;
    } else {
      this[kBytesRead] = handle.bytesRead;
      this[kBytesWritten] = handle.bytesWritten;
      if (this.resetAndClosing) {
        this.resetAndClosing = false;
        const err = handle.reset(() => this.emit('close', hadError)); // at {entry}.<anonymous> (node:net:835:14)
        if (err) this.emit('error', errnoException(err, 'reset')); // at node:net:838:28
      } else if (this._closeAfterHandlingError) {
        // Closed from a microtask so an 'error' listener still sees the handle.
        queueMicrotask(() => closeSocketHandle(this, hadError));
      } else {
        closeSocketHandle(this, hadError);
      }
      if (!this._closeAfterHandlingError) {
        handle.onread = noop;
        this[kHandle] = null;
        this._sockname = null;
      }
    }
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }

  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

syncDestroys.socket = Socket.prototype._destroy;

// closeDestroyed (bindings/stream_wrap) reads the handle's byte counts,
// closes it with the socket's shared close callback (see closeSocketHandle)
// and sets its onread to `noop`, where the handle is one of ours, owned by
// the socket, with the close method of its class.
setDestroyedOnread(noop);
const tcpClose = TCP.prototype.close;
const pipeClose = Pipe.prototype.close;
function closesOwnHandle(self, handle) {
  const type = handle.constructor;
  return ((type === TCP && handle.close === tcpClose) || (type === Pipe && handle.close === pipeClose)) &&
    handle[owner_symbol] === self;
}

// Our handles call the close callback as their own method, so while the
// socket still owns one a shared function finds the socket: no closure per close.
function closeSocketHandle(self, hadError) {
  const handle = self[kHandle];
  if (!handle) return;
  // (By constructor rather than instanceof, a call each in QuickJS.)
  const type = handle.constructor;
  if ((type === TCP || type === Pipe) && handle[owner_symbol] === self) {
    handle.close(hadError ? onHandleCloseAfterError : onHandleClose);
  } else {
    handle.close(() => emitHandleClose(self, hadError)); // at -
  }
}

// (bootstrap/node's callbackClose calls these directly, with the handle as
// their argument: a call rather than two through Function.prototype.call.)
function onHandleClose(handle) {
  emitHandleClose(handle[owner_symbol], false); // at -
}

function onHandleCloseAfterError(handle) {
  emitHandleClose(handle[owner_symbol], true); // at -
}
{
  const { directCalls } = require('internal/bootstrap/node');
  directCalls.close = onHandleClose;
  directCalls.closeAfterError = onHandleCloseAfterError;
}

function emitHandleClose(self, hadError) {
  // The write state no longer holds the socket (see closedOnwrite in writable).
  self._writableState.onwrite = socketCloses.closedOnwrite;
  if (self.emit !== eeEmit) self.emit('close', hadError); // at {entry}.<anonymous> (node:net:351:12)
  else if (self._events?.close !== undefined) emitListened1(self, 'close', self._events.close, hadError); // at {entry}.<anonymous> (node:net:351:12)
}

function emitCloseNT(self) {
  self.emit('close'); // at emitCloseNT (node:net:2416:8)
}

Socket.prototype._reset = function() {
  this.resetAndClosing = true;
  return this.destroy();
};

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  }
  if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

// Node's read-only socket properties: enumerable, not configurable, each
// getter named as its property.
function protoGetter(getter) {
  Object.defineProperty(Socket.prototype, getter.name, { __proto__: null, enumerable: true, get: getter });
}

protoGetter(function bytesRead() {
  return this._handle ? this._handle.bytesRead : this[kBytesRead];
});
protoGetter(function remoteAddress() { return this._getpeername().address; });
protoGetter(function remoteFamily() { return this._getpeername().family; });
protoGetter(function remotePort() { return this._getpeername().port; });

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) return {};
  if (!this._sockname) {
    this._sockname = {};
    this._handle.getsockname(this._sockname);
  }
  return this._sockname;
};

protoGetter(function localAddress() { return this._getsockname().address; });
protoGetter(function localPort() { return this._getsockname().port; });
protoGetter(function localFamily() { return this._getsockname().family; });

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  // Not connected yet: hold this write (the Writable holds the rest) until 'connect'.
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb); // at node:net:949:12
    });
    function onClose() {
      cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION()); // at node:net:952:10
    }
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';

  if (!this[kHandle]) {
    cb(new ERR_SOCKET_CLOSED()); // at node:net:961:8
    return false;
  }

  if (streamsUsed.timers || this._unrefTimer !== _unrefTimer) this._unrefTimer();
  const req = writev ?
    writevGeneric(this, data, cb) : // at Socket._writeGeneric (node:net:969:11)
    writeGeneric(this, data, encoding, cb); // at Socket._writeGeneric (node:net:971:11)
  if (req.async) this[kLastWriteQueueSize] = req.bytes;
};
// (What _write compares a socket's _writeGeneric with.)
const writeGenericSocket = Socket.prototype._writeGeneric;

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb); // at Socket._writev (node:net:978:8)
};

// (A connected socket's write has _writeGeneric's work inline: a call less.)
Socket.prototype._write = function(data, encoding, cb) {
  if (this.connecting || !this[kHandle] || this._writeGeneric !== writeGenericSocket) {
    this._writeGeneric(false, data, encoding, cb); // at Socket._write (node:net:983:8)
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (streamsUsed.timers || this._unrefTimer !== _unrefTimer) this._unrefTimer();
  var req = writeGeneric(this, data, encoding, cb); // at Socket._writeGeneric (node:net:971:11) | Socket._write (node:net:983:8)
  if (req.async) this[kLastWriteQueueSize] = req.bytes;
};

function byteLengthOf(chunk, encoding) {
  return chunk instanceof Uint8Array ? chunk.length : Buffer.byteLength(chunk, encoding);
}

// What the handle has taken (the older name of bytesWritten, without what waits).
protoGetter(function _bytesDispatched() {
  return this._handle ? this._handle.bytesWritten : this[kBytesWritten];
});

// Bytes handed to the handle plus those still waiting in the stream.
protoGetter(function bytesWritten() {
  let bytes = this._handle ? this._handle.bytesWritten : this[kBytesWritten];
  const writableBuffer = this.writableBuffer;
  if (!writableBuffer) return undefined;
  for (const entry of writableBuffer) bytes += byteLengthOf(entry.chunk, entry.encoding);
  const data = this._pendingData;
  if (Array.isArray(data)) {
    for (const entry of data) {
      bytes += entry instanceof Uint8Array ? entry.length : byteLengthOf(entry.chunk, entry.encoding);
    }
  } else if (data) {
    bytes += byteLengthOf(data, this._pendingEncoding);
  }
  return bytes;
});

function socketConnect(...args) {
  // An array marked as normalized comes from net.connect(), already parsed.
  // (The symbol marks only such arrays: no Array.isArray call needed.)
  const first = args[0];
  const normalized = first != null && first[normalizedArgsSymbol] === true ? first : normalizeArgs(args);
  return connectSocket(this, normalized[0], normalized[1], false); // at -
}
// (Node's is an anonymous function expression.)
Object.defineProperty(socketConnect, 'name', { __proto__: null, value: '' });
Socket.prototype.connect = socketConnect;

function connectSocket(self, options, cb, fresh) {
  if (cb !== null) self.once('connect', cb);

  if (self._parent && self._parent.connecting) return self;

  if (options.port === undefined && options.path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']); // at Socket.connect (node:net:1252:11)
  }

  if (self.write !== Socket.prototype.write) self.write = Socket.prototype.write;

  // (A socket net.connect() has just made is not destroyed: no getter call.)
  if (!fresh && self.destroyed) {
    self._handle = null;
    self._peername = null;
    self._sockname = null;
    self._undestroy();
  }

  const { path } = options;
  const pipe = !!path;

  if (!self[kHandle]) {
    self[kHandle] = pipe ? new Pipe(PipeConstants.SOCKET) : new TCP(TCPConstants.SOCKET);
    initSocketHandle(self, fresh);
  }

  if (streamsUsed.timers || self._unrefTimer !== _unrefTimer) self._unrefTimer();
  self.connecting = true;

  if (pipe) {
    validateString(path, 'options.path'); // at Socket.connect (node:net:1279:5)
    internalConnect(self, path); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | Socket.connect (node:net:1280:5)
  } else {
    lookupAndConnect(self, options); // at Socket.connect (node:net:1284:5)
  }
  return self;
};

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

// (Node's order: the handle accessor and re-initialisation come last.)
Object.defineProperty(Socket.prototype, '_handle', {
  __proto__: null,
  get() { return this[kHandle]; },
  set(value) { this[kHandle] = value; },
});

Socket.prototype[kReinitializeHandle] = function reinitializeHandle(handle) {
  this._handle?.close();
  this._handle = handle;
  this._handle[owner_symbol] = this;
  initSocketHandle(this, false);
};

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
  }
  return family;
}

let lastLiteral = NaN;  // (NaN: equal to nothing)
let lastLiteralType = 0;
function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout, autoSelectFamily } = options;

  if (localAddress && !isIP(localAddress)) throw new ERR_INVALID_IP_ADDRESS(localAddress); // at node:net:1315:11
  if (localPort) validateNumber(localPort, 'options.localPort'); // at node:net:1319:5

  if (port !== undefined) {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port); // at node:net:1324:13
    }
    // (The usual valid port, told without a call.)
    if (typeof port !== 'number' || !(port > 0 && port <= 0xFFFF && port === (port | 0))) {
      validatePort(port); // at lookupAndConnect (node:net:1327:5)
    }
  }
  port |= 0;

  if (autoSelectFamily != null) {
    validateBoolean(autoSelectFamily, 'options.autoSelectFamily'); // at node:net:1333:5
  } else {
    autoSelectFamily = autoSelectFamilyDefault;
  }

  if (autoSelectFamilyAttemptTimeout != null) {
    validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1); // at node:net:1339:5
    if (autoSelectFamilyAttemptTimeout < 10) autoSelectFamilyAttemptTimeout = 10;
  } else {
    autoSelectFamilyAttemptTimeout = autoSelectFamilyAttemptTimeoutDefault;
  }

  // An IP literal needs no lookup. (The last one seen is told without a call.)
  let addressType;
  if (host === lastLiteral) {
    addressType = lastLiteralType;
  } else {
    addressType = isIP(host);
    if (addressType !== 0 && typeof host === 'string') {
      lastLiteral = host;
      lastLiteralType = addressType;
    }
  }
  if (addressType) {
    nextTick0(() => {
      if (self.connecting) {
        internalConnect(self, host, port, addressType, localAddress, localPort); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | (node:net:1353:9)
      }
    });
    return;
  }

  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup'); // at node:net:1363:5

  const dnsModule = lazyDns();
  const dnsopts = {
    family: socketToDnsFamily(options.family),
    hints: options.hints || 0,
  };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = dnsModule.ADDRCONFIG;
  }

  self._host = host;
  const lookup = options.lookup || dnsModule.lookup;

  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelectFamily) {
    dnsopts.all = true;
    lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localAddress, localPort, // at (node:net:1388:7) | defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | lookupAndConnect (node:net:1387:5)
                             autoSelectFamilyAttemptTimeout);
    return;
  }

  lookup(host, dnsopts, function emitLookup(err, ip, family) { // at (node:net:1406:5) | defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | lookupAndConnect (node:net:1405:3)
    self.emit('lookup', err, ip, family, host);
    // The socket may have been destroyed while the lookup ran.
    if (!self.connecting) return;
    if (err) {
      // Deferred: net.connect() returns the socket before anyone listens.
      process.nextTick(connectErrorNT, self, err);
    } else if (!isIP(ip)) {
      process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(ip)); // at node:net:1420:15
    } else if (family !== 4 && family !== 6) {
      process.nextTick(connectErrorNT, self,
                       new ERR_INVALID_ADDRESS_FAMILY(family, options.host, options.port)); // at node:net:1423:15
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, family, localAddress, localPort); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | {frame} (node:net:1429:9)
    }
  });
}

// Look up every address of `host`, then try them one after the other,
// alternating families and starting with the family of the first answer.
function lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localAddress, localPort,
                                  timeout) {
  lookup(host, dnsopts, function emitLookup(err, addresses) { // at emitLookup (node:net:1443:5) | defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | lookupAndConnectMultiple (node:net:1442:3)
    if (!self.connecting) return;
    if (err) {
      self.emit('lookup', err, undefined, undefined, host);
      process.nextTick(connectErrorNT, self, err);
      return;
    }

    const preferred = [];
    const other = [];
    let preferredFamily = 0;
    const seen = new Set();
    for (const entry of addresses) {
      const { address: ip, family } = entry;
      self.emit('lookup', err, ip, family, host);
      if (!self.connecting) return;
      if (isIP(ip) && (family === 4 || family === 6)) {
        if (preferredFamily === 0) preferredFamily = family;
        const key = `${family}:${ip}`;
        if (!seen.has(key)) {
          seen.add(key);
          (family === preferredFamily ? preferred : other).push(entry);
        }
      }
    }

    if (preferred.length === 0) {
      const { address: firstIp, family: firstFamily } = addresses[0];
      if (!isIP(firstIp)) {
        process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(firstIp)); // at node:net:1492:17
      } else if (firstFamily !== 4 && firstFamily !== 6) {
        process.nextTick(connectErrorNT, self,
                         new ERR_INVALID_ADDRESS_FAMILY(firstFamily, options.host, options.port)); // at node:net:1495:17
      }
      return;
    }

    const toAttempt = [];
    for (let i = 0; i < Math.max(preferred.length, other.length); i++) {
      if (i < preferred.length) toAttempt.push(preferred[i]);
      if (i < other.length) toAttempt.push(other[i]);
    }

    if (toAttempt.length === 1) {
      const { address: ip, family } = toAttempt[0];
      self._unrefTimer();
      internalConnect(self, ip, port, family, localAddress, localPort); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | {frame} (node:net:1520:9)
      return;
    }

    self.autoSelectFamilyAttemptedAddresses = [];
    const context = {
      socket: self,
      addresses: toAttempt,
      current: 0,
      port,
      localPort,
      timeout,
      [kTimeout]: null,
      errors: [],
    };
    self._unrefTimer();
    internalConnectMultiple(context);
  });
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

// A bind that "succeeded" may still have lost the port (libuv reports
// EADDRINUSE late): the socket must be on the port asked for.
function checkBindError(err, port, handle) {
  if (err === 0 && port > 0 && handle.getsockname) {
    const out = {};
    err = handle.getsockname(out);
    if (err === 0 && port !== out.port) err = UV_EADDRINUSE;
  }
  return err;
}

function tcpConnectWrap(address, port, addressType, localAddress, localPort) {
  let req;
  if (spareConnectCount !== 0) {
    req = spareConnectWraps[--spareConnectCount];
    spareConnectWraps[spareConnectCount] = null;
  } else {
    req = new TCPConnectWrap();
    req.oncomplete = afterConnect;
  }
  req.address = address;
  req.port = port;
  req.localAddress = localAddress;
  req.localPort = localPort;
  req.addressType = addressType;
  return req;
}

function internalConnect(self, address, port, addressType, localAddress, localPort, flags) {
  let err;
  let req;
  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress ||= DEFAULT_IPV4_ADDR;
      err = self._handle.bind(localAddress, localPort);
    } else {
      localAddress ||= DEFAULT_IPV6_ADDR;
      err = self._handle.bind6(localAddress, localPort, flags);
    }
    err = checkBindError(err, localPort, self._handle);
    if (err) {
      self.destroy(exceptionWithHostPort(err, 'bind', localAddress, localPort)); // at node:net:1073:18
      return;
    }
  }

  if (addressType === 6 || addressType === 4) {
    if (self._events?.connectionAttempt !== undefined || self.emit !== eeEmit) {
      self.emit('connectionAttempt', address, port, addressType); // at node:net:1080:8
    }
    if (self.blockList?.check(address, `ipv${addressType}`)) {
      self.destroy(new ERR_IP_BLOCKED(address)); // at node:net:1084:20
      return;
    }
    req = tcpConnectWrap(address, port, addressType, localAddress, localPort);
    err = addressType === 4 ?
      self[kHandle].connect(req, address, port) :
      self[kHandle].connect6(req, address, port);
  } else {
    req = new PipeConnectWrap();
    req.address = address;
    req.oncomplete = afterConnect;
    err = self[kHandle].connect(req, address);
  }

  if (err) {
    const sockname = self._getsockname();
    const details = `${sockname.address}:${sockname.port}`;
    self.destroy(exceptionWithHostPort(err, 'connect', address, port, details)); // at node:net:1115:16
  }
}

function internalConnectMultiple(context, canceled) {
  clearTimeout(context[kTimeout]);
  const self = context.socket;
  if (self._aborted) return;

  if (canceled || context.current === context.addresses.length) {
    if (context.errors.length === 0) {
      self.destroy(new ERR_SOCKET_CONNECTION_TIMEOUT()); // at internalConnectMultiple (node:net:1135:20)
    } else {
      self.destroy(new NodeAggregateError(context.errors)); // at internalConnectMultiple (node:net:1139:18)
    }
    return;
  }

  const current = context.current++;
  if (current > 0) self[kReinitializeHandle](new TCP(TCPConstants.SOCKET));

  const { localPort, port, flags } = context;
  const { address, family: addressType } = context.addresses[current];
  let localAddress;
  let err;

  if (localPort) {
    if (addressType === 4) {
      localAddress = DEFAULT_IPV4_ADDR;
      err = self._handle.bind(localAddress, localPort);
    } else {
      localAddress = DEFAULT_IPV6_ADDR;
      err = self._handle.bind6(localAddress, localPort, flags);
    }
    err = checkBindError(err, localPort, self._handle);
    if (err) {
      context.errors.push(exceptionWithHostPort(err, 'bind', localAddress, localPort)); // at node:net:1170:42
      internalConnectMultiple(context);
      return;
    }
  }

  if (self.blockList?.check(address, `ipv${addressType}`)) {
    const ex = new ERR_IP_BLOCKED(address); // at node:net:1177:16
    context.errors.push(ex);
    self.emit('connectionAttemptFailed', address, port, addressType, ex);
    internalConnectMultiple(context);
    return;
  }

  self.emit('connectionAttempt', address, port, addressType);

  const req = new TCPConnectWrap();
  req.oncomplete = afterConnectMultiple.bind(undefined, context, current);
  req.address = address;
  req.port = port;
  req.localAddress = localAddress;
  req.localPort = localPort;
  req.addressType = addressType;

  self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);

  err = addressType === 4 ?
    self._handle.connect(req, address, port) :
    self._handle.connect6(req, address, port);

  if (err) {
    const sockname = self._getsockname();
    const details = `${sockname.address}:${sockname.port}`;
    const ex = exceptionWithHostPort(err, 'connect', address, port, details); // at node:net:1211:16
    context.errors.push(ex);
    self.emit('connectionAttemptFailed', address, port, addressType, ex);
    internalConnectMultiple(context);
    return;
  }

  // Every attempt but the last gets a deadline before the next one starts.
  if (current < context.addresses.length - 1) {
    context[kTimeout] = setTimeout(internalConnectMultipleTimeout, context.timeout, context, req, self._handle);
  }
}

// A connect error names the local address when one was asked for.
function localDetails(req) {
  return req.localAddress && req.localPort ? `${req.localAddress}:${req.localPort}` : undefined;
}

function withLocalAddress(ex, req) {
  if (localDetails(req)) {
    ex.localAddress = req.localAddress;
    ex.localPort = req.localPort;
  }
  return ex;
}

function createConnectionError(req, status) {
  const ex = exceptionWithHostPort(status, 'connect', req.address, req.port, localDetails(req)); // at createConnectionError (node:net:1675:14)
  return withLocalAddress(ex, req);
}

function afterConnectMultiple(context, current, status, handle, req, readable, writable) {
  clearTimeout(context[kTimeout]);

  // A connection that completed after its attempt timed out is not used.
  if (status === 0 && current !== context.current - 1) {
    handle.close();
    return;
  }

  const self = context.socket;
  if (status !== 0) {
    const ex = createConnectionError(req, status); // at afterConnectMultiple (node:net:1705:16)
    context.errors.push(ex);
    self.emit('connectionAttemptFailed', req.address, req.port, req.addressType, ex);
    if (context.socket.connecting) internalConnectMultiple(context, status === UV_ECANCELED); // at afterConnectMultiple (node:net:1712:7)
    return;
  }

  afterConnect(status, self._handle, req, readable, writable);
}

function internalConnectMultipleTimeout(context, req, handle) {
  context.socket.emit('connectionAttemptTimeout', req.address, req.port, req.addressType);
  req.oncomplete = undefined;
  context.errors.push(createConnectionError(req, UV_ETIMEDOUT));
  handle.close();
  if (context.socket.connecting) internalConnectMultiple(context);
}

function afterConnect(status, handle, req, readable, writable) {
  const self = handle[owner_symbol];
  // The socket may have been destroyed while connecting.
  if (self.destroyed) return;

  self.connecting = false;
  self._sockname = null;

  if (status === 0) {
    // (The handle's flags first: the usual true skips a getter's call.)
    if (!readable && self.readable) {
      self.push(null);
      self.read();
    }
    if (!writable && self.writable) self.end();
    if (streamsUsed.timers || self._unrefTimer !== _unrefTimer) self._unrefTimer();

    if (self[kSetNoDelay] && self._handle.setNoDelay) self._handle.setNoDelay(true);
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }

    if (self.emit !== eeEmit) self.emit('connect'); // at {entry}.afterConnect [as oncomplete] (node:net:1619:10)
    else if (self._events?.connect !== undefined) emitListened0(self, 'connect', self._events.connect); // at {entry}.afterConnect [as oncomplete] (node:net:1619:10)
    if (self.emit !== eeEmit) self.emit('ready'); // at {entry}.afterConnect [as oncomplete] (node:net:1620:10)
    else if (self._events?.ready !== undefined) emitListened0(self, 'ready', self._events.ready); // at {entry}.afterConnect [as oncomplete] (node:net:1620:10)

    // Start reading (or see an immediate end): read(0) consumes nothing.
    if (readable && !self.isPaused()) plainReads.read0(self);
  } else {
    // (Made here, as in Node: its stack starts in this frame, named after the request's class.)
    const ex = withLocalAddress(handle instanceof Pipe
      ? exceptionWithHostPort(status, 'connect', req.address, req.port, localDetails(req)) // at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1634:16)
      : exceptionWithHostPort(status, 'connect', req.address, req.port, localDetails(req)), req); // at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1634:16)
    self.emit('connectionAttemptFailed', req.address, req.port, req.addressType, ex);
    self.destroy(ex);
  }
  // (One of tcpConnectWrap's, done.)
  if (req.oncomplete === afterConnect && req.constructor === TCPConnectWrap &&
      spareConnectCount < spareConnectWraps.length) {
    spareConnectWraps[spareConnectCount++] = req;
  }
}

// ---- Server --------------------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener); // at Object.Server (node:net:1762:12) calling new
  Reflect.apply(EventEmitter, this, []);

  if (typeof options === 'function') {
    connectionListener = options;
    options = kEmptyObject;
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options); // at new Server (node:net:1777:11)
  }
  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay'); // at node:net:1780:5
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  if (options.highWaterMark !== undefined) {
    validateNumber(options.highWaterMark, 'options.highWaterMark'); // at node:net:1789:5
    if (options.highWaterMark < 0) options.highWaterMark = getDefaultHighWaterMark();
  }

  this._connections = 0;
  this[async_id_symbol] = -1;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 1;

  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? getDefaultHighWaterMark();
  if (options.blockList) {
    if (!lazyBlockList().BlockList.isBlockList(options.blockList)) {
      throw new ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList); // at node:net:1815:13
    }
    this.blockList = options.blockList;
  }
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

// A bound handle for a server, or a negative error code.
function createServerHandle(address, port, addressType, fd, flags) {
  let err = 0;
  let handle;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd, true);
    } catch {
      return UV_EINVAL;  // not a descriptor one can listen on
    }
    err = handle.open(fd);
    if (err) return err;
  } else if (port === -1 && addressType === -1) {
    handle = new Pipe(PipeConstants.SERVER);
  } else {
    handle = new TCP(TCPConstants.SERVER);
    isTCP = true;
  }

  if (address || port || isTCP) {
    if (!address) {
      // IPv6 first; a machine without it gets the IPv4 wildcard.
      err = handle.bind6(DEFAULT_IPV6_ADDR, port, flags);
      if (err) {
        handle.close();
        return createServerHandle(DEFAULT_IPV4_ADDR, port, undefined, undefined, flags);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else {
      err = handle.bind(address, port, flags);
    }
  }

  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

function setupListenHandle(address, port, addressType, backlog, fd, flags) {
  if (!this._handle) {
    let rval = null;
    if (!address && typeof fd !== 'number') {
      rval = createServerHandle(DEFAULT_IPV6_ADDR, port, 6, fd, flags);
      if (typeof rval === 'number') {
        rval = null;
        address = DEFAULT_IPV4_ADDR;
        addressType = 4;
      } else {
        address = DEFAULT_IPV6_ADDR;
        addressType = 6;
      }
    }
    if (rval === null) rval = createServerHandle(address, port, addressType, fd, flags);
    if (typeof rval === 'number') {
      const error = uvExceptionWithHostPort(rval, 'listen', address, port); // at Server.setupListenHandle [as _listen2] (node:net:1915:21)
      if (netServerListen.hasSubscribers) netServerListen.error.publish({ server: this, error });
      process.nextTick(emitErrorNT, this, error);
      return;
    }
    this._handle = rval;
  }

  // (A cluster worker's round-robin stand-in has no async id of its own.)
  this[async_id_symbol] = typeof this._handle.getAsyncId === 'function' ? this._handle.getAsyncId() : newAsyncId();
  this._handle.onconnection = onconnection;
  this._handle[owner_symbol] = this;

  // 511, not 512: the kernel rounds backlog + 1 up to a power of two.
  // The handle takes the backlog as an int32 (a string, an object with
  // valueOf, converted first; what cannot be, a symbol, throws from here).
  const err = this._handle.listen(+(backlog || 511)); // at Server.setupListenHandle [as _listen2] (node:net:1934:28)
  if (err) {
    const ex = uvExceptionWithHostPort(err, 'listen', address, port); // at Server.setupListenHandle [as _listen2] (node:net:1937:16)
    this._handle.close();
    this._handle = null;
    if (netServerListen.hasSubscribers) netServerListen.error.publish({ server: this, error: ex });
    process.nextTick(emitErrorNT, this, ex);
    return;
  }

  if (netServerListen.hasSubscribers) netServerListen.asyncEnd.publish({ server: this });
  this._connectionKey = `${addressType}:${address}:${port}`;
  if (this._unref) this.unref();
  process.nextTick(emitListeningNT, this);
}

Server.prototype._listen2 = setupListenHandle;

function emitErrorNT(self, err) {
  self.emit('error', err); // at emitErrorNT (node:net:1973:8)
}

function emitListeningNT(self) {
  // The server may have been closed before the tick came.
  if (self._handle) self.emit('listening'); // at emitListeningNT (node:net:1980:10)
}

// Every server binds its own handle: `exclusive` only decides whether
// cluster workers share the primary's, and there are no workers here.
// In a cluster worker, a listen() that is not `exclusive` gets its handle
// from the primary (net's part of the cluster protocol, as in Node).
let cluster;
function listenInCluster(server, address, port, addressType, backlog, fd, exclusive, flags, options) {
  cluster ??= require('cluster');
  if (cluster.isPrimary || exclusive) {
    server._listen2(address, port, addressType, backlog, fd, flags); // at listenInCluster (node:net:1994:12)
    return;
  }
  const query = { address, port, addressType, fd, flags, backlog, ...options };
  const listeningId = server._listeningId;
  cluster._getServer(server, query, (err, handle) => {
    if (listeningId !== server._listeningId) return; // closed or listening anew since
    // A port taken may show only now: the handle is bound elsewhere.
    if (err === 0 && port > 0 && handle.getsockname) {
      const out = {};
      err = handle.getsockname(out);
      if (err === 0 && port !== out.port) err = UV_EADDRINUSE;
    }
    if (err) {
      server.emit('error', exceptionWithHostPort(err, 'bind', address, port));
      return;
    }
    server._handle = handle;
    server._listen2(address, port, addressType, backlog, fd, flags);
  });
}

function listenFlags(options) {
  let flags = 0;
  if (options.ipv6Only === true) flags |= TCPConstants.UV_TCP_IPV6ONLY;
  if (options.reusePort === true) flags |= TCPConstants.UV_TCP_REUSEPORT;
  return flags;
}

function addServerAbortSignalOption(self, options) {
  if (options?.signal === undefined) return;
  validateAbortSignal(options.signal, 'options.signal'); // at node:net:1747:3
  const { signal } = options;
  const onAborted = () => self.close();
  if (signal.aborted) {
    process.nextTick(onAborted);
  } else {
    const disposable = EventEmitter.addAbortListener(signal, onAborted);
    self.once('close', disposable[Symbol.dispose]);
  }
}

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];

  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN(); // at node:net:2041:11
  if (netServerListen.hasSubscribers) netServerListen.asyncStart.publish({ server: this, options });
  if (cb !== null) this.once('listening', cb);

  // (handle, backlog), (path, backlog), (port, backlog) or (port, host, backlog)
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
                          toNumber(args.length > 2 && args[2]);

  options = options._handle || options.handle || options;
  const flags = listenFlags(options);
  // Any lookup still running for an earlier listen() is now stale.
  this._listeningId++;

  if (options instanceof TCP) {
    this._handle = options;
    listenInCluster(this, null, -1, -1, backlogFromArgs, undefined, true); // at Server.listen (node:net:2064:5)
    return this;
  }
  addServerAbortSignalOption(this, options); // at Server.listen (node:net:2067:3)

  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlogFromArgs, options.fd); // at Server.listen (node:net:2070:5)
    return this;
  }

  // listen(), listen(cb), listen(null[, cb]) or {port: undefined|null}: any free port.
  if (args.length === 0 || typeof args[0] === 'function' ||
      (options.port === undefined && 'port' in options) || options.port === null) {
    options.port = 0;
  }

  let backlog;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port'); // at Server.listen (node:net:2088:5)
    backlog = options.backlog || backlogFromArgs;
    if (options.reusePort === true) options.exclusive = true;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog, options.exclusive, flags);
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, undefined, options.exclusive, flags); // at Server.listen (node:net:2099:7)
    }
    return this;
  }

  if (options.path && isPipeName(options.path)) {
    // An abstract socket has no file whose mode could change.
    if (options.path[0] === '\0' && (options.readableAll || options.writableAll)) {
      const msg = 'can not set readableAll or writableAllt to true when path is abstract unix socket';
      throw new ERR_INVALID_ARG_VALUE('options', options, msg); // at node:net:2112:13
    }
    const pipeName = this._pipeName = options.path;
    backlog = options.backlog || backlogFromArgs;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined, options.exclusive, undefined, // at Server.listen (node:net:2116:5)
                    { readableAll: options.readableAll, writableAll: options.writableAll });
    // Without a handle the error is already on its way (next tick).
    if (!this._handle) return this;

    let mode = 0;
    if (options.readableAll === true) mode |= PipeConstants.UV_READABLE;
    if (options.writableAll === true) mode |= PipeConstants.UV_WRITABLE;
    if (mode !== 0) {
      const err = this._handle.fchmod(mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw errnoException(err, 'uv_pipe_chmod'); // at node:net:2145:15
      }
    }
    return this;
  }

  if (!('port' in options || 'path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"'); // at Server.listen (node:net:2152:11)
  }
  throw new ERR_INVALID_ARG_VALUE('options', options); // at node:net:2156:9
};

// The first address that is no IPv6 link-local one (fe80::/10), else the first.
function listenableAddress(addresses) {
  for (const entry of addresses) {
    if (!/^fe[89ab][0-9a-f]:/i.test(entry.address)) return entry;
  }
  return addresses[0];
}

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  const listeningId = self._listeningId;
  lazyDns().lookup(address, { all: true }, (err, addresses) => {
    if (listeningId !== self._listeningId) return;
    if (err) {
      self.emit('error', err);
    } else {
      const chosen = listenableAddress(addresses);
      listenInCluster(self, chosen.address, port, chosen?.family || 4, backlog, undefined, exclusive, flags); // at (node:net:2203:7)
    }
  });
}

Object.defineProperty(Server.prototype, 'listening', {
  __proto__: null,
  get() { return !!this._connectionKey && !!this._handle; },
  configurable: true,
  enumerable: true,
});

Server.prototype.address = function() {
  if (this._handle && this._handle.getsockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errnoException(err, 'address'); // at node:net:2223:13
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

// The options (and stream options) of the sockets servers accept, filled in
// for each: no one keeps them, and making an object of ten properties costs
// QuickJS more than the rest of the options handling.
const acceptOptions = {
  handle: null,
  allowHalfOpen: false,
  pauseOnCreate: false,
  readable: true,
  writable: true,
  readableHighWaterMark: 0,
  writableHighWaterMark: 0,
  emitClose: false,
  autoDestroy: true,
  decodeStrings: false,
};

function onconnection(err, clientHandle) {
  const self = this[owner_symbol];
  if (err) {
    self.emit('error', errnoException(err, 'accept')); // at node:net:2239:24
    return;
  }

  if (self.maxConnections != null && self._connections >= self.maxConnections) {
    if (clientHandle.getsockname || clientHandle.getpeername) {
      const data = { __proto__: null };
      if (clientHandle.getsockname) {
        const local = { __proto__: null };
        clientHandle.getsockname(local);
        data.localAddress = local.address;
        data.localPort = local.port;
        data.localFamily = local.family;
      }
      if (clientHandle.getpeername) {
        const remote = { __proto__: null };
        clientHandle.getpeername(remote);
        data.remoteAddress = remote.address;
        data.remotePort = remote.port;
        data.remoteFamily = remote.family;
      }
      self.emit('drop', data);
    } else {
      self.emit('drop');
    }
    clientHandle.close();
    return;
  }

  if (self.blockList && typeof clientHandle.getpeername === 'function') {
    const remote = { __proto__: null };
    clientHandle.getpeername(remote);
    const family = isIP(remote.address);
    if (family && self.blockList.check(remote.address, `ipv${family}`)) {
      clientHandle.close();
      return;
    }
  }

  acceptOptions.handle = clientHandle;
  acceptOptions.allowHalfOpen = !!self.allowHalfOpen;
  acceptOptions.pauseOnCreate = self.pauseOnConnect;
  acceptOptions.readableHighWaterMark = self.highWaterMark;
  acceptOptions.writableHighWaterMark = self.highWaterMark;
  ownOptions = acceptOptions;
  ownStreamOptions = acceptOptions;
  const socket = new Socket(acceptOptions);
  acceptOptions.handle = null;

  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }

  self._connections++;
  socket.server = self;
  socket._server = self;
  if (self.emit !== eeEmit) self.emit('connection', socket); // at {entry}.onconnection (node:net:2299:8)
  else if (self._events?.connection !== undefined) emitListened1(self, 'connection', self._events.connection, socket); // at {entry}.onconnection (node:net:2299:8)
  if (netServerSocketChannel.hasSubscribers) netServerSocketChannel.publish({ socket });
}

// With connections handed to child processes, each child adds its count.
Server.prototype.getConnections = function(cb) {
  if (!this._usingWorkers) {
    process.nextTick(cb, null, this._connections); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | end (node:net:2317:5) | Server.getConnections (node:net:2325:5)
    return this;
  }
  let left = this._workers.length;
  let total = this._connections;
  const counted = (err, count) => {
    if (left < 0) return;
    if (err) {
      left = -1;
      process.nextTick(cb, err);
      return;
    }
    total += count;
    if (--left === 0) process.nextTick(cb, null, total);
  };
  for (const list of this._workers) list.getConnections(counted);
  return this;
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(new ERR_SERVER_NOT_RUNNING()); // at node:net:2356:12
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  // A host lookup still running for listen() must not start listening now.
  this._listeningId++;
  if (this._usingWorkers) {
    // 'close' waits for the connections handed to child processes too.
    let left = this._workers.length;
    this._connections++;
    for (const list of this._workers) {
      list.close(() => {
        if (--left !== 0) return;
        this._connections = 0;
        this._emitCloseIfDrained();
      });
    }
  } else {
    this._emitCloseIfDrained();
  }
  return this;
};

Server.prototype[Symbol.asyncDispose] = async function() {
  if (!this._handle) return;
  await Reflect.apply(promisify(this.close), this, []);
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT, this);
};

// A child process's list of this server's sockets it was sent (getConnections
// and close ask it).
Server.prototype._setupWorker = function(socketList) {
  this._usingWorkers = true;
  this._workers.push(socketList);
  socketList.once('exit', (list) => {
    this._workers.splice(this._workers.indexOf(list), 1);
  });
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

// A Windows-only setting: nothing to do here but warn, once (DEP0121).
let warnSimultaneousAccepts = true;
function _setSimultaneousAccepts() {
  if (!warnSimultaneousAccepts) return;
  warnSimultaneousAccepts = false;
  const msg = 'net._setSimultaneousAccepts() is deprecated and will be removed.';
  process.emitWarning(msg, 'DeprecationWarning', 'DEP0121'); // at Object._setSimultaneousAccepts (node:net:2504:15)
}

// A rejected async 'connection' listener (captureRejections) destroys that socket.
Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  if (event === 'connection') {
    sock.destroy(err);
  } else {
    this.emit('error', err);
  }
};

function createServer(options, connectionListener) {
  return new Server(options, connectionListener); // at Object.createServer (node:net:219:10) calling new
}

// ---- module ----------------------------------------------------------------------------

module.exports = {
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  get BlockList() { return lazyBlockList().BlockList; },
  get SocketAddress() { return require('internal/socketaddress').SocketAddress; },
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
