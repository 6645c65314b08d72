'use strict';

// The primary and its workers talk in NODE_CLUSTER messages over the IPC
// channel: each carries a sequence number, and a reply names the one it
// answers (`ack`), which calls the callback the request was sent with.

const replies = new Map();
let seq = 0;

// Send `message` (and a handle) to `proc`; `cb` gets the reply. False when
// the channel is gone.
function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') replies.set(seq, cb);
  seq++;
  return proc.send(message, handle);
}

// An 'internalMessage' listener: replies go to their callbacks, other
// cluster messages to `cb`, both called with the worker as `this`.
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    let fn = cb;
    if (message.ack !== undefined) {
      const reply = replies.get(message.ack);
      if (reply !== undefined) {
        replies.delete(message.ack);
        fn = reply;
      }
    }
    fn.call(worker, message, handle);
  };
}

module.exports = { internal, sendHelper };
