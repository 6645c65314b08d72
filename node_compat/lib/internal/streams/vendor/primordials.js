'use strict';

// readable-stream's `lib/ours/primordials.js` with the engine's own
// AggregateError in place of the package's simplified one, so aggregated
// stream errors print as Node's do.

const primordials = require('vendor/readable-stream/lib/ours/primordials');

module.exports = { ...primordials, AggregateError };
