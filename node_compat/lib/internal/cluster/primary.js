'use strict';

// node:cluster in the primary: fork() starts a worker running the same
// program (or settings.exec); a worker's listen() or bind() asks here for the
// server handle (queryServer), which is made once per address and either
// shared with each worker (SharedHandle) or kept here, its connections
// handed out in turn (RoundRobinHandle, the default but for UDP).

const EventEmitter = require('events');
const path = require('path');
const { fork } = require('child_process');
const { codes: { ERR_SOCKET_BAD_PORT } } = require('internal/errors');
const RoundRobinHandle = require('internal/cluster/round_robin_handle');
const SharedHandle = require('internal/cluster/shared_handle');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');

const cluster = new EventEmitter();
// Emits 'disconnect' when the last worker is gone (cluster.disconnect's callback).
const lastWorkerGone = new EventEmitter();
const SCHED_NONE = 1;
const SCHED_RR = 2;
const handles = new Map();

cluster.isWorker = false;
cluster.isMaster = true; // the deprecated name of isPrimary
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE; // the kernel picks the worker
cluster.SCHED_RR = SCHED_RR; // the primary hands connections out in turn

let ids = 0;
let initialized = false;
let schedulingPolicy = process.env.NODE_CLUSTER_SCHED_POLICY;
if (schedulingPolicy === 'rr') schedulingPolicy = SCHED_RR;
else if (schedulingPolicy === 'none') schedulingPolicy = SCHED_NONE;
else schedulingPolicy = process.platform === 'win32' ? SCHED_NONE : SCHED_RR;
cluster.schedulingPolicy = schedulingPolicy;

cluster.setupPrimary = function(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (!initialized) {
    initialized = true;
    schedulingPolicy = cluster.schedulingPolicy; // fixed from the first setup on
    if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
      throw new Error(`Bad cluster.schedulingPolicy: ${schedulingPolicy}`);
    }
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

function createWorkerProcess(id, env) {
  const { settings } = cluster;
  if (settings.inspectPort === null) throw new ERR_SOCKET_BAD_PORT('Port', null, true);
  return fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    serialization: settings.serialization,
    silent: settings.silent,
    windowsHide: settings.windowsHide,
    execArgv: [...settings.execArgv],
    stdio: settings.stdio,
    gid: settings.gid,
    uid: settings.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) lastWorkerGone.emit('disconnect');
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const worker = new Worker({ id, process: createWorkerProcess(id, env) });
  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });
  worker.process.once('exit', (exitCode, signalCode) => {
    // Still connected, the worker stays listed: it may yet be asked things.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });
  worker.process.once('disconnect', () => {
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  worker.process.on('internalMessage', internal(worker, onWorkerMessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function(cb) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => lastWorkerGone.emit('disconnect'));
  } else {
    for (const worker of workers) {
      if (worker.isConnected()) worker.disconnect();
    }
  }
  if (typeof cb === 'function') lastWorkerGone.once('disconnect', cb);
};

// What a worker asks of the primary.
const requests = {
  online(worker) {
    worker.state = 'online';
    worker.emit('online');
    cluster.emit('online', worker);
  },

  exitedAfterDisconnect(worker, message) {
    worker.exitedAfterDisconnect = true;
    send(worker, { ack: message.seq });
  },

  queryServer(worker, message) {
    if (worker.exitedAfterDisconnect) return;
    const key = `${message.address}:${message.port}:${message.addressType}:${message.fd}:${message.index}`;
    let handle = handles.get(key);
    if (handle === undefined) {
      let address = message.address;
      // A socket path as short as it can be said from here (sun_path is small).
      if (message.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
        address = path.relative(process.cwd(), address);
        if (message.address.length < address.length) address = message.address;
      }
      const shared = schedulingPolicy !== SCHED_RR || message.addressType === 'udp4' ||
        message.addressType === 'udp6';
      handle = shared ? new SharedHandle(key, address, message) : new RoundRobinHandle(key, address, message);
      handles.set(key, handle);
    }
    handle.data ||= message.data;
    handle.add(worker, (errno, reply, sharedHandle) => {
      const { data } = handles.get(key);
      if (errno) handles.delete(key); // another worker may try again
      send(worker, { errno, key, ack: message.seq, data, ...reply }, sharedHandle);
    });
  },

  listening(worker, message) {
    const info = {
      addressType: message.addressType,
      address: message.address,
      port: message.port,
      fd: message.fd,
    };
    worker.state = 'listening';
    worker.emit('listening', info);
    cluster.emit('listening', worker, info);
  },

  close(worker, message) {
    const handle = handles.get(message.key);
    if (handle && handle.remove(worker)) handles.delete(message.key);
  },
};

function onWorkerMessage(message) {
  const request = requests[message.act];
  if (typeof request === 'function') request(this, message);
}

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

Worker.prototype.disconnect = function() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

Worker.prototype.destroy = function(signo) {
  this.process.kill(signo || 'SIGTERM');
};

module.exports = cluster;
