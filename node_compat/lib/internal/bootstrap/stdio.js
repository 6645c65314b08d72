'use strict';

// process.stdout, process.stderr and process.stdin, created on first use
// from what the descriptors are, as Node does: a terminal gets a
// tty.WriteStream / tty.ReadStream; a file or a pipe gets a synchronous
// writer (Node writes to files, pipes and terminals synchronously on
// Linux); stdin from a file is read as needed, from a pipe or socket
// through the loop. An unused stdin starts no read, so it never
// keeps the process alive by merely existing.

const { guessHandleType } = internalBinding('tty_wrap');

// stdout and stderr are never really closed: destroy() only ends the stream.
function dummyDestroy(err, cb) {
  cb(err);
}

function createWritableStdioStream(fd) {
  let stream;
  switch (guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stream = new tty.WriteStream(fd);
      stream._type = 'tty';
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const SyncWriteStream = require('internal/fs/sync_write_stream');
      stream = new SyncWriteStream(fd, { autoClose: false });
      stream._type = 'pipe';
      break;
    }
    default: {
      // Files, and descriptors that are closed or of an unknown kind: writes
      // fail or are dropped by the OS, as in Node.
      const SyncWriteStream = require('internal/fs/sync_write_stream');
      stream = new SyncWriteStream(fd, { autoClose: false });
      stream._type = 'fs';
      break;
    }
  }
  stream.fd = fd;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  return stream;
}

// stdin from a file: reads never block, so each _read() takes the next
// chunk at once.
function createFileReader(fd) {
  const { Readable } = require('stream');
  const { Buffer } = require('buffer');
  const { readSync } = internalBinding('process_methods');
  return new Readable({
    highWaterMark: 64 * 1024,
    read(size) {
      const data = readSync(fd, size);
      if (typeof data === 'number') {
        this.destroy(require('internal/errors').uvException({ errno: data, syscall: 'read' }));
      } else {
        this.push(data.byteLength === 0 ? null : Buffer.from(data));
      }
    },
  });
}

function createStdin() {
  const fd = 0;
  let stdin;
  switch (guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stdin = new tty.ReadStream(fd);
      break;
    }
    case 'FILE':
      stdin = createFileReader(fd);
      break;
    case 'PIPE':
    case 'TCP': {
      const { Pipe, constants } = internalBinding('pipe_wrap');
      const HandleReadable = require('internal/streams/handle_readable');
      const handle = new Pipe(constants.SOCKET);
      const err = handle.open(fd);
      if (err) throw require('internal/errors').errnoException(err, 'open');
      stdin = new HandleReadable(handle, { highWaterMark: 0 });
      break;
    }
    default: {
      // No usable stdin (closed): an empty, already-ended stream.
      const { Readable } = require('stream');
      stdin = new Readable({ read() {} });
      stdin.push(null);
    }
  }
  stdin.fd = fd;
  return stdin;
}

function defineStream(name, create) {
  let stream;
  Object.defineProperty(process, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      stream ??= create();
      return stream;
    },
  });
}

defineStream('stdout', () => createWritableStdioStream(1));
defineStream('stderr', () => createWritableStdioStream(2));
defineStream('stdin', createStdin);
