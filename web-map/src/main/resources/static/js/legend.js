import { BALANCE_COLORS, targetBand, onBandChange } from './balance.js';
import { t } from './i18n.js';

// The map legend: grid fill against the target band, selection, jurisdiction outlines.
export function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  let div;
  const render = () => {
    const band = targetBand();
    const row = (cls, key) => `<div class="legend-${cls}"><span class="swatch" style="background:${BALANCE_COLORS[cls]}"></span>${t(key, band)}</div>`;
    div.innerHTML = `<h2>${t('legend.title')}</h2>`
      + row('below', 'legend.below') + row('within', 'legend.within') + row('above', 'legend.above')
      + `<div><span class="swatch selected-swatch"></span>${t('legend.selected')}</div>`
      + `<div><span class="line"></span>${t('legend.boundary')}</div>`;
  };
  legend.onAdd = () => {
    div = L.DomUtil.create('div', 'legend');
    render();
    return div;
  };
  legend.addTo(map);
  onBandChange(render);
  return legend;
}
