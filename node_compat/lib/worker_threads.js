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

const isMainThread = true;
const threadId = 0;
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

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
async function postMessageToThread(id) {
  if (id === threadId) throw new ERR_WORKER_MESSAGING_SAME_THREAD();
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
