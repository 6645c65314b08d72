'use strict';

// What makes the serdes classes look like Node's native ones: their errors
// (a code, no [code] in the message) and their prototypes (enumerable
// methods, `constructor` last).

function nativeError(Ctor, message, code) {
  const err = new Ctor(message);
  if (code !== undefined) err.code = code;
  return err;
}

function constructCallRequired(name) {
  return nativeError(TypeError, `Class constructor ${name} cannot be invoked without 'new'`,
                     'ERR_CONSTRUCT_CALL_REQUIRED');
}

function illegalInvocation() {
  return new TypeError('Illegal invocation');
}

function setNativePrototype(ctor, methods) {
  const proto = ctor.prototype;
  delete proto.constructor;
  for (const name of Object.keys(methods)) {
    const method = methods[name];
    // Native methods declare no parameters.
    Object.defineProperty(method, 'length', { __proto__: null, value: 0 });
    proto[name] = method;
  }
  Object.defineProperty(proto, 'constructor', {
    __proto__: null, value: ctor, writable: true, enumerable: false, configurable: true,
  });
}

module.exports = { nativeError, constructCallRequired, illegalInvocation, setNativePrototype };
