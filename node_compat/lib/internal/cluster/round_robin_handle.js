'use strict';

// A TCP or pipe server of the primary's whose connections are handed to the
// workers listening on it in turn (SCHED_RR): each accepted connection goes
// to the next free worker as a 'newconn' message with the connection's
// handle, and is closed here once the worker has taken it.

const net = require('net');
const { sendHelper } = require('internal/cluster/utils');
const { constants } = internalBinding('tcp_wrap');

function RoundRobinHandle(key, address, { port, fd, flags, backlog, readableAll, writableAll }) {
  this.key = key;
  this.all = new Map();
  this.free = new Map(); // workers waiting for a connection
  this.pending = []; // connections waiting for a worker
  this.handle = null;
  this.server = net.createServer(() => {
    throw new Error('a round-robin server gets no connections of its own');
  });
  if (fd >= 0) {
    this.server.listen({ fd, backlog });
  } else if (port >= 0) {
    this.server.listen({ port, host: address, ipv6Only: Boolean(flags & constants.UV_TCP_IPV6ONLY), backlog });
  } else {
    this.server.listen({ path: address, backlog, readableAll, writableAll });
  }
  this.server.once('listening', () => {
    this.handle = this.server._handle;
    this.handle.onconnection = (err, handle) => this.distribute(err, handle);
    this.server._handle = null;
    this.server = null;
  });
}

RoundRobinHandle.prototype.add = function(worker, send) {
  this.all.set(worker.id, worker);
  const ready = () => {
    if (this.handle.getsockname) {
      const sockname = {};
      this.handle.getsockname(sockname);
      send(null, { sockname }, null);
    } else {
      send(null, null, null); // a pipe: no address to tell
    }
    this.handoff(worker); // connections may be waiting already
  };
  if (this.server === null) {
    ready();
    return;
  }
  this.server.once('listening', ready);
  this.server.once('error', (err) => send(err.errno, null));
};

// True when the last worker has gone (the server is then closed).
RoundRobinHandle.prototype.remove = function(worker) {
  if (!this.all.delete(worker.id)) return false;
  this.free.delete(worker.id);
  if (this.all.size !== 0) return false;
  for (const handle of this.pending) handle.close();
  this.pending = [];
  this.handle.close();
  this.handle = null;
  return true;
};

RoundRobinHandle.prototype.distribute = function(err, handle) {
  if (err) return;
  this.pending.push(handle);
  const first = this.free.entries().next();
  if (!first.done) {
    const [id, worker] = first.value;
    this.free.delete(id);
    this.handoff(worker);
  }
};

RoundRobinHandle.prototype.handoff = function(worker) {
  if (!this.all.has(worker.id)) return; // the worker closed the server
  const handle = this.pending.shift();
  if (handle === undefined) {
    this.free.set(worker.id, worker);
    return;
  }
  sendHelper(worker.process, { act: 'newconn', key: this.key }, handle, (reply) => {
    if (reply.accepted) handle.close();
    else this.distribute(0, handle); // the worker is closing: to another one
    this.handoff(worker);
  });
};

module.exports = RoundRobinHandle;
