'use strict';

// node:dgram: UDP sockets. A `Socket` is an EventEmitter over one `UDP`
// handle of the udp_wrap binding. Addresses are resolved with the socket's
// lookup function (dns.lookup by default), the first send() or connect()
// binds implicitly, and work asked for while a bind is pending waits in a
// queue that is replayed on 'listening'.

const EventEmitter = require('events');
const { emit: eeEmit, emitListened2 } = require('internal/events/listeners');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { isIP } = require('internal/net');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FD_TYPE,
    ERR_IP_BLOCKED,
    ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BUFFER_SIZE,
    ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
  errnoException,
  exceptionWithHostPort,
} = require('internal/errors');
const { deprecate } = require('internal/util');
const {
  isInt32,
  validateAbortSignal,
  validateNumber,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { _createSocketHandle, defaultLookups, kStateSymbol, literalFamily, newHandle, owner_symbol } = require('internal/dgram');

const { SendWrap, UDP, constants: { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR, UV_UDP_REUSEPORT } } = internalBinding('udp_wrap');

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const RECV_BUFFER = true;
const SEND_BUFFER = false;

const { async_id_symbol } = require('internal/async_hooks');
const { kOneOfThree, nextTick2 } = require('internal/process/task_queues');
const kBufferTypes = ['Buffer', 'TypedArray', 'DataView', 'string'];
// The diagnostics channel Node's dgram publishes each new socket to.
const udpSocketChannel = require('diagnostics_channel').channel('udp.socket');

function Socket(type, listener) {
  Reflect.apply(EventEmitter, this, []);
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  let receiveBlockList;
  let sendBlockList;
  let options;

  // (Node's order of checks: buffer sizes, block lists, then lookup and type.)
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize) {
      validateUint32(options.recvBufferSize, 'options.recvBufferSize'); // at node:dgram:123:7
    }
    if (options.sendBufferSize) {
      validateUint32(options.sendBufferSize, 'options.sendBufferSize'); // at node:dgram:126:7
    }
    recvBufferSize = options.recvBufferSize;
    sendBufferSize = options.sendBufferSize;
    if (options.receiveBlockList) {
      if (!isBlockList(options.receiveBlockList)) {
        throw new ERR_INVALID_ARG_TYPE('options.receiveBlockList', 'net.BlockList', options.receiveBlockList); // at new Socket (node:dgram:132:15)
      }
      receiveBlockList = options.receiveBlockList;
    }
    if (options.sendBlockList) {
      if (!isBlockList(options.sendBlockList)) {
        throw new ERR_INVALID_ARG_TYPE('options.sendBlockList', 'net.BlockList', options.sendBlockList); // at new Socket (node:dgram:138:15)
      }
      sendBlockList = options.sendBlockList;
    }
  }

  const handle = newHandle(type, lookup); // at new Socket (node:dgram:144:18)
  handle[owner_symbol] = this;

  this[async_id_symbol] = handle.getAsyncId();
  this.type = type;

  if (typeof listener === 'function') this.on('message', listener);

  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options?.reuseAddr,
    reusePort: options?.reusePort,
    ipv6Only: options?.ipv6Only,
    recvBufferSize,
    sendBufferSize,
    receiveBlockList,
    sendBlockList,
  };

  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal'); // at node:dgram:170:5
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      const disposable = EventEmitter.addAbortListener(signal, onAborted);
      this.once('close', disposable[Symbol.dispose]);
    }
  }
  if (udpSocketChannel.hasSubscribers) udpSocketChannel.publish({ socket: this });
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

let BlockList;
function isBlockList(value) {
  BlockList ??= require('internal/blocklist').BlockList;
  return BlockList.isBlockList(value);
}

function createSocket(type, listener) {
  return new Socket(type, listener); // at Object.createSocket (node:dgram:192:10) calling new
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.onerror = onError;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER); // at node:dgram:206:5
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER); // at node:dgram:209:5
  socket.emit('listening'); // at startListening (node:dgram:211:10)
}

function replaceHandle(self, newHandle) {
  const state = self[kStateSymbol];
  const oldHandle = state.handle;
  // An unref'd socket stays unref'd on its new handle.
  if (!oldHandle.hasRef() && typeof newHandle.unref === 'function') newHandle.unref();
  // (Node carries these three over; `connect` stays the new handle's.)
  newHandle.lookup = oldHandle.lookup;
  newHandle.bind = oldHandle.bind;
  newHandle.send = oldHandle.send;
  newHandle[owner_symbol] = self;
  oldHandle.close();
  state.handle = newHandle;
}

// A cluster worker's bind() that is not `exclusive` gets the primary's
// handle for the address, shared by every worker bound there.
let cluster;
function inClusterWorker() {
  cluster ??= require('cluster');
  return cluster.isWorker;
}

function bindInCluster(socket, query) {
  const state = socket[kStateSymbol];
  cluster._getServer(socket, query, (err, handle) => {
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      socket.emit('error', exceptionWithHostPort(err, 'bind', query.address, query.port));
      return;
    }
    if (!state.handle) {
      handle.close(); // the socket closed meanwhile
      return;
    }
    replaceHandle(socket, handle);
    startListening(socket); // at (node:dgram:264:5)
  });
}

// Work asked for while the socket is binding runs once it listens; a bind
// failure drops it (the error itself is emitted by bind).
function enqueue(self, toEnqueue) {
  const state = self[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    self.once(EventEmitter.errorMonitor, onListenError);
    self.once('listening', onListenSuccess);
  }
  state.queue.push(toEnqueue);
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (const work of queue) work(); // at Socket.clearQueue (node:dgram:596:5) | Socket.onListenSuccess (node:dgram:579:3)
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

function bindFlags(state) {
  let flags = 0;
  if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
  if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;
  if (state.reusePort) flags |= UV_UDP_REUSEPORT;
  return flags;
}

Socket.prototype.bind = function(port_, address_ /* , callback */) {
  let port = port_;

  healthCheck(this); // at Socket.bind (node:dgram:271:3)
  const state = this[kStateSymbol];

  if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND(); // at node:dgram:275:11

  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    function removeListeners() {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    }
    function onListening() {
      Reflect.apply(removeListeners, this, []);
      Reflect.apply(cb, this, []); // at Socket.onListening (node:dgram:288:7) calling Socket
    }
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  // An existing UDP handle to adopt.
  if (port !== null && typeof port === 'object' && typeof port.recvStart === 'function') {
    replaceHandle(this, port);
    startListening(this);
    return this;
  }

  // An existing file descriptor to wrap.
  if (port !== null && typeof port === 'object' && isInt32(port.fd) && port.fd > 0) {
    const type = internalBinding('tty_wrap').guessHandleType(port.fd);
    if (type !== 'UDP') throw new ERR_INVALID_FD_TYPE(type); // at node:dgram:330:13
    const err = state.handle.open(port.fd);
    if (err) throw errnoException(err, 'open'); // at node:dgram:334:13
    startListening(this);
    return this;
  }

  let address;
  let exclusive = false;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }

  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (err, ip) => { // at Socket.bind (node:dgram:361:16)
    if (!state.handle) return; // closed while the address was resolved
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err); // at node:dgram:367:12
      return;
    }
    // (A socket with reusePort binds for itself, as an exclusive one does.)
    if (!exclusive && !state.reusePort && inClusterWorker()) {
      bindInCluster(this, { address: ip, port, addressType: this.type, fd: -1, flags: bindFlags(state) });
      return;
    }
    const bindErr = state.handle.bind(ip, (port || 0) >>> 0, bindFlags(state));
    if (bindErr) {
      const ex = exceptionWithHostPort(bindErr, 'bind', ip, port); // at (node:dgram:399:20)
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex); // at (node:dgram:401:14)
      return;
    }
    startListening(this); // at (node:dgram:406:7)
  });

  return this;
};

Socket.prototype.connect = function(port, address, callback) {
  port = validatePort(port, 'Port', false); // at Socket.connect (node:dgram:414:10)
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }

  validateString(address, 'address'); // at node:dgram:422:3

  const state = this[kStateSymbol];

  if (state.connectState !== CONNECT_STATE_DISCONNECTED) {
    throw new ERR_SOCKET_DGRAM_IS_CONNECTED(); // at node:dgram:427:11
  }

  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null); // at Socket.connect (node:dgram:431:10)

  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, connectResolved.bind(this, port, address, callback));
    return;
  }

  Reflect.apply(connectResolved, this, [port, address, callback]); // at Socket.connect (node:dgram:439:3)
};

function connectResolved(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);
  const afterDns = (ex, ip) => {
    doConnect(ex, this, ip, address, port, callback); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | afterDns (node:dgram:449:5)
  };
  state.handle.lookup(address, afterDns); // at Socket._connect (node:dgram:456:16)
}

function doConnect(ex, self, ip, address, port, callback) {
  const state = self[kStateSymbol];
  if (!state.handle) return;

  if (!ex && state.sendBlockList?.check(ip, `ipv${isIP(ip)}`)) ex = new ERR_IP_BLOCKED(ip); // at node:dgram:465:10
  if (!ex) {
    const err = state.handle.connect(ip, port);
    if (err) ex = exceptionWithHostPort(err, 'connect', address, port); // at node:dgram:470:12
  }

  if (ex) {
    state.connectState = CONNECT_STATE_DISCONNECTED;
    process.nextTick(() => {
      if (callback) {
        self.removeListener('connect', callback);
        callback(ex); // at (node:dgram:479:9)
      } else {
        self.emit('error', ex); // at (node:dgram:481:14)
      }
    });
    return;
  }

  state.connectState = CONNECT_STATE_CONNECTED;
  process.nextTick(() => self.emit('connect')); // at (node:dgram:487:31)
}

Socket.prototype.disconnect = function() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) {
    throw new ERR_SOCKET_DGRAM_NOT_CONNECTED(); // at node:dgram:494:11
  }

  const err = state.handle.disconnect(); // at Socket.disconnect (node:dgram:496:28)
  if (err) throw errnoException(err, 'connect'); // at node:dgram:498:11
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

// Legacy form: every argument required.
Socket.prototype.sendto = function(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset'); // at node:dgram:511:3
  validateNumber(length, 'length'); // at node:dgram:512:3
  validateNumber(port, 'port'); // at node:dgram:513:3
  validateString(address, 'address'); // at node:dgram:514:3
  this.send(buffer, offset, length, port, address, callback);
};

// A view of `length` bytes at `offset` of a message (strings are UTF-8).
function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer); // at node:dgram:524:11
  }

  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset'); // at node:dgram:535:11
  if (offset + length > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length'); // at node:dgram:539:11

  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

// The chunks of an array message as Buffers, or null if one is not bytes or text.
function fixBufferList(list) {
  const chunks = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (typeof buf === 'string') {
      chunks[i] = Buffer.from(buf);
    } else if (Buffer.isBuffer(buf)) {
      chunks[i] = buf;
    } else if (!ArrayBuffer.isView(buf)) {
      return null;
    } else {
      chunks[i] = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    }
  }
  return chunks;
}

Socket.prototype.send = function(buffer, offset, length, port, address, callback) {
  var list;
  var state = this[kStateSymbol];
  var connected = state.connectState === CONNECT_STATE_CONNECTED;

  // Sort out which optional arguments were given.
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length); // at Socket.send (node:dgram:626:16)
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length); // at Socket.send (node:dgram:634:16)
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED(); // at node:dgram:644:13
  }

  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') {
      list = [Buffer.from(buffer)];
    } else if (!ArrayBuffer.isView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer); // at Socket.send (node:dgram:651:13)
    } else if (buffer instanceof Uint8Array) {
      list = [buffer];
    } else {
      // the binding reads bytes from Uint8Arrays: view other arrays and DataViews as one
      list = [Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)];
    }
  } else if (!(list = fixBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments', kBufferTypes, buffer); // at node:dgram:661:11
  }

  // (validatePort's check of a good port, inline: a call less a send.)
  if (!connected && !(typeof port === 'number' && port > 0 && port <= 0xFFFF && port === (port | 0))) {
    port = validatePort(port, 'Port', false); // at Socket.send (node:dgram:670:12)
  }

  if (typeof callback !== 'function') callback = undefined;

  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null && typeof address !== 'string') {
    validateString(address, 'address'); // at node:dgram:681:5
  }

  if (!state.handle) healthCheck(this); // at Socket.send (node:dgram:684:3)

  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null); // at Socket.send (node:dgram:687:10)

  if (list.length === 0) list.push(Buffer.alloc(0));

  // Bind pending: send once the socket listens.
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, this.send.bind(this, list, port, address, callback));
    return;
  }

  if (connected) {
    doSend(null, this, null, list, address, port, callback); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | afterDns (node:dgram:701:5) | Socket.send (node:dgram:711:5)
  } else if (typeof address === 'string' && literalFamily(address) !== 0 && defaultLookups.has(state.handle.lookup)) {
    queueLiteralSend(this, address, list, port, callback);
  } else {
    state.handle.lookup(address, (ex, ip) => { // at Socket.send (node:dgram:709:18)
      doSend(ex, this, ip, list, address, port, callback); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | afterDns (node:dgram:701:5)
    });
  }
};

// Sends to a literal address with dns.lookup as the lookup: it would answer
// on the next tick, and the send goes out on that tick. Each waits here
// meanwhile (five slots: socket, address, list, port, callback), which
// spares a closure and an arguments array a send.
const literalSends = [];
let literalSendsHead = 0;
function queueLiteralSend(self, address, list, port, callback) {
  literalSends.push(self, address, list, port, callback);
  nextTick2(sendToLiteral, void 0, kOneOfThree);
}
function sendToLiteral() {
  var i = literalSendsHead;
  var self = literalSends[i];
  var address = literalSends[i + 1];
  var list = literalSends[i + 2];
  var port = literalSends[i + 3];
  var callback = literalSends[i + 4];
  if (i + 5 === literalSends.length) {
    literalSends.length = 0;
    literalSendsHead = 0;
  } else if (i >= 1280) {
    // (Sends that keep coming while others wait: the served ones go.)
    literalSends.splice(0, i + 5);
    literalSendsHead = 0;
  } else {
    literalSends[i] = literalSends[i + 1] = literalSends[i + 2] = literalSends[i + 4] = void 0;
    literalSendsHead = i + 5;
  }
  doSend(null, self, address, list, address, port, callback); // at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18) | afterDns (node:dgram:701:5)
}

function doSend(ex, self, ip, list, address, port, callback) {
  var state = self[kStateSymbol];

  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => self.emit('error', ex));
    return;
  } else if (!state.handle) {
    return;
  }

  if (ip && state.sendBlockList?.check(ip, `ipv${isIP(ip)}`)) {
    if (callback) process.nextTick(callback, new ERR_IP_BLOCKED(ip));
    return;
  }

  // Only a send with a callback needs a request object to complete on.
  var req;
  if (callback) {
    req = new SendWrap();
    req.list = list;
    req.address = address;
    req.port = port;
    req.callback = callback;
    req.oncomplete = afterSend;
  }

  // (`list` is send's own array: its one Buffer may be given as its
  // ArrayBuffer, as stream_base_commons' writeGeneric gives a socket's.)
  if (list.length === 1) {
    var view = list[0];
    var bytes = view.buffer;
    if (view.byteOffset === 0 && bytes.byteLength === view.byteLength) list[0] = bytes;
  }
  var err = port ?
    state.handle.send(req, list, list.length, port, ip, !!callback) :
    state.handle.send(req, list, list.length, !!callback);

  if (err >= 1) {
    // Sent at once: the binding returns the size plus one.
    if (callback) process.nextTick(callback, null, err - 1);
    return;
  }

  // Failures without a callback are dropped, as in Node.
  if (err && callback) {
    var ex = exceptionWithHostPort(err, 'send', address, port); // at doSend (node:dgram:762:16)
    process.nextTick(callback, ex);
  }
}

function afterSend(err, sent) {
  if (err) {
    err = exceptionWithHostPort(err, 'send', this.address, this.port);
  } else {
    err = null;
  }
  this.callback(err, sent);
}

Socket.prototype.close = function(callback) {
  const state = this[kStateSymbol];
  const queue = state.queue;

  if (typeof callback === 'function') this.on('close', callback);

  if (queue !== undefined) {
    queue.push(this.close.bind(this));
    return this;
  }

  healthCheck(this); // at Socket.close (node:dgram:789:3)
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(socketCloseNT, this);

  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function() {
  if (!this[kStateSymbol].handle) return;
  await new Promise((resolve) => this.close(resolve));
};

function socketCloseNT(self) {
  self.emit('close'); // at socketCloseNT (node:dgram:810:8)
}

Socket.prototype.address = function() {
  healthCheck(this); // at Socket.address (node:dgram:815:3)

  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw errnoException(err, 'getsockname'); // at Socket.address (node:dgram:820:11)
  return out;
};

Socket.prototype.remoteAddress = function() {
  healthCheck(this); // at Socket.remoteAddress (node:dgram:827:3)

  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) {
    throw new ERR_SOCKET_DGRAM_NOT_CONNECTED(); // at Socket.remoteAddress (node:dgram:831:11)
  }

  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw errnoException(err, 'getpeername'); // at node:dgram:836:11
  return out;
};

Socket.prototype.setBroadcast = function(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0); // at node:dgram:843:41
  if (err) throw errnoException(err, 'setBroadcast'); // at node:dgram:845:11
};

Socket.prototype.setTTL = function(ttl) {
  validateNumber(ttl, 'ttl'); // at Socket.setTTL (node:dgram:851:3)
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw errnoException(err, 'setTTL'); // at node:dgram:855:11
  return ttl;
};

Socket.prototype.setMulticastTTL = function(ttl) {
  validateNumber(ttl, 'ttl'); // at node:dgram:863:3
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw errnoException(err, 'setMulticastTTL'); // at node:dgram:867:11
  return ttl;
};

Socket.prototype.setMulticastLoopback = function(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setMulticastLoopback'); // at node:dgram:877:11
  return arg;
};

Socket.prototype.setMulticastInterface = function(interfaceAddress) {
  healthCheck(this); // at Socket.setMulticastInterface (node:dgram:885:3)
  validateString(interfaceAddress, 'interfaceAddress'); // at node:dgram:886:3

  const err = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface'); // at node:dgram:890:11
};

// Node's binding reads a membership's addresses as strings (V8's ToString):
// a group that does not convert reads as '' (EINVAL), an interface that does
// not throws.
function groupText(group) {
  if (typeof group === 'string') return group;
  try {
    return addressText(group);
  } catch {
    return '';
  }
}

function interfaceText(iface) {
  return iface == null || typeof iface === 'string' ? iface : addressText(iface); // at -
}

function addressText(value) {
  if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string'); // at -
  return `${value}`; // at -
}

Socket.prototype.addMembership = function(multicastAddress, interfaceAddress) {
  healthCheck(this); // at Socket.addMembership (node:dgram:896:3)
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress'); // at Socket.addMembership (node:dgram:899:11)

  multicastAddress = groupText(multicastAddress);
  interfaceAddress = interfaceText(interfaceAddress); // at Socket.addMembership (node:dgram:903:22)
  const err = this[kStateSymbol].handle.addMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addMembership'); // at Socket.addMembership (node:dgram:905:11)
};

Socket.prototype.dropMembership = function(multicastAddress, interfaceAddress) {
  healthCheck(this); // at Socket.dropMembership (node:dgram:912:3)
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress'); // at node:dgram:915:11

  multicastAddress = groupText(multicastAddress);
  interfaceAddress = interfaceText(interfaceAddress); // at Socket.dropMembership (node:dgram:919:22)
  const err = this[kStateSymbol].handle.dropMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropMembership'); // at node:dgram:921:11
};

Socket.prototype.addSourceSpecificMembership = function(sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this); // at Socket.addSourceSpecificMembership (node:dgram:928:3)
  validateString(sourceAddress, 'sourceAddress'); // at node:dgram:930:3
  validateString(groupAddress, 'groupAddress'); // at node:dgram:931:3
  interfaceAddress = interfaceText(interfaceAddress); // at Socket.addSourceSpecificMembership (node:dgram:934:31)

  const err = this[kStateSymbol].handle.addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addSourceSpecificMembership'); // at node:dgram:938:11
};

Socket.prototype.dropSourceSpecificMembership = function(sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this); // at Socket.dropSourceSpecificMembership (node:dgram:946:3)
  validateString(sourceAddress, 'sourceAddress'); // at node:dgram:948:3
  validateString(groupAddress, 'groupAddress'); // at node:dgram:949:3
  interfaceAddress = interfaceText(interfaceAddress); // at Socket.dropSourceSpecificMembership (node:dgram:952:31)

  const err = this[kStateSymbol].handle.dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropSourceSpecificMembership'); // at node:dgram:956:11
};

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING(); // at healthCheck (node:dgram:964:11)
}

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

// A datagram (or a receive error) from the binding.
function onMessage(nread, handle, buf, rinfo) {
  var self = handle[owner_symbol];
  if (nread < 0) {
    const err = errnoException(nread, 'recvmsg'); // at UDP.onMessage [as onmessage] (node:dgram:983:31)
    self.emit('error', err); // at UDP.onMessage [as onmessage] (node:dgram:983:17)
    return;
  }
  var blockList = self[kStateSymbol].receiveBlockList;
  if (blockList !== undefined && blockList.check(rinfo.address, rinfo.family === 'IPv4' ? 'ipv4' : 'ipv6')) return;
  var message = new FastBuffer(buf);
  rinfo.size = message.length;
  var handler = self.emit === eeEmit ? self._events?.message : void 0;
  if (typeof handler === 'function') emitListened2(self, 'message', handler, message, rinfo); // at UDP.onMessage [as onmessage] (node:dgram:990:8)
  else self.emit('message', message, rinfo); // at UDP.onMessage [as onmessage] (node:dgram:990:8)
}

// The handle's entry for errors outside a receive, which Node's handles
// carry too; pynode's binding has none to report (a failed receive comes
// through onMessage, as in Node).
function onError(nread, handle, error) {
  return handle[owner_symbol].emit('error', error);
}

Socket.prototype.ref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

function bufferSize(self, size, buffer) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE(); // at node:dgram:234:11

  const ctx = {};
  const ret = self[kStateSymbol].handle.bufferSize(size, buffer, ctx); // at node:dgram:237:41
  if (ret === undefined) throw new ERR_SOCKET_BUFFER_SIZE(ctx); // at node:dgram:239:11
  return ret;
}

Socket.prototype.setRecvBufferSize = function(size) {
  bufferSize(this, size, RECV_BUFFER); // at node:dgram:1021:3
};

Socket.prototype.setSendBufferSize = function(size) {
  bufferSize(this, size, SEND_BUFFER); // at node:dgram:1026:3
};

Socket.prototype.getRecvBufferSize = function() {
  return bufferSize(this, 0, RECV_BUFFER); // at node:dgram:1031:10
};

Socket.prototype.getSendBufferSize = function() {
  return bufferSize(this, 0, SEND_BUFFER); // at node:dgram:1036:10
};

Socket.prototype.getSendQueueSize = function() {
  return this[kStateSymbol].handle.getSendQueueSize(); // at node:dgram:1040:36
};

Socket.prototype.getSendQueueCount = function() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// Deprecated (DEP0112) views of the internal state.
function legacyAccessor(name, key) {
  Object.defineProperty(Socket.prototype, name, {
    __proto__: null,
    get: deprecate(function() {
      return this[kStateSymbol][key];
    }, `Socket.prototype.${name} is deprecated`, 'DEP0112'),
    set: deprecate(function(value) {
      this[kStateSymbol][key] = value;
    }, `Socket.prototype.${name} is deprecated`, 'DEP0112'),
  });
}
legacyAccessor('_handle', 'handle');
legacyAccessor('_receiving', 'receiving');
legacyAccessor('_bindState', 'bindState');
legacyAccessor('_queue', 'queue');
legacyAccessor('_reuseAddr', 'reuseAddr');

Socket.prototype._healthCheck = deprecate(function() {
  healthCheck(this);
}, 'Socket.prototype._healthCheck() is deprecated', 'DEP0112');

Socket.prototype._stopReceiving = deprecate(function() {
  stopReceiving(this);
}, 'Socket.prototype._stopReceiving() is deprecated', 'DEP0112');

module.exports = {
  _createSocketHandle: deprecate(
    _createSocketHandle,
    'dgram._createSocketHandle() is deprecated',
    'DEP0112',
  ),
  createSocket,
  Socket,
};
