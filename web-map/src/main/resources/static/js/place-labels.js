import { escapeHtml, language } from './i18n.js';

// Place names of the basemap tiles as text. Leaflet.VectorGrid draws lines and areas but no text,
// so this grid layer reads the `places` layer of the same basemap tiles (immutable URLs: the browser
// fetches each once) with a minimal protocol-buffers reader for MVT points, and writes the names.
export function decodePlaces(buffer) {
  const bytes = new Uint8Array(buffer);
  let pos = 0;
  const varint = () => {
    let value = 0, shift = 0, b;
    do { b = bytes[pos++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return value;
  };
  const skip = wire => {
    if (wire === 0) varint();
    else if (wire === 1) pos += 8;
    else if (wire === 2) { const length = varint(); pos += length; } else if (wire === 5) pos += 4;
  };
  const text = end => new TextDecoder().decode(bytes.subarray(pos, end));
  const fields = (end, onField) => {
    while (pos < end) {
      const key = varint(), field = key >> 3, wire = key & 7;
      if (!onField(field, wire)) skip(wire);
    }
  };
  const labels = [];
  fields(bytes.length, (field, wire) => {
    if (field !== 3 || wire !== 2) return false;
    const end = varint() + pos;
    const layer = { name: '', keys: [], values: [], features: [], extent: 4096 };
    fields(end, (f, w) => {
      if (f === 1 || f === 3) { const e = varint() + pos; const s = text(e); pos = e; if (f === 1) layer.name = s; else layer.keys.push(s); return true; }
      if (f === 5 && w === 0) { layer.extent = varint(); return true; }
      if (f === 4) { const e = varint() + pos; let v = null; fields(e, (vf) => { if (vf === 1) { const se = varint() + pos; v = text(se); pos = se; return true; } return false; }); layer.values.push(v); return true; }
      if (f === 2) {
        const e = varint() + pos; const feature = { tags: [], geometry: [] };
        fields(e, (ff, fw) => {
          if ((ff === 2 || ff === 4) && fw === 2) { const pe = varint() + pos; const list = ff === 2 ? feature.tags : feature.geometry; while (pos < pe) list.push(varint()); return true; }
          return false;
        });
        layer.features.push(feature);
        return true;
      }
      return false;
    });
    if (layer.name === 'places') {
      for (const feature of layer.features) {
        const props = {};
        for (let i = 0; i + 1 < feature.tags.length; i += 2) props[layer.keys[feature.tags[i]]] = layer.values[feature.tags[i + 1]];
        const zigzag = n => (n >>> 1) ^ -(n & 1);
        if (feature.geometry.length >= 3 && (feature.geometry[0] & 7) === 1) {
          labels.push({ x: zigzag(feature.geometry[1]) / layer.extent, y: zigzag(feature.geometry[2]) / layer.extent, name: props.name_zh, nameEn: props.name });
        }
      }
    }
    return true;
  });
  const chinese = language() === 'zh-CN';
  return labels.map(l => ({ x: l.x, y: l.y, name: (chinese && l.name) || l.nameEn || l.name }))
    .filter(l => l.name && l.x >= 0 && l.x < 1 && l.y >= 0 && l.y < 1);
}

export const PlaceLabels = L.GridLayer.extend({
  options: { pane: 'labels', interactive: false },

  /** @param url the basemap's versioned tile URL template from its TileJSON */
  initialize(url, options) {
    L.GridLayer.prototype.initialize.call(this, options);
    this.url = url;
  },

  setUrl(url) {
    this.url = url;
    this.redraw();
  },

  createTile(coords, done) {
    const tile = L.DomUtil.create('div', 'place-label-tile');
    const size = this.getTileSize();
    fetch(L.Util.template(this.url, coords), { credentials: 'same-origin' })
      .then(response => (response.status === 200 ? response.arrayBuffer() : null))
      .then(buffer => {
        for (const label of buffer ? decodePlaces(buffer) : []) {
          const span = L.DomUtil.create('span', 'place-label', tile);
          span.style.position = 'absolute';
          span.style.left = `${label.x * size.x}px`;
          span.style.top = `${label.y * size.y}px`;
          span.innerHTML = escapeHtml(label.name);
        }
        done(null, tile);
      })
      .catch(error => done(error, tile));
    return tile;
  },
});
