'use strict';

// What dns and dns/promises share: the default result order, argument
// validation for lookup(), the c-ares error code names, and the Resolver
// base (server list, local address, cancel) that both Resolver classes extend.

const { isIP } = require('internal/net');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_IP_ADDRESS,
  },
  nodeErrorWithMessage,
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateInt32,
  validateNumber,
  validateOneOf,
  validateString,
} = require('internal/validators');

const cares = internalBinding('cares_wrap');
const { AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED } = cares;

const validDnsOrders = ['verbatim', 'ipv4first', 'ipv6first'];
const validFamilies = [0, 4, 6];
let defaultResultOrder = 'verbatim';

function getDefaultResultOrder() {
  return defaultResultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', validDnsOrders);
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
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// lookup()'s options, validated in Node's order; `callbackCheck` runs where
// the callback form validates its callback.
function parseLookupOptions(options, callbackCheck) {
  const parsed = { family: 0, hints: 0, all: false, order: defaultResultOrder };
  if (typeof options === 'number') {
    callbackCheck();
    validateOneOf(options, 'family', validFamilies);
    parsed.family = options;
    return parsed;
  }
  if (options !== undefined && typeof options !== 'object') {
    callbackCheck(true);
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  callbackCheck();
  if (options?.hints != null) {
    validateNumber(options.hints, 'options.hints');
    parsed.hints = options.hints >>> 0;
    validateHints(parsed.hints);
  }
  if (options?.family != null) {
    const family = options.family;
    if (family === 'IPv4') {
      parsed.family = 4;
    } else if (family === 'IPv6') {
      parsed.family = 6;
    } else {
      validateOneOf(family, 'options.family', validFamilies);
      parsed.family = family;
    }
  }
  if (options?.all != null) {
    validateBoolean(options.all, 'options.all');
    parsed.all = options.all;
  }
  if (options?.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    parsed.order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options?.order != null) {
    validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
    parsed.order = options.order;
  }
  return parsed;
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
let defaultState;
function defaultResolverState() {
  defaultState ??= { servers: defaultServers(), pending: new Set() };
  return defaultState;
}

class ResolverBase {
  constructor(options = undefined) {
    const { timeout = -1, tries = 4, maxTimeout = 0 } = { ...options };
    validateInt32(timeout, 'options.timeout', -1);
    validateInt32(tries, 'options.tries', 1);
    validateInt32(maxTimeout, 'options.maxTimeout', 0);
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
    validateArray(servers, 'servers');
    const parsed = [];
    for (let i = 0; i < servers.length; i++) {
      const server = servers[i];
      validateString(server, `servers[${i}]`);
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
      if (ipVersion === 0) throw new ERR_INVALID_IP_ADDRESS(server);
      parsed.push([address, Number.parseInt(port) || 53]);
    }
    this._state.servers = parsed;
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (isIP(ipv4) === 0) throw nodeErrorWithMessage('ERR_INVALID_ARG_VALUE', 'Invalid IP address.');
    if (ipv6 !== undefined) {
      validateString(ipv6, 'ipv6');
      if (isIP(ipv6) !== 6) throw nodeErrorWithMessage('ERR_INVALID_ARG_VALUE', 'Invalid IP address.');
    }
  }
}

module.exports = {
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
  validDnsOrders,
};
