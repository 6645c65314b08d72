'use strict';

// node:dns. lookup() and lookupService() use the system resolver through the
// cares_wrap binding's thread pool, as Node does. The Resolver class and the
// resolve*() functions are c-ares DNS queries in Node; pynode keeps their
// interface (argument validation, server lists, cancel) but does not send DNS
// queries: every query fails asynchronously with code 'ENOTIMP'
// (`queryA ENOTIMP example.com`).

const { isIP } = require('internal/net');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
  dnsException,
} = require('internal/errors');
const { customPromisifyArgs } = require('internal/util');
const {
  validateBoolean,
  validateFunction,
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
  setBuiltinLookup,
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
    const error = dnsException(err, 'getaddrinfo', this.hostname); // at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:109:26)
    this.callback(error); // at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:109:17) calling GetAddrInfoReqWrap.callback
    return;
  }
  this.callback(null, addresses[0], this.family || isIP(addresses[0])); // at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:111:8) calling GetAddrInfoReqWrap.callback
}

function onlookupall(err, addresses) {
  if (err) {
    const error = dnsException(err, 'getaddrinfo', this.hostname); // at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)
    this.callback(error); // at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:17) calling GetAddrInfoReqWrap.callback
    return;
  }
  this.callback(null, toAddressList(addresses, this.family)); // at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:132:8) calling GetAddrInfoReqWrap.callback
}

function lookup(hostname, options, callback) {
  let hints = 0;
  let family = 0;
  let all = false;
  let order = getDefaultResultOrder();
  if (hostname) validateString(hostname, 'hostname'); // at node:dns:150:5
  // Validated here rather than with dns/promises' lookup, so that each error
  // starts at Node's line for this function (see internal/node_throw_sites).
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number') {
    validateFunction(callback, 'callback'); // at node:dns:157:5
    validateOneOf(options, 'family', validFamilies); // at node:dns:159:5
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    validateFunction(arguments.length === 2 ? options : callback, 'callback'); // at node:dns:162:5
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options); // at node:dns:163:11
  } else {
    validateFunction(callback, 'callback'); // at node:dns:165:5
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints'); // at node:dns:168:7
      hints = options.hints >>> 0;
      validateHints(hints); // at node:dns:170:7
    }
    if (options?.family != null) {
      if (options.family === 'IPv4') {
        family = 4;
      } else if (options.family === 'IPv6') {
        family = 6;
      } else {
        validateOneOf(options.family, 'options.family', validFamilies); // at node:dns:181:11
        family = options.family;
      }
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all'); // at node:dns:187:7
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim'); // at node:dns:191:7
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', lookupOrders); // at node:dns:195:7
      order = options.order;
    }
  }

  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    if (all) {
      process.nextTick(callback, null, []);
    } else {
      process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    }
    return {};
  }

  // IP literals need no resolver, but still answer asynchronously.
  const literal = isIP(hostname);
  if (literal) {
    if (all) {
      process.nextTick(callback, null, [{ address: hostname, family: literal }]);
    } else {
      process.nextTick(callback, null, hostname, literal);
    }
    return {};
  }

  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = all ? onlookupall : onlookup;
  const err = cares.getaddrinfo(req, hostname, family, hints, orderCode(order));
  if (err) {
    process.nextTick(callback, dnsException(err, 'getaddrinfo', hostname));
    return {};
  }
  return req;
}
setBuiltinLookup(lookup);

Object.defineProperty(lookup, customPromisifyArgs, {
  __proto__: null, value: ['address', 'family'], enumerable: false,
});

function onlookupservice(err, hostname, service) {
  if (err) {
    this.callback(dnsException(err, 'getnameinfo', this.hostname)); // at node:dns:262:26
    return;
  }
  this.callback(null, hostname, service);
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback'); // at node:dns:273:11
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address); // at node:dns:276:11
  validatePort(port); // at node:dns:278:3
  validateFunction(callback, 'callback'); // at node:dns:280:3
  port = +port;
  const req = new GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = port;
  req.oncomplete = onlookupservice;
  const err = cares.getnameinfo(req, address, port);
  if (err) throw dnsException(err, 'getnameinfo', address); // at node:dns:291:18
  return req;
}
Object.defineProperty(lookupService, customPromisifyArgs, {
  __proto__: null, value: ['hostname', 'service'], enumerable: false,
});

// A query method of the callback Resolver: validates, then fails asynchronously
// (no DNS query is sent, see the header).
function makeQuery(method) {
  const bindingName = queryNames[method];
  // (Node's declares no `options` parameter: a callback comes second or third.)
  function query(name, callback) {
    if (arguments.length > 2) callback = arguments[2];
    validateString(name, 'name'); // at node:internal/dns/callback_resolver:62:5
    validateFunction(callback, 'callback'); // at node:internal/dns/callback_resolver:63:5
    if (bindingName === 'getHostByAddr' && isIP(name) === 0) {
      throw dnsException(UV_EINVAL, bindingName, name); // at node:internal/dns/callback_resolver:72:20
    }
    const req = { bindingName, hostname: name, callback };
    let cancelled = false;
    const pending = this._state.pending;
    const cancel = () => { cancelled = true; };
    pending.add(cancel);
    process.nextTick(() => {
      pending.delete(cancel);
      callback(dnsException(cancelled ? 'ECANCELLED' : 'ENOTIMP', bindingName, name));
    });
    return req;
  }
  Object.defineProperty(query, 'name', { __proto__: null, value: bindingName });
  return query;
}

class Resolver extends ResolverBase {} // at node:internal/dns/utils:294:3
for (const method of Object.keys(queryNames)) {
  Resolver.prototype[method] = makeQuery(method);
}
Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = rrtypes[rrtype];
  } else if (typeof rrtype === 'function') {
    method = 'resolve4';
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype); // at node:internal/dns/callback_resolver:103:11
  }
  if (method === undefined) {
    throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype); // at node:internal/dns/callback_resolver:109:9
  }
  return Reflect.apply(this[method], this, [hostname, callback]);
};

// The module-level resolver functions are the default resolver's methods,
// bound to it: the one current when this module loads, until a setServers()
// makes a new one (see internal/dns/utils). As in Node, dns.setServers() also
// rebinds dns.promises once that has been read.
function defaultResolverSetServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers); // at node:dns:311:12
  setDefaultResolverState(resolver._state);
  bindDefaultResolver(module.exports, Resolver.prototype, resolver);
  if (promises !== undefined) bindDefaultResolver(promises, promises.Resolver.prototype, resolver);
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ADDRCONFIG: cares.AI_ADDRCONFIG,
  ALL: cares.AI_ALL,
  V4MAPPED: cares.AI_V4MAPPED,
  ...errorCodes,
};
const defaultResolver = Object.create(Resolver.prototype);
defaultResolver._state = defaultResolverState();
bindDefaultResolver(module.exports, Resolver.prototype, defaultResolver);

let promises;
Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('internal/dns/promises');
    return promises;
  },
});
