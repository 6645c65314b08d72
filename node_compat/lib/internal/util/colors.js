'use strict';

// Whether output to a stream gets ANSI colors: FORCE_COLOR decides when set,
// otherwise the stream must be a terminal with more than two colors. Used by
// console, util.styleText and debuglog.

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return require('internal/tty').getColorDepth() > 2;
  return stream?.isTTY === true &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

module.exports = { shouldColorize };
