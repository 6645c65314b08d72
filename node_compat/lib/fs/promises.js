'use strict';

// node:fs/promises: the promise form of node:fs (see internal/fs/promises).

module.exports = require('internal/fs/promises').exports;
