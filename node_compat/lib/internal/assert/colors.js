'use strict';

// The ANSI colors assertion messages use. As in Node they are on only when
// stderr is a terminal that supports colors (FORCE_COLOR alone does not turn
// them on for a pipe), and they are re-read for every AssertionError so an
// environment changed at run time is honoured.

const colors = {
  blue: '',
  green: '',
  white: '',
  red: '',
  gray: '',
  hasColors: false,
  refresh,
};

function stderrHasColors(stderr) {
  if (typeof stderr.getColorDepth === 'function') return stderr.getColorDepth() > 2;
  return true;
}

function refresh() {
  const stderr = process.stderr;
  if (!stderr?.isTTY) return;
  const on = stderrHasColors(stderr);
  colors.blue = on ? '\u001b[34m' : '';
  colors.green = on ? '\u001b[32m' : '';
  colors.white = on ? '\u001b[39m' : '';
  colors.red = on ? '\u001b[31m' : '';
  colors.gray = on ? '\u001b[90m' : '';
  colors.hasColors = on;
}

module.exports = colors;
