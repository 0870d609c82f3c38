import { CLASSES } from './grid-layer.js';
import { bilingual } from './i18n.js';

// The map legend: grid fill by household count, jurisdiction outlines, data credits.
export function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    div.innerHTML = `<h2>${bilingual('网格住户数', 'Households per grid')}</h2>`
      + CLASSES.map(c => `<div><span class="swatch" style="background:${c.color}"></span>${bilingual(c.zh, c.en)}</div>`).join('')
      + `<div><span class="line"></span>${bilingual('行政区界', 'Jurisdiction boundary')}</div>`;
    return div;
  };
  legend.addTo(map);
}
