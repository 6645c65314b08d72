'use strict';

// readable-stream's `process/` dependency: the real `process`.

module.exports = process;
