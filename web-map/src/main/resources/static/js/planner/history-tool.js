import { escapeHtml, t } from '../i18n.js';

// A date-and-time picker: the grid layer shows the grids in force at that moment (?asOf=, local
// time), read only, until "back to today". A time is needed: a plan published this morning
// replaced grids that were in force since yesterday evening.
export class HistoryTool {
  constructor(gridLayer, onChange) {
    this.gridLayer = gridLayer;
    this.onChange = onChange;
    this.asOf = null;
  }

  render(container) {
    const now = new Date();
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
    container.innerHTML = `<h2>${escapeHtml(t('planner.history'))}</h2>
      <div class="row"><input type="datetime-local" step="1" id="history-date" max="${local}" value="${local}">
      <button type="button" id="history-show">${escapeHtml(t('planner.historyShow'))}</button>
      <button type="button" id="history-today" hidden>${escapeHtml(t('planner.historyToday'))}</button></div>
      <p id="history-note" class="note" hidden></p>`;
    this.note = container.querySelector('#history-note');
    this.todayButton = container.querySelector('#history-today');
    container.querySelector('#history-show').addEventListener('click', () => this.show(container.querySelector('#history-date').value));
    this.todayButton.addEventListener('click', () => this.show(null));
  }

  async show(date) {
    this.asOf = date || null;
    // the picker's local time, sent with its offset so the server's time zone does not matter
    const count = await this.gridLayer.reload(this.asOf ? new Date(this.asOf).toISOString() : undefined);
    document.body.dataset.historyAsOf = this.asOf || '';
    document.body.dataset.historyGrids = String(count);
    this.note.hidden = !this.asOf;
    this.note.textContent = this.asOf ? (count ? t('planner.historyShowing', { date: this.asOf.replace('T', ' ') }) : t('planner.historyNone')) : '';
    this.todayButton.hidden = !this.asOf;
    this.onChange(this.asOf);
  }
}
