'use strict';

// process.emitWarning and the default 'warning' listener that prints
// "(node:PID) Name: message" to stderr (not installed under --no-warnings).
// process.noDeprecation (--no-deprecation) drops deprecations,
// process.throwDeprecation (--throw-deprecation) throws them,
// process.traceDeprecation (--trace-deprecation) and
// process.traceProcessWarnings (--trace-warnings) print them with their
// stack: the options set these properties at start-up, a program may too.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateString } = require('internal/validators');
const { markThrowSite } = require('internal/node_throw_sites');

let traceWarningHelperShown = false;

function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = process.traceProcessWarnings || (isDeprecation && process.traceDeprecation);
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += `${warning.stack}`;
  } else if (typeof warning.toString === 'function') {
    msg += `${warning.toString()}`;
  } else {
    msg += Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceWarningHelperShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
    traceWarningHelperShown = true;
  }
  process._rawDebug(msg);
}

// The warning's stack starts at the caller of `ctor` (of process.emitWarning
// when none is given), as V8's Error.captureStackTrace does it.
function createWarningObject(warning, type, code, ctor, detail) {
  const warningErr = new Error(warning);
  warningErr.name = String(type || 'Warning');
  if (code !== undefined) warningErr.code = code;
  if (detail !== undefined) warningErr.detail = detail;
  Error.captureStackTrace(warningErr, ctor || process.emitWarning);
  return warningErr;
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type'); // at node:internal/process/warning:157:5
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code'); // at node:internal/process/warning:162:5
  }
  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning); // at node:internal/process/warning:167:11
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    // Thrown once the warnings emitted before it are out, as in Node.
    if (process.throwDeprecation) {
      return process.nextTick(() => {
        throw markThrowSite(warning, undefined, 'node:internal/process/warning:176:9');
      });
    }
  }
  process.nextTick(doEmitWarning, warning);
}

function doEmitWarning(warning) {
  process.emit('warning', warning); // at node:internal/process/warning:85:11
}

module.exports = { emitWarning, onWarning };
