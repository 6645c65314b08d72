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
const {
  validateBoolean,
  validateNumber,
  validateOneOf,
  validatePort,
  validateString,
} = require('internal/validators');
const {
  bindDefaultResolver,
  defaultResolverState,
  emitInvalidHostnameWarning,
  errorCodes,
  getDefaultResultOrder,
  orderCode,
  lookupOrders,
  queryNames,
  ResolverBase,
  rrtypes,
  setDefaultResolverState,
  setDefaultResultOrder,
  toAddressList,
  validateHints,
  validFamilies,
} = require('internal/dns/utils');

const cares = internalBinding('cares_wrap');
const { UV_EINVAL } = internalBinding('uv').codes;
const { GetAddrInfoReqWrap, GetNameInfoReqWrap } = cares;

function onlookup(err, addresses) {
  if (err) {
    this.reject(dnsException(err, 'getaddrinfo', this.hostname)); // at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:internal/dns/promises:86:17)
    return;
  }
  const family = this.family || isIP(addresses[0]);
  this.resolve({ address: addresses[0], family });
}

function onlookupall(err, addresses) {
  if (err) {
    this.reject(dnsException(err, 'getaddrinfo', this.hostname)); // at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:internal/dns/promises:99:17)
    return;
  }
  this.resolve(toAddressList(addresses, this.family));
}

function lookup(hostname, options) {
  let hints = 0;
  let family = 0;
  let all = false;
  let order = getDefaultResultOrder();
  if (hostname) validateString(hostname, 'hostname'); // at node:internal/dns/promises:203:5
  // As in Node, the family names 'IPv4' and 'IPv6' are not accepted here.
  if (typeof options === 'number') {
    validateOneOf(options, 'family', validFamilies); // at node:internal/dns/promises:207:5
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options); // at node:internal/dns/promises:210:11
  } else {
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints'); // at node:internal/dns/promises:213:7
      hints = options.hints >>> 0;
      validateHints(hints); // at node:internal/dns/promises:215:7
    }
    if (options?.family != null) {
      validateOneOf(options.family, 'options.family', validFamilies); // at node:internal/dns/promises:218:7
      family = options.family;
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all'); // at node:internal/dns/promises:222:7
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim'); // at node:internal/dns/promises:226:7
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', lookupOrders); // at node:internal/dns/promises:230:7
      order = options.order;
    }
  }
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
    if (err) reject(dnsException(err, 'getaddrinfo', hostname)); // at node:internal/dns/promises:168:14
  });
}

function onlookupservice(err, hostname, service) {
  if (err) {
    this.reject(dnsException(err, 'getnameinfo', this.host)); // at node:internal/dns/promises:241:17
    return;
  }
  this.resolve({ hostname, service });
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port'); // at node:internal/dns/promises:280:11
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address); // at node:internal/dns/promises:283:11
  validatePort(port); // at node:internal/dns/promises:285:3
  port = +port;
  return new Promise((resolve, reject) => {
    const req = new GetNameInfoReqWrap();
    req.host = address;
    req.port = port;
    req.oncomplete = onlookupservice;
    req.resolve = resolve;
    req.reject = reject;
    const err = cares.getnameinfo(req, address, port);
    if (err) reject(dnsException(err, 'getnameinfo', address)); // at node:internal/dns/promises:264:14
  });
}

function makeQuery(method) {
  const bindingName = queryNames[method];
  function query(name, options) {
    validateString(name, 'name'); // at node:internal/dns/promises:337:5
    const pending = this._state.pending;
    return new Promise((resolve, reject) => {
      if (bindingName === 'getHostByAddr' && isIP(name) === 0) {
        reject(dnsException(UV_EINVAL, bindingName, name)); // at node:internal/dns/promises:321:14
        return;
      }
      let cancelled = false;
      const cancel = () => { cancelled = true; };
      pending.add(cancel);
      process.nextTick(() => {
        pending.delete(cancel);
        const code = cancelled ? 'ECANCELLED' : 'ENOTIMP';
        reject(dnsException(code, bindingName, name)); // at node:internal/dns/promises:293:17
      });
    });
  }
  Object.defineProperty(query, 'name', { __proto__: null, value: bindingName });
  return query;
}

class Resolver extends ResolverBase {} // at node:internal/dns/utils:294:3
for (const method of Object.keys(queryNames)) {
  Resolver.prototype[method] = makeQuery(method);
}
Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let method = 'resolve4';
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    method = rrtypes[rrtype];
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype); // at node:internal/dns/promises:356:13
  }
  return Reflect.apply(this[method], this, [hostname]);
};

// The module-level resolver functions are the default resolver's methods,
// bound to it: the one current when this module loads, until a setServers()
// makes a new one (see internal/dns/utils).
function defaultResolverSetServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers); // at node:internal/dns/promises:371:12
  setDefaultResolverState(resolver._state);
  bindDefaultResolver(module.exports, Resolver.prototype, resolver);
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ...errorCodes,
};
const defaultResolver = Object.create(Resolver.prototype);
defaultResolver._state = defaultResolverState();
bindDefaultResolver(module.exports, Resolver.prototype, defaultResolver);
