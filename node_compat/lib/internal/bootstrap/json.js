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
