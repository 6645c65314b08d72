'use strict';

// The ANSI colors assertion messages use: on while stderr is a terminal
// with colors, or as FORCE_COLOR says. They are re-read for every
// AssertionError built without a custom message.

const colors = {
  blue: '',
  green: '',
  white: '',
  red: '',
  gray: '',
  hasColors: false,
  refresh,
};

// FORCE_COLOR decides alone when set: '', '1' and 'true' mean 16 colors,
// '2' 256 and '3' 16 million; anything else means none.
function forcedColorDepth(env) {
  switch (env.FORCE_COLOR) {
    case '':
    case '1':
    case 'true':
      warnOnDeactivatedColors(env);
      return 4;
    case '2':
      warnOnDeactivatedColors(env);
      return 8;
    case '3':
      warnOnDeactivatedColors(env);
      return 24;
    default:
      return 1;
  }
}

let warned = false;
function warnOnDeactivatedColors(env) {
  if (warned) return;
  const names = [];
  if (env.NODE_DISABLE_COLORS !== undefined) names.push('NODE_DISABLE_COLORS');
  if (env.NO_COLOR !== undefined) names.push('NO_COLOR');
  if (names.length === 0) return;
  warned = true;
  process.emitWarning(`The '${names.join("' and '")}' env is ignored due to the 'FORCE_COLOR' env being set.`,
                      'Warning');
}

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return forcedColorDepth(process.env) > 2;
  if (!stream?.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

function refresh() {
  const on = shouldColorize(process.stderr);
  colors.blue = on ? '\u001b[34m' : '';
  colors.green = on ? '\u001b[32m' : '';
  colors.white = on ? '\u001b[39m' : '';
  colors.red = on ? '\u001b[31m' : '';
  colors.gray = on ? '\u001b[90m' : '';
  colors.hasColors = on;
}

refresh();

module.exports = colors;
