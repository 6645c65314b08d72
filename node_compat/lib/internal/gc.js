'use strict';

// The global gc() of --expose-gc: a full collection of the engine's heap.
// As V8's, it takes an optional object whose `type` ('major' or 'minor'),
// `execution` ('sync' or 'async') and `flavor` it reads, in that order;
// only `execution: 'async'` changes anything here: the collection then runs
// in a later turn of the loop, and gc() returns a promise fulfilled after
// it. (QuickJS has one kind of collection: every request is a full one.)

const binding = internalBinding('v8');

function gc() {
  const options = arguments[0];
  let execution;
  if ((typeof options === 'object' && options !== null) || typeof options === 'function') {
    void options.type;
    execution = options.execution;
    void options.flavor;
  }
  if (execution === 'async') {
    return new Promise((resolve) => {
      binding.collectGarbageLater({ oncomplete() { resolve(); } });
    });
  }
  binding.collectGarbage();
}

module.exports = { gc };
