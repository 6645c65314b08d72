'use strict';

// process.stdout, process.stderr and process.stdin, created on first use
// from what the descriptors are, as Node makes them: a terminal gets a
// tty.WriteStream / tty.ReadStream, a pipe or socket a net.Socket over its
// handle (writes go out at once and queue only what the pipe cannot take),
// a file a SyncWriteStream / fs.ReadStream. An unused stdin starts no read,
// so it never keeps the process alive by merely existing.

const { guessHandleType } = internalBinding('tty_wrap');

function createWritableStdioStream(fd) {
  let stream;
  switch (guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stream = new tty.WriteStream(fd);
      stream._type = 'tty';
      break;
    }
    case 'FILE': {
      const SyncWriteStream = require('internal/fs/sync_write_stream');
      stream = new SyncWriteStream(fd, { autoClose: false });
      stream._type = 'fs';
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      stream = new net.Socket({ fd, readable: false, writable: true });
      stream._type = 'pipe';
      break;
    }
    default: {
      // A descriptor of no known kind: what is written goes nowhere.
      const { Writable } = require('stream');
      stream = new Writable({
        write(chunk, encoding, cb) {
          cb();
        },
      });
    }
  }
  stream.fd = fd;
  stream._isStdio = true;
  return stream;
}

// stdout and stderr are never really closed: destroy() ends the stream and
// reports 'close', and the stream can still be written to afterwards.
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) process.nextTick(() => this.emit('close'));
}

function createStdout(fd) {
  const stream = createWritableStdioStream(fd);
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  if (stream.isTTY) process.on('SIGWINCH', () => stream._refreshSize());
  return stream;
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
    case 'FILE': {
      const fs = require('fs');
      stdin = new fs.ReadStream(null, { fd, autoClose: false });
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      stdin = new net.Socket({ fd, readable: true, writable: false, manualStart: true });
      // stdin has no writable side to end.
      stdin._writableState.ended = true;
      break;
    }
    default: {
      // No usable stdin: an empty, already-ended stream.
      const { Readable } = require('stream');
      stdin = new Readable({ read() {} });
      stdin.push(null);
    }
  }
  stdin.fd = fd;

  const handle = stdin._handle;
  if (handle?.readStop) {
    // The stream starts paused: no read until someone asks for data.
    handle.reading = false;
    stdin._readableState.reading = false;
    handle.readStop();
  }
  // Once paused, the handle stops reading too (after the stream has
  // stopped asking, a tick later), so a paused stdin lets the process end.
  stdin.on('pause', () => process.nextTick(stopIfPaused, stdin));
  return stdin;
}

function stopIfPaused(stdin) {
  const handle = stdin._handle;
  if (handle && handle.reading && !stdin.readableFlowing) {
    stdin._readableState.reading = false;
    handle.reading = false;
    handle.readStop();
  }
}

// (In the places bootstrap/process keeps for them, with Node's getter names.)
function defineStream(name, getterName, create) {
  let stream;
  const get = function() {
    stream ??= create();
    return stream;
  };
  Object.defineProperty(get, 'name', { __proto__: null, value: getterName });
  Object.defineProperty(process, name, { __proto__: null, configurable: true, enumerable: true, get });
}

defineStream('stdout', 'getStdout', () => createStdout(1));
defineStream('stderr', 'getStderr', () => createStdout(2));
defineStream('stdin', 'getStdin', createStdin);
