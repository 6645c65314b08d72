'use strict';

// Async ids, numbered as Node numbers them: one counter for handles and
// requests (taken in Python, see bindings/async_wrap.py), ticks, timers and
// immediates. The execution id is the resource whose callback runs; it is
// the trigger of the resources made meanwhile. pynode has no async hooks
// to call: these ids are what remains observable (timers and sockets show
// them when inspected). (Node lets its library name another trigger for a
// while: that only changes the triggers of ticks and requests, which
// nothing shows.)

const fields = new Float64Array(internalBinding('async_wrap').async_id_fields);
const kExecutionAsyncId = 0;
const kAsyncIdCounter = 1;

// The symbols Node's library keys resources with: a handle's owner (the
// socket or server using it), and a socket's or server's async id.
const owner_symbol = Symbol('owner_symbol');
const async_id_symbol = Symbol('async_id_symbol');

function newAsyncId() {
  return ++fields[kAsyncIdCounter];
}

function executionAsyncId() {
  return fields[kExecutionAsyncId];
}

module.exports = {
  async_id_symbol,
  asyncIdFields: fields,
  executionAsyncId,
  kExecutionAsyncId,
  newAsyncId,
  owner_symbol,
};
