'use strict';

// Reading and writing whole files asynchronously, one thread-pool request
// per step as Node does (open, fstat, read..., close; open, write..., close),
// so the callbacks land after the same number of loop turns and interleave
// with timers and immediates as Node's do.

const { FastBuffer } = require('internal/buffer');
const { AbortError } = require('internal/errors');
const { binding, constants, makeRequest } = require('internal/fs/utils');

const kReadChunk = 512 * 1024;
const kUnknownSizeChunk = 64 * 1024;
const kWriteChunk = 512 * 1024;

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

function concat(chunks, total) {
  if (chunks.length === 1) return new FastBuffer(chunks[0], 0, chunks[0].byteLength);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(new Uint8Array(chunk), offset);
    offset += chunk.byteLength;
  }
  return new FastBuffer(out.buffer, 0, total);
}

// `target` is a path (opened with `flags`) or an fd the caller owns.
// callback(err, buffer)
function readWholeFile(target, flags, signal, callback) {
  const ownFd = typeof target !== 'number';
  let fd = ownFd ? -1 : target;
  const chunks = [];
  let total = 0;
  let size = 0;

  function finish(err, result) {
    if (!ownFd || fd < 0) {
      callback(err, result);
      return;
    }
    binding.close(fd, makeRequest((closeErr) => callback(err || closeErr, err ? undefined : result), 'close'));
  }

  function readNext() {
    if (signal?.aborted) return finish(abortError(signal));
    const length = size > 0 ? Math.min(kReadChunk, size - total) : kUnknownSizeChunk;
    binding.read(fd, length, -1, makeRequest((err, data) => {
      if (err) return finish(err);
      const n = data === undefined ? 0 : data.byteLength;
      if (n > 0) {
        chunks.push(data);
        total += n;
      }
      if (n === 0 || (size > 0 && total >= size)) return finish(null, concat(chunks.length ? chunks : [new ArrayBuffer(0)], total));
      readNext();
    }, 'read'));
  }

  function afterOpen() {
    if (signal?.aborted) return finish(abortError(signal));
    binding.fstat(fd, makeRequest((err, stats) => {
      if (err) return finish(err);
      // Only regular files have a size to trust; the rest is read until its end.
      size = (stats[1] & constants.S_IFMT) === constants.S_IFREG ? stats[8] : 0;
      if (size > 2 ** 31 - 1) {
        const { codes: { ERR_FS_FILE_TOO_LARGE } } = require('internal/errors');
        return finish(new ERR_FS_FILE_TOO_LARGE(size));
      }
      readNext();
    }, 'fstat'));
  }

  if (!ownFd) {
    afterOpen();
    return;
  }
  binding.open(target, flags, 0o666, makeRequest((err, opened) => {
    if (err) return callback(err);
    fd = opened;
    afterOpen();
  }, 'open', target));
}

// `data` is a string (written as UTF-8) or a Uint8Array. callback(err)
function writeWholeFile(target, data, flags, mode, signal, flush, callback) {
  const ownFd = typeof target !== 'number';
  let fd = ownFd ? -1 : target;
  let bytes = typeof data === 'string' ? require('buffer').Buffer.from(data) : data;

  function finish(err) {
    if (!ownFd || fd < 0) {
      callback(err);
      return;
    }
    binding.close(fd, makeRequest((closeErr) => callback(err || closeErr), 'close')); // at -
  }

  function writeNext() {
    if (signal?.aborted) return finish(abortError(signal));
    if (bytes.byteLength === 0) {
      if (flush) {
        binding.fsync(fd, makeRequest((err) => finish(err), 'fsync'));
        return;
      }
      return finish(null);
    }
    const chunk = bytes.byteLength > kWriteChunk ? bytes.subarray(0, kWriteChunk) : bytes;
    binding.write(fd, chunk, null, makeRequest((err, written) => {
      if (err) return finish(err);
      bytes = bytes.subarray(written);
      writeNext();
    }, 'write'));
  }

  if (!ownFd) {
    writeNext();
    return;
  }
  binding.open(target, flags, mode, makeRequest((err, opened) => {
    if (err) return callback(err);
    fd = opened;
    writeNext();
  }, 'open', target));
}

module.exports = { readWholeFile, writeWholeFile };
