import { escapeHtml } from '../i18n.js';
import { isDue } from './register-fields.js';

// Households or rentals of a grid as circle markers (SVG, class register-marker, data-id); rentals
// due inspection are red and larger. A click on a marker tells onPick its id.
export class RegisterLayer {
  constructor(map, onPick) {
    this.map = map;
    this.layer = L.geoJSON(null, {
      pane: 'registers', renderer: L.svg({ pane: 'registers' }),
      pointToLayer: (f, latlng) => {
        const due = isDue(f.properties);
        return L.circleMarker(latlng, {
          className: `register-marker${due ? ' due' : ''}`, radius: due ? 8 : 5,
          color: '#fff', weight: 1.5, fillColor: due ? '#d7301f' : '#1f6f8b', fillOpacity: 0.9,
        });
      },
      onEachFeature: (f, layer) => {
        layer.bindTooltip(escapeHtml(f.properties.address || `#${f.properties.id}`));
        layer.on('click', e => {
          L.DomEvent.stopPropagation(e);
          onPick(f.properties.id);
        });
      },
    });
  }

  show(collection) {
    this.layer.clearLayers();
    if (collection) this.layer.addData(collection);
    this.layer.eachLayer(l => l.getElement() && (l.getElement().dataset.id = String(l.feature.properties.id)));
  }

  highlight(id) {
    this.layer.eachLayer(l => {
      const on = l.feature.properties.id === id;
      l.setStyle({ color: on ? '#ff7f00' : '#fff', weight: on ? 3 : 1.5 });
      if (on) l.bringToFront();
    });
  }

  enable() {
    this.layer.addTo(this.map);
  }

  disable() {
    this.layer.remove();
  }
}
