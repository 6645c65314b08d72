'use strict';

// node:dns/promises: the same object as require('dns').promises.

module.exports = require('internal/dns/promises');
