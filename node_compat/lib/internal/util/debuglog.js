'use strict';

// util.debuglog / util.debug: per-section debug output enabled by NODE_DEBUG
// (comma-separated section names, `*` wildcards, case-insensitive), written
// to stderr as "SECTION pid: message".

let testEnabled;

function initializeDebugEnv(debugEnv) {
  if (debugEnv) {
    const pattern = debugEnv.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll(',', '$|^');
    const regex = new RegExp(`^${pattern}$`, 'i');
    testEnabled = (str) => regex.test(str);
  } else {
    testEnabled = () => false;
  }
}

function isEnabled(set) {
  if (testEnabled === undefined) initializeDebugEnv(process.env.NODE_DEBUG);
  return testEnabled(set);
}

function emitWarningIfNeeded(set) {
  if (set === 'HTTP' || set === 'HTTP2') {
    process.emitWarning('Setting the NODE_DEBUG environment variable ' +
      `to '${set.toLowerCase()}' can expose sensitive ` +
      'data (such as passwords, tokens and authentication headers) ' +
      'in the resulting log.');
  }
}

function noop() {}

function shouldColorizeStderr() {
  const { shouldColorize } = require('internal/util/colors');
  return shouldColorize(process.stderr);
}

// Before the process has its stderr stream, write to the descriptor.
function writeStderr(text) {
  const stderr = process.stderr;
  if (stderr !== undefined) {
    stderr.write(text);
  } else {
    internalBinding('process_methods').writeSync(2, text);
  }
}

const debugImpls = { __proto__: null };

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      emitWarningIfNeeded(set);
      debugImpls[set] = function debug(...args) {
        const { format, formatWithOptions, inspect } = require('internal/util/inspect');
        const colors = shouldColorizeStderr();
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        writeStderr(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = noop;
    }
  }
  return debugImpls[set];
}

// The section is looked up on first use, not on creation: modules create
// their loggers at load time, before the program may change NODE_DEBUG.
function debuglog(set, cb) {
  let enabled;
  function init() {
    set = String.prototype.toUpperCase.call(set); // at node:internal/util/debuglog:89:11
    enabled = isEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    __proto__: null,
    get() { return test(); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = { debuglog, initializeDebugEnv };
