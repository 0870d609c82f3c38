import { getJson, sendJson } from '../api.js';
import { escapeHtml, localName, t } from '../i18n.js';
import { describeError } from '../errors.js';
import { RegisterLayer } from './register-layer.js';
import { PlaceTool } from '../place-tool.js';
import { isDue } from './register-fields.js';
import { renderInspectionForm, renderRegisterForm } from './register-form.js';
import { UnplacedList } from './unplaced-list.js';

// The grid worker view: the households and rentals of one grid as a list and on the map; add or
// move one by clicking the map (the answer names the grid it landed in), edit it, record an
// inspection. What the user may see is the server's decision: rows with personal fields for the
// owning jurisdiction, totals for everyone else.
export class WorkerView {
  constructor({ map, me }) {
    this.map = map;
    this.me = me;
    this.kind = 'rentals';
    this.gridId = null;
    this.rows = [];
    this.selected = null;
    this.layer = new RegisterLayer(map, id => this.pick(id));
    this.place = new PlaceTool(position => this.placed(position));
  }

  async enable(map, panel) {
    this.panel = panel;
    panel.innerHTML = `<section><label class="field"><span>${escapeHtml(t('worker.grid'))}</span>
        <select id="worker-grid"><option value="">${escapeHtml(t('worker.chooseGrid'))}</option></select></label>
      <div class="row" role="tablist">
        <button type="button" data-kind="rentals">${escapeHtml(t('worker.rentals'))}</button>
        <button type="button" data-kind="households">${escapeHtml(t('worker.households'))}</button></div></section>
      <section><div class="row"><button type="button" id="register-add" class="primary"></button></div>
        <p id="worker-result" role="status" hidden></p>
        <div id="worker-form"></div>
        <ul id="register-list" class="register-list"></ul></section><section id="unplaced" hidden></section>`;
    panel.querySelectorAll('[data-kind]').forEach(b => b.addEventListener('click', () => this.showKind(b.dataset.kind)));
    panel.querySelector('#worker-grid').addEventListener('change', e => this.showGrid(Number(e.target.value) || null));
    panel.querySelector('#register-add').addEventListener('click', () => this.startAdd());
    this.layer.enable();
    const grids = await getJson('/api/grids', { jurisdiction: this.me.jurisdictionId || 1 });
    this.grids = grids.features.map(f => f.properties).sort((a, b) => a.code.localeCompare(b.code));
    panel.querySelector('#worker-grid').insertAdjacentHTML('beforeend', this.grids.map(g =>
      `<option value="${g.id}">${escapeHtml(g.code)} ${escapeHtml(localName(g))}</option>`).join(''));
    this.unplaced = new UnplacedList(this.me.jurisdictionId || 1, row => {
      this.mode = 'unplaced';
      this.placing = row;
      this.result('ok', t('worker.clickToPlace'));
      this.place.enable(this.map);
    });
    await this.unplaced.render(panel.querySelector('#unplaced'));
    this.showKind(this.kind);
    if (this.gridId) {
      panel.querySelector('#worker-grid').value = String(this.gridId);
      await this.showGrid(this.gridId);
    }
  }

  disable(map) {
    this.place.disable(map);
    this.layer.disable();
  }

  showKind(kind) {
    this.kind = kind;
    this.panel.querySelectorAll('[data-kind]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.kind === kind)));
    this.panel.querySelector('#register-add').textContent = t(kind === 'rentals' ? 'worker.addRental' : 'worker.addHousehold');
    if (this.gridId) this.showGrid(this.gridId);
  }

  async showGrid(gridId) {
    this.gridId = gridId;
    this.selected = null;
    this.panel.querySelector('#worker-form').innerHTML = '';
    if (!gridId) {
      this.layer.show(null);
      this.panel.querySelector('#register-list').innerHTML = '';
      return;
    }
    try {
      const answer = await getJson(`/api/${this.kind}`, { grid: gridId });
      this.rows = answer.features || [];
      this.personalAllowed = Boolean(answer.features);
      this.layer.show(answer.features ? answer : null);
      this.renderList(answer);
      if (this.rows.length) this.map.fitBounds(L.geoJSON(answer).getBounds().pad(0.2));
    } catch (error) {
      this.result('error', describeError(error));
    }
    document.body.dataset.workerRows = String(this.rows.length);
  }

  renderList(answer) {
    const list = this.panel.querySelector('#register-list');
    if (!answer.features) {
      const a = answer.aggregate || {};
      list.innerHTML = `<li class="note">${escapeHtml(t('worker.aggregate', { rows: a.rows, people: a.people }))}</li>`;
      return;
    }
    if (!this.rows.length) {
      list.innerHTML = `<li class="note">${escapeHtml(t('worker.empty'))}</li>`;
      return;
    }
    const due = f => this.kind === 'rentals' && isDue(f.properties);
    const sorted = [...this.rows].sort((a, b) => Number(due(b)) - Number(due(a)) || a.properties.id - b.properties.id);
    list.innerHTML = sorted.map(f => {
      const p = f.properties;
      const people = this.kind === 'rentals' ? `${t('field.tenants')} ${p.tenants}` : `${t('field.residents')} ${p.residents}`;
      return `<li data-id="${p.id}" class="${due(f) ? 'due' : ''}"><button type="button" class="pick">${escapeHtml(p.address || `#${p.id}`)}</button>
        <span class="note">${escapeHtml(people)}${due(f) ? ` · <strong class="due-badge">${escapeHtml(t('worker.dueOn', { date: p.nextInspection }))}</strong>` : ''}</span></li>`;
    }).join('');
    list.querySelectorAll('li[data-id] .pick').forEach(b => b.addEventListener('click', () => this.pick(Number(b.parentElement.dataset.id))));
  }

  pick(id) {
    this.selected = this.rows.find(f => f.properties.id === id) || null;
    this.layer.highlight(id);
    this.panel.querySelectorAll('#register-list li').forEach(li => li.classList.toggle('chosen', Number(li.dataset.id) === id));
    if (!this.selected) return;
    const actions = `<div class="row" id="register-actions"><button type="button" id="register-edit">${escapeHtml(t('worker.edit'))}</button>
      <button type="button" id="register-move">${escapeHtml(t('worker.move'))}</button>
      ${this.kind === 'rentals' ? `<button type="button" id="register-inspect">${escapeHtml(t('worker.inspect'))}</button>` : ''}</div><div id="register-detail"></div>`;
    const form = this.panel.querySelector('#worker-form');
    form.innerHTML = actions;
    form.querySelector('#register-edit').addEventListener('click', () => this.edit());
    form.querySelector('#register-move').addEventListener('click', () => {
      this.mode = 'move';
      this.result('ok', t('worker.clickToPlace'));
      this.place.enable(this.map);
    });
    const inspect = form.querySelector('#register-inspect');
    if (inspect) inspect.addEventListener('click', () => this.inspect());
  }

  startAdd() {
    this.mode = 'add';
    this.result('ok', t('worker.clickToPlace'));
    this.place.enable(this.map);
  }

  placed(position) {
    if (this.mode === 'unplaced') {
      this.mode = null;
      this.unplaced.place(this.placing, position).then(text => this.result('ok', text), error => this.result('error', describeError(error)));
      return;
    }
    if (this.mode === 'move' && this.selected) {
      this.save({ location: position });
      return;
    }
    renderRegisterForm(this.panel.querySelector('#worker-form'), this.kind, {}, {
      personalAllowed: this.personalAllowed !== false, submitKey: 'worker.save',
      onSubmit: values => this.create({ ...values, location: position }),
      onCancel: () => { this.panel.querySelector('#worker-form').innerHTML = ''; },
    });
  }

  edit() {
    renderRegisterForm(this.panel.querySelector('#register-detail'), this.kind, this.selected.properties, {
      personalAllowed: this.personalAllowed, submitKey: 'worker.save',
      onSubmit: values => this.save(values),
      onCancel: () => { this.panel.querySelector('#register-detail').innerHTML = ''; },
    });
  }

  inspect() {
    renderInspectionForm(this.panel.querySelector('#register-detail'), {
      onSubmit: async values => {
        try {
          const answer = await sendJson('POST', `/api/rentals/${this.selected.properties.id}/inspections`, values);
          await this.showGrid(this.gridId);
          this.result('ok', t('worker.inspected', { date: answer.nextInspection }));
        } catch (error) {
          this.result('error', describeError(error));
        }
      },
      onCancel: () => { this.panel.querySelector('#register-detail').innerHTML = ''; },
    });
  }

  async create(values) {
    try {
      const saved = await sendJson('POST', `/api/${this.kind}`, values);
      await this.landed(saved);
    } catch (error) {
      this.result('error', describeError(error));
    }
  }

  async save(values) {
    try {
      const saved = await sendJson('PATCH', `/api/${this.kind}/${this.selected.properties.id}`,
        { ...values, version: this.selected.properties.version });
      await this.landed(saved);
    } catch (error) {
      this.result('error', describeError(error));
    }
  }

  /** Shows the grid the saved row lies in, with the row picked. */
  async landed(saved) {
    this.mode = null;
    this.panel.querySelector('#worker-grid').value = String(saved.gridId);
    await this.showGrid(saved.gridId);
    this.pick(saved.id);
    this.result('ok', t('worker.saved', { grid: saved.gridCode }));
    document.body.dataset.registerSaved = `${saved.id}@${saved.gridId}`;
  }

  result(kind, text) {
    const element = this.panel.querySelector('#worker-result');
    element.hidden = false;
    element.className = kind;
    element.textContent = text;
  }
}
