import { getJson, sendJson } from '../api.js';
import { addMessages, escapeHtml, t } from '../i18n.js';

addMessages({
  'zh-CN': {
    'unplaced.title': '待定位的导入记录（{count}）',
    'unplaced.line': '第 {line} 行',
    'unplaced.place': '定位',
    'unplaced.placed': '已定位（编号 {id}）。',
  },
  en: {
    'unplaced.title': 'Imported rows to place ({count})',
    'unplaced.line': 'line {line}',
    'unplaced.place': 'Place',
    'unplaced.placed': 'Placed (id {id}).',
  },
});

// Rows an import kept without a position (no coordinates, address not matched), for the user's
// jurisdiction: each with a "place" button; the worker view then takes a click on the map and
// POSTs it. Hidden when there are none or the user may not keep the registers there.
export class UnplacedList {
  constructor(jurisdictionId, onPick) {
    this.jurisdictionId = jurisdictionId;
    this.onPick = onPick;
    this.rows = [];
  }

  async render(section) {
    this.section = section;
    try {
      this.rows = await getJson('/api/imports/unplaced', { jurisdiction: this.jurisdictionId });
    } catch (ignored) {
      this.rows = []; // a role without the register right: nothing to place
    }
    section.hidden = this.rows.length === 0;
    const name = f => f.headName || f.landlordName || f.name || '';
    section.innerHTML = `<h3>${escapeHtml(t('unplaced.title', { count: this.rows.length }))}</h3><ul class="register-list" id="unplaced-list">
      ${this.rows.map(r => `<li data-unplaced="${r.id}"><span>${escapeHtml(t('unplaced.line', { line: r.line }))} ·
        ${escapeHtml(r.address || r.externalId || '')} ${escapeHtml(name(r.fields))}</span>
        <button type="button">${escapeHtml(t('unplaced.place'))}</button></li>`).join('')}</ul>`;
    section.querySelectorAll('li[data-unplaced] button').forEach(b => b.addEventListener('click', () =>
      this.onPick(this.rows.find(r => r.id === Number(b.parentElement.dataset.unplaced)))));
    document.body.dataset.unplacedRows = String(this.rows.length);
  }

  /** Places the row at [lng, lat]; resolves to the sentence to show, and lists the rest again. */
  async place(row, position) {
    const answer = await sendJson('POST', `/api/imports/unplaced/${row.id}/place`, { location: position });
    await this.render(this.section);
    return t('unplaced.placed', { id: answer.id });
  }
}
