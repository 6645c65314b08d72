'use strict';

// Whether output to a stream gets ANSI colors (FORCE_COLOR, then the
// terminal's color depth), plus the few escape codes Node's own messages use
// (assertion diffs, debuglog) once `refresh()` has seen stderr.

// FORCE_COLOR overrides whatever the terminal supports.
function forcedColorDepth(value) {
  switch (value) {
    case '':
    case '1':
    case 'true':
      return 4;
    case '2':
      return 8;
    case '3':
      return 24;
    default:
      return 1;
  }
}

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return forcedColorDepth(process.env.FORCE_COLOR) > 2;
  return stream?.isTTY === true &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

function refresh() {
  const stderr = process.stderr;
  if (stderr?.isTTY) {
    const hasColors = shouldColorize(stderr);
    module.exports.blue = hasColors ? '\u001b[34m' : '';
    module.exports.green = hasColors ? '\u001b[32m' : '';
    module.exports.white = hasColors ? '\u001b[39m' : '';
    module.exports.yellow = hasColors ? '\u001b[33m' : '';
    module.exports.red = hasColors ? '\u001b[31m' : '';
    module.exports.gray = hasColors ? '\u001b[90m' : '';
    module.exports.clear = hasColors ? '\u001bc' : '';
    module.exports.reset = hasColors ? '\u001b[0m' : '';
    module.exports.hasColors = hasColors;
  }
}

module.exports = {
  blue: '',
  green: '',
  white: '',
  yellow: '',
  red: '',
  gray: '',
  clear: '',
  reset: '',
  hasColors: false,
  shouldColorize,
  refresh,
};

refresh();
