'use strict';

// node:cluster — one primary process forks workers (child_process.fork with
// NODE_UNIQUE_ID set) that share its servers. A process is a worker when it
// was started so; each side's API lives in its own module.

module.exports = 'NODE_UNIQUE_ID' in process.env ?
  require('internal/cluster/child') :
  require('internal/cluster/primary');
