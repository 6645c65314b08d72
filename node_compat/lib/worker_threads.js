'use strict';

// node:worker_threads — pynode runs one JavaScript thread: this is always the
// main thread (isMainThread, threadId 0, no parentPort or workerData) and
// `new Worker()` fails after checking its arguments. Message ports,
// BroadcastChannel and environment data work within the thread.

const EventEmitter = require('events');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_WORKER_MESSAGING_FAILED,
    ERR_WORKER_MESSAGING_SAME_THREAD,
    ERR_WORKER_NOT_RUNNING,
    ERR_WORKER_PATH,
  },
} = require('internal/errors');
const { isMarkedAsUntransferable, markAsUntransferable } = require('internal/buffer');
const {
  BroadcastChannel,
  markAsUncloneable,
  MessageChannel,
  MessagePort,
  receiveMessageOnPort,
} = require('internal/worker/io');
const { validateNumber } = require('internal/validators');

const isMainThread = true;
const threadId = 0;
const currentThreadId = threadId;
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

// pynode runs one JavaScript thread, so no Worker is ever made: the
// constructor throws once its arguments pass. The prototype still has
// Node's methods; they work on a worker's state (its handle to the thread,
// its port, its stdio), which only a Worker would have, so on any other
// object they fail, as Node's do.
const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kStdio = Symbol('kStdio');
const kOnExit = Symbol('kOnExit');
const kOnCouldNotSerializeErr = Symbol('kOnCouldNotSerializeErr');
const kOnErrorMessage = Symbol('kOnErrorMessage');
const kOnMessage = Symbol('kOnMessage');
const kDispose = Symbol('kDispose');

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    const isURL = filename !== null && typeof filename === 'object' && typeof filename.href === 'string';
    if (typeof filename !== 'string' && !isURL) {
      throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
    }
    if (typeof filename === 'string' && !options?.eval && !filename.startsWith('/') &&
        !filename.startsWith('./') && !filename.startsWith('../')) {
      throw new ERR_WORKER_PATH(filename);
    }
    throw new ERR_METHOD_NOT_IMPLEMENTED('Worker');
  }

  postMessage(...args) {
    this[kPort].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') this.once('exit', (code) => callback(null, code));
    this.ref();
    if (this[kHandle] === null) return Promise.resolve();
    this[kHandle].stopThread();
    return new Promise((resolve) => this.once('exit', resolve));
  }

  ref() {
    this[kHandle].ref();
    this[kPort].ref();
  }

  unref() {
    this[kHandle].unref();
    this[kPort].unref();
  }

  get threadId() {
    return this[kHandle] === null ? -1 : this[kHandle].threadId;
  }

  get stdin() {
    return this[kStdio].stdin;
  }

  get stdout() {
    return this[kStdio].stdout;
  }

  get stderr() {
    return this[kStdio].stderr;
  }

  get resourceLimits() {
    return this[kHandle] === null ? {} : this[kHandle].getResourceLimits();
  }

  getHeapSnapshot(options) {
    if (this[kHandle] == null) return Promise.reject(new ERR_WORKER_NOT_RUNNING());
    return this[kHandle].takeHeapSnapshot(options);
  }

  // The thread has ended.
  [kOnExit](code, customErr, customErrReason) {
    this[kHandle] = null;
    if (customErr) this.emit('error', new Error(customErrReason));
    this.emit('exit', code);
    this.removeAllListeners('message');
  }

  [kOnCouldNotSerializeErr]() {
    this.emit('error', new Error('Serializing an uncaught exception failed'));
  }

  // The thread's uncaught error.
  [kOnErrorMessage](error) {
    this.emit('error', error);
  }

  // A message from the thread's side of the port.
  [kOnMessage](message) {
    this.emit('message', message);
  }

  [kDispose]() {
    return this.terminate();
  }
}

// Data a worker would see as its environment; here just this thread's table.
const environmentData = new Map();

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

function moveMessagePortToContext() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('moveMessagePortToContext');
}

// There is no other thread to send to.
async function postMessageToThread(threadId, value, transferList, timeout) {
  if (typeof transferList === 'number' && timeout === undefined) {
    timeout = transferList;
    transferList = [];
  }
  if (timeout !== undefined) validateNumber(timeout, 'timeout', 0);
  if (threadId === currentThreadId) throw new ERR_WORKER_MESSAGING_SAME_THREAD();
  throw new ERR_WORKER_MESSAGING_FAILED();
}

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUncloneable,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: {},
  postMessageToThread,
  threadId,
  SHARE_ENV,
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
