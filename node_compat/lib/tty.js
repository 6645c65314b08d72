'use strict';

// node:tty — isatty() and the terminal streams. Both are net.Sockets over
// a TTY handle: tty.WriteStream writes synchronously (its descriptor made
// blocking, as Node does so that terminal output is never interleaved or
// lost) and knows the window size and colour depth; tty.ReadStream reads
// through the loop and can switch the terminal to raw mode.

const {
  codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED },
  errnoException,
} = require('internal/errors');
const { getColorDepth, hasColors } = require('internal/tty');
const net = require('net');
const { TTY, isTTY } = internalBinding('tty_wrap');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && isTTY(fd);
}

function openTTY(fd) {
  if (fd >> 0 !== fd || fd < 0) throw new ERR_INVALID_FD(fd);
  const ctx = {};
  const handle = new TTY(fd, ctx);
  if (ctx.code !== undefined) throw new ERR_TTY_INIT_FAILED(ctx);
  return handle;
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  const handle = openTTY(fd);
  net.Socket.call(this, { readableHighWaterMark: 0, handle, manualStart: true, ...options });
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function(flag) {
  flag = !!flag;
  const err = this._handle?.setRawMode(flag);
  if (err) {
    this.emit('error', errnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  const handle = openTTY(fd);
  net.Socket.call(this, { readableHighWaterMark: 0, handle, manualStart: true });
  handle.setBlocking(true);
  const size = [0, 0];
  if (handle.getWindowSize(size) === 0) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
Object.setPrototypeOf(WriteStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;
WriteStream.prototype.getColorDepth = getColorDepth;
WriteStream.prototype.hasColors = hasColors;

WriteStream.prototype._refreshSize = function() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const size = [0, 0];
  if (this._handle?.getWindowSize(size) !== 0) return;
  if (oldCols !== size[0] || oldRows !== size[1]) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

const ESC = '\x1b[';

WriteStream.prototype.cursorTo = function(x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  return this.write(typeof y !== 'number' ? `${ESC}${x + 1}G` : `${ESC}${y + 1};${x + 1}H`, callback);
};

WriteStream.prototype.moveCursor = function(dx, dy, callback) {
  let data = '';
  if (dx < 0) data += `${ESC}${-dx}D`;
  else if (dx > 0) data += `${ESC}${dx}C`;
  if (dy < 0) data += `${ESC}${-dy}A`;
  else if (dy > 0) data += `${ESC}${dy}B`;
  return this.write(data, callback);
};

WriteStream.prototype.clearLine = function(dir, callback) {
  const code = dir < 0 ? `${ESC}1K` : dir > 0 ? `${ESC}0K` : `${ESC}2K`;
  return this.write(code, callback);
};

WriteStream.prototype.clearScreenDown = function(callback) {
  return this.write(`${ESC}0J`, callback);
};

WriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
