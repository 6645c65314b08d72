'use strict';

// The module loads Node traces on diagnostics channels: each load a
// require() starts (and the main module's, a preload's, a CommonJS module's
// an ES module imports) on module.require, as { parentFilename, id }, with
// start and end around it and error if it throws; each import() (and an ES
// entry point) on module.import, as { parentURL, url }, with start and end
// around the call and asyncStart and asyncEnd once it settles. A message
// gets the result or the error once known. Nothing is made until a load
// happens, nor published without subscribers.

let requireChannel = null;
let importChannel = null;

function requireTrace() {
  requireChannel ??= require('diagnostics_channel').tracingChannel('module.require');
  return requireChannel;
}

function importTrace() {
  importChannel ??= require('diagnostics_channel').tracingChannel('module.import');
  return importChannel;
}

// Module._load(request, parent, isMain) as a traced load.
function tracedLoad(Module, request, parent, isMain, parentFilename) {
  const message = { __proto__: null, parentFilename, id: request };
  return requireTrace().traceSync(Module._load, message, Module, request, parent, isMain); // at -
}

// The settling of a promise whose start and end were published already.
function traceSettling(trace, message, promise) {
  const settled = () => {
    trace.asyncStart.publish(message);
    trace.asyncEnd.publish(message);
  };
  return promise.then((result) => {
    message.result = result;
    settled();
    return result;
  }, (err) => {
    message.error = err;
    trace.error.publish(message);
    settled();
    throw err;
  });
}

module.exports = { importTrace, requireTrace, traceSettling, tracedLoad };
