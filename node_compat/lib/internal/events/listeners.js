'use strict';

// What node:events and the stream classes share: their own addListener, `on`,
// `emit` (and its helpers for one listened event, emitListened0/1/2) and
// EventEmitter.init (with the two symbol-keyed fields init gives an
// emitter), as each module defined them. Readable#on adds a listener
// through addListener directly, one JS call less, while the `on` in use is
// still events' own (a replaced `on` is called as Node calls it); a stream
// whose emit is events' own need not emit an event no one listens to.
// (Kept here, by the defining modules, because a module loaded after user
// code has patched a prototype would otherwise take the patch for the
// original.)
//
// `void 0`, not `undefined`: QuickJS reads the name `undefined` from the
// global object each time, and a test against it misses the fast
// is-undefined opcode.

module.exports = {
  addListener: void 0,
  on: void 0,
  emit: void 0,
  emitListened0: void 0,
  emitListened1: void 0,
  emitListened2: void 0,
  init: void 0,
  kShapeMode: void 0,
  kCapture: void 0,
  readableOn: void 0,
  // (events' own: the running emitters' stack that error stacks name frames after.)
  enterEmitter: void 0,
  leaveEmitter: void 0,
  noteRunningEmitters: void 0,
};
