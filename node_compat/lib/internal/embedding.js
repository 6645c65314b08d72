'use strict';

// JavaScript helpers for the Python embedding API (node_compat.Runtime):
// turning Python bytes into Buffers, recognising views, iterating, awaiting.

let BufferCtor;
function toBuffer(u8) {
  if (BufferCtor === undefined) {
    try {
      BufferCtor = require('buffer').Buffer;
    } catch {
      BufferCtor = null;
    }
  }
  return BufferCtor ? BufferCtor.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8;
}

// 'bytes' for Uint8Array-like views (Buffers included), 'function', 'promise',
// 'array', 'object' or the primitive type.
function kindOf(value) {
  if (value === null) return 'null';
  const type = typeof value;
  if (type === 'function') return 'function';
  if (type !== 'object') return type;
  if (value instanceof Uint8Array || value instanceof Uint8ClampedArray) return 'bytes';
  if (value instanceof Promise) return 'promise';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function isPlainOrMap(value) {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Map) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// The containers being converted, to detect cycles (shared values are fine).
function newSeen() { return new Set(); }

function unmarkSeen(seen, value) { seen.delete(value); }

function markSeen(seen, value) {
  if (seen.has(value)) return true;
  seen.add(value);
  return false;
}

function iterator(value) {
  const it = value[Symbol.iterator];
  if (typeof it !== 'function') throw new TypeError('object is not iterable');
  return Reflect.apply(it, value, []);
}

function has(container, item) {
  if (container !== null && typeof container === 'object' && typeof container.has === 'function') {
    return container.has(item);
  }
  if (Array.isArray(container) || ArrayBuffer.isView(container) || typeof container === 'string') {
    return container.includes(item);
  }
  return item in container;
}

function sizeOf(value) {
  if (typeof value.length === 'number') return value.length;
  if (typeof value.size === 'number') return value.size;
  throw new TypeError('object has no length or size');
}

// Settle notifications for Python: onDone(ok, value), never throwing into the promise chain.
function settle(promise, onDone) {
  Promise.resolve(promise).then((v) => onDone(true, v), (e) => onDone(false, e));
}

function entries(value) {
  if (value instanceof Map) return [...value.entries()];
  return Object.entries(value);
}

function importModule(specifier) {
  return import(specifier);
}

function inspect(value) {
  return require('internal/util/inspect').inspect(value);
}

const { normalizeStack } = require('internal/bootstrap/error_stacks');

module.exports = { normalizeStack, entries, has, importModule, inspect, isPlainOrMap, iterator, kindOf, markSeen, newSeen, settle, sizeOf, toBuffer, unmarkSeen };
