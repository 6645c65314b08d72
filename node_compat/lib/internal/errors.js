'use strict';

// Node's errors: the one table of ERR_* codes (code -> message -> classes),
// the system-error builders used by the bindings' callers, and AbortError.

const { kIsNodeError } = require('internal/bootstrap/error_stacks');
const kNoOverride = Symbol('kNoOverride');
const messages = new Map();
// The classes of the codes, each made when first asked for: most programs
// use few of them (a class per code is about 250 bytes of heap).
const codeClasses = {};
const pendingCodes = new Map();  // code -> [base class, other base classes]
const codes = new Proxy(codeClasses, {
  __proto__: null,
  get(target, key) {
    const pending = pendingCodes.get(key);
    if (pending !== undefined) {
      pendingCodes.delete(key);
      const main = makeNodeErrorWithCode(pending[0], key);
      for (const clazz of pending[1]) main[clazz.name] = makeNodeErrorWithCode(clazz, key);
      target[key] = main;
    }
    return target[key];
  },
  set(target, key, value) {
    pendingCodes.delete(key);
    target[key] = value;
    return true;
  },
  has(target, key) { return pendingCodes.has(key) || key in target; },
});

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}
function inspect(value, opts) { return lazyInspect().inspect(value, opts); }

let uvBinding;
function uvErrmapGet(code) {
  if (uvBinding === undefined) {
    uvBinding = internalBinding('uv');
    uvBinding.errmap = new Map(uvBinding.getErrorMap());
  }
  return uvBinding.errmap.get(code);
}
const uvUnmappedError = ['UNKNOWN', 'unknown error'];

// ---- the ERR_* table ----------------------------------------------------------

function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') {
    return Reflect.apply(msg, self, args);
  }
  const expected = (msg.match(/%[dfijoOs]/g) || []).length;
  if (args.length === 0 && expected === 0) return msg;
  if (args.length !== expected) {
    // Node asserts here; keep the message usable instead.
  }
  args.unshift(msg);
  return Reflect.apply(lazyInspect().format, null, args);
}

// Node's ERR_* errors are instances of a class per code whose prototype holds
// `toString` and a kIsNodeError getter and answers `constructor` with the
// base class (so they print as a plain TypeError, ...). A fixed message is
// passed to the base constructor (own keys: stack, message, code); a message
// built by a function is set after `code`, which the function may read.
// (The prototypes' functions are shared, one `constructor` getter per base
// class: a set of them per code took ~70 KB of every process's heap.)
const nodeErrorClasses = new WeakMap();
const nodeErrorKeys = new WeakMap();
const constructorGetters = new Map();
function constructorGetter(Base) {
  let getter = constructorGetters.get(Base);
  if (getter === undefined) {
    getter = Object.getOwnPropertyDescriptor({ get ['constructor']() { return Base; } }, 'constructor').get;
    constructorGetters.set(Base, getter);
  }
  return getter;
}
const nodeErrorMembers = {
  toString() {
    let proto = Object.getPrototypeOf(this);
    while (proto !== null && !nodeErrorKeys.has(proto)) proto = Object.getPrototypeOf(proto);
    return `${this.name} [${proto === null ? this.code : nodeErrorKeys.get(proto)}]: ${this.message}`;
  },
  get [kIsNodeError]() { return true; },
};
const isNodeErrorGetter = Object.getOwnPropertyDescriptor(nodeErrorMembers, kIsNodeError).get;

function makeNodeErrorWithCode(Base, key) {
  const fixedMessage = typeof messages.get(key) !== 'function';
  class NodeError extends Base {
    constructor(...args) {
      if (fixedMessage) {
        super(getMessage(key, args, undefined));
        this.code = key;
      } else {
        super();
        this.code = key;
        Object.defineProperty(this, 'message', {
          __proto__: null, value: getMessage(key, args, this), enumerable: false, writable: true, configurable: true,
        });
      }
    }
  }
  Object.defineProperties(NodeError.prototype, {
    constructor: { __proto__: null, get: constructorGetter(Base), enumerable: false, configurable: true },
    toString: { __proto__: null, value: nodeErrorMembers.toString, writable: true, enumerable: false, configurable: true },
    [kIsNodeError]: { __proto__: null, get: isNodeErrorGetter, enumerable: false, configurable: true },
  });
  NodeError.Base = Base;
  nodeErrorKeys.set(NodeError.prototype, key);
  nodeErrorClasses.set(NodeError.prototype, NodeError);
  return NodeError;
}

// Node's validators (wrapped in hideStackFrames) throw an instance of a
// subclass of the code's class: one more prototype, with only `constructor`.
const hideStackFramesClasses = new WeakMap();
function asHideStackFramesError(err) {
  const proto = Object.getPrototypeOf(err);
  const NodeError = nodeErrorClasses.get(proto);
  if (NodeError === undefined) return err;
  let hidden = hideStackFramesClasses.get(proto);
  if (hidden === undefined) {
    hidden = class HideStackFramesError extends NodeError {};
    Object.defineProperty(hidden.prototype, 'constructor', {
      __proto__: null, get: constructorGetter(NodeError.Base), enumerable: false, configurable: true,
    });
    hideStackFramesClasses.set(proto, hidden);
  }
  Object.setPrototypeOf(err, hidden.prototype);
  return err;
}

function E(sym, val, def, ...otherClasses) {
  messages.set(sym, val);
  pendingCodes.set(sym, [def, otherClasses]);
}

const classRegExp = /^([A-Z][a-z0-9]*)+$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      if (value !== value) return 'type number (NaN)';
      if (value === Infinity) return 'type number (Infinity)';
      if (value === -Infinity) return 'type number (-Infinity)';
      return `type number (${value})`;
    case 'boolean':
      return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) {
        return `an instance of ${value.constructor.name}`;
      }
      return `${inspect(value, { depth: -1 })}`;
    case 'string':
      if (value.length > 28) value = `${value.slice(0, 25)}...`;
      if (value.indexOf("'") === -1) return `type string ('${value}')`;
      return `type string (${JSON.stringify(value)})`;
    default:
      value = inspect(value, { colors: false });
      if (value.length > 28) value = `${value.slice(0, 25)}...`;
      return `type ${type} (${value})`;
  }
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

function formatList(array, type = 'and') {
  switch (array.length) {
    case 0: return '';
    case 1: return `${array[0]}`;
    case 2: return `${array[0]} ${type} ${array[1]}`;
    case 3: return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default: return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
  }
}

E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_ASSERTION', '%s', Error);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);
E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', Error);
E('ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
E('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called', TypeError);
E('ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError);
E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
E('ERR_DIR_CONCURRENT_OPERATION', 'Cannot do synchronous work on directory handle with concurrent asynchronous operations', Error);
E('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
  this.errno = ret;
  return `The encoded data was not valid for encoding ${encoding}`;
}, TypeError);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
E('ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', Error);
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_IMPORT_ATTRIBUTE_MISSING', 'Module "%s" needs an import attribute of "%s: %s"', TypeError);
E('ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE', 'Module "%s" is not of type "%s"', TypeError);
E('ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', 'Import attribute "%s" with value "%s" is not supported', TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_INTERNAL_ASSERTION', (message) => {
  const suffix = 'This is caused by either a bug in Node.js ' +
    'or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at ' +
    'https://github.com/nodejs/node/issues\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);
E('ERR_INVALID_ADDRESS', 'Invalid address: %s', Error);
E('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);
E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    const type = name.includes('.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) {
      types.push(value.toLowerCase());
    } else if (classRegExp.test(value)) {
      instances.push(value);
    } else {
      other.push(value);
    }
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    if (types.length > 2) {
      const last = types.pop();
      msg += `one of type ${types.join(', ')}, or ${last}`;
    } else if (types.length === 2) {
      msg += `one of type ${types[0]} or ${types[1]}`;
    } else {
      msg += `of type ${types[0]}`;
    }
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    if (instances.length > 2) {
      const last = instances.pop();
      msg += `an instance of ${instances.join(', ')}, or ${last}`;
    } else {
      msg += `an instance of ${instances[0]}`;
      if (instances.length === 2) msg += ` or ${instances[1]}`;
    }
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 2) {
      const last = other.pop();
      msg += `one of ${other.join(', ')}, or ${last}`;
    } else if (other.length === 2) {
      msg += `one of ${other[0]} or ${other[1]}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}, TypeError);
E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);
E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
E('ERR_INVALID_CHAR', (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const msg = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid` + msg;
}, TypeError);
E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => {
  return `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`;
}, TypeError);
E('ERR_INVALID_PACKAGE_CONFIG', (path, base, message) => {
  return `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`;
}, Error);
E('ERR_INVALID_RETURN_PROPERTY', (input, name, prop, value) => {
  return `Expected a valid ${input} to be returned for the "${prop}" from the` +
         ` "${name}" function but got ${value}.`;
}, TypeError);
E('ERR_INVALID_RETURN_PROPERTY_VALUE', (input, name, prop, value) => {
  return `Expected ${input} to be returned for the "${prop}" from the` +
         ` "${name}" function but got ${determineSpecificType(value)}.`;
}, TypeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  const type = determineSpecificType(value);
  return `Expected ${input} to be returned from the "${name}"` +
         ` function but got ${type}.`;
}, TypeError, RangeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_INVALID_SYNC_FORK_INPUT', 'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s', TypeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_INVALID_URL', function(input, base = null) {
  this.input = input;
  if (base != null) this.base = base;
  return 'Invalid URL';
}, TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const res = expected.length === 2 ?
    `one of scheme ${expected[0]} or ${expected[1]}` :
    `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_IP_BLOCKED', 'IP(%s) is blocked by net.BlockList', Error);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', (...args) => {
  let msg = 'The ';
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  switch (len) {
    case 1:
      msg += `${args[0]} argument`;
      break;
    case 2:
      msg += `${args[0]} and ${args[1]} arguments`;
      break;
    default:
      msg += args.slice(0, len - 1).join(', ');
      msg += `, and ${args[len - 1]} arguments`;
      break;
  }
  return `${msg} must be specified`;
}, TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_MODULE_NOT_FOUND', (path, base, exactUrl) => {
  if (exactUrl) return `Cannot find ${exactUrl} imported from ${base}`;
  return `Cannot find ${path}${base ? ` imported from ${base}` : ''}`;
}, Error);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);
E('ERR_PACKAGE_IMPORT_NOT_DEFINED', (specifier, packagePath, base) => {
  return `Package import specifier "${specifier}" is not defined${packagePath ?
    ` in package ${packagePath}package.json` : ''} imported from ${base}`;
}, TypeError);
E('ERR_PACKAGE_PATH_NOT_EXPORTED', '%s', Error);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This " +
  'command does not take positional arguments', TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const suggestDashDash = allowPositionals ? '. To specify a positional ' +
    "argument starting with a '-', place it at the end of the command after " +
    `'--', as in '-- ${JSON.stringify(option)}` : '';
  return `Unknown option '${option}'${suggestDashDash}`;
}, TypeError);
E('ERR_PERFORMANCE_INVALID_TIMESTAMP', '%d is not a valid timestamp', TypeError);
E('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', TypeError);
E('ERR_REQUIRE_ASYNC_MODULE', 'require() cannot be used on an ESM ' +
  'graph with top-level await. Use import() instead. To see where the' +
  ' top-level await comes from, use --experimental-print-required-tla.', Error);
E('ERR_REQUIRE_CYCLE_MODULE', '%s', Error);
E('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
E('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
}, RangeError);
E('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
E('ERR_SOCKET_CANNOT_SEND', 'Unable to send data', Error);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established', Error);
E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
E('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error);
E('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error);
E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNABLE_TO_PIPE', 'Cannot pipe to a closed or destroyed stream', Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
E('ERR_STRING_TOO_LONG', 'Cannot create a string longer than 0x%s characters', Error);
E('ERR_SYSTEM_ERROR', 'A system error occurred', Error);
E('ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error);
// `err` arrives already inspected by the emitter.
E('ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
  '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active', Error);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', TypeError);
E('ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s', RangeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_UNSUPPORTED_DIR_IMPORT', '%s', Error);
E('ERR_UNSUPPORTED_ESM_URL_SCHEME', '%s', Error);
E('ERR_UNSUPPORTED_RESOLVE_REQUEST',
  'Failed to resolve module specifier "%s" from "%s": Invalid relative URL or base scheme is not hierarchical.',
  TypeError);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
E('ERR_WORKER_MESSAGING_FAILED', 'Cannot find the destination thread or listener', Error);
E('ERR_WORKER_MESSAGING_SAME_THREAD', 'Cannot sent a message to the same thread', Error);
E('ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error);
E('ERR_WORKER_PATH', (filename) => {
  let msg = 'The worker script or module filename must be an absolute path or a ' +
    "relative path starting with './' or '../'.";
  if (filename.startsWith('file://')) msg += ' Wrap file:// URLs with `new URL`.';
  else if (filename.startsWith('data:text/javascript')) msg += ' Wrap data: URLs with `new URL`.';
  return `${msg} Received "${filename}"`;
}, TypeError);

// ---- errors with their own classes ---------------------------------------------

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// SystemError: an ERR_* code wrapping a libuv failure (e.g. ERR_SOCKET_BUFFER_SIZE).
class SystemError extends Error {
  constructor(key, context) {
    super();
    const prefix = getMessage(key, [], this);
    let message = `${prefix}: ${context.syscall} returned ` +
                  `${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    this.code = key;
    Object.defineProperties(this, {
      name: { __proto__: null, value: 'SystemError', enumerable: false, writable: true, configurable: true },
      message: { __proto__: null, value: message, enumerable: false, writable: true, configurable: true },
      info: { __proto__: null, value: context, enumerable: true, configurable: true, writable: false },
    });
    for (const [name, field] of [['errno', 'errno'], ['syscall', 'syscall'], ['path', 'path'], ['dest', 'dest']]) {
      if (name !== 'errno' && context[field] === undefined) continue;
      Object.defineProperty(this, name, {
        __proto__: null,
        enumerable: true,
        configurable: true,
        get() { return context[field]; },
        set(value) { context[field] = value; },
      });
    }
    Object.defineProperty(this, kIsNodeError, {
      __proto__: null, value: true, enumerable: false, writable: false, configurable: true,
    });
  }

  toString() { return `${this.name} [${this.code}]: ${this.message}`; }

  // Shown with the values of its getters (errno, syscall, path, dest).
  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return lazyInspect().inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}

// One subclass per code, which Node names NodeError (its `name` is SystemError).
function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) { super(key, ctx); }
  };
}

messages.set('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size');
codes.ERR_SOCKET_BUFFER_SIZE = makeSystemErrorWithCode('ERR_SOCKET_BUFFER_SIZE');
messages.set('ERR_FS_EISDIR', 'Path is a directory');
codes.ERR_FS_EISDIR = makeSystemErrorWithCode('ERR_FS_EISDIR');
for (const [code, message] of [
  ['ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory'],
  ['ERR_FS_CP_EEXIST', 'Target already exists'],
  ['ERR_FS_CP_EINVAL', 'Invalid src or dest'],
  ['ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe'],
  ['ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory'],
  ['ERR_FS_CP_SOCKET', 'Cannot copy a socket file'],
  ['ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self'],
  ['ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type'],
]) {
  messages.set(code, message);
  codes[code] = makeSystemErrorWithCode(code);
}
codes.ERR_SYSTEM_ERROR = makeSystemErrorWithCode('ERR_SYSTEM_ERROR');
messages.set('ERR_TTY_INIT_FAILED', 'TTY initialization failed');
codes.ERR_TTY_INIT_FAILED = makeSystemErrorWithCode('ERR_TTY_INIT_FAILED');

// ---- libuv system errors ---------------------------------------------------------

function getSystemErrorName(err) {
  const entry = uvErrmapGet(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

function getSystemErrorMessage(err) {
  const entry = uvErrmapGet(err);
  return entry ? entry[1] : `Unknown system error ${err}`;
}

// `${code}: ${message}, ${syscall} 'path' -> 'dest'` (fs-style errors).
class UVException extends Error {
  constructor(ctx) {
    const { 0: code, 1: uvmsg } = uvErrmapGet(ctx.errno) || uvUnmappedError;
    let message = `${code}: ${ctx.message || uvmsg}, ${ctx.syscall}`;
    let path;
    let dest;
    if (ctx.path) {
      path = ctx.path.toString();
      message += ` '${path}'`;
    }
    if (ctx.dest) {
      dest = ctx.dest.toString();
      message += ` -> '${dest}'`;
    }
    super(message);
    for (const prop of Object.keys(ctx)) {
      if (prop === 'message' || prop === 'path' || prop === 'dest') continue;
      this[prop] = ctx[prop];
    }
    this.code = code;
    if (path) this.path = path;
    if (dest) this.dest = dest;
  }

  get ['constructor']() { return Error; }
}

function uvException(ctx) { return new UVException(ctx); }

// `${syscall} ${code}: ${message} ${address}:${port}` (listen/bind-style errors).
class UVExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port) {
    const { 0: code, 1: uvmsg } = uvErrmapGet(err) || uvUnmappedError;
    const message = `${syscall} ${code}: ${uvmsg}`;
    let details = '';
    if (port && port > 0) {
      details = ` ${address}:${port}`;
    } else if (address) {
      details = ` ${address}`;
    }
    super(`${message}${details}`);
    this.code = code;
    this.errno = err;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() { return Error; }
}

function uvExceptionWithHostPort(err, syscall, address, port) {
  return new UVExceptionWithHostPort(err, syscall, address, port);
}

// `${syscall} ${code} ${original}`.
class ErrnoException extends Error {
  constructor(err, syscall, original) {
    const code = getSystemErrorName(err);
    const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
    super(message);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
  }

  get ['constructor']() { return Error; }
}

function errnoException(err, syscall, original) {
  return new ErrnoException(err, syscall, original);
}

// `${syscall} ${code} ${address}:${port}` (connect/send-style errors).
class ExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port, additional) {
    const code = getSystemErrorName(err);
    let details = '';
    if (port && port > 0) {
      details = ` ${address}:${port}`;
    } else if (address) {
      details = ` ${address}`;
    }
    if (additional) details += ` - Local (${additional})`;
    super(`${syscall} ${code}${details}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() { return Error; }
}

function exceptionWithHostPort(err, syscall, address, port, additional) {
  return new ExceptionWithHostPort(err, syscall, address, port, additional);
}

const UV_EAI_NODATA = -3007;
const UV_EAI_NONAME = -3008;

class DNSException extends Error {
  constructor(code, syscall, hostname) {
    let errno;
    if (typeof code === 'number') {
      errno = code;
      if (code === UV_EAI_NODATA || code === UV_EAI_NONAME) {
        code = 'ENOTFOUND';
      } else {
        code = getSystemErrorName(code);
      }
    }
    super(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    if (hostname) this.hostname = hostname;
  }

  get ['constructor']() { return Error; }
}

function dnsException(code, syscall, hostname) {
  return new DNSException(code, syscall, hostname);
}

function hideStackFrames(fn) { return fn; }

// A plain Error carrying extra properties (e.g. `code: 'EPIPE'`).
function genericNodeError(message, errorProperties) {
  const err = new Error(message);
  Object.assign(err, errorProperties);
  return err;
}

// Several failures reported as one (net's connection attempts): code of the first.
class NodeAggregateError extends AggregateError {
  constructor(errors, message) {
    super([...errors], message);
    this.code = errors[0]?.code;
  }

  get [kIsNodeError]() { return true; }

  get ['constructor']() { return AggregateError; }
}

// Whether code may lower Error.stackTraceLimit for a while (a program can
// freeze it).
function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.prototype.hasOwnProperty.call(desc, 'writable') ? desc.writable : desc.set !== undefined;
}

// A Node error for `code` with a ready-made message (used for module loading failures).
function nodeErrorWithMessage(code, message) {
  const Base = codes[code]?.Base ?? Error;
  const error = new Base(message);
  Object.defineProperties(error, {
    [kIsNodeError]: { __proto__: null, value: true, enumerable: false, writable: false, configurable: true },
    toString: {
      __proto__: null,
      value() { return `${this.name} [${code}]: ${this.message}`; },
      enumerable: false,
      writable: true,
      configurable: true,
    },
  });
  error.code = code;
  return error;
}

// Build the error that a failed module resolution or load throws.
function moduleError(code, message, fields) {
  let err;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_INTERNAL_ASSERTION') {
    err = new Error(message);
    if (code === 'MODULE_NOT_FOUND') err.code = code;
  } else {
    err = nodeErrorWithMessage(code, message);
  }
  if (fields) Object.assign(err, fields);
  return err;
}

module.exports = {
  AbortError,
  asHideStackFramesError,
  codes,
  determineSpecificType,
  dnsException,
  errnoException,
  exceptionWithHostPort,
  formatList,
  genericNodeError,
  getMessage,
  getSystemErrorMessage,
  getSystemErrorName,
  hideStackFrames,
  isErrorStackTraceLimitWritable,
  kIsNodeError,
  kNoOverride,
  moduleError,
  NodeAggregateError,
  nodeErrorWithMessage,
  SystemError,
  uvErrmapGet,
  uvException,
  uvExceptionWithHostPort,
};
