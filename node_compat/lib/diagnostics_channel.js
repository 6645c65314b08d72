'use strict';

// node:diagnostics_channel — named channels for publishing diagnostic
// messages, and tracing channels (start/end/asyncStart/asyncEnd/error).
//
// A channel without subscribers or bound stores is inactive: publish() is a
// no-op. Subscribing switches its prototype to ActiveChannel, whose methods
// do the work, so the idle case stays as cheap as a property check. Channels
// are found by name through weak references: an unused channel can be
// collected, and channel(name) then makes a new one.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { markRethrow } = require('internal/node_throw_sites');

// Node's internal Map subclass; its name shows when a channel is inspected.
class SafeMap extends Map {}

const channels = new Map();
const collected = new FinalizationRegistry((name) => {
  const ref = channels.get(name);
  if (ref !== undefined && ref.deref() === undefined) channels.delete(name);
});
// Channels with subscribers or stores stay alive while active.
const activeChannels = new Set();

function lookup(name) {
  return channels.get(name)?.deref();
}

function markActive(channel) {
  Object.setPrototypeOf(channel, ActiveChannel.prototype);
  channel._subscribers = [];
  channel._stores = new SafeMap();
  activeChannels.add(channel);
}

function markInactive(channel) {
  if (channel._subscribers.length > 0 || channel._stores.size > 0) return;
  Object.setPrototypeOf(channel, Channel.prototype);
  channel._subscribers = undefined;
  channel._stores = undefined;
  activeChannels.delete(channel);
}

// Deliver to each subscriber; a throwing subscriber does not stop the
// others, its error becomes an uncaught exception on the next tick.
function deliver(subscribers, message, name) {
  for (let i = 0; i < subscribers.length; i++) {
    try {
      subscribers[i](message, name); // at Channel.publish (node:diagnostics_channel:150:9)
    } catch (err) {
      process.nextTick(() => {
        throw err;
      });
    }
  }
}

class ActiveChannel {
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // A new array: a publish() in progress keeps the list it started with.
    this._subscribers = [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    const index = this._subscribers.indexOf(subscription);
    if (index === -1) return false;
    this._subscribers = this._subscribers.filter((_, i) => i !== index);
    markInactive(this);
    return true;
  }

  bindStore(store, transform) {
    this._stores.set(store, transform);
  }

  unbindStore(store) {
    if (!this._stores.delete(store)) return false;
    markInactive(this);
    return true;
  }

  get hasSubscribers() {
    return true;
  }

  publish(data) {
    deliver(this._subscribers, data, this.name); // at -
  }

  // Publish `data`, then run fn inside every bound store's context (the
  // last bound store outermost). A throwing transform skips its store.
  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data); // at run (node:diagnostics_channel:161:12)
      return Reflect.apply(fn, thisArg, args); // at run (node:diagnostics_channel:162:14)
    };
    for (const [store, transform] of this._stores.entries()) {
      const next = run;
      run = () => {
        let context = data;
        if (typeof transform === 'function') {
          try {
            context = transform(data);
          } catch (err) {
            process.nextTick(() => {
              throw err;
            });
            return next();
          }
        }
        return store.run(context, next);
      };
    }
    return run(); // at Channel.runStores (node:diagnostics_channel:171:12)
  }
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    channels.set(name, new WeakRef(this));
    collected.register(this, name);
  }

  static [Symbol.hasInstance](instance) {
    const proto = instance === null || typeof instance !== 'object' ? null : Object.getPrototypeOf(instance);
    return proto === Channel.prototype || proto === ActiveChannel.prototype;
  }

  subscribe(subscription) {
    markActive(this);
    this.subscribe(subscription);
  }

  unsubscribe() {
    return false;
  }

  bindStore(store, transform) {
    markActive(this);
    this.bindStore(store, transform);
  }

  unbindStore() {
    return false;
  }

  get hasSubscribers() {
    return false;
  }

  publish() {}

  runStores(data, fn, thisArg, ...args) {
    return Reflect.apply(fn, thisArg, args); // at Channel.runStores (node:diagnostics_channel:215:12)
  }
}

function validateChannelName(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name); // at Object.channel (node:diagnostics_channel:226:11)
  }
}

function channel(name) {
  const existing = lookup(name);
  if (existing !== undefined) return existing;
  validateChannelName(name); // at -
  return new Channel(name);
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  const existing = lookup(name);
  return existing === undefined ? false : existing.unsubscribe(subscription);
}

function hasSubscribers(name) {
  const existing = lookup(name);
  return existing === undefined ? false : existing.hasSubscribers;
}

const kTraceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    for (const event of kTraceEvents) {
      let value;
      if (typeof nameOrChannels === 'string') {
        value = channel(`tracing:${nameOrChannels}:${event}`);
      } else {
        value = nameOrChannels[event];
        if (!(value instanceof Channel)) {
          throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`, ['Channel'], value);
        }
      }
      Object.defineProperty(this, event, {
        __proto__: null, value, writable: false, enumerable: false, configurable: false,
      });
    }
  }

  get hasSubscribers() {
    return kTraceEvents.some((event) => this[event].hasSubscribers);
  }

  subscribe(handlers) {
    for (const event of kTraceEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const event of kTraceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args); // at TracingChannel.traceSync (node:diagnostics_channel:322:14)
    const { start, end, error } = this;
    return start.runStores(context, () => { // at TracingChannel.traceSync (node:diagnostics_channel:327:18)
      try {
        const result = Reflect.apply(fn, thisArg, args); // at (node:diagnostics_channel:329:24)
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw markRethrow(err, 'node:diagnostics_channel:335:9');
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args); // at TracingChannel.tracePromise (node:diagnostics_channel:344:14)
    const { start, end, asyncStart, asyncEnd, error } = this;
    const settled = () => {
      asyncStart.publish(context);
      asyncEnd.publish(context);
    };
    const resolve = (result) => {
      context.result = result;
      settled();
      return result;
    };
    const reject = (err) => {
      context.error = err;
      error.publish(context);
      settled();
      return Promise.reject(err);
    };
    return start.runStores(context, () => { // at TracingChannel.tracePromise (node:diagnostics_channel:366:18)
      try {
        let promise = Reflect.apply(fn, thisArg, args); // at (node:diagnostics_channel:368:23)
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw markRethrow(err, 'node:diagnostics_channel:377:9');
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args); // at TracingChannel.traceCallback (node:diagnostics_channel:386:14)
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function wrappedCallback(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      return asyncStart.runStores(context, () => { // at wrappedCallback (node:diagnostics_channel:400:18)
        try {
          return Reflect.apply(callback, this, arguments); // at (node:diagnostics_channel:402:18)
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrappedCallback);
    return start.runStores(context, () => { // at TracingChannel.traceCallback (node:diagnostics_channel:413:18)
      try {
        return Reflect.apply(fn, thisArg, args); // at (node:diagnostics_channel:415:16)
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw markRethrow(err, 'node:diagnostics_channel:419:9');
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  if (typeof nameOrChannels !== 'string' && (nameOrChannels === null || typeof nameOrChannels !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE( // at node:diagnostics_channel:272:9
      'nameOrChannels', ['string', 'object', 'TracingChannel'], nameOrChannels);
  }
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
