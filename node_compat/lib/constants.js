'use strict';

// node:constants (deprecated in the docs, still loadable): one frozen flat
// table of the os, fs and crypto constants, in Node's key order.

const { os, fs, crypto } = internalBinding('constants');

Object.assign(exports, os.dlopen, os.errno, os.priority, os.signals, fs, crypto);
Object.freeze(exports);
