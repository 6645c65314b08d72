'use strict';

// The URL standard's basic URL parser (its state machine, including the
// state overrides the URL setters use) and the URL serializer. A URL record
// is a plain object: scheme, username, password, host (serialized, or null),
// port (number or null), path (array of segments, or a string for URLs with
// an opaque path such as "mailto:x"), query and fragment (string or null).

const { parseHost } = require('internal/url/host');
const {
  C0_CONTROL,
  FRAGMENT,
  PATH,
  QUERY,
  SPECIAL_QUERY,
  USERINFO,
  percentEncode,
} = require('internal/url/encoding');

const SPECIAL_PORTS = { __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };

const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH_STATE = 18;
const OPAQUE_PATH = 19;
const QUERY_STATE = 20;
const FRAGMENT_STATE = 21;

const EOF = -1;
const SLASH = 0x2F;
const BACKSLASH = 0x5C;
const QUESTION = 0x3F;
const HASH = 0x23;
const COLON = 0x3A;

function newRecord() {
  return {
    scheme: '',
    username: '',
    password: '',
    host: null,
    port: null,
    path: [],
    query: null,
    fragment: null,
  };
}

function isSpecialScheme(scheme) { return scheme in SPECIAL_PORTS; }

function defaultPort(scheme) {
  const port = SPECIAL_PORTS[scheme];
  return port === undefined ? null : port;
}

function isAlpha(c) { return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A); }
function isDigit(c) { return c >= 0x30 && c <= 0x39; }

function isWindowsDriveLetter(s) {
  return s.length === 2 && isAlpha(s.charCodeAt(0)) && (s[1] === ':' || s[1] === '|');
}

function isNormalizedDriveLetter(s) {
  return s.length === 2 && isAlpha(s.charCodeAt(0)) && s[1] === ':';
}

// Whether input[p:] starts with a drive letter followed by the end or a / \ ? #.
function startsWithDriveLetter(input, p) {
  if (input.length - p < 2) return false;
  if (!isAlpha(input.charCodeAt(p))) return false;
  const second = input.charCodeAt(p + 1);
  if (second !== COLON && second !== 0x7C) return false;
  if (input.length - p === 2) return true;
  const third = input.charCodeAt(p + 2);
  return third === SLASH || third === BACKSLASH || third === QUESTION || third === HASH;
}

function isSingleDot(s) {
  return s === '.' || (s.length === 3 && s.toLowerCase() === '%2e');
}

function isDoubleDot(s) {
  switch (s.length) {
    case 2: return s === '..';
    case 4: {
      const l = s.toLowerCase();
      return l === '.%2e' || l === '%2e.';
    }
    case 6: return s.toLowerCase() === '%2e%2e';
    default: return false;
  }
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isNormalizedDriveLetter(path[0])) return;
  path.pop();
}

function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}

// Where the run of characters from `from` ends: at the first in `stops` (or the end).
function runEnd(input, from, stops) {
  const len = input.length;
  let i = from;
  while (i < len) {
    const c = input.charCodeAt(i);
    if (c < 128 && stops[c] === 1) break;
    i++;
  }
  return i;
}

function stopSet(chars) {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

// Characters that may end a run in each state (the state then looks at them one by one).
const AUTHORITY_STOPS = stopSet('@/?#\\');
const HOST_STOPS = stopSet(':/?#\\[]');
const PATH_STOPS = stopSet('/?#\\');
const OPAQUE_STOPS = stopSet('?#');
const QUERY_STOPS = stopSet('#');

// Leading/trailing C0 controls and spaces go; tabs and newlines go everywhere.
function preprocess(input, trim) {
  if (trim) {
    let start = 0;
    let end = input.length;
    while (start < end && input.charCodeAt(start) <= 0x20) start++;
    while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
    if (start !== 0 || end !== input.length) input = input.slice(start, end);
  }
  if (/[\t\n\r]/.test(input)) input = input.replace(/[\t\n\r]/g, '');
  return input.toWellFormed();
}

// Most URLs are plain "scheme://host[:port]/path?query#fragment" with a
// special scheme and nothing to encode, fold or map: this regular
// expression recognises exactly those (ASCII host without IDNA labels, no
// userinfo, no backslash, no dot segments, only characters the parser keeps
// as they are) so they skip the state machine. Anything else returns
// undefined and takes the full parser.
const kSimpleURL = new RegExp(
  '^([a-zA-Z][a-zA-Z0-9+.-]*)://' +
  '([a-zA-Z0-9_-]+(?:\\.[a-zA-Z0-9_-]+)*\\.?)' +
  '(?::([0-9]{1,5}))?' +
  "(/[!$%&'()*+,\\-./0-9:;=@A-Z\\[\\]^_a-z|~]*)?" +
  "(\\?[!$%&()*+,\\-./0-9:;=?@A-Z\\[\\\\\\]^_`a-z{|}~]*)?" +
  "(#[!#$%&'()*+,\\-./0-9:;=?@A-Z\\[\\\\\\]^_a-z{|}~]*)?$");
const kDotSegment = /\/(?:\.|%2e)(?:\.|%2e)?(?:\/|$)/i;

function fastParse(input) {
  const m = kSimpleURL.exec(input);
  if (m === null) return undefined;
  const scheme = m[1].toLowerCase();
  const port = SPECIAL_PORTS[scheme];
  if (port === undefined || scheme === 'file') return undefined;
  const host = m[2].toLowerCase();
  if (host.includes('xn--') || endsInANumberLike(host)) return undefined;
  let portNumber = null;
  if (m[3] !== undefined) {
    portNumber = parseInt(m[3], 10);
    if (portNumber > 65535) return undefined;
    if (portNumber === port) portNumber = null;
  }
  const pathText = m[4];
  if (pathText !== undefined && kDotSegment.test(pathText)) return undefined;
  return {
    scheme,
    username: '',
    password: '',
    host,
    port: portNumber,
    path: pathText === undefined ? [''] : pathText.slice(1).split('/'),
    query: m[5] === undefined ? null : m[5].slice(1),
    fragment: m[6] === undefined ? null : m[6].slice(1),
  };
}

// Whether the host's last label could be a number (then IPv4 rules apply).
function endsInANumberLike(host) {
  const end = host.endsWith('.') ? host.length - 1 : host.length;
  const start = host.lastIndexOf('.', end - 1) + 1;
  const label = host.slice(start, end);
  return /^[0-9]/.test(label) || /^0x/i.test(label);
}

// Run the state machine. Without `url` it parses `input` (against `base`)
// into a new record, returning null on failure. With `url` and
// `stateOverride` it updates that record (a setter); the result then only
// says whether it failed (null).
function basicParse(input, base = null, url = undefined, stateOverride = 0) {
  const override = url !== undefined;
  if (!override) {
    const simple = fastParse(input);
    if (simple !== undefined) return simple;
  }
  if (!override) url = newRecord();
  input = preprocess(input, !override);
  const len = input.length;
  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  let special = isSpecialScheme(url.scheme);

  for (let p = 0; ; p++) {
    const c = p < len ? input.charCodeAt(p) : EOF;
    switch (state) {
      case SCHEME_START:
        if (isAlpha(c)) {
          buffer += input[p].toLowerCase();
          state = SCHEME;
        } else if (!override) {
          state = NO_SCHEME;
          p--;
        } else {
          return null;
        }
        break;

      case SCHEME:
        if (isAlpha(c) || isDigit(c) || c === 0x2B || c === 0x2D || c === 0x2E) {
          // Take all the scheme characters at once.
          let end = p + 1;
          for (; end < len; end++) {
            const d = input.charCodeAt(end);
            if (!(isAlpha(d) || isDigit(d) || d === 0x2B || d === 0x2D || d === 0x2E)) break;
          }
          buffer += input.slice(p, end).toLowerCase();
          p = end - 1;
        } else if (c === COLON) {
          if (override) {
            const bufferSpecial = isSpecialScheme(buffer);
            if (special !== bufferSpecial) return url;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          special = isSpecialScheme(buffer);
          if (override) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (special && base !== null && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (special) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (input.charCodeAt(p + 1) === SLASH) {
            state = PATH_OR_AUTHORITY;
            p++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!override) {
          buffer = '';
          state = NO_SCHEME;
          p = -1;
        } else {
          return null;
        }
        break;

      case NO_SCHEME:
        if (base === null || (typeof base.path === 'string' && c !== HASH)) return null;
        if (typeof base.path === 'string' && c === HASH) {
          url.scheme = base.scheme;
          special = isSpecialScheme(url.scheme);
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT_STATE;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          p--;
        } else {
          state = FILE;
          p--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === SLASH && input.charCodeAt(p + 1) === SLASH) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = RELATIVE;
          p--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === SLASH) {
          state = AUTHORITY;
        } else {
          state = PATH_STATE;
          p--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        special = isSpecialScheme(url.scheme);
        if (c === SLASH || (special && c === BACKSLASH)) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === QUESTION) {
            url.query = '';
            state = QUERY_STATE;
          } else if (c === HASH) {
            url.fragment = '';
            state = FRAGMENT_STATE;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = PATH_STATE;
            p--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (special && (c === SLASH || c === BACKSLASH)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === SLASH) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH_STATE;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        if (c === SLASH && input.charCodeAt(p + 1) === SLASH) p++;
        else p--;
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== SLASH && c !== BACKSLASH) {
          state = AUTHORITY;
          p--;
        }
        break;

      case AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          if (passwordTokenSeen) {
            url.password += percentEncode(buffer, USERINFO);
          } else {
            const colon = buffer.indexOf(':');
            if (colon === -1) {
              url.username += percentEncode(buffer, USERINFO);
            } else {
              passwordTokenSeen = true;
              url.username += percentEncode(buffer.slice(0, colon), USERINFO);
              url.password += percentEncode(buffer.slice(colon + 1), USERINFO);
            }
          }
          buffer = '';
        } else if (c === EOF || c === SLASH || c === QUESTION || c === HASH || (special && c === BACKSLASH)) {
          if (atSignSeen && buffer === '') return null;
          p -= buffer.length + 1;
          buffer = '';
          state = HOST;
        } else {
          const end = runEnd(input, p + 1, AUTHORITY_STOPS);
          buffer += input.slice(p, end);
          p = end - 1;
        }
        break;

      case HOST:
      case HOSTNAME:
        if (override && url.scheme === 'file') {
          p--;
          state = FILE_HOST;
        } else if (c === COLON && !insideBrackets) {
          if (buffer === '') return null;
          if (stateOverride === HOSTNAME) return null;
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === EOF || c === SLASH || c === QUESTION || c === HASH || (special && c === BACKSLASH)) {
          p--;
          if (special && buffer === '') return null;
          if (override && buffer === '' && (includesCredentials(url) || url.port !== null)) return null;
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (override) return url;
        } else {
          if (c === 0x5B) insideBrackets = true;
          else if (c === 0x5D) insideBrackets = false;
          const end = runEnd(input, p + 1, HOST_STOPS);
          buffer += input.slice(p, end);
          p = end - 1;
        }
        break;

      case PORT:
        if (isDigit(c)) {
          buffer += input[p];
        } else if (c === EOF || c === SLASH || c === QUESTION || c === HASH ||
                   (special && c === BACKSLASH) || override) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return null;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
            if (override) return url;
          }
          if (override) return null;
          state = PATH_START;
          p--;
        } else {
          return null;
        }
        break;

      case FILE:
        url.scheme = 'file';
        special = true;
        url.host = '';
        if (c === SLASH || c === BACKSLASH) {
          state = FILE_SLASH;
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === QUESTION) {
            url.query = '';
            state = QUERY_STATE;
          } else if (c === HASH) {
            url.fragment = '';
            state = FRAGMENT_STATE;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithDriveLetter(input, p)) shortenPath(url);
            else url.path = [];
            state = PATH_STATE;
            p--;
          }
        } else {
          state = PATH_STATE;
          p--;
        }
        break;

      case FILE_SLASH:
        if (c === SLASH || c === BACKSLASH) {
          state = FILE_HOST;
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithDriveLetter(input, p) && base.path.length > 0 &&
                isNormalizedDriveLetter(base.path[0])) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH_STATE;
          p--;
        }
        break;

      case FILE_HOST:
        if (c === EOF || c === SLASH || c === BACKSLASH || c === QUESTION || c === HASH) {
          p--;
          if (!override && isWindowsDriveLetter(buffer)) {
            state = PATH_STATE;  // the buffer is the path's first segment
          } else if (buffer === '') {
            url.host = '';
            if (override) return url;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !special);
            if (host === null) return null;
            if (host === 'localhost') host = '';
            url.host = host;
            if (override) return url;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += input[p];
        }
        break;

      case PATH_START:
        if (special) {
          state = PATH_STATE;
          if (c !== SLASH && c !== BACKSLASH) p--;
        } else if (!override && c === QUESTION) {
          url.query = '';
          state = QUERY_STATE;
        } else if (!override && c === HASH) {
          url.fragment = '';
          state = FRAGMENT_STATE;
        } else if (c !== EOF) {
          state = PATH_STATE;
          if (c !== SLASH) p--;
        } else if (override && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH_STATE:
        if (c === EOF || c === SLASH || (special && c === BACKSLASH) ||
            (!override && (c === QUESTION || c === HASH))) {
          const endsSegment = c === SLASH || (special && c === BACKSLASH);
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!endsSegment) url.path.push('');
          } else if (isSingleDot(buffer)) {
            if (!endsSegment) url.path.push('');
          } else {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = `${buffer[0]}:`;
            }
            url.path.push(percentEncode(buffer, PATH));
          }
          buffer = '';
          if (c === QUESTION) {
            url.query = '';
            state = QUERY_STATE;
          } else if (c === HASH) {
            url.fragment = '';
            state = FRAGMENT_STATE;
          }
        } else {
          const end = runEnd(input, p + 1, PATH_STOPS);
          buffer += input.slice(p, end);
          p = end - 1;
        }
        break;

      case OPAQUE_PATH:
        if (c === QUESTION || c === HASH || c === EOF) {
          url.path += percentEncode(buffer, C0_CONTROL);
          buffer = '';
          if (c === QUESTION) {
            url.query = '';
            state = QUERY_STATE;
          } else if (c === HASH) {
            url.fragment = '';
            state = FRAGMENT_STATE;
          }
        } else {
          const end = runEnd(input, p + 1, OPAQUE_STOPS);
          buffer += input.slice(p, end);
          p = end - 1;
        }
        break;

      case QUERY_STATE:
        if ((!override && c === HASH) || c === EOF) {
          url.query += percentEncode(buffer, special ? SPECIAL_QUERY : QUERY);
          buffer = '';
          if (c === HASH) {
            url.fragment = '';
            state = FRAGMENT_STATE;
          }
        } else {
          const end = runEnd(input, p + 1, QUERY_STOPS);
          buffer += input.slice(p, end);
          p = end - 1;
        }
        break;

      case FRAGMENT_STATE:
        if (c === EOF) {
          url.fragment += percentEncode(buffer, FRAGMENT);
        } else {
          buffer += input.slice(p);
          p = len - 1;
        }
        break;
    }
    if (p >= len) break;
  }
  return url;
}

function serializePath(url) {
  const path = url.path;
  if (typeof path === 'string') return path;
  let out = '';
  for (let i = 0; i < path.length; i++) out += `/${path[i]}`;
  return out;
}

function serializeURL(url, excludeFragment = false) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += '//';
    if (url.username !== '' || url.password !== '') {
      out += url.username;
      if (url.password !== '') out += `:${url.password}`;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  } else if (typeof url.path !== 'string' && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

module.exports = {
  FILE_HOST,
  FRAGMENT_STATE,
  HOST,
  HOSTNAME,
  PATH_START,
  PORT,
  QUERY_STATE,
  SCHEME_START,
  basicParse,
  defaultPort,
  fastParse,
  includesCredentials,
  isSpecialScheme,
  newRecord,
  serializePath,
  serializeURL,
};
