'use strict';

// The uncaught-exception path: 'uncaughtExceptionMonitor', 'uncaughtException',
// and, when nobody handles it, Node's fatal report on stderr followed by
// 'exit' and exit code 1.

const { framesOf, isStackFormatted, normalizeStack } = require('internal/bootstrap/error_stacks');
const { kEnhanceStackBeforeInspector, kNodeArrow, nodeThrowSites } = require('internal/util');
const { arrowAt, nodeFrameOf, trackUserThrows } = require('internal/node_throw_sites');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET },
} = require('internal/errors');

const kGenericUserError = 1;
const kExceptionInFatalExceptionHandler = 7;
let fatalInProgress = false;

// The last `throw <value>` executed in user code (see modules/throw_sites.py);
// under --trace-uncaught, with the stack there.
let lastThrow = null;
const traceUncaught = require('internal/options').getOptionValue('--trace-uncaught');
function recordThrow(file, line, column, value) {
  lastThrow = { file, line, column, value, stack: undefined };
  if (traceUncaught) {
    const holder = {};
    Error.captureStackTrace(holder, recordThrow);
    lastThrow.stack = holder.stack;
  }
  return value;
}
trackUserThrows(() => lastThrow);

// How an error reached the report. Matters for errors thrown in the library
// (see nodeThrowSites): a thrown one shows where it was thrown; a rejection,
// a failed evaluation of the main ES module or an error escaping a microtask
// shows where it was made or, having no location of its own (an
// AssertionError), the line raising it (none for a microtask).
const kThrown = 0;
const kRejected = 1;
const kModuleFailed = 2;
const kMicrotask = 3;
const kRaisingLines = [
  undefined,
  'node:internal/process/promises:394\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n',
  'node:internal/modules/run_main:104\n    triggerUncaughtException(\n    ^\n',
  '',
];
// Where Node makes the error standing for a rejection with no error as its
// reason. Under --unhandled-rejections=strict, these lines and the one
// raising a rejection are others.
const kWrapperLine = 'node:internal/process/promises:392\n      new UnhandledPromiseRejection(reason);\n      ^\n';
const kStrictWrapperLine = 'node:internal/process/promises:343\n    reason : new UnhandledPromiseRejection(reason);\n' +
  '             ^\n';
const kStrictRaisingLine = 'node:internal/process/promises:345\n  triggerUncaughtException(err, true /* fromPromise */);\n  ^\n';
let strictRejections;
function isStrict() {
  strictRejections ??= require('internal/options').getOptionValue('--unhandled-rejections') === 'strict';
  return strictRejections;
}

function raisingLine(via) {
  return via === kRejected && isStrict() ? kStrictRaisingLine : kRaisingLines[via];
}

function libraryArrow(site, via) {
  if (via === kThrown) return site.thrown;
  return site.rejected === null ? raisingLine(via) : site.rejected;
}

// process.setUncaughtExceptionCaptureCallback(): a function that takes
// every uncaught exception instead of the 'uncaughtException' listeners.
let captureCallback = null;

function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn); // at node:internal/process/execution:152:11
  }
  if (captureCallback !== null) throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  captureCallback = fn;
}

function hasUncaughtExceptionCaptureCallback() {
  return captureCallback !== null;
}

// The monitor, then the capture callback or the 'uncaughtException'
// listeners: whether the error was taken care of.
function emitUncaught(err, type) {
  process.emit('uncaughtExceptionMonitor', err, type); // at process._fatalException (node:internal/process/execution:188:13)
  if (captureCallback !== null) {
    captureCallback(err); // at process._fatalException (node:internal/process/execution:190:29)
    return true;
  }
  return process.emit('uncaughtException', err, type); // at process._fatalException (node:internal/process/execution:191:25)
}

// The process starts exiting with code 1 ('exit' is emitted).
function beginFatalExit() {
  if (!process._exiting) {
    process._exiting = true;
    process.exitCode = kGenericUserError;
    process.emit('exit', kGenericUserError);
  }
}

// process._fatalException: an error nobody caught, offered to the handlers;
// whether one took it. When none did, the process starts exiting (the
// caller reports the error and ends it).
function fatalException(err, fromPromise) {
  const handled = emitUncaught(err, fromPromise ? 'unhandledRejection' : 'uncaughtException'); // at -
  if (!handled) beginFatalExit();
  return handled;
}

function triggerUncaughtException(err, fromPromise, fromMainModule = false, fromMicrotask = false) {
  normalizeStack(err);
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  if (!fatalInProgress) {
    let handled;
    try {
      handled = emitUncaught(err, type); // at -
    } catch (handlerError) {
      // A handler that throws ends the process at once: its error is
      // reported and the exit code is 7, with no 'exit' event.
      fatalInProgress = true;
      reportFatal(normalizeStack(handlerError), kThrown);
      process.reallyExit(kExceptionInFatalExceptionHandler);
      return;
    }
    if (handled) return;
  }
  fatalInProgress = true;
  try {
    beginFatalExit();
  } catch {
    // Nothing more can be done: the report below still happens.
  }
  reportFatal(err, fromPromise ? kRejected : fromMainModule ? kModuleFailed : fromMicrotask ? kMicrotask : kThrown);
  const code = process.exitCode;
  process.reallyExit(typeof code === 'number' ? code : kGenericUserError);
}

function reportFatal(err, via) {
  const binding = internalBinding('process_methods');
  if (binding.embedded) {
    binding.onFatal(err);
  } else {
    printFatal(err, via);
  }
}

const frameRe = /^ {4}at (?:.*? \()?((?:file:\/\/|node:|\/|\[|[A-Za-z]:\\)[^\s()]*?):(\d+):(\d+)\)?$/;

// A DOMException's stack starts in its constructor (as in Node, whose
// DOMException captures it there): thrown, it was thrown by the caller.
const kDOMExceptionFile = 'node:internal/per_context/domexception';

function topLocation(stack, thrown) {
  for (const line of stack.split('\n')) {
    const m = frameRe.exec(line);
    if (m === null || (thrown && m[1] === kDOMExceptionFile)) continue;
    return { file: m[1], line: +m[2], column: +m[3] };
  }
  return null;
}

// "file:line\n<source line>\n<caret>" as V8 prints above a fatal error: for
// a thrown error, where it was thrown; for a rejection or a failed ES module,
// where it was made (the top frame of its stack).
function arrowFor(err, via) {
  const thrown = via === kThrown;
  // What V8 shows when the value has no location of its own.
  const noLocation = thrown ? '' : raisingLine(via);
  const userThrew = lastThrow !== null && lastThrow.value === err;
  if (err === null || (typeof err !== 'object' && typeof err !== 'function')) {
    return thrown && userThrew ? primitiveArrow() : noLocation;
  }
  if (typeof err[kNodeArrow] === 'string') return err[kNodeArrow];
  // Once its stack was read, V8 has only the text: no location to show.
  if (!thrown && isStackFormatted(err)) return noLocation;
  // A thrown error shows the user's `throw` if user code threw it again since
  // the library recorded where Node throws it.
  const librarySite = nodeThrowSites.get(err);
  const rethrown = thrown && userThrew && librarySite?.afterThrow !== lastThrow;
  if (librarySite !== undefined && !rethrown) {
    const arrow = libraryArrow(librarySite, via);
    if (arrow !== undefined) return arrow;
  }
  if (thrown && typeof err[kEnhanceStackBeforeInspector] === 'function') {
    return "node:events:491\n      throw er; // Unhandled 'error' event\n      ^\n";
  }
  if (err instanceof Error && err.code === 'ERR_UNHANDLED_REJECTION' && err.name === 'UnhandledPromiseRejection') {
    return isStrict() ? kStrictWrapperLine : kWrapperLine;
  }
  let loc = null;
  if (rethrown) {
    const file = internalBinding('modules').throwSiteFile(lastThrow.file);
    loc = { file, line: lastThrow.line, column: lastThrow.column, exact: true };
  } else {
    // (The frames themselves: `stack` may be what Error.prepareStackTrace made.)
    let stack = framesOf(err);
    if (stack === undefined) {
      try {
        stack = err.stack;
      } catch {
        return noLocation;
      }
    }
    if (typeof stack !== 'string') return noLocation;
    loc = topLocation(stack, thrown);
  }
  if (loc === null) return noLocation;
  if (loc.file.startsWith('node:')) {
    // A frame of Node's library (see modules/node_frames.py), or a line of
    // ours standing for one of Node's.
    const location = `${loc.file}:${loc.line}:${loc.column}`;
    const at = internalBinding('modules').isNodeLocation(location) ? location : nodeFrameOf(loc.file, loc.line);
    const arrow = at === null ? undefined : arrowAt(at, thrown);
    if (arrow !== undefined) return arrow;
  }
  const source = internalBinding('modules').sourceLine(loc.file, loc.line);
  if (typeof source !== 'string') return noLocation;
  let column = loc.column - 1;
  if (thrown && !loc.exact) {
    const throwAt = source.slice(0, column).search(/\bthrow\s+(?:new\s+)?[\w$.]*\s*$/);
    if (throwAt !== -1) column = throwAt;
  }
  return `${loc.file}:${loc.line}\n${source}\n${' '.repeat(Math.max(0, column))}^\n`;
}

function primitiveArrow() {
  const file = internalBinding('modules').throwSiteFile(lastThrow.file);
  const source = internalBinding('modules').sourceLine(file, lastThrow.line);
  if (typeof source !== 'string') return '';
  return `${file}:${lastThrow.line}\n${source}\n${' '.repeat(lastThrow.column - 1)}^\n`;
}

// --trace-uncaught: "Thrown at:" and the frames of the error's stack or,
// for another value, of the stack where user code threw it, as V8 lists
// them there: each function by its own name (no receiver, no alias), an
// anonymous one by its location only, the engine's own functions left out.
// Followed by a blank line.
function thrownAt(err) {
  if (!traceUncaught) return '';
  let stack;
  let site = null;
  if (lastThrow !== null && lastThrow.value === err && typeof lastThrow.stack === 'string' &&
      !require('internal/util/types').isNativeError(err)) {
    stack = lastThrow.stack;
    site = `${internalBinding('modules').throwSiteFile(lastThrow.file)}:${lastThrow.line}:${lastThrow.column}`;
  } else if (require('internal/util/types').isNativeError(err)) {
    try {
      stack = err.stack;
    } catch {
      // No frames to show.
    }
  }
  let frames = '';
  if (typeof stack === 'string') {
    let framesSeen = false;
    for (const line of stack.split('\n')) {
      const m = /^ {4}at (?:(?:async )?(?:new )?(.*?)(?: \[as [^\]]*\])? \((.*)\)|(.*))$/.exec(line);
      // (The frames end where text added to the stack begins, as events'
      // "Emitted 'error' event on ... at:" and its frames.)
      if (m === null) {
        if (framesSeen) break;
        continue;
      }
      framesSeen = true;
      let [, name, location] = m;
      if (location === undefined) location = m[3];
      if (location === '<anonymous>' || location === 'native') continue;
      if (site !== null) {
        location = site;  // (The top frame: where the `throw` is.)
        site = null;
      }
      if (name !== undefined) name = name.slice(name.lastIndexOf('.') + 1);
      frames += name === undefined || name === '<anonymous>' ? `    at ${location}\n` : `    at ${name} (${location})\n`;
    }
  }
  return `Thrown at:\n${frames}\n`;
}

function printFatal(err, via = kThrown) {
  const { inspect } = require('internal/util/inspect');
  let text;
  const arrow = arrowFor(err, via);
  // A native error (made by an Error constructor) is printed after a blank
  // line; any other thrown object (a DOMException, a plain object with a
  // stack) right under the caret, as V8 reports them.
  if (err !== null && typeof err === 'object' && require('internal/util/types').isNativeError(err)) {
    if (typeof err[kEnhanceStackBeforeInspector] === 'function') {
      try {
        const enhanced = err[kEnhanceStackBeforeInspector]();
        err.stack = enhanced;
      } catch {
        // Fall back to the plain stack.
      }
    }
    // As Node's fatal report: custom inspection off, at least 5 levels deep,
    // in colour where the console would colour stderr.
    const colors = require('internal/util/colors').shouldColorize(process.stderr);
    const shown = inspect(err, { colors, customInspect: false, depth: Math.max(inspect.defaultOptions.depth, 5) });
    text = `${arrow}${arrow ? '\n' : ''}${shown}\n${thrownAt(err)}`;
  } else {
    const primitive = err === null || (typeof err !== 'object' && typeof err !== 'function');
    let shown;
    try {
      // (A symbol has no string form there.)
      shown = typeof err === 'symbol' ? '' : primitive ? inspect(err).replace(/^'(.*)'$/s, '$1') : inspect(err);
    } catch {
      shown = String(err);
    }
    // Only a primitive gets the hint (an object is shown as it is).
    let hint = primitive ? '(Use `node --trace-uncaught ...` to show where the exception was thrown)\n' : '';
    if (traceUncaught) hint = thrownAt(err);
    text = `\n${arrow}${shown}\n${hint}`;
  }
  process._rawDebug(`${text}\nNode.js ${process.version}`);
}

module.exports = {
  fatalException,
  hasUncaughtExceptionCaptureCallback,
  printFatal,
  recordThrow,
  setUncaughtExceptionCaptureCallback,
  triggerUncaughtException,
};
