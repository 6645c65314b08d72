'use strict';

// Function.prototype.toString as V8 prints the engine's own functions:
// `function max() { [native code] }` on one line, and a bound function as
// `function () { [native code] }`; QuickJS breaks the first over three lines
// and names the second `bound f`. The functions pynode puts in place of the
// engine's (JSON.parse, Date.prototype.toString, the Error classes...) are
// registered here with markNative(), and print as the natives they stand for.

const nativeToString = Function.prototype.toString;
const kNativeBody = '{\n    [native code]\n}';
const shims = new WeakMap(); // function -> the name V8 prints for it
const texts = new WeakMap(); // builtin function -> the text Node prints for it

function markNative(fn, name = fn.name) {
  shims.set(fn, name);
  return fn;
}

// A builtin whose text users see (Error.prepareStackTrace's): builtins keep
// no text of their own.
function markText(fn, text) {
  texts.set(fn, text);
  return fn;
}

function toString() {
  if (typeof this !== 'function') {
    throw new TypeError("Function.prototype.toString requires that 'this' be a Function");
  }
  const name = shims.get(this);
  if (name !== undefined) return `function ${name}() { [native code] }`;
  const known = texts.get(this);
  if (known !== undefined) return known;
  const text = Reflect.apply(nativeToString, this, []);
  if (!text.endsWith(kNativeBody)) return text.includes('__pynode') ? asWritten(this, text) : text;
  if (text.startsWith('function bound ')) return 'function () { [native code] }';
  if (isBuiltinClass(this)) return `class ${this.name} { [native code] }`;
  return `${text.slice(0, -kNativeBody.length)}{ [native code] }`;
}

// Builtins are compiled without their text (see Realm._compile_builtin), so
// QuickJS prints their functions as natives; a class of theirs still reads
// as a class (util.inspect shows `[class BlockList]` by the text). A class's
// `prototype` is read-only, a function's is not; the engine's own
// constructors (Map...) have no file.
function isBuiltinClass(fn) {
  const prototype = Reflect.getOwnPropertyDescriptor(fn, 'prototype');
  if (prototype === undefined || prototype.writable) return false;
  const file = require('internal/bootstrap/builtins').functionPosition(fn)[0];
  return typeof file === 'string' && file.startsWith('node:');
}

// A user function's text as its file has it: QuickJS's has the hooks pynode
// puts in user code (see modules/throw_sites.py).
function asWritten(fn, text) {
  const file = require('internal/bootstrap/builtins').functionPosition(fn)[0];
  if (typeof file !== 'string') return text;
  return internalBinding('modules').originalFunctionText(file, text) ?? text;
}

Object.defineProperty(Function.prototype, 'toString', {
  __proto__: null, value: markNative(toString), writable: true, enumerable: false, configurable: true,
});

module.exports = { markNative, markText };
