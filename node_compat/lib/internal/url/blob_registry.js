'use strict';

// Blob URLs: `URL.createObjectURL(blob)` registers a Blob under a
// `blob:nodedata:<uuid>` URL until `URL.revokeObjectURL` removes it;
// `buffer.resolveObjectURL` looks it up.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const registry = new Map();

function randomUUID() {
  const hex = [];
  for (let i = 0; i < 16; i++) hex.push(Math.floor(Math.random() * 256));
  hex[6] = (hex[6] & 0x0F) | 0x40;
  hex[8] = (hex[8] & 0x3F) | 0x80;
  const s = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function createObjectURL(obj) {
  const { Blob } = require('buffer');
  if (!(obj instanceof Blob)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj); // at node:internal/url:1200:13
  const id = randomUUID();
  registry.set(id, obj);
  return `blob:nodedata:${id}`;
}

// The registry id of a `blob:nodedata:<id>` URL, or undefined.
function idOf(url) {
  const { URL } = require('internal/url');
  const parsed = URL.parse(`${url}`);
  if (parsed === null || parsed.protocol !== 'blob:') return undefined;
  const parts = parsed.pathname.split(':');
  if (parts.length !== 2 || parts[0] !== 'nodedata') return undefined;
  return parts[1];
}

function revokeObjectURL(url) {
  const id = idOf(url);
  if (id !== undefined) registry.delete(id);
}

function resolveObjectURL(url) {
  const id = idOf(url);
  return id === undefined ? undefined : registry.get(id);
}

module.exports = { createObjectURL, resolveObjectURL, revokeObjectURL };
