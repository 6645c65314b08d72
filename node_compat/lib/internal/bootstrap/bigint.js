'use strict';

// BigInt.asUintN as the spec (and V8) has it. QuickJS gives a negative
// result when `bits` is 64 or more and the result's top bit is set
// (BigInt.asUintN(64, 2n ** 64n - 1n) is -1n there): those bits, read as
// unsigned, are the answer.

const { markNative } = require('internal/bootstrap/function_text');

const nativeAsUintN = BigInt.asUintN;

Object.defineProperty(BigInt, 'asUintN', {
  __proto__: null,
  value: markNative(function asUintN(bits, bigint) {
    const result = Reflect.apply(nativeAsUintN, BigInt, [bits, bigint]);
    return result < 0n ? result + (1n << BigInt(Math.trunc(Number(bits)))) : result;
  }),
  writable: true,
  enumerable: false,
  configurable: true,
});
