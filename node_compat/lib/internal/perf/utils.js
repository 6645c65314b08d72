'use strict';

// The clock of the performance timeline: milliseconds since the time origin
// (when this process started), from internalBinding('performance').

const binding = internalBinding('performance');

const now = binding.now;

// performance.nodeTiming's milestones, in the binding's order; -1 = not yet.
function milestones() {
  const [nodeStart, v8Start, environment, bootstrapComplete, loopStart, loopExit] = binding.milestones();
  return { nodeStart, v8Start, environment, bootstrapComplete, loopStart, loopExit };
}

module.exports = {
  loopIdleTime: binding.loopIdleTime,
  loopMetrics: binding.loopMetrics,
  milestones,
  now,
  timeOrigin: binding.timeOrigin,
};
