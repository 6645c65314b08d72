'use strict';

// The Console class: formats its arguments like util.format and writes one
// line per call to its stdout or stderr stream, with group indentation,
// counters, timers, assertions, traces and tables. The global console is a
// Console whose streams are looked up on each write (see ./global.js).

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateObject,
  validateOneOf,
} = require('internal/validators');
const { formatWithOptions, inspect, isStackOverflowError } = require('internal/util/inspect');
const { isMap, isMapIterator, isSet, isSetIterator } = require('internal/util/types');
const { previewEntries } = internalBinding('util');
const { shouldColorize } = require('internal/util/colors');
const { renderTable } = require('internal/console/table');

const kMaxGroupIndentation = 1000;
const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

// State kept on each console under symbols, as Node does (they show up in
// `Object.getOwnPropertySymbols(console)`).
const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kUseStdout = true;
const kUseStderr = false;

const inspectOptionsMap = new WeakMap();
// Current group indentation per console (kept off the object, as Node does).
const groupIndents = new WeakMap();

function noop() {}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) return Reflect.construct(Console, arguments);

  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout'); // at node:internal/console/constructor:119:11
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr'); // at node:internal/console/constructor:122:11
  }
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]); // at node:internal/console/constructor:125:3
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation); // at node:internal/console/constructor:128:5
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions'); // at node:internal/console/constructor:133:5
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      const pair = ['options.inspectOptions.color', 'colorMode'];
      throw new ERR_INCOMPATIBLE_OPTION_PAIR(...pair); // at node:internal/console/constructor:137:13
    }
    inspectOptionsMap.set(this, inspectOptions);
  }

  // Every method is bound to this console, so `const { log } = console` works.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = Console.prototype[key].bind(this);
    Object.defineProperty(this[key], 'name', { __proto__: null, value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const consolePropAttributes = { writable: true, enumerable: false, configurable: true };

Object.defineProperty(Console, Symbol.hasInstance, {
  __proto__: null,
  value(instance) {
    return instance !== null && typeof instance === 'object' && instance[kIsConsole] === true;
  },
});

// Hidden helpers of every console (the global one copies them).
Object.defineProperties(Console.prototype, {
  [kBindStreamsEager]: { __proto__: null, ...consolePropAttributes, value: function(stdout, stderr) {
    Object.defineProperties(this, {
      _stdout: { __proto__: null, ...consolePropAttributes, value: stdout },
      _stderr: { __proto__: null, ...consolePropAttributes, value: stderr },
    });
  } },

  // Streams read from `object` (its stdout and stderr) at each use: the
  // global console must follow process.stdout/stderr even if they are
  // replaced or created later.
  [kBindStreamsLazy]: { __proto__: null, ...consolePropAttributes, value: function(object) {
    let stdout;
    let stderr;
    Object.defineProperties(this, {
      _stdout: {
        __proto__: null,
        enumerable: false,
        configurable: true,
        get() { return stdout !== undefined ? stdout : object.stdout; },
        set(value) { stdout = value; },
      },
      _stderr: {
        __proto__: null,
        enumerable: false,
        configurable: true,
        get() { return stderr !== undefined ? stderr : object.stderr; },
        set(value) { stderr = value; },
      },
    });
  } },

  [kBindProperties]: {
    __proto__: null, ...consolePropAttributes, value: function(ignoreErrors, colorMode, groupIndentation = 2) {
      Object.defineProperties(this, {
        _stdoutErrorHandler: { __proto__: null, ...consolePropAttributes, value: createWriteErrorHandler(this, kUseStdout) },
        _stderrErrorHandler: { __proto__: null, ...consolePropAttributes, value: createWriteErrorHandler(this, kUseStderr) },
        _ignoreErrors: { __proto__: null, ...consolePropAttributes, value: Boolean(ignoreErrors) },
        _times: { __proto__: null, ...consolePropAttributes, value: new Map() },
        [kCounts]: { __proto__: null, ...consolePropAttributes, value: new Map() },
        [kColorMode]: { __proto__: null, ...consolePropAttributes, value: colorMode },
        [kIsConsole]: { __proto__: null, ...consolePropAttributes, value: true },
        [kGroupIndentationWidth]: { __proto__: null, ...consolePropAttributes, value: groupIndentation },
        [Symbol.toStringTag]: { __proto__: null, writable: false, enumerable: false, configurable: true, value: 'console' },
      });
    },
  },

  [kWriteToConsole]: { __proto__: null, ...consolePropAttributes, value: function(streamSymbol, string) {
    const ignoreErrors = this._ignoreErrors;
    const groupIndent = groupIndents.get(this) || '';
    const useStdout = streamSymbol === kUseStdout;
    const stream = useStdout ? this._stdout : this._stderr;
    const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;

    if (groupIndent.length !== 0) {
      if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
      string = groupIndent + string;
    }
    string += '\n';

    if (ignoreErrors === false) {
      stream.write(string);
      return;
    }
    // Errors may come synchronously (files, terminals) or later (pipes);
    // a console must never crash the program over its own output. (A plain
    // listener removed right after the write costs less than a `once` one.)
    try {
      if (stream.listenerCount('error') === 0) stream.on('error', noop);
      stream.write(string, errorHandler); // at console.value (node:internal/console/constructor:291:16)
    } catch (e) {
      if (isStackOverflowError(e)) throw e;
    } finally {
      stream.removeListener('error', noop);
    }
  } },

  [kGetInspectOptions]: { __proto__: null, ...consolePropAttributes, value: function(stream) {
    let color = this[kColorMode];
    if (color === 'auto') color = shouldColorize(stream);
    const options = inspectOptionsMap.get(this);
    if (options) {
      if (options.colors === undefined) options.colors = color;
      return options;
    }
    return color ? kColorInspectOptions : kNoColorInspectOptions;
  } },

  [kFormatForStdout]: { __proto__: null, ...consolePropAttributes, value: function(args) {
    const opts = this[kGetInspectOptions](this._stdout);
    return formatWithOptions(opts, ...args);
  } },

  [kFormatForStderr]: { __proto__: null, ...consolePropAttributes, value: function(args) {
    const opts = this[kGetInspectOptions](this._stderr);
    return formatWithOptions(opts, ...args);
  } },
});

// After an asynchronous write error, stop listening for more of them.
function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && !stream._writableState?.errorEmitted) {
      if (stream.listenerCount('error') === 0) stream.once('error', noop);
    }
  };
}

function pad(value) {
  return `${value}`.padStart(2, '0');
}

// "1.234ms", "2.500s", "1:02.345 (m:ss.mmm)", "1:02:03.456 (h:mm:ss.mmm)".
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms %= kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole, fraction] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(whole)}.${fraction} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImpl(console, name, label, data) {
  const time = console._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const duration = process.hrtime(time);
  const ms = duration[0] * 1000 + duration[1] / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) {
    console.log('%s: %s', label, formatted);
  } else {
    console.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

const iterKey = '(iteration index)';
const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args)); // at console.log (node:internal/console/constructor:374:26)
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args)); // at console.warn (node:internal/console/constructor:379:26)
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`; // at node:internal/console/constructor:392:87
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },

  timeEnd(label = 'default') {
    label = `${label}`; // at node:internal/console/constructor:396:164
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`; // at node:internal/console/constructor:400:164
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = { name: 'Trace', message: this[kFormatForStderr](args) };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      if (args.length !== 0 && typeof args[0] === 'string') {
        args[0] = `Assertion failed: ${args[0]}`;
      } else {
        args.unshift('Assertion failed');
      }
      Reflect.apply(this.warn, this, args);
    }
  },

  // Clearing only makes sense on a terminal.
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      const { cursorTo, clearScreenDown } = require('readline');
      cursorTo(this._stdout, 0, 0);
      clearScreenDown(this._stdout);
    }
  },

  count(label = 'default') {
    label = `${label}`; // at node:internal/console/constructor:445:5
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`); // at node:internal/console/constructor:461:41
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    groupIndents.set(this, (groupIndents.get(this) || '') + ' '.repeat(this[kGroupIndentationWidth]));
  },

  groupEnd() {
    const indent = groupIndents.get(this) || '';
    groupIndents.set(this, indent.slice(0, indent.length - this[kGroupIndentationWidth]));
  },

  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties'); // at node:internal/console/constructor:493:7
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);

    const final = (k, v) => this.log(renderTable(k, v));
    const cellText = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
      const opt = {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      };
      return inspect(v, opt);
    };
    const indexColumn = (length) => Array.from({ length }, (_, i) => cellText(i));

    const mapIter = isMapIterator(tabularData);
    let isKeyValue = false;
    if (mapIter) {
      const res = previewEntries(tabularData, true);
      tabularData = res[0];
      isKeyValue = res[1];
    }
    if (isKeyValue || isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      if (mapIter) {
        for (let i = 0; i < tabularData.length / 2; ++i) {
          keys.push(cellText(tabularData[i * 2]));
          values.push(cellText(tabularData[i * 2 + 1]));
          length++;
        }
      } else {
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(cellText(k));
          values.push(cellText(v));
          length++;
        }
      }
      return final([iterKey, keyKey, valuesKey], [indexColumn(length), keys, values]);
    }

    const setIter = isSetIterator(tabularData);
    if (setIter) tabularData = previewEntries(tabularData);
    if (setIter || mapIter || isSet(tabularData)) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(cellText(v));
        length++;
      }
      return final([iterKey, valuesKey], [indexColumn(length), values]);
    }

    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);
    for (let i = 0; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = cellText(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          map[key] ??= [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = cellText(item[key]);
          }
        }
      }
    }
    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push(valuesKey);
      values.push(valuesKeyArray);
    }
    keys.unshift(indexKey);
    values.unshift(indexKeyArray);
    return final(keys, values);
  },
};

for (const key of Object.keys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    __proto__: null, value: consoleMethods[key], writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(Console.prototype.trace, 'name', { __proto__: null, value: 'trace' });

// The aliases, in the order Node lists them on Console.prototype.
const aliases = [['debug', 'log'], ['info', 'log'], ['dirxml', 'log'], ['error', 'warn'],
  ['groupCollapsed', 'group']];
for (const [alias, target] of aliases) {
  Object.defineProperty(Console.prototype, alias, {
    __proto__: null, value: Console.prototype[target], writable: true, enumerable: true, configurable: true,
  });
}

module.exports = {
  Console,
  formatTime,
  kBindProperties,
  kBindStreamsLazy,
  kWriteToConsole,
};
