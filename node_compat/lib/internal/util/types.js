'use strict';

// util.types: brand checks that look at what an object really is (its
// engine class), never at its prototype or Symbol.toStringTag, so a Map
// subclass is a Map and `{ [Symbol.toStringTag]: 'Map' }` is not.

const { classOf, classIds: kClass } = internalBinding('util');

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// A check for one or more engine classes, named `name`. V8's own checks take
// no declared parameters (length 0); the typed-array ones Node writes in JS
// take one.
function classCheck(name, length, ...classNames) {
  const ids = classNames.map((className) => kClass[className]).filter((id) => id !== undefined);
  const set = new Set(ids);
  const id = ids[0];
  const test = ids.length === 1 ?
    (value) => isObjectLike(value) && classOf(value) === id :
    (value) => isObjectLike(value) && set.has(classOf(value));
  const check = length === 0 ? function() { return test(arguments[0]); } : function(value) { return test(value); };
  Object.defineProperty(check, 'name', { __proto__: null, value: name });
  return check;
}

const typedArrayClasses = ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array',
  'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

// Crypto keys exist only in builds with OpenSSL; this runtime has none.
// As in Node, these two are fixed: enumerable, neither writable nor
// configurable.
function noCryptoKeys() {
  return { __proto__: null, enumerable: true, value(obj) { return false; } };
}

module.exports = {
  isExternal: classCheck('isExternal', 0),
  isDate: classCheck('isDate', 0, 'Date'),
  isArgumentsObject: classCheck('isArgumentsObject', 0, 'Arguments', 'MappedArguments'),
  isBigIntObject: classCheck('isBigIntObject', 0, 'BigInt'),
  isBooleanObject: classCheck('isBooleanObject', 0, 'Boolean'),
  isNumberObject: classCheck('isNumberObject', 0, 'Number'),
  isStringObject: classCheck('isStringObject', 0, 'String'),
  isSymbolObject: classCheck('isSymbolObject', 0, 'Symbol'),
  isNativeError: classCheck('isNativeError', 0, 'Error'),
  isRegExp: classCheck('isRegExp', 0, 'RegExp'),
  isAsyncFunction: classCheck('isAsyncFunction', 0, 'AsyncFunction', 'AsyncGeneratorFunction'),
  isGeneratorFunction: classCheck('isGeneratorFunction', 0, 'GeneratorFunction', 'AsyncGeneratorFunction'),
  isGeneratorObject: classCheck('isGeneratorObject', 0, 'Generator', 'AsyncGenerator'),
  isPromise: classCheck('isPromise', 0, 'Promise'),
  isMap: classCheck('isMap', 0, 'Map'),
  isSet: classCheck('isSet', 0, 'Set'),
  isMapIterator: classCheck('isMapIterator', 0, 'MapIterator'),
  isSetIterator: classCheck('isSetIterator', 0, 'SetIterator'),
  isWeakMap: classCheck('isWeakMap', 0, 'WeakMap'),
  isWeakSet: classCheck('isWeakSet', 0, 'WeakSet'),
  isArrayBuffer: classCheck('isArrayBuffer', 0, 'ArrayBuffer'),
  isDataView: classCheck('isDataView', 0, 'DataView'),
  isSharedArrayBuffer: classCheck('isSharedArrayBuffer', 0, 'SharedArrayBuffer'),
  isProxy: classCheck('isProxy', 0, 'Proxy'),
  isModuleNamespaceObject: classCheck('isModuleNamespaceObject', 0, 'ModuleNamespace'),
  isAnyArrayBuffer: classCheck('isAnyArrayBuffer', 0, 'ArrayBuffer', 'SharedArrayBuffer'),
  isBoxedPrimitive: classCheck('isBoxedPrimitive', 0, 'Number', 'String', 'Boolean', 'BigInt', 'Symbol'),
  isArrayBufferView: ArrayBuffer.isView,
  isTypedArray: classCheck('isTypedArray', 1, ...typedArrayClasses),
  isUint8Array: classCheck('isUint8Array', 1, 'Uint8Array'),
  isUint8ClampedArray: classCheck('isUint8ClampedArray', 1, 'Uint8ClampedArray'),
  isUint16Array: classCheck('isUint16Array', 1, 'Uint16Array'),
  isUint32Array: classCheck('isUint32Array', 1, 'Uint32Array'),
  isInt8Array: classCheck('isInt8Array', 1, 'Int8Array'),
  isInt16Array: classCheck('isInt16Array', 1, 'Int16Array'),
  isInt32Array: classCheck('isInt32Array', 1, 'Int32Array'),
  isFloat32Array: classCheck('isFloat32Array', 1, 'Float32Array'),
  isFloat64Array: classCheck('isFloat64Array', 1, 'Float64Array'),
  isBigInt64Array: classCheck('isBigInt64Array', 1, 'BigInt64Array'),
  isBigUint64Array: classCheck('isBigUint64Array', 1, 'BigUint64Array'),
};
Object.defineProperties(module.exports, {
  __proto__: null,
  isKeyObject: noCryptoKeys(),
  isCryptoKey: noCryptoKeys(),
});
