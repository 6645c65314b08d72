'use strict';

// stream.PassThrough: the Transform that outputs what is written to it.

const Transform = require('internal/streams/transform');

module.exports = PassThrough;

Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options); // at node:internal/streams/passthrough:42:13
}

PassThrough.prototype._transform = function(chunk, encoding, cb) {
  cb(null, chunk); // at PassThrough._transform (node:internal/streams/passthrough:46:3)
};
