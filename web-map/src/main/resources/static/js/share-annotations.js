import { shared, postShared } from './share-api.js';
import { SHARE_MESSAGES as M, escapeHtml, message } from './i18n.js';

// Meeting annotations: numbered markers on the map and the same numbers in the list beside it.
// When the share allows it, a click on the map places a new one and the form sends it.
// Clicks on interactive layers (the grids, which open a popup) do not reach the map in Leaflet 1.9,
// so the tool listens on those layers too.
export class AnnotationTool {
  constructor(map, allowAdding, clickableLayers = []) {
    this.map = map;
    this.allowAdding = allowAdding;
    this.clickableLayers = clickableLayers;
    this.layer = L.layerGroup();
    this.features = [];
    this.pending = null;
  }

  async enable() {
    this.layer.addTo(this.map);
    const form = document.getElementById('annotation-form');
    if (this.allowAdding) {
      form.hidden = false;
      this.onClick = e => this.place(e.latlng);
      this.map.on('click', this.onClick);
      this.clickableLayers.forEach(layer => layer.on('click', this.onClick));
      this.onSubmit = e => { e.preventDefault(); this.submit(); };
      form.addEventListener('submit', this.onSubmit);
    } else {
      document.getElementById('annotation-readonly').hidden = false;
    }
    await this.reload();
  }

  disable() {
    if (this.onClick) {
      this.map.off('click', this.onClick);
      this.clickableLayers.forEach(layer => layer.off('click', this.onClick));
    }
    if (this.onSubmit) document.getElementById('annotation-form').removeEventListener('submit', this.onSubmit);
    this.layer.remove();
  }

  place(latlng) {
    if (this.pending) this.pending.remove();
    this.pending = L.circleMarker(latlng, { radius: 8, color: '#d95f02', dashArray: '3 3' }).addTo(this.map);
    document.getElementById('annotation-hint').textContent = `${latlng.lat.toFixed(5)}, ${latlng.lng.toFixed(5)}`;
  }

  async submit() {
    const status = document.getElementById('annotation-hint');
    if (!this.pending) {
      status.innerHTML = message(M, 'placeFirst');
      return;
    }
    const at = this.pending.getLatLng();
    try {
      await postShared('annotations', {
        author: document.getElementById('annotation-author').value,
        text: document.getElementById('annotation-text').value,
        location: [at.lng, at.lat],
      });
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    this.pending.remove();
    this.pending = null;
    document.getElementById('annotation-text').value = '';
    status.innerHTML = message(M, 'addHint');
    await this.reload();
  }

  async reload() {
    const data = await shared('annotations');
    this.features = data.features;
    this.layer.clearLayers();
    const list = document.getElementById('annotation-list');
    list.innerHTML = this.features.length ? '' : `<p class="hint">${message(M, 'none')}</p>`;
    this.features.forEach((f, i) => {
      const [lng, lat] = f.geometry.coordinates;
      const p = f.properties;
      L.marker([lat, lng], {
        icon: L.divIcon({ className: 'annotation-marker', html: String(i + 1), iconSize: [22, 22] }),
      }).bindTooltip(escapeHtml(p.text)).addTo(this.layer);
      const item = document.createElement('li');
      item.className = 'annotation-item';
      item.innerHTML = `${escapeHtml(p.text)}<span class="meta">${escapeHtml(p.author)} · ${escapeHtml(new Date(p.createdAt).toLocaleString('zh-CN'))}</span>`;
      list.appendChild(item);
    });
    document.body.dataset.annotations = String(this.features.length);
  }
}
