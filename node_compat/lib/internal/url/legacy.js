'use strict';

// The legacy (pre-WHATWG) URL API behind url.parse(), url.format(),
// url.resolve() and url.resolveObject(): a permissive splitter into
// protocol/auth/host/path/query/hash, kept byte-for-byte compatible with
// Node's long-standing behaviour, quirks included (backslashes before the
// query become slashes, "user@host" always denotes a host, unsafe
// characters are escaped, ports that are not numbers move to the path with
// a DEP0170 warning).

const querystring = require('querystring');
const { toASCII } = require('internal/idna');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_URL } } = require('internal/errors');
const { validateString } = require('internal/validators');

const AT = 64;
const HASH = 35;
const QUESTION = 63;
const SLASH = 47;
const BACKSLASH = 92;
const COLON = 58;

const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIPv6 = /[\0\t\n\r #%/<>?@\\^|]/;
const HOSTNAME_MAX_LENGTH = 255;

// Protocols that never have a host, that must not be escaped, and that
// always use "//" (each with and without the colon, as callers pass both).
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const unsafeProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
                                 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

// Characters that may never appear in a host name (RFC 2396): they end it.
const NON_HOST = new Set([32, 34, 37, 39, 59, 60, 62, 92, 94, 96, 123, 124, 125]);

// What url.parse() escapes in the path, query and hash whatever the protocol.
const AUTO_ESCAPE = {
  __proto__: null,
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E',
  '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const autoEscapePattern = /[\t\n\r "'<>\\^`{|}]/g;

// In auth, everything but these is percent-encoded by format().
const AUTH_SAFE = /[A-Za-z0-9!'()*\-.:_~]/;

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// url.parse() is deprecated only under --pending-deprecation (DEP0169).
let parseWarned = false;
function pendingDeprecation() {
  if (require('internal/options').getOptionValue('--pending-deprecation')) return true;
  const options = `${process.env.NODE_OPTIONS || ''}`.split(/\s+/);
  return options.includes('--pending-deprecation');
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (!parseWarned && pendingDeprecation()) {
    parseWarned = true;
    process.emitWarning('`url.parse()` behavior is not standardized and prone to errors that have security ' +
                        'implications. Use the WHATWG URL API instead. CVEs are not issued for `url.parse()` ' +
                        'vulnerabilities.', 'DeprecationWarning', 'DEP0169');
  }
  if (url instanceof Url) return url;
  const result = new Url();
  result.parse(url, parseQueryString, slashesDenoteHost); // at node:url:142:13
  return result;
}

function isTrimmable(code) {
  return code < 33 || code === 0xA0 || code === 0xFEFF;
}

// Trim whitespace and turn backslashes before the query/hash into slashes.
function prepare(url) {
  let start = 0;
  let end = url.length;
  while (start < end && isTrimmable(url.charCodeAt(start))) start++;
  while (end > start && isTrimmable(url.charCodeAt(end - 1))) end--;
  let rest = '';
  let last = start;
  let hasAt = false;
  let i = start;
  for (; i < end; i++) {
    const code = url.charCodeAt(i);
    if (code === HASH || code === QUESTION) break;
    if (code === AT) {
      hasAt = true;
    } else if (code === BACKSLASH) {
      rest += `${url.slice(last, i)}/`;
      last = i + 1;
    }
  }
  rest += url.slice(last, end);
  const hashAt = url.indexOf('#', i);
  return { rest, hasAt, hasHash: hashAt !== -1 && hashAt < end };
}

function isIPv6Hostname(hostname) {
  return hostname.charCodeAt(0) === 91 && hostname.charCodeAt(hostname.length - 1) === 93;
}

let warnedInvalidPort = false;

// Cut the host name at the first character a host name cannot hold (a ':'
// after the port was taken off); that part moves in front of the path.
function cutHostname(self, rest, hostname, url) {
  for (let i = 0; i < hostname.length; i++) {
    const code = hostname.charCodeAt(i);
    if (code === SLASH || code === BACKSLASH || code === HASH || code === QUESTION || code === COLON) {
      if (!warnedInvalidPort) {
        warnedInvalidPort = true;
        process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
                            'DeprecationWarning', 'DEP0170');
      }
      self.hostname = hostname.slice(0, i);
      return `/${hostname.slice(i)}${rest}`;
    }
  }
  return rest;
}

function setQuery(self, rest, questionIdx, end, parseQueryString) {
  self.search = rest.slice(questionIdx, end);
  self.query = rest.slice(questionIdx + 1, end);
  if (parseQueryString) self.query = querystring.parse(self.query);
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url'); // at node:url:171:3
  const prepared = prepare(url);
  let rest = prepared.rest;

  if (!slashesDenoteHost && !prepared.hasHash && !prepared.hasAt) {
    // Plain paths ("/a/b?c") need no further work.
    const simple = simplePathPattern.exec(rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? querystring.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  // "//host/path" with slashesDenoteHost or a protocol, and "//user@host"
  // always, have a host.
  let slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.charCodeAt(0) === SLASH && rest.charCodeAt(1) === SLASH;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
    rest = parseAuthority(this, rest, url); // at -
  }

  if (!unsafeProtocol.has(lowerProto)) rest = rest.replace(autoEscapePattern, (ch) => AUTO_ESCAPE[ch]);

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; i++) {
    const code = rest.charCodeAt(i);
    if (code === HASH) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (code === QUESTION && questionIdx === -1) {
      questionIdx = i;
    }
  }
  if (questionIdx !== -1) {
    setQuery(this, rest, questionIdx, hashIdx === -1 ? rest.length : hashIdx, parseQueryString);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const pathEnd = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ? questionIdx : hashIdx;
  if (pathEnd === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (pathEnd > 0) {
    this.pathname = rest.slice(0, pathEnd);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// Split "auth@host:port" off the front of `rest`; returns what follows.
function parseAuthority(self, rest, url) {
  // Tabs and newlines vanish from the authority, as the WHATWG parser drops them.
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  if (/[\t\n\r]/.test(authority)) {
    rest = authority.replace(/[\t\n\r]/g, '') + (authorityEnd === -1 ? '' : rest.slice(authorityEnd));
  }
  // The host ends at the first '/', '?' or '#'. Non-host characters before
  // the last '@' belong to the auth part, after it they end the host.
  let hostEnd = -1;
  let atSign = -1;
  let nonHost = -1;
  for (let i = 0; i < rest.length && hostEnd === -1; i++) {
    const code = rest.charCodeAt(i);
    if (code === HASH || code === SLASH || code === QUESTION) {
      if (nonHost === -1) nonHost = i;
      hostEnd = i;
    } else if (code === AT) {
      atSign = i;
      nonHost = -1;
    } else if (NON_HOST.has(code) && nonHost === -1) {
      nonHost = i;
    }
  }
  let start = 0;
  if (atSign !== -1) {
    self.auth = decodeURIComponent(rest.slice(0, atSign));
    start = atSign + 1;
  }
  if (nonHost === -1) {
    self.host = rest.slice(start);
    rest = '';
  } else {
    self.host = rest.slice(start, nonHost);
    rest = rest.slice(nonHost);
  }

  self.parseHost();
  if (typeof self.hostname !== 'string') self.hostname = '';
  const hostname = self.hostname;
  const ipv6 = isIPv6Hostname(hostname);
  if (!ipv6) rest = cutHostname(self, rest, hostname, url);

  self.hostname = self.hostname.length > HOSTNAME_MAX_LENGTH ? '' : self.hostname.toLowerCase();
  if (self.hostname !== '') {
    if (ipv6) {
      if (forbiddenHostCharsIPv6.test(self.hostname)) throw new ERR_INVALID_URL(url); // at Url.parse (node:url:398:17)
    } else {
      // IDNA turns international names into "xn--" labels. A name it rejects,
      // or one that gained a forbidden character, could be used to spoof
      // the host: those are errors.
      self.hostname = toASCII(self.hostname) ?? '';
      if (self.hostname === '' || forbiddenHostChars.test(self.hostname)) {
        throw new ERR_INVALID_URL(url); // at Url.parse (node:url:417:17)
      }
    }
  }

  self.host = (self.hostname || '') + (self.port ? `:${self.port}` : '');
  if (ipv6) {
    // The brackets stay in `host` only.
    self.hostname = self.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  return rest;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeAuth(auth)}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const name = this.hostname;
    host = auth + (name.includes(':') && !isIPv6Hostname(name) ? `[${name}]` : name);
    if (this.port) host += `:${this.port}`;
  }

  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';

  if (protocol && protocol.charCodeAt(protocol.length - 1) !== COLON) protocol += ':'; // at node:url:664:28

  // '#' and '?' inside the pathname must not end it.
  pathname = pathname.replace(/[#?]/g, (ch) => (ch === '#' ? '%23' : '%3F'));

  // Only the slashed protocols get "//" (others when they had it already).
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== SLASH) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');
  if (hash && hash.charCodeAt(0) !== HASH) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== QUESTION) search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

function encodeAuth(auth) {
  let out = '';
  for (let i = 0; i < auth.length; i++) {
    const ch = auth[i];
    if (AUTH_SAFE.test(ch)) {
      out += ch;
      continue;
    }
    const code = auth.charCodeAt(i);
    if (code >= 0xD800 && code <= 0xDBFF && i + 1 < auth.length) {
      out += encodeURIComponent(auth.slice(i, i + 2));
      i++;
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative); // at node:url:719:10
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

function copyFields(target, source, skip) {
  for (const key of Object.keys(source)) {
    if (key !== skip) target[key] = source[key];
  }
}

// `path` as http.request wants it: pathname plus search.
function refreshPath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
}

function finish(result) {
  result.href = result.format();
  return result;
}

// Put back into host (and auth) the first path part of a URL whose
// protocol has no "//" (mailto:user@host).
function restoreHost(result, host) {
  result.hostname = result.host = host;
  const parts = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : null;
  if (parts) {
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = new Url();
  copyFields(result, this);

  // The hash always comes from the relative URL, even when empty.
  result.hash = relative.hash;
  if (relative.href === '') return finish(result);

  // "//host/path" keeps only the protocol.
  if (relative.slashes && !relative.protocol) {
    copyFields(result, relative, 'protocol');
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    return finish(result);
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    return resolveOtherProtocol(result, relative);
  }

  const sourceAbsolute = result.pathname && result.pathname.charAt(0) === '/';
  const relativeAbsolute = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustEndAbsolute = relativeAbsolute || sourceAbsolute || (result.host && relative.pathname);
  const removeAllDots = mustEndAbsolute;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const hostInPath = result.protocol && !slashedProtocol.has(result.protocol);

  // Without "//", the host is the first path part so that '..' can climb into it.
  if (hostInPath) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbsolute = mustEndAbsolute && (relPath[0] === '' || srcPath[0] === '');
  }

  if (relativeAbsolute) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // Relative path: replace the last segment.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a new query ("?x").
    if (hostInPath) restoreHost(result, srcPath.shift());
    result.search = relative.search;
    result.query = relative.query;
    refreshPath(result);
    return finish(result);
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    return finish(result);
  }

  // A path ending in '.', '..' or '' keeps a trailing slash.
  let last = srcPath.slice(-1)[0];
  const trailingSlash = ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) ||
                        last === '';

  // Drop '.' segments and let '..' eat the segment before it; `up` counts
  // the '..' left over above the root.
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbsolute && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }
  if (mustEndAbsolute && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) srcPath.unshift('');
  if (trailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');

  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');
  if (hostInPath) restoreHost(result, isAbsolute ? '' : srcPath.length ? srcPath.shift() : '');

  mustEndAbsolute = mustEndAbsolute || (result.host && srcPath.length);
  if (mustEndAbsolute && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  refreshPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
};

// A relative URL with a protocol of its own.
function resolveOtherProtocol(result, relative) {
  if (!slashedProtocol.has(relative.protocol)) {
    // Unknown protocols are absolute: take the relative URL as it is.
    copyFields(result, relative);
    return finish(result);
  }
  result.protocol = relative.protocol;
  if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
    // "http:path": the first non-empty path part is the host.
    const relPath = (relative.pathname || '').split('/');
    while (relPath.length && !(relative.host = relPath.shift()));
    if (!relative.host) relative.host = '';
    if (!relative.hostname) relative.hostname = '';
    if (relPath[0] !== '') relPath.unshift('');
    if (relPath.length < 2) relPath.unshift('');
    result.pathname = relPath.join('/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = portPattern.exec(host);
  if (port) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

// url.format() of a legacy object (or anything shaped like one).
function urlFormatObject(urlObject) {
  if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  }
  return Url.prototype.format.call(urlObject);
}

module.exports = { Url, urlFormatObject, urlParse, urlResolve, urlResolveObject };
