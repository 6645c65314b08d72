'use strict';

// performance.eventLoopUtilization(): how much of the time since the loop
// started was spent running callbacks rather than waiting in the poll phase.

const { loopIdleTime, milestones, now } = require('internal/perf/utils');

function utilization(idle, active) {
  return { idle, active, utilization: active / (idle + active) };
}

function eventLoopUtilization(util1, util2) {
  const { loopStart } = milestones();
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) return utilization(util1.idle - util2.idle, util1.active - util2.active);
  const idle = loopIdleTime();
  const active = now() - loopStart - idle;
  if (!util1) return utilization(idle, active);
  return utilization(idle - util1.idle, active - util1.active);
}

module.exports = { eventLoopUtilization };
