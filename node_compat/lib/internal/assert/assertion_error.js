'use strict';

// AssertionError and the text of its generated messages: a header naming the
// comparison, then either a one-line "a !== b", a two-line "+ actual /
// - expected" stack (with a caret under the first differing character of
// short strings), or a Myers line diff of the two inspected values.

const { validateObject } = require('internal/validators');
const { customInspectSymbol, isError } = require('internal/util');
const colors = require('internal/assert/colors');
const { myersDiff, printMyersDiff, printSimpleMyersDiff } = require('internal/assert/myers_diff');

let inspectModule;
function inspect(value, options) {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule.inspect(value, options);
}

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Both inspected values this short (quotes aside) print as "a !== b".
const kMaxShortStringLength = 12;
// Longer inspected values are cut in the "a op b" style messages.
const kMaxLongStringLength = 512;
// Longer single values are cut in the "not equal" messages.
const kMaxLines = 50;

// Every line of a value, whatever its size or depth, sorted so that key
// order does not show up as a difference.
function inspectValue(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

// A stack-less stand-in for an error, so that two errors compared in a
// message show as `[Error: msg]` rather than as two different stacks.
function copyError(source) {
  const target = Object.assign({ __proto__: Object.getPrototypeOf(source) }, source);
  Object.defineProperty(target, 'message', { __proto__: null, value: source.message });
  if (source.cause !== undefined) {
    let cause = source.cause;
    if (isError(cause)) cause = copyError(cause);
    Object.defineProperty(target, 'cause', { __proto__: null, value: cause });
  }
  return target;
}

function isObjectOrFunction(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// strictEqual between two objects (or two functions) is about identity.
function checkOperator(actual, expected, operator) {
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    return 'strictEqualObject';
  }
  return operator;
}

function getColoredMyersDiff(actual, expected) {
  const header = `${colors.green}actual${colors.white} ${colors.red}expected${colors.white}`;
  const message = printSimpleMyersDiff(myersDiff(actual.split(''), expected.split('')));
  return { message, header };
}

function getStackedDiff(actual, expected) {
  const isStringComparison = typeof actual === 'string' && typeof expected === 'string';
  let message = `\n${colors.green}+${colors.white} ${actual}\n${colors.red}- ${colors.white}${expected}`;
  const maxTerminalLength = process.stderr?.isTTY ? process.stderr.columns : 80;
  if (isStringComparison && actual.length + expected.length <= maxTerminalLength) {
    // The caret is left out while the difference is within the first two
    // characters (three with the quote): it is obvious there.
    for (let i = 0; i < actual.length; i++) {
      if (actual[i] !== expected[i]) {
        if (i >= 3) message += `\n${' '.repeat(i + 2)}^`;
        break;
      }
    }
  }
  return { message };
}

function getSimpleDiff(originalActual, actual, originalExpected, expected) {
  let stringsLen = actual.length + expected.length;
  if (typeof originalActual === 'string') stringsLen -= 2;
  if (typeof originalExpected === 'string') stringsLen -= 2;
  // 0 and -0 would read "0 !== 0".
  if (stringsLen <= kMaxShortStringLength && (originalActual !== 0 || originalExpected !== 0)) {
    return { message: `${actual} !== ${expected}`, header: '' };
  }
  if (typeof originalActual === 'string' && typeof originalExpected === 'string' && colors.hasColors) {
    return getColoredMyersDiff(actual, expected);
  }
  return getStackedDiff(actual, expected);
}

function isSimpleDiff(actual, inspectedActual, expected, inspectedExpected) {
  if (inspectedActual.length > 1 || inspectedExpected.length > 1) return false;
  return typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null;
}

function createErrDiff(actual, expected, operator, customMessage) {
  operator = checkOperator(actual, expected, operator);
  let skipped = false;
  let message;
  const inspectedActual = inspectValue(actual);
  const inspectedExpected = inspectValue(expected);
  const actualLines = inspectedActual.split('\n');
  const expectedLines = inspectedExpected.split('\n');
  let header = `${colors.green}+ actual${colors.white} ${colors.red}- expected${colors.white}`;

  if (isSimpleDiff(actual, actualLines, expected, expectedLines)) {
    const simple = getSimpleDiff(actual, actualLines[0], expected, expectedLines[0]);
    message = simple.message;
    if (simple.header !== undefined) header = simple.header;
  } else if (inspectedActual === inspectedExpected) {
    // Same structure, different identity: show the value once.
    operator = 'notIdentical';
    if (actualLines.length > kMaxLines) {
      message = `${actualLines.slice(0, kMaxLines).join('\n')}\n...}`;
      skipped = true;
    } else {
      message = inspectedActual;
    }
    header = '';
  } else {
    const checkCommaDisparity = actual != null && typeof actual === 'object';
    const diff = printMyersDiff(myersDiff(actualLines, expectedLines, checkCommaDisparity));
    message = diff.message;
    skipped = diff.skipped;
  }

  const headerMessage = `${customMessage || kReadableOperator[operator]}\n${header}`;
  const skippedMessage = skipped ? '\n... Skipped lines' : '';
  return `${headerMessage}${skippedMessage}\n${message}\n`;
}

// The one value of a failed "not equal" assertion.
function createNotEqualMessage(actual, operator) {
  let base = kReadableOperator[operator];
  const lines = inspectValue(actual).split('\n');
  if (operator === 'notStrictEqual' && isObjectOrFunction(actual)) {
    base = kReadableOperator.notStrictEqualObject;
  }
  if (lines.length > kMaxLines) {
    lines[46] = `${colors.blue}...${colors.white}`;
    lines.length = 47;
  }
  if (lines.length === 1) {
    return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  }
  return `${base}\n\n${lines.join('\n')}\n`;
}

// "a op b", or the two-paragraph form for the loose deep comparisons.
function createOperatorMessage(actual, expected, operator) {
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const knownOperator = kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${knownOperator}\n\n${res}`;
    if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
    return res;
  }
  if (res.length > kMaxLongStringLength) res = `${res.slice(0, 509)}...`;
  if (other.length > kMaxLongStringLength) other = `${other.slice(0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const unequal = kReadableOperator[`${operator}Unequal`];
    if (unequal) {
      res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    } else {
      other = ` ${operator} ${other}`;
    }
  }
  return `${res}${other}`;
}

function generatedMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return createErrDiff(actual, expected, operator);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    return createNotEqualMessage(actual, operator);
  }
  return createOperatorMessage(actual, expected, operator);
}

// In `inspect(err)`, long string values are shortened (Node keeps the text
// after the first 512 characters, and so does this).
function addEllipsis(string) {
  const lines = string.split('\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join('\n')}\n...`;
  }
  if (string.length > kMaxLongStringLength) {
    return `${string.slice(kMaxLongStringLength)}...`;
  }
  return string;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const { message, operator, stackStartFn, details, stackStartFunction } = options;
    let { actual, expected } = options;

    // (Node lowers Error.stackTraceLimit while it builds the message; here
    // stacks are formatted when first read, so that would strip the frames
    // of errors the message inspects. The stack is captured below anyway.)
    if (message != null) {
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        super(createErrDiff(actual, expected, operator, message));
      } else {
        super(String(message));
      }
    } else {
      colors.refresh();
      if (isObjectOrFunction(actual) && isObjectOrFunction(expected) &&
          'stack' in actual && actual instanceof Error &&
          'stack' in expected && expected instanceof Error) {
        actual = copyError(actual);
        expected = copyError(expected);
      }
      super(generatedMessage(actual, expected, operator));
    }

    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      __proto__: null,
      value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn || stackStartFunction);
    // The stack's first line is fixed on first read: it names the code.
    this.stack; // eslint-disable-line no-unused-expressions
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [customInspectSymbol](recurseTimes, ctx) {
    const savedActual = this.actual;
    const savedExpected = this.expected;
    if (typeof this.actual === 'string') this.actual = addEllipsis(this.actual);
    if (typeof this.expected === 'string') this.expected = addEllipsis(this.expected);
    // actual and expected at depth 0: the message already shows them in full.
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = savedActual;
    this.expected = savedExpected;
    return result;
  }
}

module.exports = { AssertionError };
