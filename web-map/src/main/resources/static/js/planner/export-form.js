import { addMessages, escapeHtml, t } from '../i18n.js';
import { urlOf } from '../api.js';

addMessages({
  'zh-CN': {
    'export.title': '导出图层',
    'export.layer': '图层',
    'export.format': '格式',
    'export.encoding': '编码',
    'export.crs': '坐标系',
    'export.download': '下载',
    'export.privacy': '住户、出租房：本辖区含姓名电话，其他辖区仅各网格统计',
    'export.layer.jurisdictions': '辖区', 'export.layer.grids': '网格', 'export.layer.blocks': '地块',
    'export.layer.households': '住户', 'export.layer.rentals': '出租房',
    'export.crs.gcj02': 'GCJ-02（高德、腾讯）', 'export.crs.cgcs2000': 'CGCS2000（国家2000）',
  },
  en: {
    'export.title': 'Export layers',
    'export.layer': 'Layer',
    'export.format': 'Format',
    'export.encoding': 'Encoding',
    'export.crs': 'Coordinates',
    'export.download': 'Download',
    'export.privacy': 'Households, rentals: names, phones in your jurisdiction; elsewhere counts per grid',
    'export.layer.jurisdictions': 'Jurisdictions', 'export.layer.grids': 'Grids', 'export.layer.blocks': 'Blocks',
    'export.layer.households': 'Households', 'export.layer.rentals': 'Rentals',
    'export.crs.gcj02': 'GCJ-02 (Amap, Tencent)', 'export.crs.cgcs2000': 'CGCS2000',
  },
});

const CHOICES = {
  layer: ['grids', 'blocks', 'jurisdictions', 'households', 'rentals'],
  format: ['gpkg', 'shp', 'xlsx', 'csv'],
  encoding: ['utf-8', 'gbk', 'gb18030'],
  crs: ['wgs84', 'gcj02', 'cgcs2000'],
};

function label(name, value) {
  const key = `export.${name}.${value}`;
  const text = t(key);
  return text === key ? value.toUpperCase() : text;
}

/** The download URL; the encoding only for CSV (the server refuses it elsewhere). */
export function exportUrl(jurisdictionId, { layer, format, encoding, crs }) {
  const params = { jurisdiction: jurisdictionId, format, crs };
  if (format === 'csv') params.encoding = encoding;
  return urlOf(`/api/exports/${layer}`, params);
}

// Downloads of the chosen jurisdiction's layers (GET /api/exports/{layer}, ADR 0031).
export class ExportForm {
  constructor(container) {
    this.container = container;
    this.jurisdictionId = null;
  }

  render(jurisdictionId) {
    this.jurisdictionId = jurisdictionId;
    if (!this.container.querySelector('#export-link')) {
      const select = name => `<label>${escapeHtml(t(`export.${name}`))} <select id="export-${name}">${CHOICES[name]
        .map(v => `<option value="${v}">${escapeHtml(label(name, v))}</option>`).join('')}</select></label>`;
      this.container.innerHTML = `<h3>${escapeHtml(t('export.title'))}</h3>
        <div class="row exports">${Object.keys(CHOICES).map(select).join(' ')}
        <a class="button" id="export-link" download>${escapeHtml(t('export.download'))}</a></div>
        <p class="note">${escapeHtml(t('export.privacy'))}</p>`;
      this.container.querySelectorAll('select').forEach(s => s.addEventListener('change', () => this.update()));
    }
    this.update();
  }

  update() {
    const value = name => this.container.querySelector(`#export-${name}`).value;
    const chosen = { layer: value('layer'), format: value('format'), encoding: value('encoding'), crs: value('crs') };
    this.container.querySelector('#export-encoding').disabled = chosen.format !== 'csv';
    const link = this.container.querySelector('#export-link');
    if (this.jurisdictionId) link.href = exportUrl(this.jurisdictionId, chosen);
    else link.removeAttribute('href');
  }
}
