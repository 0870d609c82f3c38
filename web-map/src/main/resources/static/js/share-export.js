import { CLASSES, colorFor } from './share-grids.js';
import { pdfFromJpeg } from './share-pdf.js';
import { SHARE_MESSAGES as M, plainMessage } from './i18n.js';

// Export of the current view for the minutes: the basemap as drawn, every party's grids, routes,
// numbered annotations, then a footer with title, date, scale bar, legend and the annotation list.
// Drawn on one canvas in the browser; PNG from the canvas, PDF around its JPEG (share-pdf.js).
const FOOTER_LINE = 18;

export class ViewExport {
  constructor(map, layers) {
    this.map = map;
    this.layers = layers; // { grids, jurisdictions, routes, annotations }
  }

  async png() {
    const canvas = this.render();
    const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
    download(blob, `shared-map-${stamp()}.png`);
    return blob;
  }

  async pdf() {
    const canvas = this.render();
    const jpeg = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.92));
    const bytes = new Uint8Array(await jpeg.arrayBuffer());
    const blob = pdfFromJpeg(bytes, canvas.width, canvas.height, 'gridpatrol shared map ' + new Date().toISOString());
    download(blob, `shared-map-${stamp()}.pdf`);
    return blob;
  }

  render() {
    const size = this.map.getSize();
    const notes = this.layers.annotations ? this.layers.annotations.features : [];
    const footer = 110 + Math.max(0, notes.length) * FOOTER_LINE;
    const canvas = document.createElement('canvas');
    canvas.width = size.x;
    canvas.height = size.y + footer;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#f2efe9';
    ctx.fillRect(0, 0, size.x, size.y);
    this.drawBasemap(ctx);
    const rings = (geometry, draw) => {
      const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
      polys.forEach(poly => {
        ctx.beginPath();
        poly.forEach(ring => ring.forEach(([lng, lat], i) => {
          const pt = this.map.latLngToContainerPoint([lat, lng]);
          if (i === 0) ctx.moveTo(pt.x, pt.y); else ctx.lineTo(pt.x, pt.y);
        }));
        draw();
      });
    };
    if (this.layers.grids) {
      this.layers.grids.data.features.forEach(f => rings(f.geometry, () => {
        ctx.globalAlpha = 0.55;
        ctx.fillStyle = colorFor(f.properties.households);
        ctx.fill('evenodd');
        ctx.globalAlpha = 1;
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1;
        ctx.stroke();
      }));
    }
    if (this.layers.jurisdictions) {
      ctx.setLineDash([6, 4]);
      this.layers.jurisdictions.data.features.forEach(f => rings(f.geometry, () => {
        ctx.strokeStyle = '#6a3d9a';
        ctx.lineWidth = 2;
        ctx.stroke();
      }));
      ctx.setLineDash([]);
    }
    if (this.layers.routes) {
      this.layers.routes.lines().forEach(line => {
        ctx.beginPath();
        line.forEach(([lng, lat], i) => {
          const pt = this.map.latLngToContainerPoint([lat, lng]);
          if (i === 0) ctx.moveTo(pt.x, pt.y); else ctx.lineTo(pt.x, pt.y);
        });
        ctx.strokeStyle = '#e31a1c';
        ctx.lineWidth = 4;
        ctx.stroke();
      });
    }
    ctx.font = 'bold 12px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    notes.forEach((f, i) => {
      const [lng, lat] = f.geometry.coordinates;
      const pt = this.map.latLngToContainerPoint([lat, lng]);
      ctx.beginPath();
      ctx.arc(pt.x, pt.y, 11, 0, 2 * Math.PI);
      ctx.fillStyle = '#d95f02';
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.fillStyle = '#fff';
      ctx.fillText(String(i + 1), pt.x, pt.y);
    });
    this.drawFooter(ctx, size, notes);
    return canvas;
  }

  drawBasemap(ctx) {
    const origin = this.map.getContainer().getBoundingClientRect();
    this.map.getContainer().querySelectorAll('.leaflet-basemap-pane canvas').forEach(c => {
      const r = c.getBoundingClientRect();
      ctx.drawImage(c, r.left - origin.left, r.top - origin.top, r.width, r.height);
    });
  }

  drawFooter(ctx, size, notes) {
    const top = size.y;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, top, size.x, ctx.canvas.height - top);
    ctx.strokeStyle = '#1d2a33';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, top + 0.5);
    ctx.lineTo(size.x, top + 0.5);
    ctx.stroke();
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#1d2a33';
    ctx.font = 'bold 15px sans-serif';
    ctx.fillText(plainMessage(M, 'title'), 12, top + 22);
    ctx.font = '12px sans-serif';
    ctx.fillText(`${plainMessage(M, 'exportedOn')}: ${new Date().toLocaleString('zh-CN')} (${new Date().toISOString()})`, 12, top + 42);
    ctx.fillText(plainMessage(M, 'readOnly'), 12, top + 60);
    // scale bar: a round length near 120 px at the map's centre latitude
    const y = size.y / 2;
    const metresPer100 = this.map.distance(this.map.containerPointToLatLng([0, y]), this.map.containerPointToLatLng([100, y]));
    const target = metresPer100 * 1.2;
    const nice = [1, 2, 5].flatMap(m => [1, 10, 100, 1000, 10000, 100000].map(p => m * p)).filter(v => v <= target).pop() || 1;
    const px = nice / metresPer100 * 100;
    const sx = 12;
    const sy = top + 86;
    ctx.fillRect(sx, sy, px, 4);
    ctx.fillText(`${plainMessage(M, 'scale')}: ${nice >= 1000 ? `${nice / 1000} km` : `${nice} m`}`, sx, sy - 4);
    // legend
    let lx = Math.max(sx + px + 40, size.x * 0.45);
    ctx.fillText(plainMessage(M, 'legend'), lx, top + 22);
    CLASSES.forEach((c, i) => {
      const cy = top + 32 + i * 14;
      ctx.fillStyle = c.color;
      ctx.fillRect(lx, cy, 12, 11);
      ctx.strokeStyle = '#0004';
      ctx.strokeRect(lx, cy, 12, 11);
      ctx.fillStyle = '#1d2a33';
      ctx.fillText(plainMessage(M, c.key), lx + 18, cy + 10);
    });
    // annotations
    notes.forEach((f, i) => {
      const p = f.properties;
      ctx.fillText(`${i + 1}. ${p.text} — ${p.author}, ${new Date(p.createdAt).toLocaleString('zh-CN')}`, 12, top + 110 + i * FOOTER_LINE);
    });
  }
}

function stamp() {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
