'use strict';

// node:timers — setTimeout/setInterval/setImmediate and their clear functions.

const {
  active,
  asyncIdSymbol,
  Immediate,
  immediateInfo,
  immediateQueue,
  kCount,
  kHasPrimitive,
  kRefCount,
  kRefed,
  knownTimersById,
  Timeout,
  unenroll: unenrollTimer,
  unrefActive,
  validateFunction,
} = require('internal/timers');
const { deprecate } = require('internal/util');
const { toggleImmediateRef } = internalBinding('timers');

function setTimeout(callback, after, arg1, arg2, arg3) {
  validateFunction(callback, 'callback'); // at node:timers:140:3
  let i, args;
  switch (arguments.length) {
    case 0:
    case 1:
    case 2:
      break;
    case 3:
      args = [arg1];
      break;
    case 4:
      args = [arg1, arg2];
      break;
    default:
      args = [arg1, arg2, arg3];
      for (i = 5; i < arguments.length; i++) args[i - 2] = arguments[i];
      break;
  }
  const timeout = new Timeout(callback, after, args, false, true);
  active(timeout);
  return timeout;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenrollTimer(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById[timer];
    if (timerInstance !== undefined) {
      timerInstance._onTimeout = null;
      unenrollTimer(timerInstance);
    }
  }
}

function setInterval(callback, repeat, arg1, arg2, arg3) {
  validateFunction(callback, 'callback'); // at node:timers:209:3
  let i, args;
  switch (arguments.length) {
    case 0:
    case 1:
    case 2:
      break;
    case 3:
      args = [arg1];
      break;
    case 4:
      args = [arg1, arg2];
      break;
    default:
      args = [arg1, arg2, arg3];
      for (i = 5; i < arguments.length; i++) args[i - 2] = arguments[i];
      break;
  }
  const timeout = new Timeout(callback, repeat, args, true, true);
  active(timeout);
  return timeout;
}

function clearInterval(timer) {
  clearTimeout(timer);
}

Timeout.prototype.close = function() {
  clearTimeout(this);
  return this;
};

Timeout.prototype[Symbol.dispose] = function() {
  clearTimeout(this);
};

// A timeout converts to its id, which clearTimeout then accepts.
Timeout.prototype[Symbol.toPrimitive] = function() {
  const id = this[asyncIdSymbol];
  if (!this[kHasPrimitive]) {
    this[kHasPrimitive] = true;
    knownTimersById[id] = this;
  }
  return id;
};

function setImmediate(callback, arg1, arg2, arg3) {
  validateFunction(callback, 'callback'); // at node:timers:282:3
  let i, args;
  switch (arguments.length) {
    case 0:
    case 1:
      break;
    case 2:
      args = [arg1];
      break;
    case 3:
      args = [arg1, arg2];
      break;
    default:
      args = [arg1, arg2, arg3];
      for (i = 4; i < arguments.length; i++) args[i - 1] = arguments[i];
      break;
  }
  return new Immediate(callback, args);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediateInfo[kCount]--;
  immediate._destroyed = true;
  if (immediate[kRefed] && --immediateInfo[kRefCount] === 0) {
    toggleImmediateRef(false);
  }
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  immediateQueue.remove(immediate);
}

Immediate.prototype[Symbol.dispose] = function() {
  clearImmediate(this);
};

function unenroll(item) {
  if (item !== null && typeof item === 'object') unenrollTimer(item);
}

function enroll(item, msecs) {
  if (item._idleTimeout) unenrollTimer(item);
  item._idleTimeout = msecs;
  item._idlePrev = item;
  item._idleNext = item;
}

// util.promisify(setTimeout) and util.promisify(setImmediate) give the
// timers/promises versions.
for (const [fn, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    __proto__: null,
    enumerable: true,
    get() { return require('timers/promises')[name]; },
  });
}

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  // The legacy timer API of plain objects, warning once each, as in Node.
  _unrefActive: deprecate(unrefActive,
    'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127'),
  active: deprecate(active, 'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126'),
  unenroll: deprecate(unenroll, 'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096'),
  enroll: deprecate(enroll, 'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
};

Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return require('timers/promises'); },
});
