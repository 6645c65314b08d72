'use strict';

// What process._exiting says, where the library's hot paths read it without
// the accessor's call (nextTick checks it at every call).
module.exports = { exiting: false };
