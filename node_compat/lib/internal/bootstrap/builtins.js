'use strict';

// The engine's builtins as Node 23.5's V8 (12.9) has them. QuickJS ships
// proposals V8 did not have yet and extensions of its own; code that tests
// for a feature (`typeof Uint8Array.prototype.toHex`) must take the path it
// takes under Node, so those are removed. QuickJS's InternalError is not a
// global in V8, and the one it is thrown for in practice, a stack overflow,
// is a RangeError there: its errors are RangeErrors by name, class and
// constructor (the message, `stack overflow`, is the engine's own).

const kNotInV8 = [
  [globalThis, ['Float16Array', 'InternalError']],
  [Error, ['isError']],
  [Function.prototype, ['fileName', 'lineNumber', 'columnNumber']],
  [Math, ['f16round', 'sumPrecise']],
  [DataView.prototype, ['getFloat16', 'setFloat16']],
  [Atomics, ['pause']],
  [Iterator, ['concat']],
  [RegExp, ['escape']],
  [Set, ['groupBy']],
  [Map.prototype, ['getOrInsert', 'getOrInsertComputed']],
  [WeakMap.prototype, ['getOrInsert', 'getOrInsertComputed']],
  [Uint8Array, ['fromBase64', 'fromHex']],
  [Uint8Array.prototype, ['setFromBase64', 'setFromHex', 'toBase64', 'toHex']],
];

// Kept for internal/buffer: the engine's codecs are its fastest way to and
// from base64 and hex.
const engineCodecs = {
  __proto__: null,
  fromBase64: Uint8Array.fromBase64,
  fromHex: Uint8Array.fromHex,
  toBase64: Uint8Array.prototype.toBase64,
  toHex: Uint8Array.prototype.toHex,
};

const InternalError = globalThis.InternalError;
Object.setPrototypeOf(InternalError.prototype, RangeError.prototype);
Object.setPrototypeOf(InternalError, RangeError);
for (const [key, value] of [['name', 'RangeError'], ['constructor', RangeError]]) {
  Object.defineProperty(InternalError.prototype, key, {
    __proto__: null, value, writable: true, enumerable: false, configurable: true,
  });
}

// Where a function is written ([file, line, column]), which QuickJS's
// Function.prototype accessors tell (error stacks name resumed async
// listeners by it): kept before they go.
const positionGetters = ['fileName', 'lineNumber', 'columnNumber'].map(
  (key) => Object.getOwnPropertyDescriptor(Function.prototype, key).get);
function functionPosition(fn) {
  return positionGetters.map((get) => Reflect.apply(get, fn, []));
}

for (const [holder, keys] of kNotInV8) {
  for (const key of keys) delete holder[key];
}

module.exports = { engineCodecs, functionPosition };
