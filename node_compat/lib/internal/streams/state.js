'use strict';

// High-water marks as Node 23.5 has them (replacing readable-stream's
// Node 18 version): 64 KiB for byte streams and 16 objects for object mode
// by default, changeable with stream.setDefaultHighWaterMark().

const { validateInteger } = require('internal/validators');
const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');

// The defaults, in an object the state constructors read directly (a call
// less each).
const defaultHighWaterMarks = { bytes: 64 * 1024, objects: 16 };

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultHighWaterMarks.objects : defaultHighWaterMarks.bytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  validateInteger(value, 'value', 0); // at node:internal/streams/state:25:3
  if (objectMode) defaultHighWaterMarks.objects = value;
  else defaultHighWaterMarks.bytes = value;
}

// `highWaterMark` wins; a Duplex side may take its own (`readableHighWaterMark`).
function getHighWaterMark(objectMode, options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark;
  if (hwm == null && isDuplex) hwm = options[duplexKey];
  if (hwm == null) return getDefaultHighWaterMark(objectMode);
  return checkHighWaterMark(hwm, duplexKey, isDuplex);
}

// A bad value of a Duplex is reported under the side's option name, even
// when it came from `highWaterMark`, as Node does.
function checkHighWaterMark(hwm, duplexKey, isDuplex) {
  if (!Number.isInteger(hwm) || hwm < 0) {
    const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
    throw new ERR_INVALID_ARG_VALUE(name, hwm); // at getHighWaterMark (node:internal/streams/state:38:13)
  }
  return hwm;
}

module.exports = {
  checkHighWaterMark,
  defaultHighWaterMarks,
  getDefaultHighWaterMark,
  getHighWaterMark,
  setDefaultHighWaterMark,
};
