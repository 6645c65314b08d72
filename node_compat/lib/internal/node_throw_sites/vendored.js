'use strict';

// Node's frames for lines of the vendored readable-stream files still in
// use (see internal/node_throw_sites and internal/streams/vendored): their
// files cannot carry our `// at` comments, and they are pinned by version,
// so their lines are mapped here: vendored module id -> { line: Node's frame }.

module.exports = {
  __proto__: null,
  'node:vendor/readable-stream/lib/internal/streams/compose': {
    22: 'node:internal/streams/compose:30:11',
    44: 'node:internal/streams/compose:61:13',
    47: 'node:internal/streams/compose:75:13',
  },
  'node:vendor/readable-stream/lib/internal/streams/duplexify': {
    137: 'node:internal/streams/duplexify:139:11',
    202: 'node:internal/streams/duplexify:204:9',
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
};
