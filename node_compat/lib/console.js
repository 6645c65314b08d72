'use strict';

// node:console: the global console object itself (with `Console` on it).

module.exports = require('internal/console/global');
