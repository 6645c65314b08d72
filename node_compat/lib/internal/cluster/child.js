'use strict';

// node:cluster in a worker: cluster.worker is this process; servers and UDP
// sockets that listen here get their handle from the primary (_getServer):
// a shared one, or, round-robin, a stand-in whose connections the primary
// sends one by one ('newconn').

const path = require('path');
const EventEmitter = require('events');
const { owner_symbol } = require('internal/async_hooks');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');
const { TIMEOUT_MAX } = require('internal/timers');

const cluster = new EventEmitter();
// The handles this worker listens with, by the primary's key.
const handles = new Map();
// For each address, the listen() calls made on it so far here (their
// indexes tell the primary's handles apart).
const indexes = new Map();

cluster.isWorker = true;
cluster.isMaster = false; // the deprecated name of isPrimary
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

cluster._setupWorker = function() {
  const worker = new Worker({ id: +process.env.NODE_UNIQUE_ID | 0, process, state: 'online' });
  cluster.worker = worker;
  // (A listener that also keeps the channel, and so the worker, alive.)
  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });
  process.on('internalMessage', internal(worker, function onPrimaryMessage(message, handle) {
    if (message.act === 'newconn') onconnection(message, handle);
    else if (message.act === 'disconnect') disconnect.call(worker, true);
  }));
  send({ act: 'online' });
};

cluster._getServer = function(obj, options, cb) {
  let address = options.address;
  if (options.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
    address = path.resolve(address);
  }
  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
  let indexSet = indexes.get(indexesKey);
  if (indexSet === undefined) {
    indexSet = { nextIndex: 0, set: new Set() };
    indexes.set(indexesKey, indexSet);
  }
  const index = indexSet.nextIndex++;
  indexSet.set.add(index);

  const message = { act: 'queryServer', index, data: null, ...options };
  message.address = address;
  if (obj._getServerData) message.data = obj._getServerData();
  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);
    if (handle) shared(reply, handle, indexesKey, index, cb); // at Worker.<anonymous> (node:internal/cluster/child:110:7)
    else roundRobin(reply, indexesKey, index, cb);
  });

  obj.once('listening', () => {
    if (!indexes.has(indexesKey)) return;
    cluster.worker.state = 'listening';
    const bound = obj.address();
    message.act = 'listening';
    message.port = bound?.port || options.port;
    send(message);
  });
};

function removeIndexesKey(indexesKey, index) {
  const indexSet = indexes.get(indexesKey);
  if (!indexSet) return;
  indexSet.set.delete(index);
  if (indexSet.set.size === 0) indexes.delete(indexesKey);
}

// A handle shared by the primary: closing it here tells the primary first.
function shared(reply, handle, indexesKey, index, cb) {
  const { key } = reply;
  const close = handle.close;
  handle.close = function() {
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    return Reflect.apply(close, handle, arguments);
  };
  handles.set(key, handle);
  cb(reply.errno, handle); // at shared (node:internal/cluster/child:157:3)
}

// A stand-in handle: listening costs nothing, a ref keeps the worker alive
// (a timer that never fires), connections come from the primary.
function roundRobin(reply, indexesKey, index, cb) {
  if (reply.errno) {
    cb(reply.errno, null);
    return;
  }
  let key = reply.key;
  let keepAlive = null;
  const handle = {
    close() {
      if (key === undefined) return;
      handle.unref();
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
      key = undefined;
    },
    listen() {
      return 0;
    },
    ref() {
      keepAlive ||= setInterval(() => {}, TIMEOUT_MAX);
    },
    unref() {
      if (keepAlive) {
        clearInterval(keepAlive);
        keepAlive = null;
      }
    },
  };
  handle.ref();
  if (reply.sockname) {
    // (TCP only: a pipe's stand-in has no address.)
    handle.getsockname = (out) => {
      if (key) Object.assign(out, reply.sockname);
      return 0;
    };
  }
  handles.set(key, handle);
  cb(0, handle);
}

// A connection the primary accepted for one of this worker's servers.
function onconnection(message, handle) {
  const server = handles.get(message.key);
  let accepted = server !== undefined;
  const owner = accepted ? server[owner_symbol] : undefined;
  if (owner && owner.maxConnections != null && owner._connections >= owner.maxConnections &&
      !owner.dropMaxConnection) {
    accepted = false;
  }
  send({ ack: message.seq, accepted });
  if (accepted) server.onconnection(0, handle);
  else handle.close();
}

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

// Close every server, then leave the channel (telling the primary first
// when the worker itself decided to go).
function disconnect(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waiting = 1;
  const oneClosed = () => {
    if (--waiting > 0) return;
    if (primaryInitiated) process.disconnect();
    else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  };
  for (const handle of handles.values()) {
    waiting++;
    if (handle[owner_symbol]) handle[owner_symbol].close(oneClosed);
    else handle.close(oneClosed);
  }
  handles.clear();
  oneClosed();
}

Worker.prototype.disconnect = function() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnect.call(this);
  }
  return this;
};

Worker.prototype.destroy = function() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};

module.exports = cluster;
