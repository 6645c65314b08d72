'use strict';

// Connections a server handed to a child process (child.send('x', socket))
// still count as the server's: `getConnections()` asks each child how many
// it holds, and `close()` waits until each child's have closed. The sending
// side keeps one SocketListSend per child and server, the receiving side one
// SocketListReceive; they talk in NODE_SOCKET_* messages over the channel.

const EventEmitter = require('events');
const { codes: { ERR_CHILD_CLOSED_BEFORE_REPLY } } = require('internal/errors');

class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once('exit', () => this.emit('exit', this));
  }

  // Send `message` and wait for the reply whose cmd is `replyCmd`; a child
  // that disconnects first gets ERR_CHILD_CLOSED_BEFORE_REPLY.
  _request(message, replyCmd, swallowErrors, callback) {
    const { child, key } = this;
    const onReply = (reply) => {
      if (reply.cmd !== replyCmd || reply.key !== key) return;
      child.removeListener('disconnect', onClose);
      child.removeListener('internalMessage', onReply);
      callback(null, reply);
    };
    const onClose = () => {
      child.removeListener('internalMessage', onReply);
      callback(new ERR_CHILD_CLOSED_BEFORE_REPLY());
    };
    if (!child.connected) {
      onClose();
      return;
    }
    child._send(message, undefined, swallowErrors);
    child.once('disconnect', onClose);
    child.on('internalMessage', onReply);
  }

  close(callback) {
    this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key }, 'NODE_SOCKET_ALL_CLOSED', true, callback);
  }

  getConnections(callback) {
    this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', false, (err, reply) => {
      if (err) callback(err);
      else callback(null, reply.count);
    });
  }
}

class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.child = child;
    const allClosed = () => {
      if (this.child.connected) this.child._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: this.key }, undefined, true);
    };
    child.on('internalMessage', (message) => {
      if (message.key !== this.key) return;
      if (message.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) allClosed();
        else this.once('empty', allClosed);
      } else if (message.cmd === 'NODE_SOCKET_GET_COUNT' && this.child.connected) {
        this.child._send({ cmd: 'NODE_SOCKET_COUNT', key: this.key, count: this.connections });
      }
    });
  }

  add(entry) {
    this.connections++;
    entry.socket.once('close', () => {
      this.connections--;
      if (this.connections === 0) this.emit('empty', this);
    });
  }
}

module.exports = { SocketListReceive, SocketListSend };
