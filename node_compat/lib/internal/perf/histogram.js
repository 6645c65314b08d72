'use strict';

// Histograms for perf_hooks (createHistogram, monitorEventLoopDelay and
// timerify's option): an HDR histogram, as Node uses, so recorded values are
// kept in buckets of `figures` significant decimal digits and min, max, mean,
// percentiles and stddev come out exactly as Node reports them.
//
// Values are integers up to 2 ** 53; shifts are done with powers of two so
// no 32-bit operator truncates them.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
  nodeErrorWithMessage,
} = require('internal/errors');
const { validateInteger, validateNumber, validateObject } = require('internal/validators');
const { customInspectSymbol: kInspect, kEmptyObject } = require('internal/util');
const { inspectAs } = require('internal/perf/performance_entry');

const kInt64Max = 9223372036854775807n;
const kHdr = Symbol('kHdr');
const kExceeds = Symbol('kExceeds');
const kPrevious = Symbol('kPrevious');
const kResolution = Symbol('kResolution');
const kTimer = Symbol('kTimer');

// Node names its Map subclass SafeMap; the name shows in inspect output.
class SafeMap extends Map {}

const pow2 = (n) => 2 ** n;

function bitLength(value) {
  if (value < 0x100000000) return 32 - Math.clz32(value);
  return 64 - Math.clz32(Math.floor(value / 0x100000000));
}

class Hdr {
  constructor(lowest, highest, figures) {
    const largestSingleUnit = 2 * 10 ** figures;
    const subBucketCountMagnitude = Math.ceil(Math.log2(largestSingleUnit));
    this.subBucketHalfCountMagnitude = Math.max(subBucketCountMagnitude, 1) - 1;
    this.unitMagnitude = bitLength(lowest) - 1;
    this.subBucketCount = pow2(this.subBucketHalfCountMagnitude + 1);
    this.subBucketHalfCount = this.subBucketCount / 2;
    // Buckets double in width until one covers `highest`.
    let smallestUntrackable = this.subBucketCount * pow2(this.unitMagnitude);
    let bucketCount = 1;
    while (smallestUntrackable <= highest) {
      smallestUntrackable *= 2;
      bucketCount++;
    }
    this.counts = new Float64Array((bucketCount + 1) * this.subBucketHalfCount);
    this.reset();
  }

  reset() {
    this.counts.fill(0);
    this.totalCount = 0;
    this.minValue = Infinity;
    this.maxValue = 0;
  }

  bucketIndex(value) {
    const masked = Math.max(value, (this.subBucketCount - 1) * pow2(this.unitMagnitude));
    return bitLength(masked) - this.unitMagnitude - (this.subBucketHalfCountMagnitude + 1);
  }

  countsIndex(value) {
    const bucket = this.bucketIndex(value);
    const subBucket = Math.floor(value / pow2(bucket + this.unitMagnitude));
    return (bucket + 1) * pow2(this.subBucketHalfCountMagnitude) + subBucket - this.subBucketHalfCount;
  }

  valueAtIndex(index) {
    let bucket = Math.floor(index / pow2(this.subBucketHalfCountMagnitude)) - 1;
    let subBucket = (index % this.subBucketHalfCount) + this.subBucketHalfCount;
    if (bucket < 0) {
      subBucket -= this.subBucketHalfCount;
      bucket = 0;
    }
    return subBucket * pow2(bucket + this.unitMagnitude);
  }

  rangeSize(value) {
    const bucket = this.bucketIndex(value);
    const subBucket = Math.floor(value / pow2(bucket + this.unitMagnitude));
    return pow2(this.unitMagnitude + (subBucket >= this.subBucketCount ? bucket + 1 : bucket));
  }

  lowestEquivalent(value) {
    const bucket = this.bucketIndex(value);
    const subBucket = Math.floor(value / pow2(bucket + this.unitMagnitude));
    return subBucket * pow2(bucket + this.unitMagnitude);
  }

  highestEquivalent(value) {
    return this.lowestEquivalent(value) + this.rangeSize(value) - 1;
  }

  medianEquivalent(value) {
    return this.lowestEquivalent(value) + Math.floor(this.rangeSize(value) / 2);
  }

  record(value, count = 1) {
    if (value < 0) return false;
    const index = this.countsIndex(value);
    if (index < 0 || index >= this.counts.length) return false;
    this.counts[index] += count;
    this.totalCount += count;
    if (value !== 0 && value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    return true;
  }

  // [value, count] of every bucket holding values, in value order.
  *recorded() {
    const { counts } = this;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] !== 0) yield [this.valueAtIndex(i), counts[i]];
    }
  }

  min() {
    if (this.counts[0] > 0) return 0;
    return this.minValue === Infinity ? undefined : this.lowestEquivalent(this.minValue);
  }

  max() {
    return this.maxValue === 0 ? 0 : this.highestEquivalent(this.maxValue);
  }

  mean() {
    let total = 0n;
    for (const [value, count] of this.recorded()) total += BigInt(count) * BigInt(this.medianEquivalent(value));
    return Number(total) / this.totalCount;
  }

  stddev() {
    const mean = this.mean();
    let sum = 0;
    for (const [value, count] of this.recorded()) {
      const deviation = this.medianEquivalent(value) - mean;
      sum += deviation * deviation * count;
    }
    return Math.sqrt(sum / this.totalCount);
  }

  valueAtPercentile(percentile) {
    const wanted = Math.max(Math.trunc((Math.min(percentile, 100) / 100) * this.totalCount + 0.5), 1);
    let total = 0;
    const { counts } = this;
    for (let i = 0; i < counts.length; i++) {
      total += counts[i];
      if (total >= wanted) return this.highestEquivalent(this.valueAtIndex(i));
    }
    return 0;
  }

  // HdrHistogram's percentile iteration (one tick per half distance):
  // [percentile, value] pairs, closer together towards 100.
  percentiles() {
    const out = [];
    const { counts, totalCount } = this;
    let index = -1;
    let cumulative = 0;
    let count = 0;
    let value = 0;
    let next = 0;
    const step = () => {
      if (cumulative >= totalCount || index + 1 >= counts.length) return false;
      index++;
      count = counts[index];
      cumulative += count;
      value = this.valueAtIndex(index);
      return true;
    };
    while (cumulative < totalCount) {
      if (index === -1 && !step()) break;
      let reported = false;
      do {
        if (count !== 0 && next <= (100 * cumulative) / totalCount) {
          out.push([next, value]);
          const halfDistance = 2 ** (Math.trunc(Math.log(100 / (100 - next)) / Math.log(2)) + 1);
          next += 100 / halfDistance;
          reported = true;
          break;
        }
      } while (step());
      if (!reported) break;
    }
    out.push([100, value]);
    return out;
  }
}

function toBigInt(value) {
  return value === Infinity ? kInt64Max : BigInt(value);
}

class Histogram {
  constructor(skipThrow = undefined, lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3) {
    if (skipThrow !== kHdr) throw new TypeError('Illegal constructor');
    this[kHdr] = new Hdr(lowest, highest, figures);
    this[kExceeds] = 0;
  }

  get count() { return this[kHdr].totalCount; }
  get countBigInt() { return BigInt(this[kHdr].totalCount); }
  get min() { return Number(this.minBigInt); }
  get minBigInt() {
    const min = this[kHdr].min();
    return min === undefined ? kInt64Max : BigInt(min);
  }
  get max() { return this[kHdr].max(); }
  get maxBigInt() { return BigInt(this[kHdr].max()); }
  get mean() { return this[kHdr].mean(); }
  get exceeds() { return this[kExceeds]; }
  get exceedsBigInt() { return BigInt(this[kExceeds]); }
  get stddev() { return this[kHdr].stddev(); }

  percentile(percentile) {
    validateNumber(percentile, 'percentile');
    if (!(percentile > 0 && percentile <= 100)) {
      throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile); // at node:internal/histogram:193:13
    }
    return this[kHdr].valueAtPercentile(percentile);
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  get percentiles() {
    return new SafeMap(this[kHdr].percentiles());
  }

  get percentilesBigInt() {
    return new SafeMap(this[kHdr].percentiles().map(([p, v]) => [p, toBigInt(v)]));
  }

  reset() {
    this[kHdr].reset();
    this[kExceeds] = 0;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectAs('Histogram', {
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    }, options);
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }
}

class RecordableHistogram extends Histogram {
  record(val) {
    if (typeof val === 'bigint') {
      if (val < -kInt64Max - 1n || val > kInt64Max) {
        throw nodeErrorWithMessage('ERR_OUT_OF_RANGE', 'value is out of range');
      }
      val = Number(val);
    } else {
      validateInteger(val, 'val', 1);
    }
    if (!this[kHdr].record(val)) this[kExceeds]++;
  }

  // Records the nanoseconds since the previous call (nothing on the first).
  recordDelta() {
    const now = process.hrtime.bigint();
    if (this[kPrevious] !== undefined) this.record(now - this[kPrevious]);
    this[kPrevious] = now;
  }

  add(other) {
    if (!(other instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    for (const [value, count] of other[kHdr].recorded()) {
      if (!this[kHdr].record(value, count)) this[kExceeds] += count;
    }
    this[kExceeds] += other[kExceeds];
  }
}

function createHistogram(options = kEmptyObject) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  const asNumber = (value, name, min) => {
    if (typeof value === 'bigint') return Number(value);
    validateInteger(value, name, min);
    return value;
  };
  const low = asNumber(lowest, 'options.lowest', 1);
  const high = asNumber(highest, 'options.highest', 2 * low);
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kHdr, low, high, figures);
}

// monitorEventLoopDelay()'s histogram: an unreferenced interval records the
// time between its ticks, so a busy loop shows up as longer delays.
class ELDHistogram extends Histogram {
  constructor(skipThrow, resolution) {
    super(skipThrow);
    this[kResolution] = resolution;
    this[kTimer] = null;
  }

  enable() {
    if (this[kTimer] !== null) return false;
    let previous = process.hrtime.bigint();
    this[kTimer] = setInterval(() => {
      const now = process.hrtime.bigint();
      if (!this[kHdr].record(Number(now - previous))) this[kExceeds]++;
      previous = now;
    }, this[kResolution]);
    this[kTimer].unref();
    return true;
  }

  disable() {
    if (this[kTimer] === null) return false;
    clearInterval(this[kTimer]);
    this[kTimer] = null;
    return true;
  }
}

function monitorEventLoopDelay(options = kEmptyObject) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new ELDHistogram(kHdr, resolution);
}

function isHistogram(value) {
  return value?.[kHdr] !== undefined;
}

module.exports = { createHistogram, isHistogram, monitorEventLoopDelay, RecordableHistogram };
