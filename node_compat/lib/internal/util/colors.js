'use strict';

// Whether output to a stream gets ANSI colors: FORCE_COLOR decides when set,
// otherwise the stream must be a terminal with more than two colors. Used by
// console, util.styleText and debuglog.

// Node loads its colors module on first use, and the load reads
// process.stderr (to refresh its color codes), which makes the stream if it
// was not yet: its handle and async id come into being at this point.
let loaded = false;

function shouldColorize(stream) {
  if (!loaded) {
    loaded = true;
    void process.stderr;
  }
  if (process.env.FORCE_COLOR !== undefined) return require('internal/tty').getColorDepth() > 2;
  return stream?.isTTY === true &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

module.exports = { shouldColorize };
