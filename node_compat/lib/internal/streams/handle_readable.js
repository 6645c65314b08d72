'use strict';

// A Readable over a native stream handle (a StreamBase: TTY, Pipe): reading
// starts when the stream is first read and stops when its buffer is full or
// it is paused, so an unused stdin keeps no read active and the process can
// exit. Data comes through `handle.onread(nread, arrayBuffer)`.

const { Readable } = require('stream');
const { Buffer } = require('buffer');
const { errnoException } = require('internal/errors');

const UV_EOF = -4095;

class HandleReadable extends Readable {
  #reading = false;

  constructor(handle, options) {
    super(options);
    this._handle = handle;
    this.fd = handle.fd;
    handle.onread = (nread, buffer) => this.#onread(nread, buffer);
  }

  _read() {
    if (this.#reading || this._handle === null) return;
    this.#reading = true;
    const err = this._handle.readStart();
    if (err) this.destroy(errnoException(err, 'read'));
  }

  #stop() {
    if (this.#reading && this._handle !== null) {
      this.#reading = false;
      this._handle.readStop();
    }
  }

  pause() {
    const result = super.pause();
    this.#stop();
    return result;
  }

  #onread(nread, buffer) {
    if (nread > 0) {
      if (!this.push(Buffer.from(buffer, 0, nread))) this.#stop();
    } else if (nread === UV_EOF) {
      this.#stop();
      this.push(null);
    } else if (nread < 0) {
      this.#stop();
      this.destroy(errnoException(nread, 'read'));
    }
  }

  _destroy(err, cb) {
    const handle = this._handle;
    if (handle === null) {
      cb(err);
      return;
    }
    this._handle = null;
    this.#reading = false;
    handle.close(() => cb(err));
  }

  ref() {
    this._handle?.ref();
    return this;
  }

  unref() {
    this._handle?.unref();
    return this;
  }
}

module.exports = HandleReadable;
