'use strict';

// The line diff in assertion messages (Node 23.4+): Myers' O(ND) shortest
// edit script between the inspected lines of `actual` and `expected`, and
// its rendering with "+"/"-" markers and long unchanged runs folded to "...".
// Which of several equally short scripts is shown depends on the search
// order, so the search below explores diagonals exactly as Node's does.

const colors = require('internal/assert/colors');

// Unchanged lines shown after a change before the rest of the run is folded.
const kNopLinesToCollapse = 5;

// Inspected object bodies differ in a trailing comma when only a later entry
// changed; such lines count as equal.
function linesEqual(actual, expected, checkCommaDisparity) {
  if (actual === expected) return true;
  return checkCommaDisparity && (`${actual},` === expected || actual === `${expected},`);
}

// Returns the edit script from the last line backwards: entries
// { type: 'insert' (only in actual) | 'delete' (only in expected) | 'nop', value }.
function myersDiff(actual, expected, checkCommaDisparity = false) {
  const actualLength = actual.length;
  const expectedLength = expected.length;
  const max = actualLength + expectedLength;
  // furthest[k + max]: furthest x reached on diagonal k (k = x - y).
  const furthest = new Int32Array(2 * max + 1);
  const trace = [];

  for (let depth = 0; depth <= max; depth++) {
    trace.push(furthest.slice());
    for (let k = -depth; k <= depth; k += 2) {
      const at = k + max;
      let x;
      if (k === -depth || (k !== depth && furthest[at - 1] < furthest[at + 1])) {
        x = furthest[at + 1];
      } else {
        x = furthest[at - 1] + 1;
      }
      let y = x - k;
      while (x < actualLength && y < expectedLength &&
             linesEqual(actual[x], expected[y], checkCommaDisparity)) {
        x++;
        y++;
      }
      furthest[at] = x;
      if (x >= actualLength && y >= expectedLength) {
        return backtrack(trace, actual, expected, checkCommaDisparity);
      }
    }
  }
  return [];
}

function backtrack(trace, actual, expected, checkCommaDisparity) {
  const max = actual.length + expected.length;
  let x = actual.length;
  let y = expected.length;
  const script = [];

  for (let depth = trace.length - 1; depth >= 0; depth--) {
    const furthest = trace[depth];
    const k = x - y;
    const at = k + max;
    const prevK = (k === -depth || (k !== depth && furthest[at - 1] < furthest[at + 1])) ? k + 1 : k - 1;
    const prevX = furthest[prevK + max];
    const prevY = prevX - prevK;

    while (x > prevX && y > prevY) {
      // Of two lines equal but for a comma, show the one that has it.
      const value = !checkCommaDisparity || actual[x - 1].endsWith(',') ? actual[x - 1] : expected[y - 1];
      script.push({ __proto__: null, type: 'nop', value });
      x--;
      y--;
    }
    if (depth > 0) {
      if (x > prevX) {
        script.push({ __proto__: null, type: 'insert', value: actual[x - 1] });
        x--;
      } else {
        script.push({ __proto__: null, type: 'delete', value: expected[y - 1] });
        y--;
      }
    }
  }
  return script;
}

// Character-level rendering (colored string comparisons): the pieces run
// together, each in its color.
function printSimpleMyersDiff(script) {
  let message = '';
  for (let i = script.length - 1; i >= 0; i--) {
    const { type, value } = script[i];
    if (type === 'insert') {
      message += `${colors.green}${value}${colors.white}`;
    } else if (type === 'delete') {
      message += `${colors.red}${value}${colors.white}`;
    } else {
      message += `${colors.white}${value}${colors.white}`;
    }
  }
  return `\n${message}`;
}

// Line rendering. A run of unchanged lines shows its first five lines; when it
// ends before a change, its last line is shown too, after "..." if three or
// more lines were hidden (one or two hidden lines are simply shown). A run at
// the very end is cut after five lines without a marker.
function printMyersDiff(script) {
  let message = '';
  let skipped = false;
  let nopCount = 0;
  for (let i = script.length - 1; i >= 0; i--) {
    const { type, value } = script[i];
    if (type !== 'nop' && i < script.length - 1 && script[i + 1].type === 'nop') {
      if (nopCount === kNopLinesToCollapse + 1) {
        message += `${colors.white}  ${script[i + 1].value}\n`;
      } else if (nopCount === kNopLinesToCollapse + 2) {
        message += `${colors.white}  ${script[i + 2].value}\n`;
        message += `${colors.white}  ${script[i + 1].value}\n`;
      } else if (nopCount >= kNopLinesToCollapse + 3) {
        message += `${colors.blue}...${colors.white}\n`;
        message += `${colors.white}  ${script[i + 1].value}\n`;
        skipped = true;
      }
      nopCount = 0;
    }
    if (type === 'insert') {
      message += `${colors.green}+${colors.white} ${value}\n`;
    } else if (type === 'delete') {
      message += `${colors.red}-${colors.white} ${value}\n`;
    } else {
      if (nopCount < kNopLinesToCollapse) message += `${colors.white}  ${value}\n`;
      nopCount++;
    }
  }
  return { message: `\n${message.trimEnd()}`, skipped };
}

module.exports = { myersDiff, printMyersDiff, printSimpleMyersDiff };
