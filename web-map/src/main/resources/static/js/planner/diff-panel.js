import { escapeHtml, t } from '../i18n.js';
import { balanceChart } from './balance-chart.js';

/** A test telling whether the plan changes a grid: new, removed, or blocks moved in or out. */
export function changeTest(diff) {
  const moved = new Set(diff.movedBlocks.flatMap(m => [m.fromGridId, m.toGridId]));
  return g => !g.before || !g.after || moved.has(g.gridId) || g.before.households !== g.after.households;
}

// The side panel's diff: what moves, a before/after table per grid with compactness, the balance
// of the grid sizes and the chart against the target band.
export function renderDiff(container, diff) {
  if (!diff) {
    container.innerHTML = '';
    return;
  }
  const changed = changeTest(diff);
  const cell = c => (c ? `${c.households} / ${c.rentals}` : '–');
  const compact = g => (g.polsbyPopper == null ? '–' : `${g.polsbyPopper.toFixed(2)} / ${g.reock.toFixed(2)}`);
  const tag = g => (!g.before ? ` <em>${escapeHtml(t('planner.diffNew'))}</em>` : !g.after ? ` <em>${escapeHtml(t('planner.diffRemoved'))}</em>` : '');
  const b = diff.balanceAfter;
  container.innerHTML = `<h2>${escapeHtml(t('planner.diff'))}</h2>
    <p id="diff-summary">${escapeHtml(t('planner.diffSummary', { blocks: diff.movedBlocks.length, households: diff.householdsChangingGrid, rentals: diff.rentalsChangingGrid }))}</p>
    <p class="note">${escapeHtml(t('planner.balance', { min: b.min, max: b.max, mean: b.mean, deviation: b.maxDeviationPercent }))}</p>
    <table class="diff-table" id="diff-table"><thead><tr><th>${escapeHtml(t('planner.diffGrid'))}</th>
      <th>${escapeHtml(t('planner.diffBefore'))}</th><th>${escapeHtml(t('planner.diffAfter'))}</th>
      <th>${escapeHtml(t('planner.diffCompactness'))}</th></tr></thead>
      <tbody>${diff.grids.map(g => `<tr data-grid-id="${g.gridId}" class="${changed(g) ? 'changed' : ''}"><td>${escapeHtml(g.code)}${tag(g)}</td><td>${cell(g.before)}</td>`
        + `<td>${cell(g.after)}</td><td>${compact(g)}</td></tr>`).join('')}</tbody></table>
    <h3>${escapeHtml(t('planner.chart'))}</h3>
    ${balanceChart(diff.grids, t('planner.chart'))}`;
}
