'use strict';

// Library objects that structuredClone() and MessagePort#postMessage copy
// through methods of their own (Node's "JS transferables"): an object
// marked cloneable gives `{ data, deserializeInfo }` from its [kClone]();
// the copy is a fresh instance of the class `deserializeInfo` names
// ('<module id>:<export>'), filled in by its [kDeserialize](data). `data`
// reaches the copy as it is, so what it holds is shared, as Node shares a
// native handle between an object and its copy in the same thread.

const kClone = Symbol('messaging_clone_symbol');
const kDeserialize = Symbol('messaging_deserialize_symbol');

// (A WeakSet, not a property: the mark is invisible, as Node's private symbol is.)
const cloneable = new WeakSet();

function markTransferMode(object, isCloneable) {
  if (isCloneable) cloneable.add(object);
  else cloneable.delete(object);
}

function isCloneable(value) {
  return cloneable.has(value);
}

// The copy of a cloneable object, before `remember` records it (for shared
// and circular references) and its state is filled in.
function cloneTransferable(value, remember) {
  const { data, deserializeInfo } = value[kClone]();
  const colon = deserializeInfo.indexOf(':');
  const Ctor = require(deserializeInfo.slice(0, colon))[deserializeInfo.slice(colon + 1)];
  const copy = remember(value, new Ctor());
  copy[kDeserialize](data);
  return copy;
}

module.exports = { kClone, kDeserialize, markTransferMode, isCloneable, cloneTransferable };
