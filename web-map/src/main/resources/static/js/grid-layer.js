import { getJson } from './api.js';
import { bilingual, escapeHtml } from './i18n.js';

// Household-count classes of a grid; Quzhou's grids hold a few hundred households each.
export const CLASSES = [
  { max: 0, color: '#f7f7f7', zh: '无住户', en: 'no households' },
  { max: 150, color: '#c6dbef', zh: '1–150 户', en: '1–150 households' },
  { max: 300, color: '#6baed6', zh: '151–300 户', en: '151–300' },
  { max: 450, color: '#2171b5', zh: '301–450 户', en: '301–450' },
  { max: Infinity, color: '#08306b', zh: '450 户以上', en: 'over 450' },
];

export function colorFor(households) {
  return CLASSES.find(c => households <= c.max).color;
}

// Published grids, filled by household count. SVG paths (class grid-polygon) so that each grid
// is a DOM element: clickable, and visible to the browser tests.
export class GridLayer {
  constructor(map) {
    this.map = map;
    this.layer = L.geoJSON(null, {
      pane: 'grids', renderer: L.svg({ pane: 'grids' }),
      style: f => ({ className: 'grid-polygon', color: '#ffffff', weight: 1, fillColor: colorFor(f.properties.households), fillOpacity: 0.55 }),
      onEachFeature: (f, layer) => {
        const p = f.properties;
        layer.bindPopup(`<strong>${escapeHtml(p.nameZh || p.name)}</strong><br><span class="en">${escapeHtml(p.name)}</span><br>`
          + `${bilingual('编码', 'code')}: ${escapeHtml(p.code)}<br>`
          + `${bilingual('住户', 'households')}: ${p.households}<br>${bilingual('出租房', 'rentals')}: ${p.rentals}`);
      },
    });
    this.count = 0;
  }

  async enable(jurisdictionIds) {
    this.layer.addTo(this.map);
    for (const id of jurisdictionIds) {
      const data = await getJson('/api/grids', { jurisdiction: id });
      this.layer.addData(data);
      this.count += data.features.length;
    }
    return this.count;
  }
}
