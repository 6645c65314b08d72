'use strict';

// Node's frames for lines of the vendored readable-stream (see
// internal/node_throw_sites): its files cannot carry our `// at` comments,
// and they are pinned by version, so their lines are mapped here:
// vendored module id -> { line: Node's frame }.

module.exports = {
  __proto__: null,
  'node:vendor/readable-stream/lib/internal/streams/add-abort-signal': {
    15: 'node:internal/streams/add-abort-signal:29:11',
    21: 'node:internal/streams/add-abort-signal:36:11',
  },
  'node:vendor/readable-stream/lib/internal/streams/compose': {
    22: 'node:internal/streams/compose:30:11',
    44: 'node:internal/streams/compose:61:13',
    47: 'node:internal/streams/compose:75:13',
  },
  'node:vendor/readable-stream/lib/internal/streams/duplexify': {
    137: 'node:internal/streams/duplexify:139:11',
    202: 'node:internal/streams/duplexify:204:9',
  },
  'node:vendor/readable-stream/lib/internal/streams/end-of-stream': {
    46: 'node:internal/streams/end-of-stream:61:5',
    48: 'node:internal/streams/end-of-stream:63:3',
    49: 'node:internal/streams/end-of-stream:64:3',
    55: 'node:internal/streams/end-of-stream:73:11',
    121: 'node:internal/streams/end-of-stream:153:30',
    269: 'node:internal/streams/end-of-stream:309:5',
  },
  'node:vendor/readable-stream/lib/internal/streams/from': {
    32: 'node:internal/streams/from:36:11',
  },
  'node:vendor/readable-stream/lib/internal/streams/operators': {
    38: 'node:internal/streams/operators:52:11',
    49: 'node:internal/streams/operators:70:11',
    52: 'node:internal/streams/operators:74:5',
    55: 'node:internal/streams/operators:77:5',
    65: 'node:internal/streams/operators:90:3',
    66: 'node:internal/streams/operators:91:3',
    203: 'node:internal/streams/operators:227:11',
    222: 'node:internal/streams/operators:245:11',
    233: 'node:internal/streams/operators:258:11',
    248: 'node:internal/streams/operators:319:13',
    255: 'node:internal/streams/operators:281:11',
    258: 'node:internal/streams/operators:285:5',
    261: 'node:internal/streams/operators:288:5',
    321: 'node:internal/streams/operators:329:5',
    324: 'node:internal/streams/operators:332:5',
    336: 'node:internal/streams/operators:338:13',
    360: 'node:internal/streams/operators:362:11',
    366: 'node:internal/streams/operators:369:5',
    405: 'node:internal/streams/operators:396:5',
  },
  'node:vendor/readable-stream/lib/internal/streams/pipeline': {
    176: 'node:internal/streams/pipeline:192:11',
    185: 'node:internal/streams/pipeline:203:3',
    326: 'node:internal/streams/pipeline:359:17',
  },
  'node:vendor/readable-stream/lib/internal/streams/readable': {
    276: 'node:internal/streams/readable:480:28',
    360: 'node:internal/streams/readable:611:11',
    984: 'node:internal/streams/readable:1342:5',
  },
  'node:vendor/readable-stream/lib/internal/streams/transform': {
    147: 'node:internal/streams/transform:163:9',
  },
  'node:vendor/readable-stream/lib/internal/streams/writable': {
    253: 'node:internal/streams/writable:466:13',
    257: 'node:internal/streams/writable:459:11',
    303: 'node:internal/streams/writable:538:11',
    525: 'node:internal/streams/writable:800:11',
  },
};
