'use strict';

// How V8 names a value in "... could not be cloned." (its side-effect-free
// ToString): a function's source, a symbol's description, `#<Ctor>` for an
// object that inherits Object.prototype.toString from a named constructor,
// `[object Tag]` otherwise (the Symbol.toStringTag data property, or the
// engine's name for the object's class). Properties are read without
// running getters.

const { getProxyDetails, classOf, classIds } = internalBinding('util');

const classNames = new Map();
for (const name of Object.keys(classIds)) classNames.set(classIds[name], name);

const objectToString = Object.prototype.toString;

// The value of a data property found on `obj` or its prototypes (undefined
// for an accessor or a proxy on the way).
function dataProperty(obj, key) {
  for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
    if (getProxyDetails(o, false) !== undefined) return undefined;
    const desc = Object.getOwnPropertyDescriptor(o, key);
    if (desc !== undefined) return desc.value;
  }
  return undefined;
}

function describe(value) {
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  if (typeof value === 'symbol') return String(value);
  const proxied = getProxyDetails(value, false);
  // A revoked proxy has lost its target: V8 prints it as null.
  if (proxied !== undefined) return proxied === null ? 'null' : '#<Object>';
  if (dataProperty(value, 'toString') === objectToString) {
    const ctor = dataProperty(value, 'constructor');
    if (typeof ctor === 'function') {
      const name = dataProperty(ctor, 'name');
      if (typeof name === 'string' && name !== '') return `#<${name}>`;
    }
  }
  const tag = dataProperty(value, Symbol.toStringTag);
  return `[object ${typeof tag === 'string' ? tag : (classNames.get(classOf(value)) ?? 'Object')}]`;
}

module.exports = { describe };
