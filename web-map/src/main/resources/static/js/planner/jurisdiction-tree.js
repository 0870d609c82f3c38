import { escapeHtml, localName, t } from '../i18n.js';

// The jurisdiction tree (counties, their townships) with a search box; choosing one zooms the map
// to it and tells onChoose its id.
export class JurisdictionTree {
  constructor(jurisdictionLayer, onChoose) {
    this.features = jurisdictionLayer.features;
    this.layer = jurisdictionLayer.layer;
    this.onChoose = onChoose;
    this.chosen = null;
  }

  render(container) {
    container.innerHTML = `<label class="field"><span>${escapeHtml(t('planner.jurisdiction'))}</span>
      <input type="search" id="jurisdiction-search" placeholder="${escapeHtml(t('planner.search'))}" autocomplete="off"></label>
      <ul class="tree" id="jurisdiction-tree" role="tree"></ul>`;
    this.list = container.querySelector('#jurisdiction-tree');
    this.search = container.querySelector('#jurisdiction-search');
    this.search.addEventListener('input', () => this.fill());
    this.search.addEventListener('keydown', e => {
      if (e.key !== 'Enter') return;
      const first = this.list.querySelector('button[data-id]');
      if (first) first.click();
    });
    this.fill();
  }

  fill() {
    const query = this.search.value.trim().toLowerCase();
    const matches = f => !query || [f.properties.name, f.properties.nameZh, f.properties.code]
      .some(v => v && v.toLowerCase().includes(query));
    const children = id => this.features.filter(f => f.properties.parentId === id);
    const item = f => `<button type="button" data-id="${f.properties.id}" class="${f.properties.id === this.chosen ? 'chosen' : ''}">`
      + `${escapeHtml(localName(f.properties))} <small>${escapeHtml(t(`level.${f.properties.level}`))}</small></button>`;
    const html = this.features.filter(f => f.properties.parentId == null).map(root => {
      const kids = children(root.properties.id).filter(matches);
      if (!matches(root) && !kids.length) return '';
      const shown = matches(root) && !query ? children(root.properties.id) : kids;
      return `<li role="treeitem">${item(root)}<ul>${shown.map(k => `<li role="treeitem">${item(k)}</li>`).join('')}</ul></li>`;
    }).join('');
    this.list.innerHTML = html || `<li class="muted">${escapeHtml(t('planner.noMatch'))}</li>`;
    this.list.querySelectorAll('button[data-id]').forEach(b => b.addEventListener('click', () => this.choose(Number(b.dataset.id))));
  }

  choose(id) {
    this.chosen = id;
    this.list.querySelectorAll('button[data-id]').forEach(b => b.classList.toggle('chosen', Number(b.dataset.id) === id));
    this.layer.eachLayer(layer => {
      if (layer.feature.properties.id === id) layer._map && layer._map.fitBounds(layer.getBounds());
    });
    this.onChoose(id);
  }
}
