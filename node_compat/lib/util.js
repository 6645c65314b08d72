'use strict';

// node:util: formatting and inspection, promisify/callbackify, deprecation,
// debug logging, type checks, system error names, argument parsing and the
// smaller helpers Node 23.5 exports, in Node's key order.

const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
  errnoException,
  exceptionWithHostPort,
  getSystemErrorName: internalErrorName,
  getSystemErrorMessage: internalErrorMessage,
} = require('internal/errors');
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const { debuglog } = require('internal/util/debuglog');
const { callSitesOf } = require('internal/bootstrap/call_sites');
const { framesOf } = require('internal/bootstrap/error_stacks');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
  validateString,
  validateOneOf,
} = require('internal/validators');
const {
  defineLazyProperties,
  deprecate,
  promisify,
} = require('internal/util');
const types = require('internal/util/types');

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor); // at node:util:183:11
  }
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor); // at node:util:186:11
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype); // at node:util:189:11
  }
  Object.defineProperty(ctor, 'super_', {
    __proto__: null, value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason would look like success to a Node callback.
  if (!reason) reason = new ERR_FALSY_VALUE_REJECTION(reason);
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original'); // at node:util:242:3
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument'); // at node:util:249:5
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const descriptor of Object.values(descriptors)) Object.setPrototypeOf(descriptor, null);
  Object.setPrototypeOf(callbackified, Object.getPrototypeOf(original));
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function getSystemErrorName(err) {
  validateNumber(err, 'err'); // at node:util:294:3
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err); // at node:util:296:11
  }
  return internalErrorName(err);
}

function getSystemErrorMessage(err) {
  validateNumber(err, 'err'); // at node:util:282:3
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err); // at node:util:284:11
  }
  return internalErrorMessage(err);
}

function getSystemErrorMap() {
  return new Map(internalBinding('uv').getErrorMap());
}

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

function toUSVString(input) {
  return `${input}`.toWellFormed(); // at node:util:460:43
}

function escapeStyleCode(code) {
  return `\u001b[${code}m`;
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text'); // at node:util:119:3
  validateBoolean(validateStream, 'options.validateStream'); // at node:util:120:3
  let skipColorize;
  if (validateStream) {
    if (!isStreamLike(stream)) {
      const types = ['ReadableStream', 'WritableStream', 'Stream'];
      throw new ERR_INVALID_ARG_TYPE('stream', types, stream); // at node:util:128:13
    }
    skipColorize = !require('internal/util/colors').shouldColorize(stream);
  }
  // Node 23.5 applies a list of formats whatever the stream supports.
  if (Array.isArray(format)) {
    let left = '';
    let right = '';
    for (const key of format) {
      const codes = inspect.colors[key];
      if (codes == null) validateOneOf(key, 'format', Object.keys(inspect.colors)); // at node:util:138:9
      left += escapeStyleCode(codes[0]);
      right = `${escapeStyleCode(codes[1])}${right}`;
    }
    return `${left}${text}${right}`;
  }
  const codes = inspect.colors[format];
  if (codes == null) validateOneOf(format, 'format', Object.keys(inspect.colors)); // at node:util:149:5
  if (skipColorize) return text;
  return `${escapeStyleCode(codes[0])}${text}${escapeStyleCode(codes[1])}`;
}

// Node streams and web streams are accepted as the destination of styleText.
function isStreamLike(stream) {
  if (stream === null || typeof stream !== 'object') return false;
  if (typeof stream.pipe === 'function' && typeof stream.on === 'function') return true;
  const { ReadableStream, WritableStream } = globalThis;
  return (typeof ReadableStream === 'function' && stream instanceof ReadableStream) ||
    (typeof WritableStream === 'function' && stream instanceof WritableStream);
}

// Call sites of the current stack: [{ functionName, scriptName, lineNumber, column }].
function getCallSites(frameCount = 8, options) {
  // Options given must say whether to map through source maps.
  if (options === undefined) {
    if (typeof frameCount === 'object') {
      options = frameCount;
      validateObject(options, 'options'); // at node:util:400:7
      validateBoolean(options.sourceMap, 'options.sourceMap'); // at node:util:401:7
      frameCount = 8;
    }
  } else {
    validateObject(options, 'options'); // at node:util:409:5
    validateBoolean(options.sourceMap, 'options.sourceMap'); // at node:util:410:5
  }
  validateNumber(frameCount, 'frameCount', 1, 200); // at node:util:414:3
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frameCount + 1;
  Error.captureStackTrace(holder, getCallSites);
  Error.stackTraceLimit = limit;
  const sites = [];
  // (The frames themselves, whatever a program's Error.prepareStackTrace does.)
  for (const site of callSitesOf(framesOf(holder))) {
    if (site.getLineNumber() === null) continue;
    sites.push({
      __proto__: null,
      functionName: site.getFunctionName() ?? '',
      scriptName: site.getFileName(),
      lineNumber: site.getLineNumber(),
      column: site.getColumnNumber(),
    });
    if (sites.length === frameCount) break;
  }
  return sites;
}

function parseEnv(content) {
  validateString(content, 'content'); // at node:util:331:3
  return require('internal/util/parse_env').parseEnv(content);
}

function _errnoException(...args) {
  return Reflect.apply(errnoException, this, args);
}

function _exceptionWithHostPort(...args) {
  return Reflect.apply(exceptionWithHostPort, this, args);
}

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend: deprecate(_extend, 'The `util._extend` API is deprecated. Please use Object.assign() instead.',
                     'DEP0060'),
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getCallSite: deprecate(getCallSites,
                         'The `util.getCallSite` API is deprecated. Please use `util.getCallSites()` instead.',
                         'DEP0189'),
  getCallSites,
  getSystemErrorMap,
  getSystemErrorName,
  getSystemErrorMessage,
  inherits,
  inspect,
  isArray: deprecate(Array.isArray, 'The `util.isArray` API is deprecated. Please use `Array.isArray()` instead.',
                     'DEP0044'),
  isDeepStrictEqual,
  promisify,
  stripVTControlCharacters,
  toUSVString,
};

// Read-only getters that load their module on each first use, as Node's are.
let abortedModule;
const lazyAborted = () => abortedModule ??= require('internal/util/aborted');
Object.defineProperties(module.exports, Object.getOwnPropertyDescriptors({
  get transferableAbortSignal() { return lazyAborted().transferableAbortSignal; },
  get transferableAbortController() { return lazyAborted().transferableAbortController; },
  get aborted() { return lazyAborted().aborted; },
}));
module.exports.types = types;
module.exports.parseEnv = parseEnv;
defineLazyProperties(module.exports, 'internal/util/parse_args/parse_args', ['parseArgs']);
defineLazyProperties(module.exports, 'internal/encoding', ['TextDecoder', 'TextEncoder']);
defineLazyProperties(module.exports, 'internal/mime', ['MIMEType', 'MIMEParams']);
