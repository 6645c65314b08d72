'use strict';

// Resource Timing: PerformanceResourceTiming entries, which a fetch
// implementation records through performance.markResourceTiming() with the
// Fetch standard's timing info, and the bounded resource timeline buffer
// ('resourcetimingbufferfull' fires on `performance` when it is full).

const { validateInternalField } = require('internal/validators');
const { PerformanceEntry, kSkipThrow } = require('internal/perf/performance_entry');
const { bufferResourceTiming, enqueue, resourceEntryCount } = require('internal/perf/observe');

const kTimingInfo = Symbol('kTimingInfo');
const kInitiatorType = Symbol('kInitiatorType');
const kCacheMode = Symbol('kCacheMode');
const kBodyInfo = Symbol('kBodyInfo');
const kResponseStatus = Symbol('kResponseStatus');
const kDeliveryType = Symbol('kDeliveryType');

let bufferSize = 250;
let bufferFullPending = false;

class PerformanceResourceTiming extends PerformanceEntry {
  constructor(skipThrow = undefined, name = undefined, type = undefined) {
    super(skipThrow, name, type);
  }

  get name() {
    validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
    return super.name;
  }

  get startTime() {
    validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
    return this[kTimingInfo].startTime;
  }

  get duration() {
    validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
    return this[kTimingInfo].endTime - this[kTimingInfo].startTime;
  }
}

const connectionField = (field) => function() {
  validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
  return this[kTimingInfo].finalConnectionTimingInfo?.[field];
};
const timingField = (field) => function() {
  validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
  return this[kTimingInfo][field];
};
const ownField = (key) => function() {
  validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
  return this[key];
};

const getters = {
  initiatorType: ownField(kInitiatorType),
  workerStart: timingField('finalServiceWorkerStartTime'),
  redirectStart: timingField('redirectStartTime'),
  redirectEnd: timingField('redirectEndTime'),
  fetchStart: timingField('postRedirectStartTime'),
  domainLookupStart: connectionField('domainLookupStartTime'),
  domainLookupEnd: connectionField('domainLookupEndTime'),
  connectStart: connectionField('connectionStartTime'),
  connectEnd: connectionField('connectionEndTime'),
  secureConnectionStart: connectionField('secureConnectionStartTime'),
  nextHopProtocol: connectionField('ALPNNegotiatedProtocol'),
  requestStart: timingField('finalNetworkRequestStartTime'),
  responseStart: timingField('finalNetworkResponseStartTime'),
  responseEnd: timingField('endTime'),
  encodedBodySize() {
    validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
    return this[kBodyInfo]?.encodedBodySize ?? 0;
  },
  decodedBodySize() {
    validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
    return this[kBodyInfo]?.decodedBodySize ?? 0;
  },
  // A response served from the local cache transferred nothing; otherwise
  // the body plus a nominal 300 bytes of headers (the spec's estimate).
  transferSize() {
    validateInternalField(this, kTimingInfo, 'PerformanceResourceTiming');
    if (this[kCacheMode] === 'local') return 0;
    return (this[kBodyInfo]?.encodedBodySize ?? 0) + 300;
  },
  deliveryType: ownField(kDeliveryType),
  responseStatus: ownField(kResponseStatus),
};

// toJSON's fields (after PerformanceEntry's), in the order Node writes them.
const kJSONOrder = [
  'initiatorType', 'nextHopProtocol', 'workerStart', 'redirectStart', 'redirectEnd', 'fetchStart',
  'domainLookupStart', 'domainLookupEnd', 'connectStart', 'connectEnd', 'secureConnectionStart', 'requestStart',
  'responseStart', 'responseEnd', 'transferSize', 'encodedBodySize', 'decodedBodySize', 'deliveryType',
  'responseStatus',
];

for (const [key, get] of Object.entries(getters)) {
  Object.defineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
  Object.defineProperty(PerformanceResourceTiming.prototype, key, {
    __proto__: null, get, enumerable: true, configurable: true,
  });
}

Object.defineProperties(PerformanceResourceTiming.prototype, {
  toJSON: {
    __proto__: null,
    enumerable: true,
    configurable: true,
    writable: true,
    value: function toJSON() {
      const json = { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration };
      for (const key of kJSONOrder) json[key] = this[key];
      return json;
    },
  },
  [Symbol.toStringTag]: {
    __proto__: null, value: 'PerformanceResourceTiming', writable: false, enumerable: false, configurable: true,
  },
});

function markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode, bodyInfo,
                            responseStatus, deliveryType = '') {
  const entry = new PerformanceResourceTiming(kSkipThrow, requestedUrl, 'resource');
  entry[kTimingInfo] = timingInfo;
  entry[kInitiatorType] = initiatorType;
  entry[kCacheMode] = cacheMode;
  entry[kBodyInfo] = bodyInfo;
  entry[kResponseStatus] = responseStatus;
  entry[kDeliveryType] = deliveryType;
  enqueue(entry);
  if (resourceEntryCount() >= bufferSize && !bufferFullPending) {
    // Give listeners one chance to make room (clearResourceTimings()).
    bufferFullPending = true;
    try {
      this.dispatchEvent(new Event('resourcetimingbufferfull'));
    } finally {
      bufferFullPending = false;
    }
  }
  if (resourceEntryCount() < bufferSize) bufferResourceTiming(entry);
  return entry;
}

// Node takes any value here (a non-number makes the buffer never full).
function setResourceTimingBufferSize(maxSize) {
  bufferSize = maxSize;
}

module.exports = { markResourceTiming, PerformanceResourceTiming, setResourceTimingBufferSize };
