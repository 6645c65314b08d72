'use strict';

// What dns and dns/promises share: the default result order, lookup()'s
// option values, the c-ares error code names, and the Resolver
// base (server list, local address, cancel) that both Resolver classes extend.

const { isIP } = require('internal/net');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_IP_ADDRESS,
  },
} = require('internal/errors');
const {
  validateArray,
  validateInt32,
  validateOneOf,
  validateString,
} = require('internal/validators');

const cares = internalBinding('cares_wrap');
const { newAsyncId } = require('internal/async_hooks');
const { AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED } = cares;

const validDnsOrders = ['verbatim', 'ipv4first', 'ipv6first'];
const validFamilies = [0, 4, 6];
// lookup()'s `order` option, in the order Node's message lists them.
const lookupOrders = ['ipv4first', 'ipv6first', 'verbatim'];
let defaultResultOrder = 'verbatim';

function getDefaultResultOrder() {
  return defaultResultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', validDnsOrders); // at node:internal/dns/utils:283:3
  defaultResultOrder = order;
}

// The order constant the binding takes for an order name.
function orderCode(order) {
  if (order === 'ipv4first') return cares.DNS_ORDER_IPV4_FIRST;
  if (order === 'ipv6first') return cares.DNS_ORDER_IPV6_FIRST;
  return cares.DNS_ORDER_VERBATIM;
}

function validateHints(hints) {
  if ((hints & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints); // at node:internal/dns/utils:265:11
  }
}

// Warned once per process, however many lookups get an empty hostname.
let invalidHostnameWarned = false;
function emitInvalidHostnameWarning(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
    'DeprecationWarning',
    'DEP0118',
  );
}

// The addresses a lookup with `all` reports.
function toAddressList(addresses, family) {
  const out = new Array(addresses.length);
  for (let i = 0; i < addresses.length; i++) {
    out[i] = { address: addresses[i], family: family || isIP(addresses[i]) };
  }
  return out;
}

const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

// The record types resolve() accepts, and the c-ares query behind each.
const queryNames = {
  __proto__: null,
  resolveAny: 'queryAny',
  resolve4: 'queryA',
  resolve6: 'queryAaaa',
  resolveCaa: 'queryCaa',
  resolveCname: 'queryCname',
  resolveMx: 'queryMx',
  resolveNs: 'queryNs',
  resolveTxt: 'queryTxt',
  resolveSrv: 'querySrv',
  resolvePtr: 'queryPtr',
  resolveNaptr: 'queryNaptr',
  resolveSoa: 'querySoa',
  reverse: 'getHostByAddr',
};
// The resolver functions as the modules export them.
const resolveMethods = [
  'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse',
];
const rrtypes = {
  __proto__: null,
  A: 'resolve4',
  AAAA: 'resolve6',
  ANY: 'resolveAny',
  CAA: 'resolveCaa',
  CNAME: 'resolveCname',
  MX: 'resolveMx',
  NAPTR: 'resolveNaptr',
  NS: 'resolveNs',
  PTR: 'resolvePtr',
  SOA: 'resolveSoa',
  SRV: 'resolveSrv',
  TXT: 'resolveTxt',
};

const IPv6RE = /^\[([^[\]]*)\]/;
const addrSplitRE = /(^.+?)(?::(\d+))?$/;

// `[address, port]` pairs; the system's servers until setServers() changes them.
let systemServers;
function defaultServers() {
  systemServers ??= cares.systemServers();
  return systemServers.map((s) => [s[0], s[1]]);
}

// The state of the default resolver, which dns and dns/promises share.
// Node's binding rejects the addresses: a plain TypeError with a code.
function invalidLocalAddress(message) {
  const err = new TypeError(message); // at Resolver.setLocalAddress (node:internal/dns/utils:173:18)
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

// (Node's resolvers each have a c-ares channel, a resource with an async
// id; the default one is made when dns or dns/promises first loads.)
// A module's setServers() makes a new default resolver: that module and any
// loaded after it use it.
let defaultState;
function defaultResolverState() {
  if (defaultState === undefined) {
    newAsyncId();
    defaultState = { servers: defaultServers(), pending: new Set() };
  }
  return defaultState;
}

function setDefaultResolverState(state) {
  defaultState = state;
}

// A module's resolver functions: the methods of its Resolver class (`proto`)
// bound to `resolver`.
function bindDefaultResolver(target, proto, resolver) {
  target.getServers = proto.getServers.bind(resolver);
  for (const method of resolveMethods) target[method] = proto[method].bind(resolver);
}

class ResolverBase {
  constructor(options = undefined) {
    const { timeout = -1, tries = 4 } = { ...options };
    validateInt32(timeout, 'options.timeout', -1); // at validateTimeout (node:internal/dns/utils:48:3) | node:internal/dns/utils:68:21
    validateInt32(tries, 'options.tries', 1); // at validateTries (node:internal/dns/utils:54:3) | node:internal/dns/utils:69:19
    newAsyncId();
    this._state = { servers: defaultServers(), pending: new Set() };
  }

  cancel() {
    for (const cancel of this._state.pending) cancel();
  }

  getServers() {
    return this._state.servers.map(([address, port]) => {
      if (port === 53) return address;
      return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers'); // at Resolver.setServers (node:internal/dns/utils:98:5)
    const parsed = [];
    for (let i = 0; i < servers.length; i++) {
      const server = servers[i];
      validateString(server, `servers[${i}]`); // at (node:internal/dns/utils:105:7) | Array.forEach (<anonymous>) | Resolver.setServers (node:internal/dns/utils:104:5)
      let ipVersion = isIP(server);
      if (ipVersion !== 0) {
        parsed.push([server, 53]);
        continue;
      }
      const match = IPv6RE.exec(server);
      if (match) {
        ipVersion = isIP(match[1]);
        if (ipVersion !== 0) {
          const port = Number.parseInt(server.replace(addrSplitRE, '$2')) || 53;
          parsed.push([match[1], port]);
          continue;
        }
      }
      const [, address, port] = addrSplitRE.exec(server);
      ipVersion = isIP(address);
      if (ipVersion === 0) throw new ERR_INVALID_IP_ADDRESS(server); // at (node:internal/dns/utils:139:13) | Array.forEach (<anonymous>) | Resolver.setServers (node:internal/dns/utils:104:5)
      parsed.push([address, Number.parseInt(port) || 53]);
    }
    this._state.servers = parsed;
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4'); // at Resolver.setLocalAddress (node:internal/dns/utils:167:5)
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6'); // at Resolver.setLocalAddress (node:internal/dns/utils:170:7)
    // Either may be the IPv6 one, but not both of one family.
    const first = isIP(ipv4);
    const second = ipv6 === undefined ? 0 : isIP(ipv6);
    if (first === 0 || (ipv6 !== undefined && second === 0)) throw invalidLocalAddress('Invalid IP address.'); // at -
    if (first === second) throw invalidLocalAddress(`Cannot specify two IPv${first} addresses.`); // at -
  }
}

// dns.lookup as node:dns defines it (registered when dns loads): it answers
// an IP literal on the next tick, which dgram's sends then do themselves.
let builtinLookup;
function setBuiltinLookup(lookup) {
  builtinLookup = lookup;
}
function isBuiltinLookup(lookup) {
  return lookup === builtinLookup;
}

module.exports = {
  bindDefaultResolver,
  defaultResolverState,
  emitInvalidHostnameWarning,
  errorCodes,
  getDefaultResultOrder,
  isBuiltinLookup,
  lookupOrders,
  orderCode,
  queryNames,
  resolveMethods,
  ResolverBase,
  rrtypes,
  setBuiltinLookup,
  setDefaultResolverState,
  setDefaultResultOrder,
  toAddressList,
  validateHints,
  validDnsOrders,
  validFamilies,
};
