'use strict';

// net.BlockList: rules (single addresses, inclusive ranges, CIDR subnets)
// that IP addresses are checked against. An IPv4 address and its
// IPv4-mapped IPv6 form (::ffff:a.b.c.d) match the same rules; other
// addresses of different families never compare. Rules are listed newest
// first, as Node lists them.

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateInt32, validateString } = require('internal/validators');
const { customInspectSymbol: kInspect } = require('internal/util');
const {
  SocketAddress,
  addressBytes,
  formatIPv4,
  formatIPv6,
  kSocketAddressHandle,
} = require('internal/socketaddress');
const { owner_symbol } = require('internal/async_hooks');
const { kClone, kDeserialize, markTransferMode } = require('internal/worker/js_transferable');

const kHandle = Symbol('kHandle');

let inspect;

// Whether 16 address bytes are an IPv4-mapped IPv6 address.
function isMapped(bytes) {
  if (bytes.length !== 16) return false;
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

// -1, 0, 1, or undefined when the two addresses cannot be compared.
function compare(a, b) {
  if (a.length !== b.length) {
    if (a.length === 4 && isMapped(b)) b = b.slice(12);
    else if (b.length === 4 && isMapped(a)) a = a.slice(12);
    else return undefined;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

// Whether `bytes` lies in the network `net`/`prefix`. An IPv4 address is
// matched against an IPv6 network in its IPv4-mapped form; an IPv6 address
// only meets an IPv4 network when it is IPv4-mapped.
function inSubnet(bytes, net, prefix) {
  if (bytes.length !== net.length) {
    if (net.length === 4 && isMapped(bytes)) {
      bytes = bytes.slice(12);
    } else if (bytes.length === 4) {
      bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...bytes];
    } else {
      return false;
    }
  }
  let bits = prefix;
  for (let i = 0; i < net.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (net[i] & mask)) return false;
  }
  return true;
}

function familyLabel(bytes) {
  return bytes.length === 4 ? 'IPv4' : 'IPv6';
}

function addressText(bytes) {
  return bytes.length === 4 ? formatIPv4(bytes) : formatIPv6(bytes);
}

// What Node keeps under kHandle: its native list, whose rules no inspection
// shows (here in a private field: a copy's handle shares them), with the
// native object's methods, which take SocketAddress handles.
class BlockListHandle {
  #rules;

  constructor(rules = []) {
    this.#rules = rules;
  }

  static rules(handle) { return handle.#rules; }

  addAddress(address) {
    const bytes = addressBytes(address);
    this.#rules.unshift({
      text: `Address: ${familyLabel(bytes)} ${addressText(bytes)}`,
      match: (candidate) => compare(candidate, bytes) === 0,
    });
    return true;
  }

  addRange(start, end) {
    const low = addressBytes(start);
    const high = addressBytes(end);
    if (compare(low, high) === 1) return false;
    this.#rules.unshift({
      text: `Range: ${familyLabel(low)} ${addressText(low)}-${addressText(high)}`,
      match: (candidate) => {
        const above = compare(candidate, low);
        const below = compare(candidate, high);
        return above !== undefined && below !== undefined && above >= 0 && below <= 0;
      },
    });
    return true;
  }

  addSubnet(network, prefix) {
    const bytes = addressBytes(network);
    this.#rules.unshift({
      text: `Subnet: ${familyLabel(bytes)} ${addressText(bytes)}/${prefix}`,
      match: (candidate) => inSubnet(candidate, bytes, prefix),
    });
    return true;
  }

  check(address) {
    const bytes = addressBytes(address);
    return this.#rules.some((rule) => rule.match(bytes));
  }

  getRules() {
    return this.#rules.map((rule) => rule.text);
  }
}
Object.defineProperty(BlockListHandle, 'name', { value: 'BlockList' });
// (A native prototype lists its constructor last.)
delete BlockListHandle.prototype.constructor;
Object.defineProperty(BlockListHandle.prototype, 'constructor', { value: BlockListHandle, writable: true, configurable: true });

function newHandle(owner, rules) {
  const handle = new BlockListHandle(rules);
  handle[owner_symbol] = owner;
  return handle;
}

class BlockList {
  constructor() {
    markTransferMode(this, true);
    this[kHandle] = newHandle(this);
  }

  static isBlockList(value) {
    return value?.[kHandle] !== undefined;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    inspect ??= require('internal/util/inspect').inspect;
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }

  addAddress(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address'); // at BlockList.addAddress (node:internal/blocklist:71:7)
      validateString(family, 'family'); // at node:internal/blocklist:72:7
      address = new SocketAddress({ address, family }); // at BlockList.addAddress (node:internal/blocklist:73:17)
    }
    this[kHandle].addAddress(address[kSocketAddressHandle]);
  }

  addRange(start, end, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(start)) {
      validateString(start, 'start'); // at node:internal/blocklist:83:7
      validateString(family, 'family'); // at node:internal/blocklist:84:7
      start = new SocketAddress({ address: start, family }); // at BlockList.addRange (node:internal/blocklist:85:15)
    }
    if (!SocketAddress.isSocketAddress(end)) {
      validateString(end, 'end'); // at node:internal/blocklist:91:7
      validateString(family, 'family'); // at node:internal/blocklist:92:7
      end = new SocketAddress({ address: end, family }); // at BlockList.addRange (node:internal/blocklist:93:13)
    }
    if (!this[kHandle].addRange(start[kSocketAddressHandle], end[kSocketAddressHandle])) {
      throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end'); // at node:internal/blocklist:102:13
    }
  }

  addSubnet(network, prefix, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(network)) {
      validateString(network, 'network'); // at node:internal/blocklist:107:7
      validateString(family, 'family'); // at node:internal/blocklist:108:7
      network = new SocketAddress({ address: network, family }); // at BlockList.addSubnet (node:internal/blocklist:109:17)
    }
    if (network.family === 'ipv4') {
      validateInt32(prefix, 'prefix', 0, 32); // at node:internal/blocklist:116:9
    } else {
      validateInt32(prefix, 'prefix', 0, 128); // at node:internal/blocklist:119:9
    }
    this[kHandle].addSubnet(network[kSocketAddressHandle], prefix);
  }

  check(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address'); // at node:internal/blocklist:127:7
      validateString(family, 'family'); // at node:internal/blocklist:128:7
      try {
        address = new SocketAddress({ address, family });
      } catch {
        return false;  // not an address of that family: nothing to block
      }
    }
    return this[kHandle].check(address[kSocketAddressHandle]);
  }

  get rules() {
    return this[kHandle].getRules();
  }

  // A copy shares the rules: a rule added to either is in both, as when
  // Node's copy in the same thread shares the native list.
  [kClone]() {
    return {
      data: { rules: BlockListHandle.rules(this[kHandle]) },
      deserializeInfo: 'internal/blocklist:InternalBlockList',
    };
  }

  [kDeserialize]({ rules }) {
    this[kHandle] = newHandle(this, rules);
  }
}

// What a copy made by structuredClone() or postMessage() is an instance of:
// a BlockList in all but its direct prototype, as in Node.
class InternalBlockList {
  constructor() {
    markTransferMode(this, true);
  }
}
Object.setPrototypeOf(InternalBlockList.prototype, BlockList.prototype);
InternalBlockList.prototype.constructor = BlockList;

module.exports = { BlockList, InternalBlockList };
