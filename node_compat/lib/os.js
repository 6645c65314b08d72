'use strict';

// node:os — facts about the machine and the current user, from
// internalBinding('os') (libuv's views of /proc, uname, getifaddrs, getpwuid),
// and the os.constants tables from internalBinding('constants').

const { codes: { ERR_SYSTEM_ERROR } } = require('internal/errors');
const { validateInt32 } = require('internal/validators');
const { normalizeEncoding } = require('internal/util');
const { markThrowSite } = require('internal/node_throw_sites');
const binding = internalBinding('os');
const { os: constants } = internalBinding('constants');

// A failed libuv call as Node reports it: ERR_SYSTEM_ERROR naming the uv function.
function systemError(errno, syscall) {
  const uv = internalBinding('uv');
  return new ERR_SYSTEM_ERROR({
    errno,
    code: uv.errname(errno),
    message: uv.getErrorMessage(errno),
    syscall,
  });
}

function checked(value, syscall) {
  if (typeof value === 'number' && value < 0) throw systemError(value, syscall);
  return value;
}

// `${os.hostname}` and `+os.totalmem` give the value, as in Node.
function withPrimitive(fn) {
  Object.defineProperty(fn, Symbol.toPrimitive, {
    __proto__: null, value: () => fn(), writable: false, enumerable: false, configurable: true,
  });
  return fn;
}

const osInformation = () => binding.getOSInformation();

function getOSType() { return osInformation()[0]; }
function getOSVersion() { return osInformation()[1]; }
function getOSRelease() { return osInformation()[2]; }
function getMachine() { return osInformation()[3]; }
function getTotalMem() { return binding.getTotalMem(); }
function getFreeMem() { return binding.getFreeMem(); }
function getAvailableParallelism() { return binding.getAvailableParallelism(); }

function arch() { return process.arch; }
function platform() { return process.platform; }
function endianness() { return binding.isBigEndian ? 'BE' : 'LE'; }
// The libuv-backed getters a program sees as Node's do: each a function
// named wrappedFn declaring no parameters.
function wrapped(get) {
  return function wrappedFn() { return get(); };
}
const hostname = wrapped(() => checked(binding.getHostname(), 'uv_os_gethostname'));
const homedir = wrapped(() => checked(binding.getHomeDirectory(), 'uv_os_homedir'));
const uptime = wrapped(() => binding.getUptime());

function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

function loadavg() {
  return binding.getLoadAvg();
}

function cpus() {
  const list = binding.getCPUs();
  const out = [];
  for (const [model, speed, user, nice, sys, idle, irq] of list) {
    out.push({ model, speed, times: { user, nice, sys, idle, irq } });
  }
  return out;
}

// The prefix length of a netmask, or null when its one-bits are not contiguous.
function cidrBits(netmask, family) {
  let bits;
  if (family === 'IPv4') {
    bits = netmask.split('.').map((part) => Number(part).toString(2).padStart(8, '0')).join('');
  } else {
    const [head, tail = ''] = netmask.split('::');
    const left = head === '' ? [] : head.split(':');
    const right = tail === '' ? [] : tail.split(':');
    const groups = [...left, ...new Array(8 - left.length - right.length).fill('0'), ...right];
    bits = groups.map((part) => Number.parseInt(part, 16).toString(2).padStart(16, '0')).join('');
  }
  if (!/^1*0*$/.test(bits)) return null;
  const firstZero = bits.indexOf('0');
  return firstZero === -1 ? bits.length : firstZero;
}

function networkInterfaces() {
  const list = checked(binding.getInterfaceAddresses(), 'uv_interface_addresses');
  const result = {};
  for (const [name, address, netmask, family, mac, internal, scopeid] of list) {
    const bits = cidrBits(netmask, family);
    const entry = {
      address,
      netmask,
      family,
      mac,
      internal,
      cidr: bits === null ? null : `${address}/${bits}`,
    };
    if (family === 'IPv6') entry.scopeid = scopeid;
    (result[name] ??= []).push(entry);
  }
  return result;
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid'); // at node:os:328:5
  const [err, priority] = binding.getPriority(pid);
  if (err < 0) throw markThrowSite(systemError(err, 'uv_os_getpriority'), 'node:os:334:11');
  return priority;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid'); // at node:os:311:3
  validateInt32(priority, 'priority', -20, 19); // at node:os:312:3
  const err = binding.setPriority(pid, priority);
  if (err < 0) throw markThrowSite(systemError(err, 'uv_os_setpriority'), 'node:os:317:11');
}

function userInfo(options) {
  const info = checked(binding.getUserInfo(), 'uv_os_get_passwd');
  const [uid, gid, ...texts] = info;
  const encoding = options?.encoding;
  let convert = (text) => text;
  if (encoding === 'buffer') {
    const { Buffer } = require('buffer');
    convert = (text) => Buffer.from(text, 'utf8');
  } else if (typeof encoding === 'string' && (normalizeEncoding(encoding) ?? 'utf8') !== 'utf8') {
    const { Buffer } = require('buffer');
    convert = (text) => Buffer.from(text, 'utf8').toString(encoding);
  }
  const [username, homedir, shell] = texts.map(convert);
  return { __proto__: null, uid, gid, username, homedir, shell };
}

module.exports = {
  arch: withPrimitive(arch),
  availableParallelism: withPrimitive(getAvailableParallelism),
  cpus,
  endianness: withPrimitive(endianness),
  freemem: withPrimitive(getFreeMem),
  getPriority,
  homedir: withPrimitive(homedir),
  hostname: withPrimitive(hostname),
  loadavg,
  networkInterfaces,
  platform: withPrimitive(platform),
  release: withPrimitive(getOSRelease),
  setPriority,
  tmpdir: withPrimitive(tmpdir),
  totalmem: withPrimitive(getTotalMem),
  type: withPrimitive(getOSType),
  userInfo,
  uptime: withPrimitive(uptime),
  version: withPrimitive(getOSVersion),
  machine: withPrimitive(getMachine),
};

Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
