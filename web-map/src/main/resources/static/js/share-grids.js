import { shared } from './share-api.js';
import { SHARE_MESSAGES as M, escapeHtml, message } from './i18n.js';

// Household-count classes of the meeting map: fixed, so that both sides read the same colours
// (the planner's view colours against its own target band instead).
export const CLASSES = [
  { max: 0, color: '#f7f7f7', key: 'class0' },
  { max: 150, color: '#c6dbef', key: 'class1' },
  { max: 300, color: '#6baed6', key: 'class2' },
  { max: 450, color: '#2171b5', key: 'class3' },
  { max: Infinity, color: '#08306b', key: 'class4' },
];

export function colorFor(households) {
  return CLASSES.find(c => households <= c.max).color;
}

/** The legend of the meeting map: grid fill by household count, jurisdiction outlines. */
export function addShareLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    div.innerHTML = `<h2>${message(M, 'legend')}</h2>`
      + CLASSES.map(c => `<div><span class="swatch" style="background:${c.color}"></span>${message(M, c.key)}</div>`).join('')
      + `<div><span class="line"></span>${message(M, 'boundary')}</div>`;
    return div;
  };
  legend.addTo(map);
}

// Every party's grids in the shared area, filled by household count, with counts in the popup.
export class SharedGridLayer {
  constructor(map) {
    this.map = map;
    this.data = { type: 'FeatureCollection', features: [] };
    this.layer = L.geoJSON(null, {
      pane: 'grids', renderer: L.svg({ pane: 'grids' }),
      style: f => ({ className: 'grid-polygon', color: '#ffffff', weight: 1, fillColor: colorFor(f.properties.households), fillOpacity: 0.55 }),
      onEachFeature: (f, layer) => {
        const p = f.properties;
        layer.bindPopup(`<strong>${escapeHtml(p.nameZh || p.name)}</strong> <span class="en">${escapeHtml(p.code)}</span><br>`
          + `${escapeHtml(p.jurisdiction)} (${escapeHtml(p.countyCode)})<br>`
          + `${message(M, 'households')}: ${p.households}<br>${message(M, 'rentals')}: ${p.rentals}<br>`
          + `${message(M, 'team')}: ${p.teamMembers}`);
      },
    });
  }

  async enable() {
    this.data = await shared('grids');
    this.layer.addData(this.data);
    this.layer.addTo(this.map);
    return this.data.features.length;
  }

  disable() {
    this.layer.remove();
  }
}

// Township and village outlines of every party, clipped to the area.
export class SharedJurisdictionLayer {
  constructor(map) {
    this.map = map;
    this.data = { type: 'FeatureCollection', features: [] };
    this.layer = L.geoJSON(null, {
      pane: 'jurisdictions', interactive: false,
      style: () => ({ color: '#6a3d9a', weight: 2, dashArray: '6 4', fill: false }),
    });
  }

  async enable() {
    this.data = await shared('jurisdictions');
    this.layer.addData(this.data);
    this.layer.addTo(this.map);
  }

  disable() {
    this.layer.remove();
  }
}
