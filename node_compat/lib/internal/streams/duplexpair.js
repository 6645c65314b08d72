'use strict';

// stream.duplexPair(): two Duplex streams joined back to back, what one
// side writes the other side reads (Node 22.6+).

const Duplex = require('internal/streams/duplex');

class DuplexSide extends Duplex {
  #peer = null;
  #pendingWrite = null;

  static join(a, b) {
    a.#peer = b;
    b.#peer = a;
  }

  // The peer's reader wants more: finish the write that filled it.
  _read() {
    const callback = this.#pendingWrite;
    if (callback !== null) {
      this.#pendingWrite = null;
      callback();
    }
  }

  // A write completes once the peer's reader has taken it (asks for more
  // after this push; a read the push itself causes does not count).
  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this.#peer.push(chunk);
      this.#peer.#pendingWrite = callback;
    }
  }

  _final(callback) {
    this.#peer.on('end', callback);
    this.#peer.push(null);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  DuplexSide.join(side0, side1);
  return [side0, side1];
}

module.exports = duplexPair;
