'use strict';

// util.types: brand checks that look at what an object really is (its
// engine class), never at its prototype or Symbol.toStringTag, so a Map
// subclass is a Map and `{ [Symbol.toStringTag]: 'Map' }` is not.

const { classOf, classIds: kClass } = internalBinding('util');

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// A check for one or more engine classes.
function classCheck(...names) {
  const ids = names.map((name) => kClass[name]).filter((id) => id !== undefined);
  if (ids.length === 1) {
    const id = ids[0];
    return (value) => isObjectLike(value) && classOf(value) === id;
  }
  const set = new Set(ids);
  return (value) => isObjectLike(value) && set.has(classOf(value));
}

const typedArrayClasses = ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array',
  'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

const isTypedArray = classCheck(...typedArrayClasses);

module.exports = {
  isExternal: (value) => false,
  isDate: classCheck('Date'),
  isArgumentsObject: classCheck('Arguments', 'MappedArguments'),
  isBigIntObject: classCheck('BigInt'),
  isBooleanObject: classCheck('Boolean'),
  isNumberObject: classCheck('Number'),
  isStringObject: classCheck('String'),
  isSymbolObject: classCheck('Symbol'),
  isNativeError: classCheck('Error'),
  isRegExp: classCheck('RegExp'),
  isAsyncFunction: classCheck('AsyncFunction', 'AsyncGeneratorFunction'),
  isGeneratorFunction: classCheck('GeneratorFunction', 'AsyncGeneratorFunction'),
  isGeneratorObject: classCheck('Generator', 'AsyncGenerator'),
  isPromise: classCheck('Promise'),
  isMap: classCheck('Map'),
  isSet: classCheck('Set'),
  isMapIterator: classCheck('MapIterator'),
  isSetIterator: classCheck('SetIterator'),
  isWeakMap: classCheck('WeakMap'),
  isWeakSet: classCheck('WeakSet'),
  isArrayBuffer: classCheck('ArrayBuffer'),
  isDataView: classCheck('DataView'),
  isSharedArrayBuffer: classCheck('SharedArrayBuffer'),
  isProxy: classCheck('Proxy'),
  isModuleNamespaceObject: classCheck('ModuleNamespace'),
  isAnyArrayBuffer: classCheck('ArrayBuffer', 'SharedArrayBuffer'),
  isBoxedPrimitive: classCheck('Number', 'String', 'Boolean', 'BigInt', 'Symbol'),
  isArrayBufferView: classCheck(...typedArrayClasses, 'DataView'),
  isTypedArray,
  isUint8Array: classCheck('Uint8Array'),
  isUint8ClampedArray: classCheck('Uint8ClampedArray'),
  isUint16Array: classCheck('Uint16Array'),
  isUint32Array: classCheck('Uint32Array'),
  isInt8Array: classCheck('Int8Array'),
  isInt16Array: classCheck('Int16Array'),
  isInt32Array: classCheck('Int32Array'),
  isFloat32Array: classCheck('Float32Array'),
  isFloat64Array: classCheck('Float64Array'),
  isBigInt64Array: classCheck('BigInt64Array'),
  isBigUint64Array: classCheck('BigUint64Array'),
  // Crypto keys exist only in builds with OpenSSL; this runtime has none.
  isKeyObject: (value) => false,
  isCryptoKey: (value) => false,
};
