'use strict';

// Helpers of node:dgram kept apart as Node does: the state symbol and the
// creation of UDP handles, each with the lookup function of its family.

const { codes: { ERR_SOCKET_BAD_TYPE } } = require('internal/errors');
const { isBuiltinLookup } = require('internal/dns/utils');
const { isIP } = require('internal/net');
const { isInt32, validateFunction } = require('internal/validators');

const { UDP } = internalBinding('udp_wrap');
const { guessHandleType } = internalBinding('tty_wrap');
const { UV_EINVAL } = internalBinding('uv').codes;

const kStateSymbol = Symbol('state symbol');
const { owner_symbol } = require('internal/async_hooks');

// dns.lookup() answers an IP literal on the next tick without the resolver;
// sockets using it do the same without the trip through it (every send()
// resolves its address), remembering the last address seen.
let lastAddress = '';
let lastFamily = 0;
function literalFamily(address) {
  if (address !== lastAddress) {
    lastFamily = isIP(address);
    lastAddress = address;
  }
  return lastFamily;
}

function lookup4(lookup, address, callback) {
  address ||= '127.0.0.1';
  if (typeof address === 'string' && isBuiltinLookup(lookup)) {
    const family = literalFamily(address);
    if (family !== 0) {
      process.nextTick(callback, null, address, family);
      return {};
    }
  }
  return lookup(address, 4, callback); // at UDP.lookup4 (node:internal/dgram:23:10)
}

function lookup6(lookup, address, callback) {
  address ||= '::1';
  if (typeof address === 'string' && isBuiltinLookup(lookup)) {
    const family = literalFamily(address);
    if (family !== 0) {
      process.nextTick(callback, null, address, family);
      return {};
    }
  }
  return lookup(address, 6, callback);
}

// The handles' lookups that use dns.lookup, which answers a literal
// address itself on the next tick (dgram's send does that without them).
const defaultLookups = new WeakSet();

// A UDP handle for `type`; udp6 handles use the binding's IPv6 entry points.
// Without a lookup of the user's it is dns.lookup as it is now, and dns is
// loaded now (its default resolver takes an async id), as in Node.
let dns;
function newHandle(type, lookup) {
  if (lookup === undefined) {
    dns ??= require('dns');
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup'); // at node:internal/dgram:39:5
  }
  if (type === 'udp4') {
    const handle = new UDP();
    handle.lookup = lookup4.bind(handle, lookup);
    if (isBuiltinLookup(lookup)) defaultLookups.add(handle.lookup);
    return handle;
  }
  if (type === 'udp6') {
    const handle = new UDP();
    handle.lookup = lookup6.bind(handle, lookup);
    if (isBuiltinLookup(lookup)) defaultLookups.add(handle.lookup);
    handle.bind = handle.bind6;
    handle.connect = handle.connect6;
    handle.send = handle.send6;
    return handle;
  }
  throw new ERR_SOCKET_BAD_TYPE(); // at newHandle (node:internal/dgram:59:9)
}

// A UDP handle bound (or opened on `fd`), or the errno of the failure: what
// the cluster primary shares with its workers.
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err;
  if (isInt32(fd) && fd > 0) {
    // (Node refuses any other kind of descriptor with EINVAL before opening it.)
    err = guessHandleType(fd) === 'UDP' ? handle.open(fd) : UV_EINVAL;
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = {
  _createSocketHandle,
  defaultLookups,
  kStateSymbol,
  literalFamily,
  newHandle,
  owner_symbol,
};
