'use strict';

// V8-style `stack` for every Error. QuickJS records only the frames, as a data
// property, when an error is made; V8 (and so Node) exposes an accessor that
// formats "Name: message" plus the frames on first read. The global Error
// constructors are wrapped so errors made by JS code get that accessor; errors
// the engine makes itself are given it when they reach inspect or the fatal
// exception path (`normalizeStack`).

const { markNative, markText } = require('internal/bootstrap/function_text');
const { callSitesOf, setSourceOffset } = require('internal/bootstrap/call_sites');
const { asyncStack, libraryFrames, noteAsyncCall } = require('internal/bootstrap/async_frames');
const { functionPosition } = require('internal/bootstrap/builtins');

const kIsNodeError = Symbol('kIsNodeError');
// tickInfo[2]: the microtasks the realm runs are those Node would run at the
// end of processTicksAndRejections (see task_queues), whose frame their
// stacks then end with. Promise jobs the realm runs have no frames below
// their own, so the frame is added.
const tickInfo = new Int32Array(internalBinding('task_queue').tickInfo);
const kJobsAfterTicks = 2;
const kTicksFrame = '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)';
const NativeError = globalThis.Error;
let positions = null;
let engineMessage = null;

// V8's header line: what Error.prototype.toString would print at first access.
function stackHeader(err) {
  if (err !== null && typeof err === 'object' && err[kIsNodeError] === true) {
    return `${err.name} [${err.code}]: ${err.message}`;
  }
  let name;
  let message;
  try {
    name = err.name;
    message = err.message;
  } catch {
    return 'Error';
  }
  name = name === undefined ? 'Error' : `${name}`;
  message = message === undefined ? '' : `${message}`;
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

// The realm's entries into JS (the callers of an I/O completion such as a
// handle's onread, and the runners of ticks, timers and immediates) only
// call Node's own entry functions (onStreamRead, processTicksAndRejections,
// processTimers, ...), which Node calls from native code: their frames are
// not shown.
const kNativeEntry = /^ {4}at (?:(?:callback\w*|processTicks(?:AfterJobs)?|runTimers|runImmediates) \(node:internal\/bootstrap\/node:|run \(node:internal\/timers_runner:)/;

// The receivers of frames V8 names after them, which QuickJS's frames do
// not keep: the emitters whose listeners were running when an error was
// made (events' emit keeps them), and the handle or request the loop's
// callback was for (bootstrap/node). Library lines standing for such frames
// say `{emitter}` or `{entry}` where V8 puts the receiver's class (see
// modules/node_frames.py).
let emitterSource = () => null;
let entrySource = () => void 0;
function setEmitterSource(running) {
  emitterSource = running;
}
function setEntrySource(current) {
  entrySource = current;
}
// An async function resumed after an await has no frame below its own;
// V8 still names it after the object it was called on (`Server.<anonymous>`).
// For listeners, emit tells (once per listener) the class of the emitter and
// where the function is written, for stacks to find (modules/system.py).
let noteAsyncReceiver = null;
const asyncListeners = new WeakSet();
function noteAsyncListener(listener, emitter) {
  const fn = typeof listener.listener === 'function' ? listener.listener : listener;
  if (noteAsyncReceiver === null) return;
  noteAsyncCall(fn, emitter);
  if (asyncListeners.has(fn)) return;
  asyncListeners.add(fn);
  const { 0: file, 1: line, 2: column } = functionPosition(fn);
  if (typeof file === 'string' && !file.startsWith('node:')) noteAsyncReceiver(file, line, column, receiverName(emitter));
}

// What makes a syntax error QuickJS found in an ES module's source Node's
// loader's (see internal/modules/esm): true when it was one.
let moduleSyntaxError = () => false;
function setModuleSyntaxError(decorate) {
  moduleSyntaxError = decorate;
}
class Receivers {
  constructor(emitters, entry) {
    this.emitters = emitters;
    this.entry = entry;
  }
}
function runningReceivers() {
  const emitters = emitterSource();
  const entry = entrySource();
  return emitters === null && entry === void 0 ? null : new Receivers(emitters, entry);
}
// Errors the engine made in a listener, with the emitters of their frames
// (taken as the error left emit: it had no stack of ours to keep them).
const engineErrorEmitters = new WeakMap();
function noteEmitters(err, emitters) {
  if (err === null || typeof err !== 'object' || engineErrorEmitters.has(err)) return;
  const desc = Object.getOwnPropertyDescriptor(err, 'stack');
  if (desc !== undefined && typeof desc.value === 'string') {
    engineErrorEmitters.set(err, new Receivers(emitters, entrySource()));
  }
}

// The class V8 names an object after in a stack frame (its constructor's
// name, as JSReceiver::GetConstructorName finds it without running code).
function receiverName(obj) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return '';
  try {
    for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
      const tag = Object.getOwnPropertyDescriptor(o, Symbol.toStringTag);
      if (tag !== undefined && typeof tag.value === 'string') return tag.value;
      if (o !== obj) {
        const ctor = Object.getOwnPropertyDescriptor(o, 'constructor');
        if (ctor !== undefined && typeof ctor.value === 'function') {
          const name = Object.getOwnPropertyDescriptor(ctor.value, 'name');
          if (name !== undefined && typeof name.value === 'string' && name.value !== '' && name.value !== 'Object') {
            return name.value;
          }
        }
      }
    }
  } catch {
    // A proxy in the chain: V8 names it Object too.
  }
  return 'Object';
}

// A builtin that calls back into JS shows in V8's frames with the class of
// its receiver (`Array.map`), which QuickJS's frames do not keep. By name,
// the class it most often has: an array's forEach, not a Map's.
const kNativeFrame = /^ {4}at (.+) \(native\)$/;
const kResumes = new Set(['next', 'return', 'throw']);
// (The frame of a named function, whose name V8 gives the generator's native frames.)
const kGeneratorFrame = /^ {4}at ([\w$]+) \(/;
const kNativeReceivers = { __proto__: null };
for (const name of ['map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex',
  'findLast', 'findLastIndex', 'flatMap', 'sort', 'toSorted']) {
  kNativeReceivers[name] = 'Array';
}
Object.assign(kNativeReceivers, {
  from: 'Function', test: 'RegExp', parse: 'JSON', stringify: 'JSON', replace: 'String', replaceAll: 'String',
  // Those that throw on bad arguments: Object's own functions (V8 names
  // their receiver, Object, a Function), and methods of strings, numbers,
  // dates and Reflect.
  keys: 'Function', values: 'Function', entries: 'Function', create: 'Function', assign: 'Function',
  setPrototypeOf: 'Function', defineProperty: 'Function', defineProperties: 'Function',
  getOwnPropertyNames: 'Function', getOwnPropertyDescriptors: 'Function', fromEntries: 'Function',
  repeat: 'String', padStart: 'String', padEnd: 'String', normalize: 'String',
  toFixed: 'Number', toPrecision: 'Number', toExponential: 'Number', toString: 'Number',
  toISOString: 'Date', ownKeys: 'Reflect',
});

// QuickJS frames -> V8 frames: anonymous frames show their bare location,
// native frames show "<anonymous>", columns point where V8 points.
function v8Frames(frames, skip, receivers, limit, inTicks, awaiting) {
  const lines = frames.split('\n');
  const out = [];
  // Node hides the frames of its error constructors and argument validators
  // (hideStackFrames): a stack starts at the library function that threw.
  while (skip < lines.length && /\(node:internal\/(?:errors|validators):\d+:\d+\)$/.test(lines[skip])) skip++;
  // (Library frames may stand for more or fewer of Node's, see
  // modules/node_frames.py: the limit applies once they are Node's.)
  const gather = limit + 32;
  for (let i = skip; i < lines.length && out.length < gather; i++) {
    let line = lines[i];
    if (line === '') continue;
    if (line.includes('(jsbridge:') || line.includes('(node:internal/bootstrap/realm') || kNativeEntry.test(line)) continue;
    // V8 does not show Function.prototype.call/apply or Reflect frames.
    if (/^ {4}at (?:apply|call|construct) \(native\)$/.test(line)) continue;
    line = line.replace(/^ {4}at <anonymous> \((.*)\)$/, '    at $1');
    line = line.replace(/^ {4}at <eval> \((.*)\)$/, '    at $1');
    const native = kNativeFrame.exec(line);
    if (native !== null) {
      const name = native[1];
      // String.prototype.replace calls RegExp's [Symbol.replace]: V8 shows one
      // frame. A template literal is a call of concat to QuickJS: none.
      if (name.startsWith('[Symbol.') && lines[i + 1] === `    at ${name.slice(8, -1)} (native)`) continue;
      // RegExp's test calls its exec: V8 shows test alone.
      if (name === 'exec' && lines[i + 1] === '    at test (native)') continue;
      if (name === 'concat') continue;
      // (V8 shows no frame for the Array constructor.)
      if (name === 'Array') continue;
      const receiver = kNativeReceivers[name];
      const generator = kResumes.has(name) && out.length > 0 ? kGeneratorFrame.exec(out[out.length - 1]) : null;
      if (generator !== null) {
        // A generator's body resumed by next(), return() or throw(): V8
        // names that frame after the generator function (`gen.next`).
        line = `    at ${generator[1]}.${name} (<anonymous>)`;
      } else {
        line = `    at ${receiver === undefined ? name : `${receiver}.${name}`} (<anonymous>)`;
      }
    }
    out.push(line);
  }
  let text = out.join('\n');
  if (positions !== null && text !== '') {
    text = receivers === null || receivers === undefined
      ? positions(text)
      : positions(text, receivers.emitters === null ? '' : receivers.emitters.map(receiverName).join('\n'),
                  receivers.entry === void 0 ? '' : receiverName(receivers.entry));
  }
  if (awaiting !== null && awaiting.bottom !== '' && awaiting.name !== '') {
    // The resumed call's frame, named after its receiver as V8 does (`D.b`).
    const at = text.lastIndexOf('\n') + 1;
    const plain = `    at ${awaiting.name} (`;
    if (text.startsWith(plain, at)) text = `${text.slice(0, at)}    at ${awaiting.bottom}${text.slice(at + 7)}`;
  }
  if (inTicks) text = text === '' ? kTicksFrame : `${text}\n${kTicksFrame}`;
  if (awaiting !== null && awaiting.frames !== '') text = text === '' ? awaiting.frames : `${text}\n${awaiting.frames}`;
  const shown = text.split('\n');
  return shown.length > limit ? shown.slice(0, Math.max(limit, 0)).join('\n') : text;
}

// Errors whose `stack` has been read or replaced. V8 then keeps only the
// text, so a fatal report of such an error from a rejection shows no
// location of its own.
const formattedStacks = new WeakSet();
function isStackFormatted(err) {
  return formattedStacks.has(err);
}

// The frame count V8 keeps of a stack it captures now.
function stackTraceLimit() {
  const limit = globalThis.Error.stackTraceLimit;
  return typeof limit !== 'number' || limit !== limit ? 10 : limit;
}

// V8's default Error.prepareStackTrace: the header and the frames. (The
// outer function prints as Node's does.)
function internalPrepareStackTrace(error, trace) {
  const header = stackHeader(error);
  return trace.length === 0 ? header : `${header}\n    at ${trace.join('\n    at ')}`;
}
function ErrorPrepareStackTrace(error, trace) {
  return internalPrepareStackTrace(error, trace);
}
markText(ErrorPrepareStackTrace,
         'function ErrorPrepareStackTrace(error, trace) {\n  return internalPrepareStackTrace(error, trace);\n}');

// The V8-form frame lines of each error with a stack of ours (a function
// that makes them once): where an uncaught error was thrown, whatever
// Error.prepareStackTrace made of its `stack`.
const stackFrames = new WeakMap();
function framesOf(err) {
  const framesText = stackFrames.get(err);
  return framesText === undefined ? undefined : framesText();
}

// Whether a stack captured now is a microtask's run after ticks (none of the
// realm's entries below it).
function inJobAfterTicks(frames) {
  return tickInfo[kJobsAfterTicks] === 1 && !frames.includes('(node:internal/bootstrap/node:');
}

// As V8, the frames are kept when the error is made and formatted on the
// first read of `stack`, by the program's Error.prepareStackTrace if it has
// one then (its result, of any type, is the value).
function defineStack(err, frames, skip, receivers, limit = stackTraceLimit(), inTicks = inJobAfterTicks(frames),
                     awaiting = asyncStack(frames, receiverName)) {
  let body;
  defineFramesText(err, () => (body ??= v8Frames(frames, skip, receivers, limit, inTicks, awaiting)));
}

// An error that Node makes in a promise's rejection handler, which has
// `async` frames only: those of the library call `call` (async_frames'
// libraryCall) and of the calls awaiting it.
function defineAsyncFrames(err, call) {
  const text = libraryFrames(call, receiverName).slice(0, Math.max(stackTraceLimit(), 0)).join('\n');
  defineFramesText(err, () => text);
}

function defineFramesText(err, framesText) {
  let value;
  let computed = false;
  formattedStacks.delete(err);
  stackFrames.set(err, framesText);
  // (V8's accessor functions are anonymous: the comma keeps them unnamed.)
  Object.defineProperty(err, 'stack', {
    __proto__: null,
    get: (0, function() {
      if (!computed) {
        computed = true;
        formattedStacks.add(err);
        const text = framesText();
        const Base = globalThis.Error;
        const prepare = Base?.prepareStackTrace;
        if (typeof prepare === 'function' && prepare !== ErrorPrepareStackTrace) {
          value = Reflect.apply(prepare, Base, [this, callSitesOf(text)]);
        } else {
          value = text === '' ? stackHeader(this) : `${stackHeader(this)}\n${text}`;
        }
      }
      return value;
    }),
    set: (0, function(v) {
      computed = true;
      formattedStacks.add(err);
      value = v;
    }),
    enumerable: false,
    configurable: true,
  });
}

function rawFrames(err) {
  const desc = Object.getOwnPropertyDescriptor(err, 'stack');
  return desc !== undefined && typeof desc.value === 'string' ? desc.value : '';
}

// QuickJS's wording of its own errors -> V8's, where the message holds
// everything V8's needs. [pattern, replacement, error class to switch to].
const engineMessages = [
  [/^cannot read property '(.*)' of (null|undefined)$/, 'Cannot read properties of $2 (reading \'$1\')'],
  [/^cannot set property '(.*)' of (null|undefined)$/, 'Cannot set properties of $2 (setting \'$1\')'],
  [/^'(.*)' is not defined$/, '$1 is not defined'],
  [/^private class field '(#.*)' does not exist$/, 'Cannot read private member $1 from an object whose class did not declare it'],
  [/^cannot convert bigint to number$/, 'Cannot mix BigInt and other types, use explicit conversions'],
  [/^cannot convert symbol to string$/, 'Cannot convert a Symbol value to a string'],
  [/^cannot convert symbol to number$/, 'Cannot convert a Symbol value to a number'],
  [/^invalid array length$/, 'Invalid array length'],
  [/^stack overflow$/, 'Maximum call stack size exceeded', 'RangeError'],
  [/^empty array$/, 'Reduce of empty array with no initial value'],
  [/^this is not initialized$/,
   'Must call super constructor in derived class before accessing \'this\' or returning from derived constructor'],
  [/^bad normalization form$/, 'The normalization form should be one of NFC, NFD, NFKC, NFKD.'],
  [/^invalid value used as WeakMap key$/, 'Invalid value used as weak map key'],
  [/^invalid value used as WeakSet key$/, 'Invalid value used in weak set'],
  [/^radix must be between 2 and 36$/, 'toString() radix argument must be between 2 and 36'],
  [/^(.+) is not initialized$/, 'Cannot access \'$1\' before initialization'],
  [/^Date value is NaN$/, 'Invalid time value'],
  [/^invalid string length$/, 'Invalid string length'],
  [/^cannot convert to object$/, 'Cannot convert undefined or null to object'],
  [/^toPrimitive$/, 'Cannot convert object to primitive value'],
  // QuickJS's words for several builtins: V8's depend on the builtin, the top frame.
  [/^not an object$/, 'Object.defineProperty called on non-object', undefined, /^ {4}at defineProperty \(native\)/],
  [/^not an object$/, 'Reflect.ownKeys called on non-object', undefined, /^ {4}at ownKeys \(native\)/],
  [/^not an object$/, 'Cannot create proxy with a non-object as target or handler', undefined, /^ {4}at Proxy \(native\)/],
  [/^not an object$/, 'PromiseResolve called on non-object', undefined, /^ {4}at resolve \(native\)/],
  [/^invalid number of digits$/, 'toFixed() digits argument must be between 0 and 100', undefined,
   /^ {4}at toFixed \(native\)/],
  [/^invalid number of digits$/, 'toPrecision() argument must be between 1 and 100', undefined,
   /^ {4}at toPrecision \(native\)/],
  [/^invalid number of digits$/, 'toExponential() argument must be between 0 and 100', undefined,
   /^ {4}at toExponential \(native\)/],
  [/^not a number$/, 'Number.prototype.$<method> requires that \'this\' be a Number', undefined,
   /^ {4}at (?<method>toString|toFixed|toPrecision|toExponential|toLocaleString|valueOf) \(native\)/],
  [/^invalid array index$/, 'Invalid array buffer length', undefined, /^ {4}at ArrayBuffer \(native\)/],
  [/^invalid target$/, 'WeakRef: invalid target', undefined, /^ {4}at WeakRef \(native\)/],
  [/^not a symbol$/, 'Symbol.prototype.$<method> requires that \'this\' be a Symbol', undefined,
   /^ {4}at (?<method>toString|valueOf) \(native\)/],
];

// QuickJS's messages whose V8 wording names an expression of the source
// (see modules/engine_messages.py), found through `frames`, QuickJS's.
const kNamingMessages = /^(?:not a function|not a constructor|.* is not a constructor|value is not iterable|class constructors must be invoked with 'new'|cannot read property 'Symbol\.iterator' of (?:null|undefined)|'.+' is read-only)$/;
function v8Message(err, frames) {
  const desc = Object.getOwnPropertyDescriptor(err, 'message');
  if (desc === undefined || typeof desc.value !== 'string') return;
  if (err instanceof URIError) {
    err.message = 'URI malformed';  // (V8's one message for them all)
    return;
  }
  if (engineMessage !== null && frames !== '' && kNamingMessages.test(desc.value)) {
    const named = engineMessage(desc.value, frames);
    if (typeof named === 'string') {
      err.message = named;
      return;
    }
  }
  for (const [pattern, replacement, className, topFrame] of engineMessages) {
    if (pattern.test(desc.value)) {
      let text = replacement;
      if (topFrame !== undefined) {
        const frame = topFrame.exec(frames);
        if (frame === null) continue;
        text = text.replace(/\$<(\w+)>/g, (_, name) => frame.groups[name]);
      }
      err.message = desc.value.replace(pattern, text);
      if (className !== undefined) Object.setPrototypeOf(err, globalThis[className].prototype);
      return;
    }
  }
}

// Give an error made by the engine itself (frames only) a V8-style stack and message.
function normalizeStack(err) {
  if (err === null || typeof err !== 'object') return err;
  const desc = Object.getOwnPropertyDescriptor(err, 'stack');
  if (desc !== undefined && 'value' in desc && typeof desc.value === 'string' &&
      (desc.value === '' || desc.value.startsWith('    at '))) {
    if (err instanceof SyntaxError && moduleSyntaxError(err, desc.value)) return err;
    v8Message(err, desc.value);
    // (Made by the engine before now, maybe in a job that has ended: the
    // call it was made in is the last that ran, if its frame says so.)
    defineStack(err, desc.value, 0, engineErrorEmitters.get(err) ?? runningReceivers(), undefined, undefined,
                asyncStack(desc.value, receiverName, true));
  }
  return err;
}

// V8 gives an error its `stack` before `message`, `cause` and `errors`; the
// order shows in Object.getOwnPropertyNames and util.inspect's showHidden.
function moveStackFirst(err) {
  const keys = Reflect.ownKeys(err);
  if (keys.length < 2 || keys[0] === 'stack') return;
  for (const key of keys) {
    if (key === 'stack') continue;
    const desc = Reflect.getOwnPropertyDescriptor(err, key);
    delete err[key];
    Reflect.defineProperty(err, key, desc);
  }
}

function wrapErrorClass(Native, Parent) {
  const Wrapped = function (...args) {
    const err = Reflect.construct(Native, args, new.target === undefined ? Wrapped : new.target);
    // Frames 0 and 1 are Reflect.construct and this wrapper; the caller's follow.
    defineStack(err, rawFrames(err), 2, runningReceivers());
    moveStackFirst(err);
    return err;
  };
  markNative(Wrapped, Native.name);
  Object.defineProperty(Wrapped, 'name', { __proto__: null, value: Native.name });
  Object.defineProperty(Wrapped, 'length', { __proto__: null, value: Native.length });
  Wrapped.prototype = Native.prototype;
  Object.defineProperty(Native.prototype, 'constructor', {
    __proto__: null, value: Wrapped, writable: true, enumerable: false, configurable: true,
  });
  Object.setPrototypeOf(Wrapped, Parent === undefined ? Function.prototype : Parent);
  for (const key of Reflect.ownKeys(Native)) {
    if (key === 'prototype' || key === 'name' || key === 'length') continue;
    Object.defineProperty(Wrapped, key, Object.getOwnPropertyDescriptor(Native, key));
  }
  return Wrapped;
}

function captureStackTrace(obj, constructorOpt) {
  if (obj === null || typeof obj !== 'object') {
    throw new TypeError('Invalid argument');
  }
  const raw = new NativeError().stack || '';
  let skip = 1;
  if (typeof constructorOpt === 'function' && constructorOpt.name) {
    const lines = raw.split('\n');
    const idx = lines.findIndex((l, i) => i >= 1 && (l.startsWith(`    at ${constructorOpt.name} `) ||
                                                     l.startsWith(`    at new ${constructorOpt.name} `)));
    // (A function not on the stack leaves no frames, as in V8.)
    skip = idx !== -1 ? idx + 1 : lines.length;
  }
  defineStack(obj, raw, skip, runningReceivers());
}

// From the modules binding, which has the sources: `v8Positions(framesText)`
// maps QuickJS columns to V8's, `sourceOffset(file, line, column)` is a
// position's character offset, `engineMessage(message, frames)` V8's words
// for an engine error that names an expression.
function installErrorStacks({ v8Positions, sourceOffset, engineMessage: namedMessage, noteAsyncReceiver: note }) {
  positions = v8Positions;
  noteAsyncReceiver = note;
  engineMessage = namedMessage;
  setSourceOffset(sourceOffset);
  const Base = wrapErrorClass(NativeError, undefined);
  // (In V8's order of Error's own keys.)
  Object.defineProperty(Base, 'captureStackTrace', {
    __proto__: null, value: markNative(captureStackTrace), writable: true, enumerable: false, configurable: true,
  });
  Object.defineProperty(Base, 'prepareStackTrace', {
    __proto__: null, value: ErrorPrepareStackTrace, writable: true, enumerable: false, configurable: true,
  });
  Base.stackTraceLimit = 10;
  globalThis.Error = Base;
  for (const name of ['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError']) {
    globalThis[name] = wrapErrorClass(globalThis[name], Base);
  }
  if (typeof globalThis.AggregateError === 'function') {
    globalThis.AggregateError = wrapErrorClass(globalThis.AggregateError, Base);
  }
}

module.exports = {
  defineAsyncFrames,
  framesOf,
  installErrorStacks,
  isStackFormatted,
  kIsNodeError,
  normalizeStack,
  noteAsyncListener,
  noteEmitters,
  setEmitterSource,
  setEntrySource,
  setModuleSyntaxError,
  stackHeader,
};
