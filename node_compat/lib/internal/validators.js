'use strict';

// Argument validation shared by every builtin, throwing Node's errors with
// Node's messages before any side effect.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_SOCKET_BAD_PORT,
    ERR_UNKNOWN_SIGNAL,
  },
} = require('internal/errors');

// Node wraps most of its validators in hideStackFrames, which rethrows their
// errors: an uncaught one is reported at that rethrow.
const { markHiddenValidatorError: hidden, markThrowSite } = require('internal/node_throw_sites');

// The others (parseFileMode, validateUnion) throw from their own lines, and
// their errors have no frames in Node: from a rejection, no location shows.
function ownError(err, nodeSite) {
  err.stack = `${err.name} [${err.code}]: ${err.message}`;
  return markThrowSite(err, null, nodeSite);
}

function isInt32(value) { return value === (value | 0); }
function isUint32(value) { return value === (value >>> 0); }

const octalReg = /^[0-7]+$/;
const modeDesc = 'must be a 32-bit unsigned integer or an octal string';

function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!octalReg.test(value)) {
      throw ownError(new ERR_INVALID_ARG_VALUE(name, value, modeDesc), 'node:internal/validators:74:13');
    }
    value = Number.parseInt(value, 8);
  }
  if (!isUint32(value)) {
    try {
      validateUint32(value, name);
    } catch (err) {
      // Not hidden in Node: parseFileMode is the error's frame.
      throw hidden(err, 'node:internal/validators:79:3');
    }
  }
  return value;
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value));
  if (!Number.isInteger(value)) throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value));
  if (value < min || value > max) throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value));
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value));
  if (!Number.isInteger(value)) throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value));
  if (value < min || value > max) throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value));
}

function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value));
  if (!Number.isInteger(value)) throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value));
  const min = positive ? 1 : 0;
  const max = 4294967295;
  if (value < min || value > max) throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value));
}

function validateString(value, name) {
  if (typeof value !== 'string') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'string', value));
}

function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== 'number') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value));
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && Number.isNaN(value))) {
    throw hidden(new ERR_OUT_OF_RANGE(
      name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value));
  }
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    const reason = 'must be one of: ' + allowed;
    throw hidden(new ERR_INVALID_ARG_VALUE(name, value, reason));
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'boolean', value));
}

const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1 << 0;
const kValidateObjectAllowArray = 1 << 1;
const kValidateObjectAllowFunction = 1 << 2;

function validateObject(value, name, options = kValidateObjectNone) {
  if (options === kValidateObjectNone) {
    if (value === null || Array.isArray(value)) throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value));
    if (typeof value !== 'object') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value));
  } else {
    const possiblyNull = (options & kValidateObjectAllowNullable) !== 0;
    if (!possiblyNull && value === null) throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value));
    const allowArray = (options & kValidateObjectAllowArray) !== 0;
    if (!allowArray && Array.isArray(value)) throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value));
    const allowFunction = (options & kValidateObjectAllowFunction) !== 0;
    const type = typeof value;
    if ((type !== 'object' || value === null) && (!allowFunction || type !== 'function') &&
        !(possiblyNull && value === null)) {
      throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value));
    }
  }
}

function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function') {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value));
  }
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Array', value));
  if (value.length < minLength) {
    const reason = `must be longer than ${minLength}`;
    throw hidden(new ERR_INVALID_ARG_VALUE(name, value, reason));
  }
}

function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; ++i) validateString(value[i], `${name}[${i}]`);
}

function validateBooleanArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; ++i) validateBoolean(value[i], `${name}[${i}]`);
}

let signals;
function validateSignalName(signal, name = 'signal') {
  validateString(signal, name);
  signals ??= internalBinding('constants').os.signals;
  if (signals[signal] === undefined) {
    if (signals[signal.toUpperCase()] !== undefined) {
      throw hidden(new ERR_UNKNOWN_SIGNAL(signal + ' (signals must use all capital letters)'));
    }
    throw hidden(new ERR_UNKNOWN_SIGNAL(signal));
  }
}

function isArrayBufferView(value) { return ArrayBuffer.isView(value); }

function validateBuffer(buffer, name = 'buffer') {
  if (!isArrayBufferView(buffer)) {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer));
  }
}

function validateEncoding(data, encoding) {
  const normalizedEncoding = require('internal/util').normalizeEncoding(encoding);
  const length = data.length;
  if (normalizedEncoding === 'hex' && length % 2 !== 0) {
    throw hidden(new ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${length}`));
  }
}

// (No default parameter values: QuickJS charges ~700 instructions a call
// for them. net.connect validates a port at every connection.)
function validatePort(port, name, allowZero) {
  if (typeof port === 'number' && port > 0 && port <= 0xFFFF && port === (port | 0)) return port;
  if (name === undefined) name = 'Port';
  if (allowZero === undefined) allowZero = true;
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) ||
      port > 0xFFFF ||
      (port === 0 && !allowZero)) {
    throw hidden(new ERR_SOCKET_BAD_PORT(name, port, allowZero));
  }
  return port | 0;
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal));
  }
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Function', value));
}

function validatePlainFunction(value, name) {
  if (typeof value !== 'function' || value.constructor?.name === 'AsyncFunction') {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Function', value));
  }
}

function validateUndefined(value, name) {
  if (value !== undefined) throw hidden(new ERR_INVALID_ARG_TYPE(name, 'undefined', value));
}

function validateUnion(value, name, union) {
  if (!union.includes(value)) {
    const err = new ERR_INVALID_ARG_TYPE(name, `('${union.join('|')}')`, value);
    throw ownError(err, 'node:internal/validators:498:11');
  }
}

function validateInternalField(object, fieldKey, className) {
  if (typeof object !== 'object' || object === null || !(fieldKey in object)) {
    throw hidden(new ERR_INVALID_ARG_TYPE('this', className, object));
  }
}

module.exports = {
  isInt32,
  isUint32,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  kValidateObjectAllowNullable,
  kValidateObjectNone,
  parseFileMode,
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateBuffer,
  validateDictionary,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateInternalField,
  validateNumber,
  validateObject,
  validateOneOf,
  validatePlainFunction,
  validatePort,
  validateSignalName,
  validateString,
  validateStringArray,
  validateUint32,
  validateUndefined,
  validateUnion,
};
