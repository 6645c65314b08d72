'use strict';

// What node:events shares with the stream classes: its own addListener and
// the `on` method that calls it. Readable#on adds a listener through it
// directly, one JS call less, while EventEmitter.prototype.on is still
// events' own (a replaced `on` is called as Node calls it).

module.exports = {
  addListener: undefined,
  on: undefined,
};
