import { escapeHtml } from '../i18n.js';
import { balanceColor, targetBand } from '../balance.js';

// Households per grid after the plan, as plain SVG bars against the target band (shaded); a tick
// marks each grid's count before the plan.
export function balanceChart(grids, title) {
  const rows = grids.filter(g => g.after || g.before);
  const band = targetBand();
  const max = Math.max(band.max * 1.2, ...rows.map(g => Math.max(g.after ? g.after.households : 0, g.before ? g.before.households : 0)));
  const rowHeight = 14;
  const labelWidth = 90;
  const width = 300;
  const scale = v => labelWidth + ((width - labelWidth - 10) * v) / max;
  const height = rows.length * rowHeight + 16;
  const bars = rows.map((g, i) => {
    const y = i * rowHeight + 2;
    const after = g.after ? g.after.households : 0;
    const before = g.before ? `<line x1="${scale(g.before.households)}" x2="${scale(g.before.households)}" y1="${y - 1}" y2="${y + rowHeight - 3}" class="before-tick"/>` : '';
    return `<text x="${labelWidth - 4}" y="${y + 10}" text-anchor="end">${escapeHtml(g.code)}</text>`
      + `<rect class="bar" data-grid-id="${g.gridId}" x="${labelWidth}" y="${y}" width="${scale(after) - labelWidth}" height="${rowHeight - 4}" fill="${balanceColor(after)}"><title>${after}</title></rect>${before}`;
  }).join('');
  return `<svg class="balance-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">
    <rect class="band" x="${scale(band.min)}" y="0" width="${scale(band.max) - scale(band.min)}" height="${height - 14}"/>
    ${bars}
    <text x="${scale(band.min)}" y="${height - 2}" text-anchor="middle">${band.min}</text>
    <text x="${scale(band.max)}" y="${height - 2}" text-anchor="middle">${band.max}</text></svg>`;
}
