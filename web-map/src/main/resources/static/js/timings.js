// Milestones of the page in milliseconds since navigation start (Performance API), for the
// benchmarks in docs/benchmarks.md: the browser tests read window.gridpatrolTimings.
window.gridpatrolTimings = window.gridpatrolTimings || {};

export function markTiming(name) {
  performance.mark(name);
  if (!(name in window.gridpatrolTimings)) window.gridpatrolTimings[name] = Math.round(performance.now());
}
