'use strict';

// stream.addAbortSignal() and the `signal` option of the stream
// constructors: an abort destroys a Node stream (errors a web stream) with an
// AbortError caused by the signal's reason. Ours rather than the vendored
// readable-stream's, so that its lines can name the frames Node shows for
// that error (net.Socket's `signal` option comes through here).

const { AbortError, codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { isNodeStream, isWebStream, kControllerErrorFunction } = require('internal/streams/utils');

// (Required when first needed: events and end-of-stream load after streams.)
let addAbortListener;
let eos;

function addAbortSignal(signal, stream) {
  // Anything with an `aborted` property passes, as in Node.
  if (typeof signal !== 'object' || !('aborted' in signal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal); // at validateAbortSignal (node:internal/streams/add-abort-signal:29:11) | addAbortSignal (node:internal/streams/add-abort-signal:34:3)
  }
  if (!isNodeStream(stream) && !isWebStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream); // at node:internal/streams/add-abort-signal:36:11
  }
  return addAbortSignalNoValidate(signal, stream); // at node:internal/streams/add-abort-signal:38:25
}

function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || !('aborted' in signal)) return stream;
  const onAbort = isNodeStream(stream) ?
    () => stream.destroy(new AbortError(undefined, { cause: signal.reason })) : // at stream.<computed>.AbortError.cause (node:internal/streams/add-abort-signal:47:22)
    () => stream[kControllerErrorFunction](new AbortError(undefined, { cause: signal.reason })); // at onAbort (node:internal/streams/add-abort-signal:50:40)
  if (signal.aborted) {
    onAbort(); // at module.exports.addAbortSignalNoValidate (node:internal/streams/add-abort-signal:53:5)
  } else {
    addAbortListener ??= require('events').addAbortListener;
    const disposable = addAbortListener(signal, onAbort);
    eos ??= require('internal/streams/end-of-stream');
    eos(stream, disposable[Symbol.dispose]);
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
