import { escapeHtml, t } from '../i18n.js';
import { teamColor } from './team-colors.js';
import { kindName } from './stop-list.js';

// Patrol routes on the map: each team's line in its colour (class route-line, data-team), its
// stops as numbered markers (class stop-marker) and its base as a square.
export class RouteLayer {
  constructor(map) {
    this.map = map;
    this.group = L.featureGroup();
  }

  enable() {
    this.group.addTo(this.map);
  }

  disable() {
    this.group.remove();
  }

  clear() {
    this.group.clearLayers();
  }

  /** Draws every route of an answer and zooms to them. */
  show(answer) {
    this.clear();
    for (const route of answer.routes) {
      const color = teamColor(route.team);
      const line = L.geoJSON(route.geometry, {
        pane: 'routes', style: () => ({ className: 'route-line', color, weight: 5, opacity: 0.85 }),
      });
      line.addTo(this.group);
      line.eachLayer(l => l.getElement() && (l.getElement().dataset.team = String(route.team)));
      route.stops.forEach((stop, i) => {
        L.marker([stop.location[1], stop.location[0]], {
          pane: 'routes', keyboard: false,
          icon: L.divIcon({ className: 'stop-marker', html: `<span style="background:${color}">${i + 1}</span>`, iconSize: [26, 26] }),
        }).bindTooltip(`${escapeHtml(t('patrol.team', { team: route.team }))} · ${i + 1}: ${escapeHtml(kindName(stop.kind))} ${escapeHtml(stop.arrival ? stop.arrival.slice(11, 16) : '')}`)
          .addTo(this.group);
      });
      if (route.base) {
        L.marker([route.base[1], route.base[0]], {
          pane: 'routes', keyboard: false,
          icon: L.divIcon({ className: 'base-marker', html: `<span style="border-color:${color}">⌂</span>`, iconSize: [24, 24] }),
        }).addTo(this.group);
      }
    }
    if (this.group.getLayers().length) this.map.fitBounds(this.group.getBounds().pad(0.1));
  }
}
