'use strict';

// process.finalization: call a function with an object when the process
// exits ('exit') or is about to ('beforeExit'), unless the object was
// garbage-collected first. The objects are held weakly.

const { kValidateObjectAllowFunction, validateObject } = require('internal/validators');
const { emitExperimentalWarning } = require('internal/util');

function createFinalization() {
  // event -> Set of { ref: WeakRef to the object, fn }
  const registered = { exit: new Set(), beforeExit: new Set() };
  const listening = { exit: false, beforeExit: false };
  const registry = new FinalizationRegistry(({ event, entry }) => registered[event].delete(entry));

  function callRegistered(event) {
    for (const entry of registered[event]) {
      const obj = entry.ref.deref();
      if (obj !== undefined) entry.fn(obj, event);
    }
    registered[event].clear();
  }

  function add(event, obj, fn) {
    validateObject(obj, 'obj', kValidateObjectAllowFunction);
    const entry = { ref: new WeakRef(obj), fn };
    registered[event].add(entry);
    registry.register(obj, { event, entry }, entry);
    if (!listening[event]) {
      listening[event] = true;
      process.on(event, () => callRegistered(event));
    }
  }

  return {
    register(obj, callback) {
      emitExperimentalWarning('process.finalization.register');
      add('exit', obj, callback);
    },
    registerBeforeExit(obj, callback) {
      emitExperimentalWarning('process.finalization.registerBeforeExit');
      add('beforeExit', obj, callback);
    },
    unregister(obj) {
      emitExperimentalWarning('process.finalization.unregister');
      for (const event of ['exit', 'beforeExit']) {
        for (const entry of registered[event]) {
          if (entry.ref.deref() === obj) {
            registered[event].delete(entry);
            registry.unregister(entry);
          }
        }
      }
    },
  };
}

module.exports = { createFinalization };
