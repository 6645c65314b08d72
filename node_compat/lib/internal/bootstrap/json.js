'use strict';

// JSON.parse's SyntaxErrors worded as V8 words them. QuickJS accepts the
// same language but says "expecting '}'", and code that parses what a socket
// received shows that message. The native parser still does the work; only
// once it has failed does internal/json_errors walk the text again to find
// where V8 would stop and what it would say.

const { diagnose, jsonArrow } = require('internal/json_errors');
const { markArrow } = require('internal/node_throw_sites');
const { markNative } = require('internal/bootstrap/function_text');

const nativeParse = JSON.parse;

function parse(text, reviver) {
  if (typeof text === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  const source = typeof text === 'string' ? text : String(text);
  try {
    return nativeParse(source, reviver); // at -
  } catch (err) {
    // (A SyntaxError from a reviver passes: the text itself is valid then.)
    const failure = err instanceof SyntaxError ? diagnose(source) : undefined;
    if (failure === undefined) throw err;
    const error = new SyntaxError(failure.message); // at JSON.parse (<anonymous>)
    throw markArrow(error, jsonArrow(source, failure.pos));
  }
}

Object.defineProperty(JSON, 'parse', {
  __proto__: null, value: markNative(parse), writable: true, enumerable: false, configurable: true,
});

// JSON.stringify's TypeError for a cycle, worded as V8 words it: the path
// around the circle. QuickJS only says "circular reference"; once it has
// failed, the value is walked again as the serializer walked it (an object
// with toJSON is taken as a leaf: what it returns is not known without
// calling it again) to find the first object met twice.
const nativeStringify = JSON.stringify;

function stringify(value, replacer, space) {
  try {
    return nativeStringify(value, replacer, space); // at -
  } catch (err) {
    if (!(err instanceof TypeError) || err.message !== 'circular reference') throw err;
    throw new TypeError(circularMessage(value, replacer)); // at JSON.stringify (<anonymous>)
  }
}

function constructorName(obj) {
  for (let o = obj; o !== null; o = Object.getPrototypeOf(o)) {
    const ctor = Object.getOwnPropertyDescriptor(o, 'constructor')?.value;
    if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name !== '') return ctor.name;
  }
  return 'Object';
}

function isBoxedPrimitive(v) {
  return v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt;
}

function findCircle(root, keys) {
  const objects = [];
  const via = [];  // the key each of `objects` was reached by
  let circle = null;
  const walk = (key, v) => {
    if (v === null || typeof v !== 'object' || typeof v.toJSON === 'function' || isBoxedPrimitive(v)) return false;
    const at = objects.indexOf(v);
    if (at !== -1) {
      circle = { objects: objects.slice(at), via: via.slice(at + 1), closing: key };
      return true;
    }
    objects.push(v);
    via.push(key);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (walk(i, v[i])) return true;
    } else {
      for (const k of keys ?? Object.keys(v)) if (walk(k, v[k])) return true;
    }
    objects.pop();
    via.pop();
    return false;
  };
  walk('', root);
  return circle;
}

function circularMessage(value, replacer) {
  let keys;
  if (Array.isArray(replacer)) {
    keys = [];
    for (const item of replacer) {
      const key = typeof item === 'string' ? item :
        (typeof item === 'number' || item instanceof Number || item instanceof String) ? String(item) : undefined;
      if (key !== undefined && !keys.includes(key)) keys.push(key);
    }
  }
  const circle = findCircle(value, keys);
  let message = 'Converting circular structure to JSON';
  if (circle === null) return message;
  const keyText = (key) => (typeof key === 'number' ? `index ${key}` : `property '${key}'`);
  message += `\n    --> starting at object with constructor '${constructorName(circle.objects[0])}'`;
  const middle = circle.objects.slice(1).map(
    (obj, i) => `\n    |     ${keyText(circle.via[i])} -> object with constructor '${constructorName(obj)}'`);
  if (middle.length > 3) middle.splice(2, middle.length - 3, '\n    |     ...');
  return `${message}${middle.join('')}\n    --- ${keyText(circle.closing)} closes the circle`;
}

Object.defineProperty(JSON, 'stringify', {
  __proto__: null, value: markNative(stringify), writable: true, enumerable: false, configurable: true,
});
