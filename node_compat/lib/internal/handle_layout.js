'use strict';

// Node's layout of the handle classes (TCP, Pipe, TTY, UDP): the members of
// each C++ base class on that class's prototype, with its `constructor`,
// shared by the classes over it (TCP and Pipe share LibuvStreamWrap, and
// both share HandleWrap and AsyncWrap with UDP); the class's own prototype
// holding the rest, getters first, then `constructor` and the `owner`
// accessor. As V8's native functions, the methods are enumerable and
// declare no parameters; the accessors cannot be reconfigured and have no
// name. (A module of its own, not part of bootstrap/realm, which is parsed
// at every start.)

const { owner_symbol } = require('internal/async_hooks');

// The members of each base class, in Node's order; a '-' marks an accessor
// that is not enumerable.
const layerMembers = {
  __proto__: null,
  AsyncWrap: ['getAsyncId', 'asyncReset', 'getProviderType'],
  HandleWrap: ['close', 'hasRef', 'ref', 'unref'],
  LibuvStreamWrap: ['writeQueueSize', 'setBlocking', '-fd', '-_externalStream', '-bytesRead', '-bytesWritten',
    'readStart', 'readStop', 'shutdown', 'useUserBuffer', 'writev', 'writeBuffer', 'writeAsciiString',
    'writeUtf8String', 'writeUcs2String', 'writeLatin1String', 'isStreamBase', '-onread'],
};

// The base classes' prototypes, by their chain ('AsyncWrap', 'AsyncWrap
// HandleWrap', ...).
const layers = new Map();

function moveLast(target, key) {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  delete target[key];
  Object.defineProperty(target, key, descriptor);
}

// Lay out class C, made from `spec` (spec.layers: its base classes, top
// first). `origins` names the Python function behind each method: a class
// sharing a base class laid out already must have the same functions there.
function layOut(C, spec, origins) {
  const proto = C.prototype;
  const members = { __proto__: null };
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor') continue;
    members[key] = Object.getOwnPropertyDescriptor(proto, key);
    delete proto[key];
  }
  const place = (target, key, hidden) => {
    const descriptor = members[key];
    delete members[key];
    if ('value' in descriptor) {
      if (typeof descriptor.value === 'function') {
        Object.defineProperty(descriptor.value, 'length', { __proto__: null, value: 0 });
      }
      descriptor.enumerable = true;
    } else {
      descriptor.enumerable = !hidden;
      descriptor.configurable = false;
      for (const fn of [descriptor.get, descriptor.set]) {
        if (fn !== undefined) Object.defineProperty(fn, 'name', { __proto__: null, value: '' });
      }
    }
    Object.defineProperty(target, key, descriptor);
  };
  let below = Object.prototype;
  let chain = '';
  for (let i = spec.layers.length - 1; i >= 0; i--) {
    const name = spec.layers[i];
    chain = chain === '' ? name : `${chain} ${name}`;
    let layer = layers.get(chain);
    if (layer === undefined) {
      layer = { [name]: function() {} }[name].prototype;
      Object.setPrototypeOf(layer, below);
      for (const member of layerMembers[name]) {
        const hidden = member[0] === '-';
        const key = hidden ? member.slice(1) : member;
        if (key in members) place(layer, key, hidden);
      }
      moveLast(layer, 'constructor');
      layers.set(chain, layer);
    } else {
      for (const member of layerMembers[name]) {
        const key = member[0] === '-' ? member.slice(1) : member;
        if (!(key in members)) continue;
        const own = members[key].value;
        if (own !== undefined && origins.get(own) !== origins.get(layer[key])) {
          throw new Error(`${spec.name}.${key} is not ${name}'s`);
        }
        delete members[key];
      }
    }
    below = layer;
  }
  Object.setPrototypeOf(proto, below);
  for (const key of Object.keys(members)) {
    if (!('value' in members[key])) place(proto, key, false);
  }
  for (const key of Object.keys(members)) place(proto, key, false);
  moveLast(proto, 'constructor');
  if (spec.owner) {
    Object.defineProperty(proto, 'owner', {
      __proto__: null,
      get() { return this[owner_symbol]; },
      set(value) { this[owner_symbol] = value; },
    });
  }
}

module.exports = { layOut };
