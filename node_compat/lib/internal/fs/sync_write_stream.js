'use strict';

// SyncWriteStream: a Writable that writes each chunk to a file descriptor
// at once, synchronously (what process.stdout and process.stderr are when
// they are files, as in Node). Write callbacks still come asynchronously,
// as for any Writable.

const { Writable } = require('stream');
const { uvException } = require('internal/errors');
const { writeSync } = internalBinding('process_methods');

function SyncWriteStream(fd, options) {
  Writable.call(this, { autoDestroy: true });
  options = options || {};
  this.fd = fd;
  this.readable = false;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
}

Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function(chunk, encoding, cb) {
  const result = writeSync(this.fd, chunk);
  if (result < 0) {
    cb(uvException({ errno: result, syscall: 'write' }));
    return;
  }
  cb();
};

SyncWriteStream.prototype._destroy = function(err, cb) {
  if (this.fd === null) return cb(err);
  if (this.autoClose) require('fs').closeSync(this.fd);
  this.fd = null;
  cb(err);
};

SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

module.exports = SyncWriteStream;
