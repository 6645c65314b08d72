'use strict';

// fs.watch() (FSWatcher over the inotify-based FSEvent handle),
// fs.watchFile()/unwatchFile() (StatWatcher: stat polling, as libuv's
// uv_fs_poll does it) and fsPromises.watch() (an async iterator of events).

const EventEmitter = require('events');
const pathModule = require('path');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE },
  uvException,
} = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateFunction, validateObject, validateUint32 } =
  require('internal/validators');
const { kEmptyObject } = require('internal/util');
const { markThrowSite } = require('internal/node_throw_sites');
const { binding, copyObject, getOptions, getStatsFromBinding, getValidatedPath, makeRequest } =
  require('internal/fs/utils');

const kOldStatus = Symbol('kOldStatus');
const kUseBigint = Symbol('kUseBigint');
const kFSWatchStart = Symbol('kFSWatchStart');
const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
const kRefCount = Symbol('kFSStatWatcherRefCount');
const kMaxRefCount = Symbol('kFSStatWatcherMaxRefCount');
const kOwner = Symbol('owner');
const kAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');

const UV_ENOSPC = -28;
const kZeroStats = new Array(18).fill(0);

function watchError(errno, filename, message = '') {
  const error = uvException({ errno, syscall: 'watch', path: filename, message });
  error.filename = filename;
  return error;
}

// ---- stat polling (uv_fs_poll) --------------------------------------------------------------

// The stat fields whose change is reported (uv_fs_poll ignores nlink and atime).
function sameStat(a, b) {
  return a[0] === b[0] && a[1] === b[1] && a[3] === b[3] && a[4] === b[4] && a[7] === b[7] && a[8] === b[8] &&
         a[12] === b[12] && a[13] === b[13] && a[14] === b[14] && a[15] === b[15] && a[16] === b[16] &&
         a[17] === b[17];
}

// A polling handle: stats `path` every `interval` ms; reports a change (or
// a new error) through `onchange(status, current, previous)`.
class StatPoller {
  constructor() {
    this.timer = null;
    this.refed = true;
    this.active = false;
    this.state = 0;  // 0: no result yet, 1: last stat succeeded, <0: last error
    this.last = kZeroStats;
  }

  start(path, interval) {
    this.path = path;
    this.interval = interval;
    this.active = true;
    this.poll();
  }

  poll() {
    binding.stat(this.path, makeRequest((err, stats) => {
      if (!this.active) return;
      if (err) {
        if (this.state !== err.errno) {
          this.state = err.errno;
          this.onchange(err.errno, kZeroStats, this.last);
        }
      } else {
        if (this.state !== 0 && (this.state < 0 || !sameStat(this.last, stats))) this.onchange(0, stats, this.last);
        this.last = stats;
        this.state = 1;
      }
      this.schedule();
    }, 'stat', this.path));
  }

  schedule() {
    this.timer = setTimeout(() => this.poll(), this.interval);
    if (!this.refed) this.timer.unref();
  }

  ref() {
    this.refed = true;
    this.timer?.ref();
  }

  unref() {
    this.refed = false;
    this.timer?.unref();
  }

  close() {
    this.active = false;
    clearTimeout(this.timer);
  }
}

function StatWatcher(bigint) {
  Reflect.apply(EventEmitter, this, []);
  this._handle = null;
  this[kOldStatus] = -1;
  this[kUseBigint] = bigint;
  this[kRefCount] = 1;
  this[kMaxRefCount] = 1;
}
Object.setPrototypeOf(StatWatcher.prototype, EventEmitter.prototype);
Object.setPrototypeOf(StatWatcher, EventEmitter);

function onStatChange(newStatus, current, previous) {
  const self = this[kOwner];
  // A file still missing is not news.
  if (self[kOldStatus] === -1 && newStatus === -1 && current[2] === previous[2]) return;
  self[kOldStatus] = newStatus;
  self.emit('change', getStatsFromBinding(current, self[kUseBigint]),
            getStatsFromBinding(previous, self[kUseBigint]));
}

StatWatcher.prototype[kFSStatWatcherStart] = function(filename, persistent, interval) {
  if (this._handle) return;
  this._handle = new StatPoller();
  this._handle[kOwner] = this;
  this._handle.onchange = onStatChange;
  if (!persistent) this.unref();
  this[kOldStatus] = -1;
  filename = getValidatedPath(filename, 'filename');
  validateUint32(interval, 'interval');
  this._handle.start(filename, interval);
};

StatWatcher.prototype.stop = function() {
  if (!this._handle) return;
  process.nextTick(() => this.emit('stop'));
  this._handle.close();
  this._handle = null;
};

StatWatcher.prototype[kAddOrCleanRef] = function(operate) {
  if (operate === 'add') {
    this[kRefCount]++;
    this[kMaxRefCount]++;
  } else if (operate === 'clean') {
    this[kMaxRefCount]--;
    this[kRefCount] = Math.min(this[kRefCount], this[kMaxRefCount]);
  } else if (operate === 'cleanAll') {
    this[kMaxRefCount] = 0;
    this[kRefCount] = 0;
  }
};

// Several watchFile() calls share one watcher: each holds a reference.
StatWatcher.prototype.ref = function() {
  if (this[kRefCount] === this[kMaxRefCount]) return this;
  if (this._handle && this[kRefCount]++ === 0) this._handle.ref();
  return this;
};

StatWatcher.prototype.unref = function() {
  if (this[kRefCount] === 0) return this;
  if (this._handle && --this[kRefCount] === 0) this._handle.unref();
  return this;
};

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(filename);
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener'); // at node:fs:2612:3
  let stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    stat[kFSStatWatcherStart](filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  } else {
    stat[kAddOrCleanRef]('add');
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename); // at node:fs:2636:14
  filename = pathModule.resolve(filename);
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') {
    const before = stat.listenerCount('change');
    stat.removeListener('change', listener);
    if (stat.listenerCount('change') < before) stat[kAddOrCleanRef]('clean');
  } else {
    stat.removeAllListeners('change');
    stat[kAddOrCleanRef]('cleanAll');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

// ---- inotify watches -------------------------------------------------------------------------

let FSEvent;
function lazyFSEvent() {
  FSEvent ??= internalBinding('fs_event_wrap').FSEvent;
  return FSEvent;
}

function FSWatcher() {
  Reflect.apply(EventEmitter, this, []);
  this._handle = new (lazyFSEvent())();
  this._handle[kOwner] = this;
  this._handle.onchange = (status, eventType, filename) => {
    if (status < 0) {
      if (this._handle !== null) {
        this._handle.close();
        this._handle = null;
      }
      this.emit('error', watchError(status, filename));
    } else {
      this.emit('change', eventType, filename);
    }
  };
}
Object.setPrototypeOf(FSWatcher.prototype, EventEmitter.prototype);
Object.setPrototypeOf(FSWatcher, EventEmitter);

FSWatcher.prototype[kFSWatchStart] = function(filename, persistent, recursive, encoding) {
  if (this._handle === null) return;
  filename = getValidatedPath(filename, 'filename');
  const err = this._handle.start(pathModule.toNamespacedPath(`${filename}`), persistent, recursive, encoding);
  if (err) {
    const message = err === UV_ENOSPC ? 'System limit for number of file watchers reached' : '';
    throw markThrowSite(watchError(err, filename, message),
                        'node:internal/fs/watchers:247:19', 'node:internal/fs/watchers:255:5');
  }
};

FSWatcher.prototype.close = function() {
  if (this._handle === null) return;
  this._handle.close();
  this._handle = null;
  process.nextTick(() => this.emit('close'));
};

FSWatcher.prototype.ref = function() {
  this._handle?.ref();
  return this;
};

FSWatcher.prototype.unref = function() {
  this._handle?.unref();
  return this;
};

// A recursive watch on Linux: one inotify watch per directory, names relative to the root.
class RecursiveWatcher extends EventEmitter {
  #watchers = new Map();
  #root;
  #options;
  #closed = false;

  constructor(options) {
    super();
    this.#options = options;
  }

  [kFSWatchStart](filename) {
    this.#root = pathModule.resolve(`${getValidatedPath(filename, 'filename')}`);
    this.#watchDirectory(this.#root, true);
  }

  #watchDirectory(dir, first) {
    if (this.#watchers.has(dir) || this.#closed) return;
    const watcher = new FSWatcher();
    try {
      watcher[kFSWatchStart](dir, this.#options.persistent, false, this.#options.encoding);
    } catch (err) {
      if (first) throw err;
      return;
    }
    this.#watchers.set(dir, watcher);
    watcher.on('change', (eventType, name) => {
      const full = pathModule.join(dir, name);
      const relative = pathModule.relative(this.#root, full) || pathModule.basename(full);
      this.emit('change', eventType, relative);
      if (eventType === 'rename') this.#maybeWatch(full);
    });
    watcher.on('error', (err) => this.emit('error', err));
    const fs = require('fs');
    let entries = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) this.#watchDirectory(pathModule.join(dir, entry.name), false);
  }

  #maybeWatch(path) {
    const fs = require('fs');
    if (fs.statSync(path, { throwIfNoEntry: false })?.isDirectory()) this.#watchDirectory(path, false);
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    for (const watcher of this.#watchers.values()) watcher.ref();
    return this;
  }

  unref() {
    for (const watcher of this.#watchers.values()) watcher.unref();
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') listener = options;
  options = copyObject(getOptions(options));
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  const path = getValidatedPath(filename);
  let watcher;
  if (options.recursive) {
    watcher = new RecursiveWatcher(options);
    watcher[kFSWatchStart](path);
  } else {
    watcher = new FSWatcher();
    watcher[kFSWatchStart](path, options.persistent, options.recursive, options.encoding);
  }
  if (listener) watcher.addListener('change', listener);
  if (options.signal) {
    if (options.signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      options.signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => options.signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

// fsPromises.watch(): events as { eventType, filename } until the signal aborts.
async function* watchPromise(filename, options = kEmptyObject) {
  const path = getValidatedPath(filename);
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal, maxQueue = 2048,
          overflow = 'ignore' } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  if (overflow !== 'ignore' && overflow !== 'throw') {
    throw new ERR_INVALID_ARG_VALUE('options.overflow', overflow, "must be either 'ignore' or 'throw'");
  }
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  const queue = [];
  let wake = null;
  let failure = null;
  const watcher = watch(path, { persistent, recursive, encoding });
  watcher.on('change', (eventType, name) => {
    if (queue.length >= maxQueue) {
      if (overflow === 'throw') failure = new Error(`fs.watch maxQueue exceeded`);
      return;
    }
    queue.push({ __proto__: kEmptyObject, eventType, filename: name });
    wake?.();
  });
  watcher.on('error', (err) => {
    failure = err;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift();
      if (failure !== null) throw failure;
      if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
      await new Promise((resolve) => { wake = resolve; });
      wake = null;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    watcher.close();
  }
}

module.exports = {
  FSWatcher,
  StatWatcher,
  kFSStatWatcherStart,
  kFSWatchStart,
  unwatchFile,
  watch,
  watchFile,
  watchPromise,
};
