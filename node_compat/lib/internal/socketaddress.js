'use strict';

// net.SocketAddress: an IP address, port, family and IPv6 flow label,
// validated and normalised (the address is kept in canonical text form, as
// inet_ntop prints it), and the address parsing BlockList shares.

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateObject,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { customInspectSymbol: kInspect, kEmptyObject } = require('internal/util');
const { kClone, kDeserialize, markTransferMode } = require('internal/worker/js_transferable');
const { AF_INET, AF_INET6 } = internalBinding('block_list');

const kDetail = Symbol('kDetail');
const kHandle = Symbol('kHandle');

let inspect;

// ---- address text <-> bytes ---------------------------------------------------

// Four bytes of a dotted quad without leading zeros, or null.
function parseIPv4(text) {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i];
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

// Sixteen bytes of an IPv6 address (a zone suffix is accepted and dropped), or null.
function parseIPv6(text) {
  const zone = text.indexOf('%');
  if (zone !== -1) {
    if (zone === text.length - 1) return null;
    text = text.slice(0, zone);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const words = [];
  const pushGroups = (list, out) => {
    for (let i = 0; i < list.length; i++) {
      const group = list[i];
      if (i === list.length - 1 && group.includes('.')) {
        const v4 = parseIPv4(group);
        if (v4 === null) return false;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return false;
        out.push(parseInt(group, 16));
      }
    }
    return true;
  };
  const headWords = [];
  const tailWords = [];
  // An embedded IPv4 address may only end the address.
  if (halves.length === 2 && halves[1] === '' && head.length && head[head.length - 1].includes('.')) return null;
  if (!pushGroups(head, headWords) || !pushGroups(tail, tailWords)) return null;
  if (halves.length === 2) {
    const missing = 8 - headWords.length - tailWords.length;
    if (missing < 1) return null;
    words.push(...headWords, ...new Array(missing).fill(0), ...tailWords);
  } else {
    if (headWords.length !== 8) return null;
    words.push(...headWords);
  }
  const bytes = new Array(16);
  for (let i = 0; i < 8; i++) {
    bytes[i * 2] = words[i] >> 8;
    bytes[i * 2 + 1] = words[i] & 0xff;
  }
  return bytes;
}

function formatIPv4(bytes, offset = 0) {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}

// Canonical IPv6 text: the longest run (2+) of zero groups as '::', and
// IPv4-compatible and IPv4-mapped addresses ending in a dotted quad.
function formatIPv6(bytes) {
  const words = [];
  for (let i = 0; i < 8; i++) words.push((bytes[i * 2] << 8) | bytes[i * 2 + 1]);
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      return out + formatIPv4(bytes, 12);
    }
    out += words[i].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

// ---- SocketAddress ----------------------------------------------------------------

// What Node keeps under kHandle: its native address, whose state no
// inspection shows (here the bytes, in a private field), with the native
// object's methods.
class SocketAddressHandle {
  #bytes;
  #detail;

  constructor(bytes, detail) {
    this.#bytes = bytes;
    this.#detail = detail;
  }

  static bytes(handle) { return handle.#bytes; }

  detail(target) {
    const { address, port, family, flowlabel } = this.#detail;
    target.address = address;
    target.port = port;
    target.family = family;
    target.flowlabel = flowlabel;
    return target;
  }

  legacyDetail() {
    const { address, port, family } = this.#detail;
    return { address, family: family === AF_INET6 ? 'IPv6' : 'IPv4', port };
  }

  flowlabel() { return this.#detail.flowlabel; }
}
Object.defineProperty(SocketAddressHandle, 'name', { value: 'SocketAddress' });
// (A native prototype lists its constructor last.)
delete SocketAddressHandle.prototype.constructor;
Object.defineProperty(SocketAddressHandle.prototype, 'constructor', { value: SocketAddressHandle, writable: true, configurable: true });

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kDetail] !== undefined;
  }

  static parse(input) {
    validateString(input, 'input'); // at node:internal/socketaddress:151:5
    // Parsed the way a URL authority is, so anything invalid gives undefined.
    try {
      const url = URL.parse(`http://${input}`);
      if (url === null) return undefined;
      const address = url.hostname;
      const port = url.port === '' ? 0 : Number(url.port);
      if (address.startsWith('[') && address.endsWith(']')) {
        return new SocketAddress({ address: address.slice(1, -1), port, family: 'ipv6' });
      }
      return new SocketAddress({ address, port });
    } catch {
      return undefined;
    }
  }

  constructor(options = kEmptyObject) {
    markTransferMode(this, true);
    validateObject(options, 'options'); // at node:internal/socketaddress:53:5
    let { family = 'ipv4' } = options;
    const {
      address = (family === 'ipv4' ? '127.0.0.1' : '::'),
      port = 0,
      flowlabel = 0,
    } = options;
    if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family); // at node:internal/socketaddress:72:15
    }
    validateString(address, 'options.address'); // at node:internal/socketaddress:75:5
    validatePort(port, 'options.port'); // at new SocketAddress (node:internal/socketaddress:76:5)
    validateUint32(flowlabel, 'options.flowlabel', false); // at node:internal/socketaddress:77:5

    const bytes = family === 'ipv4' ? parseIPv4(address) : parseIPv6(address);
    if (bytes === null) {
      // Node's binding throws this one when the handle is made.
      const err = new Error('Invalid socket address'); // at node:internal/socketaddress:79:21
      err.code = 'ERR_INVALID_ADDRESS';
      throw err;
    }
    const detail = {
      address: family === 'ipv4' ? formatIPv4(bytes) : formatIPv6(bytes),
      port: port | 0,
      family: family === 'ipv4' ? AF_INET : AF_INET6,
      flowlabel: family === 'ipv6' ? flowlabel | 0 : 0,
    };
    this[kHandle] = new SocketAddressHandle(bytes, detail);
    this[kDetail] = this[kHandle].detail({});
  }

  get address() { return this[kDetail].address; }

  get port() { return this[kDetail].port; }

  get family() { return this[kDetail].family === AF_INET ? 'ipv4' : 'ipv6'; }

  get flowlabel() { return this[kDetail].flowlabel; }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    inspect ??= require('internal/util/inspect').inspect;
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }

  // A copy has its own bytes and details (they never change).
  [kClone]() {
    return {
      data: { handle: this[kHandle], detail: this[kDetail] },
      deserializeInfo: 'internal/socketaddress:InternalSocketAddress',
    };
  }

  [kDeserialize]({ handle, detail }) {
    this[kHandle] = handle;
    this[kDetail] = { ...detail };
  }

  toJSON() {
    return {
      address: this.address,
      port: this.port,
      family: this.family,
      flowlabel: this.flowlabel,
    };
  }
}

// What a copy made by structuredClone() or postMessage() is an instance of:
// a SocketAddress in all but its direct prototype, as in Node.
class InternalSocketAddress {
  constructor() {
    markTransferMode(this, true);
  }
}
Object.setPrototypeOf(InternalSocketAddress.prototype, SocketAddress.prototype);
InternalSocketAddress.prototype.constructor = SocketAddress;

// The 16-byte (IPv6) or 4-byte (IPv4) form of a SocketAddress's handle.
function addressBytes(handle) {
  return SocketAddressHandle.bytes(handle);
}

module.exports = {
  SocketAddress,
  kSocketAddressHandle: kHandle,
  InternalSocketAddress,
  addressBytes,
  formatIPv4,
  formatIPv6,
  parseIPv4,
  parseIPv6,
};
