// The target band of households per grid, and the colour of a grid against it. The band is the
// planner's choice (kept in localStorage); listeners redraw when it changes.
const KEY = 'gridpatrol.targetBand';
const COLORS = { empty: '#f7f7f7', below: '#9ecae1', within: '#74c476', above: '#fb6a4a' };
const listeners = new Set();

let band = (() => {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY));
    if (saved && saved.min >= 0 && saved.max > saved.min) return saved;
  } catch (ignored) { /* none saved */ }
  return { min: 200, max: 400 };
})();

export function targetBand() {
  return { ...band };
}

export function setTargetBand(min, max) {
  if (!(min >= 0 && max > min)) return false;
  band = { min, max };
  try { localStorage.setItem(KEY, JSON.stringify(band)); } catch (ignored) { /* private mode */ }
  listeners.forEach(fn => fn(targetBand()));
  return true;
}

export function onBandChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** 'empty', 'below', 'within' or 'above' the band. */
export function balanceClass(households) {
  if (!households) return 'empty';
  if (households < band.min) return 'below';
  return households > band.max ? 'above' : 'within';
}

export function balanceColor(households) {
  return COLORS[balanceClass(households)];
}

export const BALANCE_COLORS = COLORS;
