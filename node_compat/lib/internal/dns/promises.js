'use strict';

// dns.promises: lookup() and lookupService() as promises over the same
// cares_wrap requests as the callback API, and the promise Resolver (which,
// like the callback one, sends no DNS queries: see lib/dns.js).

const { isIP } = require('internal/net');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
  dnsException,
} = require('internal/errors');
const { validatePort, validateString } = require('internal/validators');
const {
  defaultResolverState,
  emitInvalidHostnameWarning,
  errorCodes,
  getDefaultResultOrder,
  orderCode,
  parseLookupOptions,
  queryNames,
  resolveMethods,
  ResolverBase,
  rrtypes,
  setDefaultResultOrder,
  toAddressList,
} = require('internal/dns/utils');

const cares = internalBinding('cares_wrap');
const { UV_EINVAL } = internalBinding('uv').codes;
const { GetAddrInfoReqWrap, GetNameInfoReqWrap } = cares;

function onlookup(err, addresses) {
  if (err) {
    this.reject(dnsException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family || isIP(addresses[0]);
  this.resolve({ address: addresses[0], family });
}

function onlookupall(err, addresses) {
  if (err) {
    this.reject(dnsException(err, 'getaddrinfo', this.hostname));
    return;
  }
  this.resolve(toAddressList(addresses, this.family));
}

function lookup(hostname, options) {
  if (hostname) validateString(hostname, 'hostname');
  const { family, hints, all, order } = parseLookupOptions(options, () => {});
  return new Promise((resolve, reject) => {
    if (!hostname) {
      emitInvalidHostnameWarning(hostname);
      resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
      return;
    }
    const literal = isIP(hostname);
    if (literal !== 0) {
      const result = { address: hostname, family: literal };
      resolve(all ? [result] : result);
      return;
    }
    const req = new GetAddrInfoReqWrap();
    req.family = family;
    req.hostname = hostname;
    req.oncomplete = all ? onlookupall : onlookup;
    req.resolve = resolve;
    req.reject = reject;
    const err = cares.getaddrinfo(req, hostname, family, hints, orderCode(order));
    if (err) reject(dnsException(err, 'getaddrinfo', hostname));
  });
}

function onlookupservice(err, hostname, service) {
  if (err) {
    this.reject(dnsException(err, 'getnameinfo', this.host));
    return;
  }
  this.resolve({ hostname, service });
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  port = +port;
  return new Promise((resolve, reject) => {
    const req = new GetNameInfoReqWrap();
    req.host = address;
    req.port = port;
    req.oncomplete = onlookupservice;
    req.resolve = resolve;
    req.reject = reject;
    const err = cares.getnameinfo(req, address, port);
    if (err) reject(dnsException(err, 'getnameinfo', address));
  });
}

function makeQuery(method) {
  const bindingName = queryNames[method];
  function query(name, options) {
    validateString(name, 'name');
    const pending = this._state.pending;
    return new Promise((resolve, reject) => {
      if (bindingName === 'getHostByAddr' && isIP(name) === 0) {
        reject(dnsException(UV_EINVAL, bindingName, name));
        return;
      }
      let cancelled = false;
      const cancel = () => { cancelled = true; };
      pending.add(cancel);
      process.nextTick(() => {
        pending.delete(cancel);
        reject(dnsException(cancelled ? 'ECANCELLED' : 'ENOTIMP', bindingName, name));
      });
    });
  }
  Object.defineProperty(query, 'name', { __proto__: null, value: method });
  return query;
}

class Resolver extends ResolverBase {}
for (const method of Object.keys(queryNames)) {
  Resolver.prototype[method] = makeQuery(method);
}
Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let method;
  if (typeof rrtype === 'string') {
    method = rrtypes[rrtype];
  } else if (rrtype === undefined) {
    method = 'resolve4';
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  return Reflect.apply(this[method], this, [hostname]);
};

const defaultResolver = new Resolver();
defaultResolver._state = defaultResolverState();

function defaultResolverMethod(method) {
  return function(...args) {
    return Reflect.apply(defaultResolver[method], defaultResolver, args);
  };
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverMethod('setServers'),
  ...errorCodes,
  getServers: defaultResolverMethod('getServers'),
};
for (const method of resolveMethods) {
  module.exports[method] = defaultResolverMethod(method);
}
