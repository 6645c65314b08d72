'use strict';

// fs.Dir (fs.opendir/opendirSync, fsPromises.opendir): a directory read a
// batch of entries at a time, in the order the OS lists them, optionally
// descending into subdirectories after the directory that holds them.

const pathModule = require('path');
const {
  codes: {
    ERR_DIR_CLOSED,
    ERR_DIR_CONCURRENT_OPERATION,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const { promisify } = require('internal/util');
const {
  binding,
  check,
  encodeResult,
  getDirent,
  getOptions,
  getValidatedPath,
  makeRequest,
  requestError,
} = require('internal/fs/utils');

const kDirHandle = Symbol('kDirHandle');
const kDirPath = Symbol('kDirPath');
const kDirBufferedEntries = Symbol('kDirBufferedEntries');
const kDirClosed = Symbol('kDirClosed');
const kDirOptions = Symbol('kDirOptions');
const kDirOperationQueue = Symbol('kDirOperationQueue');
const kDirQueue = Symbol('kDirQueue');

class Dir {
  // Whether the directory itself is read to its end (then queued subdirectories are read).
  #ownExhausted = false;

  constructor(handle, path, options) {
    if (handle == null) throw new ERR_MISSING_ARGS('handle');
    this[kDirHandle] = handle;
    this[kDirBufferedEntries] = [];
    this[kDirPath] = path;
    this[kDirClosed] = false;
    this[kDirOperationQueue] = null;
    this[kDirOptions] = { bufferSize: 32, ...getOptions(options, { encoding: 'utf8' }) };
    validateUint32(this[kDirOptions].bufferSize, 'options.bufferSize', true); // at node:internal/fs/dir:58:5
    // With `recursive`, subdirectories met so far wait here: [handle, path].
    this[kDirQueue] = [];
  }

  get path() { return this[kDirPath]; }

  read(callback) {
    return this.#readImpl(true, callback);
  }

  #readImpl(maybeSync, callback) {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED(); // at node:internal/fs/dir:76:13
    if (callback === undefined) return this.#readPromisified();
    validateFunction(callback, 'callback');
    if (this[kDirOperationQueue] !== null) {
      this[kDirOperationQueue].push(() => this.#readImpl(false, callback));
      return;
    }
    if (this[kDirBufferedEntries].length > 0) {
      try {
        const dirent = this.#nextBuffered();
        if (maybeSync) process.nextTick(callback, null, dirent);
        else callback(null, dirent);
      } catch (err) {
        if (maybeSync) process.nextTick(callback, err);
        else callback(err);
      }
      return;
    }
    this[kDirOperationQueue] = [];
    const handle = this.#currentHandle();
    binding.dirRead(handle.id, this[kDirOptions].bufferSize, this[kDirOptions].encoding === 'buffer',
                    makeRequest((err, result) => {
                      // Operations queued meanwhile run after this callback, on the next tick.
                      process.nextTick(() => {
                        const queue = this[kDirOperationQueue];
                        this[kDirOperationQueue] = null;
                        for (const op of queue) op();
                      });
                      if (err) return callback(err);
                      if (result === undefined) {
                        if (this.#advance(true, () => this.#readImpl(false, callback))) return;
                        return callback(null, null);
                      }
                      this.#buffer(result, handle.path);
                      try {
                        callback(null, this.#nextBuffered());
                      } catch (e) {
                        callback(e);
                      }
                    }, 'scandir', handle.path));
  }

  #readPromisified() {
    return new Promise((resolve, reject) => {
      this.#readImpl(false, (err, dirent) => (err ? reject(err) : resolve(dirent)));
    });
  }

  // The handle being read: the directory itself, then queued subdirectories.
  #currentHandle() {
    return this[kDirQueue].length > 0 && this.#ownExhausted ?
      this[kDirQueue][0] : { id: this[kDirHandle], path: this[kDirPath] };
  }

  // The current handle is at its end: move to the next queued subdirectory.
  #advance(async, then) {
    if (!this[kDirOptions].recursive) return false;
    if (this.#ownExhausted) {
      const done = this[kDirQueue].shift();
      if (async) binding.dirClose(done.id, makeRequest(() => {}, 'closedir'));
      else binding.dirClose(done.id);
    } else {
      this.#ownExhausted = true;
    }
    if (this[kDirQueue].length === 0) return false;
    then();
    return true;
  }

  #buffer(result, parent) {
    const [names, types] = result;
    for (let i = 0; i < names.length; i++) {
      this[kDirBufferedEntries].push(parent, encodeResult(names[i], this[kDirOptions].encoding), types[i]);
    }
  }

  #nextBuffered() {
    const buffered = this[kDirBufferedEntries];
    const parent = buffered.shift();
    const name = buffered.shift();
    const type = buffered.shift();
    const dirent = getDirent(parent, name, type);
    if (this[kDirOptions].recursive && dirent.isDirectory()) {
      const path = pathModule.join(parent, `${name}`);
      this[kDirQueue].push({ id: check(binding.opendir(path), 'opendir', path), path });
    }
    return dirent;
  }

  readSync() {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED(); // at node:internal/fs/dir:185:13
    if (this[kDirOperationQueue] !== null) throw new ERR_DIR_CONCURRENT_OPERATION(); // at node:internal/fs/dir:189:13
    if (this[kDirBufferedEntries].length > 0) return this.#nextBuffered();
    for (;;) {
      const handle = this.#currentHandle();
      const result = check(binding.dirRead(handle.id, this[kDirOptions].bufferSize,
                                           this[kDirOptions].encoding === 'buffer'), 'scandir', handle.path);
      if (result !== null) {
        this.#buffer(result, handle.path);
        return this.#nextBuffered();
      }
      if (!this.#advance(false, () => {})) return null;
    }
  }

  close(callback) {
    if (callback === undefined) {
      if (this[kDirClosed] === true) return Promise.reject(new ERR_DIR_CLOSED()); // at node:internal/fs/dir:222:30
      return this.#closePromisified();
    }
    validateFunction(callback, 'callback');
    if (this[kDirClosed] === true) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    if (this[kDirOperationQueue] !== null) {
      this[kDirOperationQueue].push(() => this.close(callback));
      return;
    }
    this[kDirClosed] = true;
    this.#closeQueued();
    binding.dirClose(this[kDirHandle], makeRequest(callback, 'closedir'));
  }

  #closePromisified() {
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  }

  #closeQueued() {
    for (const { id } of this[kDirQueue]) binding.dirClose(id);
    this[kDirQueue] = [];
  }

  closeSync() {
    if (this[kDirClosed] === true) throw new ERR_DIR_CLOSED(); // at node:internal/fs/dir:250:13
    if (this[kDirOperationQueue] !== null) throw new ERR_DIR_CONCURRENT_OPERATION(); // at node:internal/fs/dir:254:13
    this[kDirClosed] = true;
    this.#closeQueued();
    check(binding.dirClose(this[kDirHandle]), 'closedir');
  }

  async* entries() {
    try {
      for (;;) {
        const dirent = await this.#readPromisified();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this[kDirClosed]) await this.#closePromisified();
    }
  }

  [Symbol.dispose]() {
    if (!this[kDirClosed]) this.closeSync();
  }

  async [Symbol.asyncDispose]() {
    if (!this[kDirClosed]) await this.close();
  }
}

Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
  __proto__: null, value: Dir.prototype.entries, enumerable: false, writable: true, configurable: true,
});

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  // (The options are checked by new Dir, once the directory is open: a bad
  // one then throws from the completion, as in Node.)
  // (Its own request, as Node's: the completion is the frame under the callback.)
  binding.opendir(path, {
    oncomplete(status, handle) {
      if (status < 0) {
        const err = requestError(status, handle, 'opendir', path);
        return callback(err); // at FSReqCallback.opendirCallback [as oncomplete] (node:internal/fs/dir:295:7)
      }
      const dir = new Dir(handle, path, options); // at FSReqCallback.opendirCallback [as oncomplete] (node:internal/fs/dir:297:22)
      callback(null, dir); // at FSReqCallback.opendirCallback [as oncomplete] (node:internal/fs/dir:297:7)
    },
  });
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  const handle = check(binding.opendir(path), 'opendir'); // at node:internal/fs/dir:315:29
  return new Dir(handle, path, options); // at node:internal/fs/dir:317:10
}

const opendirPromise = promisify(opendir);

module.exports = { Dir, opendir, opendirSync, opendirPromise };
