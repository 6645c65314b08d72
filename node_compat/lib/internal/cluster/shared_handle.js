'use strict';

// A server handle the primary makes once and gives to every worker that
// listens on the same address (UDP always; TCP with SCHED_NONE): the kernel
// then picks which worker each connection or datagram goes to.

function SharedHandle(key, address, { port, addressType, fd, flags }) {
  this.key = key;
  this.workers = new Map();
  this.handle = null;
  this.errno = 0;
  const made = addressType === 'udp4' || addressType === 'udp6' ?
    require('internal/dgram')._createSocketHandle(address, port, addressType, fd, flags) :
    require('net')._createServerHandle(address, port, addressType, fd, flags);
  if (typeof made === 'number') this.errno = made;
  else this.handle = made;
}

SharedHandle.prototype.add = function(worker, send) {
  this.workers.set(worker.id, worker);
  send(this.errno, null, this.handle);
};

// True when the last worker has let go (the handle is then closed).
SharedHandle.prototype.remove = function(worker) {
  if (!this.workers.delete(worker.id) || this.workers.size !== 0) return false;
  this.handle.close();
  this.handle = null;
  return true;
};

module.exports = SharedHandle;
