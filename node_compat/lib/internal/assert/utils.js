'use strict';

// assert.ok and its message. When no message is given Node quotes the
// asserting call from the caller's source file ("The expression evaluated to
// a falsy value:\n\n  assert.ok(x > 1)\n"): the call site comes from the
// stack, the source from the file, and the call's extent from a small
// tokenizer (strings, templates, comments and regular expressions are
// skipped so their brackets do not count).

const { AssertionError } = require('internal/assert/assertion_error');
const { isErrorStackTraceLimitWritable } = require('internal/errors');
const { callExtent } = require('internal/assert/call_source');
const { isError } = require('internal/util');
const { markThrowSite } = require('internal/assert/throw_sites');

// Messages by call site; undefined when the source could not be used.
const errorCache = new Map();

const escapeSequencesRegExp = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
function escapeFn(ch) {
  if (ch === '\b') return '\\b';
  if (ch === '\f') return '\\f';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const frameRegExp = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

// { file, line, column } (1-based) of the code that called `fn`, or null
// when the frame cannot be read.
function callSite(fn) {
  const writable = isErrorStackTraceLimitWritable();
  const limit = Error.stackTraceLimit;
  if (writable) Error.stackTraceLimit = 1;
  const holder = {};
  Error.captureStackTrace(holder, fn);
  // (Read before the limit is restored: stacks are formatted on first read.)
  const frame = holder.stack.split('\n')[1];
  if (writable) Error.stackTraceLimit = limit;
  if (frame === undefined) {
    // No frame at all (a frozen Error.stackTraceLimit of 0): Node fails
    // reading the missing frame's file name.
    throw markThrowSite(new TypeError("Cannot read properties of undefined (reading 'getFileName')"), 'noFrame');
  }
  const m = frameRegExp.exec(frame);
  if (m === null) return null;
  return { file: m[1], line: +m[2], column: +m[3] };
}

function readSource(file) {
  const modules = internalBinding('modules');
  const path = file.startsWith('file:') ? modules.urlToPath(file) : file;
  try {
    return modules.readSource(path);
  } catch {
    return undefined;
  }
}

// The source text of the call, with its continuation lines re-indented
// relative to where the call starts.
function callText(source, line, column) {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  const code = source.slice(offset);
  const extent = callExtent(code, column - 1);
  if (extent === null) return undefined;
  const { 0: start, 1: end } = extent;
  let text = code.slice(start, end).replace(escapeSequencesRegExp, escapeFn);
  if (text.includes('\n')) {
    const lines = text.split('\n');
    text = lines.shift();
    for (const rest of lines) {
      let pos = 0;
      while (pos < start && (rest[pos] === ' ' || rest[pos] === '\t')) pos++;
      text += `\n  ${rest.slice(pos)}`;
    }
  }
  return text;
}

function getErrMessage(fn) {
  const site = callSite(fn);
  if (site === null) return undefined;
  const { file, line, column } = site;
  // Only real files can be read back; Node's own modules are not quoted.
  if (file.startsWith('node:') || !(file.startsWith('/') || file.startsWith('file:') || /^[A-Za-z]:\\/.test(file))) {
    return undefined;
  }
  const key = `${file}${line}${column}`;
  if (errorCache.has(key)) return errorCache.get(key);
  const source = readSource(file);
  const text = source === undefined ? undefined : callText(source, line, column);
  const message = text === undefined ? undefined : `The expression evaluated to a falsy value:\n\n  ${text}\n`;
  errorCache.set(key, message);
  return message;
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    message = getErrMessage(fn);
  } else if (isError(message)) {
    throw markThrowSite(message, 'okMessage');
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw markThrowSite(err, 'ok');
}

module.exports = { innerOk };
