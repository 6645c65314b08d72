'use strict';

// The IPC channel of fork(): what `subprocess.send()` and, in the child,
// `process.send()` talk through. Messages travel over a `Pipe(IPC)` handle
// as JSON lines or in V8's format (internal/child_process/serialization). A handle sent along (a server, a socket, a UDP socket
// or a raw handle) goes as a NODE_HANDLE message whose descriptor rides with
// its first byte; the receiver answers NODE_HANDLE_ACK, and until then the
// sender holds back further messages, so a descriptor always meets its own
// message. Messages whose `cmd` starts with 'NODE_' are the runtime's own
// ('internalMessage'); the others are the user's ('message'), kept until
// someone listens for them.

const EventEmitter = require('events');
const serializations = require('internal/child_process/serialization');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_MISSING_ARGS,
  },
  errnoException,
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const { deprecate } = require('internal/util');
const { WriteWrap, streamBaseState, kLastWriteWasAsync } = internalBinding('stream_wrap');

const kPendingMessages = Symbol('kPendingMessages');
// The pipe, kept on the target (inspecting a child shows it, as in Node).
const kChannelHandle = Symbol('kChannelHandle');
const kRefs = Symbol('kRefs');
const kRefSetByUser = Symbol('kRefSetByUser');
const kPipe = Symbol('kPipe');
const kChannelDeprecation = '_channel is deprecated. Use ChildProcess.channel instead.';
// Past this, send() answers false: the other side is two reads behind.
const kWriteQueueLimit = 65536 * 2;
// A handle the receiver said it did not get is sent again this many times.
const kMaxHandleRetransmissions = 3;

function nop() {}

// `subprocess.channel` / `process.channel`: keeps the process alive while
// there is a reason to (a 'message' listener, a write in flight), unless the
// user has said ref() or unref() themselves.
class Control extends EventEmitter {
  constructor(pipe) {
    super();
    this[kPendingMessages] = [];
    Object.defineProperties(this, {
      [kPipe]: { __proto__: null, value: pipe, writable: true },
      [kRefs]: { __proto__: null, value: 0, writable: true },
      [kRefSetByUser]: { __proto__: null, value: false, writable: true },
    });
  }

  refCounted() {
    this[kRefs]++;
    if (this[kRefs] === 1 && !this[kRefSetByUser]) this[kPipe].ref();
  }

  unrefCounted() {
    this[kRefs]--;
    if (this[kRefs] === 0 && !this[kRefSetByUser]) this[kPipe].unref();
  }

  ref() {
    this[kRefSetByUser] = true;
    this[kPipe].ref();
  }

  unref() {
    this[kRefSetByUser] = true;
    this[kPipe].unref();
  }

  get fd() {
    return this[kPipe] ? this[kPipe].fd : undefined;
  }
}

// Whether a message is the runtime's own (its cmd is NODE_ and more).
function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.length > 5 && message.cmd.startsWith('NODE_');
}

// ---- handles sent along with messages ----------------------------------------

let net;
let dgram;
function lazyNet() {
  net ??= require('net');
  return net;
}
function lazyDgram() {
  dgram ??= require('dgram');
  return dgram;
}

// The NODE_HANDLE type of what send() was given, or null.
function handleType(handle) {
  const { Socket, Server } = lazyNet();
  if (handle instanceof Socket) return 'net.Socket';
  if (handle instanceof Server) return 'net.Server';
  const { TCP } = internalBinding('tcp_wrap');
  const { Pipe } = internalBinding('pipe_wrap');
  if (handle instanceof TCP || handle instanceof Pipe) return 'net.Native';
  if (handle instanceof lazyDgram().Socket) return 'dgram.Socket';
  if (handle instanceof internalBinding('udp_wrap').UDP) return 'dgram.Native';
  return null;
}

// For each type: `send` gives the native handle to pass (nothing: the
// message goes without it), `got` turns a received native handle into what
// the receiver's listener gets.
const conversions = {
  'net.Native': {
    send: (message, handle) => handle,
    got(message, handle, deliver) {
      deliver(handle);
    },
  },
  'net.Server': {
    send: (message, server) => server._handle,
    got(message, handle, deliver) {
      const server = new (lazyNet().Server)();
      server.listen(handle, () => deliver(server));
    },
  },
  'net.Socket': {
    send(message, socket, options) {
      const handle = socket._handle;
      if (!handle) return undefined;
      // A server's connection stays one of its connections, now counted by
      // the receiver (getConnections and close ask it).
      if (socket.server) {
        message.key = socket.server._connectionKey;
        const firstTime = !this[kChannelHandle].sockets.send[message.key];
        const socketList = getSocketList('send', this, message.key);
        if (firstTime) socket.server._setupWorker(socketList);
        if (!options.keepOpen) socket.server._connections--;
      }
      // A socket handed over is the receiver's: this side lets go of it
      // (it is closed once the other side has it) and reads no more, so
      // what comes meanwhile waits for the receiver.
      if (!options.keepOpen) {
        handle.onread = nop;
        handle.readStop();
        socket._handle = null;
        socket.setTimeout(0);
      }
      return handle;
    },
    handedOver: true,
    got(message, handle, deliver) {
      const socket = new (lazyNet().Socket)({ handle, readable: true, writable: true });
      if (message.key) getSocketList('got', this, message.key).add({ socket });
      deliver(socket);
    },
  },
  'dgram.Native': {
    send: (message, handle) => handle,
    got(message, handle, deliver) {
      deliver(handle);
    },
  },
  'dgram.Socket': {
    send(message, socket) {
      message.dgramType = socket.type;
      return socket[require('internal/dgram').kStateSymbol].handle;
    },
    got(message, handle, deliver) {
      const socket = new (lazyDgram().Socket)(message.dgramType);
      socket.bind(handle, () => deliver(socket));
    },
  },
};

// The list of one server's sockets sent over (or received from) `target`'s channel.
function getSocketList(type, target, key) {
  const lists = target[kChannelHandle].sockets[type];
  if (lists[key] === undefined) {
    const { SocketListReceive, SocketListSend } = require('internal/socket_list');
    lists[key] = type === 'send' ? new SocketListSend(target, key) : new SocketListReceive(target, key);
  }
  return lists[key];
}

// A native handle from a descriptor that came over the channel.
function handleFromDescriptor(fd) {
  let handle;
  switch (internalBinding('tty_wrap').guessHandleType(fd)) {
    case 'TCP': {
      const { TCP, constants } = internalBinding('tcp_wrap');
      handle = new TCP(constants.SOCKET);
      break;
    }
    case 'UDP':
      handle = new (internalBinding('udp_wrap').UDP)();
      break;
    case 'PIPE': {
      const { Pipe, constants } = internalBinding('pipe_wrap');
      handle = new Pipe(constants.SOCKET);
      break;
    }
    default:
      // Not a socket: nothing a message can carry. (The sender hears NACK.)
      require('fs').closeSync(fd);
      return null;
  }
  if (handle.open(fd) !== 0) {
    handle.close();
    return null;
  }
  return handle;
}

// ---- the channel ----------------------------------------------------------------

// Make `target` (a ChildProcess, or `process` in the child) talk over `pipe`;
// `onClosed` is called when the other side has closed it.
function setupChannel(target, pipe, serializationMode, onClosed = nop) {
  const control = new Control(pipe);
  target.channel = control;
  target[kChannelHandle] = pipe;
  Object.defineProperty(target, '_channel', {
    __proto__: null,
    get: deprecate(() => target.channel, kChannelDeprecation, 'DEP0129'),
    set: deprecate((value) => { target.channel = value; }, kChannelDeprecation, 'DEP0129'),
    configurable: true,
    enumerable: false,
  });
  // Messages held back until the handle sent last is acknowledged (null: none).
  target._handleQueue = null;
  // The handle sent last, while it waits for its acknowledgement.
  target._pendingMessage = null;

  // The socket lists of the servers whose connections cross this channel.
  pipe.sockets = { got: {}, send: {} };

  const serialization = serializations[serializationMode];
  const reader = new serialization.Reader();
  // Descriptors received and not yet matched with their NODE_HANDLE message.
  const received = [];
  pipe.buffering = false;

  pipe.onread = function onChannelRead(nread, buffer) {
    const fds = pipe.pendingFds;
    if (fds !== undefined) {
      pipe.pendingFds = undefined;
      for (const fd of fds) received.push(fd);
    }
    if (nread > 0) {
      const messages = reader.read(new Uint8Array(buffer));
      pipe.buffering = reader.buffering;
      for (const message of messages) {
        if (!isInternal(message)) {
          deliver(message, undefined, false);
        } else if (message.cmd === 'NODE_HANDLE') {
          const fd = received.shift();
          deliver(message, fd === undefined ? null : handleFromDescriptor(fd), true);
        } else {
          deliver(message, undefined, true);
        }
      }
      return;
    }
    // The other side is gone (or the read failed): the channel is over.
    pipe.buffering = false;
    target.disconnect();
    pipe.onread = nop;
    pipe.close();
    target.channel = null;
    onClosed(target);
  };

  // Messages are emitted one tick after they are read; the user's wait in
  // the channel's queue while no one listens for 'message'.
  function emitMessage(event, message, handle) {
    if (event === 'internalMessage' || target.listenerCount('message') > 0) {
      target.emit(event, message, handle); // at emit (node:internal/child_process:949:14)
    } else {
      target.channel[kPendingMessages].push([event, message, handle]);
    }
  }

  function deliver(message, handle, internal) {
    if (!target.channel) return;
    process.nextTick(emitMessage, internal ? 'internalMessage' : 'message', message, handle);
  }

  // A new listener of any kind may be the first for 'message': then the
  // messages kept so far go to it, on the next tick.
  target.on('newListener', function() {
    process.nextTick(() => {
      const channel = target.channel;
      if (!channel || target.listenerCount('message') === 0) return;
      const pending = channel[kPendingMessages];
      if (pending.length === 0) return;
      channel[kPendingMessages] = [];
      for (const args of pending) target.emit(...args); // at (node:internal/child_process:729:9)
    });
  });

  target.on('internalMessage', function(message, handle) {
    if (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK') {
      const sent = target._pendingMessage;
      if (sent) {
        if (message.cmd === 'NODE_HANDLE_ACK') {
          closePendingHandle(target);
        } else if (sent.retransmissions++ === kMaxHandleRetransmissions) {
          closePendingHandle(target);
          process.emitWarning('Handle did not reach the receiving process correctly', 'SentHandleNotReceivedWarning');
        }
      }
      const queue = target._handleQueue ?? [];
      target._handleQueue = null;
      const again = target._pendingMessage;
      if (again) target._send(again.message, again.handle, again.options, again.callback);
      for (const args of queue) target._send(args.message, args.handle, args.options, args.callback);
      // A disconnect() asked for while messages waited happens now.
      if (!target.connected && target.channel && !target._handleQueue) target._disconnect();
      return;
    }
    if (message.cmd !== 'NODE_HANDLE') return;
    if (!handle) {
      target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true);
      return;
    }
    // (Not the user's send: a failure to acknowledge raises nothing.)
    target._send({ cmd: 'NODE_HANDLE_ACK' }, null, true);
    conversions[message.type].got.call(target, message, handle, (converted) => {
      deliver(message.msg, converted, isInternal(message.msg));
    });
  });

  target.send = function(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options'); // at target.send (node:internal/child_process:745:7)
    }
    options = { swallowErrors: false, ...options };
    if (this.connected) return this._send(message, handle, options, callback); // at target.send (node:internal/child_process:751:19)
    const err = new ERR_IPC_CHANNEL_CLOSED(); // at target.send (node:internal/child_process:753:16)
    if (typeof callback === 'function') process.nextTick(callback, err);
    else process.nextTick(() => this.emit('error', err));
    return false;
  };

  target._send = function(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message'); // at target._send (node:internal/child_process:766:13)
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' &&
        typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message); // at target._send (node:internal/child_process:776:13)
    }
    if (typeof options === 'boolean') options = { swallowErrors: options };

    let conversion;
    if (handle) {
      const type = handleType(handle);
      if (type === null) throw new ERR_INVALID_HANDLE_TYPE(); // at target._send (node:internal/child_process:807:15)
      if (this._handleQueue) {
        this._handleQueue.push({ callback, handle, options, message });
        return this._handleQueue.length === 1;
      }
      conversion = conversions[type];
      const wrapped = { cmd: 'NODE_HANDLE', type, msg: message };
      handle = conversion.send.call(target, wrapped, handle, options);
      // Nothing to pass after all (a socket sent already): the message goes alone.
      message = handle ? wrapped : message;
    } else if (this._handleQueue &&
               !(message && (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
      // Behind a handle still unacknowledged, to keep the order.
      this._handleQueue.push({ callback, handle: null, options, message });
      return this._handleQueue.length === 1;
    }

    const req = new WriteWrap();
    const err = serialization.write(pipe, req, message, handle);
    const async = streamBaseState[kLastWriteWasAsync] !== 0;
    if (err === 0) {
      if (handle) {
        this._handleQueue ??= [];
        if (conversion.handedOver) keepUntilAcknowledged(target, message, handle, options, callback);
      }
      if (async) {
        control.refCounted();
        req.oncomplete = () => {
          control.unrefCounted();
          if (typeof callback === 'function') callback(null);
        };
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else {
      if (handle && conversion.handedOver && !options.keepOpen) handle.close();
      if (!options.swallowErrors) {
        const ex = errnoException(err, 'write'); // at target._send (node:internal/child_process:877:20)
        if (typeof callback === 'function') process.nextTick(callback, ex);
        else process.nextTick(() => this.emit('error', ex));
      }
    }
    return pipe.writeQueueSize < kWriteQueueLimit;
  };

  // connected: false once disconnect() is asked for; channel: null once the
  // channel is really closed (queued messages may still go out in between).
  target.connected = true;

  target.disconnect = function() {
    if (!this.connected) {
      const err = new ERR_IPC_DISCONNECTED(); // at target.disconnect (node:internal/child_process:903:26)
      this.emit('error', err); // at target.disconnect (node:internal/child_process:903:12)
      return;
    }
    this.connected = false;
    if (!this._handleQueue) this._disconnect();
  };

  target._disconnect = function() {
    this.channel = null;
    this[kChannelHandle] = null;
    if (this._pendingMessage) closePendingHandle(this);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      pipe.close();
      target.emit('disconnect');
    };
    // A message read in part is let finish first.
    if (pipe.buffering) {
      this.once('message', finish);
      this.once('internalMessage', finish);
      return;
    }
    process.nextTick(finish);
  };

  pipe.readStart();
  return control;
}

// A socket handed over is closed once the receiver has acknowledged it.
function keepUntilAcknowledged(target, message, handle, options, callback) {
  if (options.keepOpen) return;
  target._pendingMessage = { callback, message, handle, options, retransmissions: 0 };
}

function closePendingHandle(target) {
  target._pendingMessage.handle.close();
  target._pendingMessage = null;
}

module.exports = {
  setupChannel,
};
