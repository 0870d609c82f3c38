import { ApiError, getJson, sendJson } from '../api.js';
import { escapeHtml, t } from '../i18n.js';
import { describeError } from '../errors.js';
import { renderPlan } from './schedule-days.js';
import './schedule-messages.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const tx = key => escapeHtml(t(key));

// The visit plan section of the patrol view: horizon, teams (mode, shift, weekdays; the view's base),
// rules (key places with an optional window); planned as a job with a progress bar, shown by renderPlan.
export class SchedulePanel {
  constructor(view) {
    this.view = view;
  }

  render(section) {
    this.root = section;
    const rule = (id, key, n) => `<div class="row"><label><input type="checkbox" id="${id}" checked> ${tx(key)}</label>${n
      ? `<input type="number" id="${id}-n" min="1" max="62" value="${n}">` : ''}</div>`;
    section.innerHTML = `<h2>${tx('sched.title')}</h2>
      <div class="row"><label>${tx('sched.start')} <input type="date" id="sched-start" value="${new Date(Date.now() + 864e5).toISOString().slice(0, 10)}"></label>
        <label>${tx('sched.days')} <input type="number" id="sched-days" min="1" max="62" value="7"></label></div>
      <div id="sched-teams"></div><button type="button" id="sched-add-team">${tx('sched.addTeam')}</button>
      ${rule('sched-rentals', 'sched.rentals')}${rule('sched-key', 'sched.keyPlaces', 2)}
      <label>${tx('sched.window')} <input type="time" id="sched-key-from"><input type="time" id="sched-key-to"></label>
      ${rule('sched-elderly', 'sched.elderly', 7)}<label><input type="checkbox" id="sched-whole"> ${tx('sched.wholeArea')}</label>
      <div class="row"><button type="button" id="sched-plan" class="primary">${tx('sched.plan')}</button>
        <progress id="sched-progress" max="1" value="0" hidden></progress></div><div id="sched-result"></div>`;
    this.on('#sched-add-team', () => this.addTeam());
    this.on('#sched-plan', () => this.plan());
    this.addTeam();
    if (this.answer) this.show(this.answer);
  }

  on(selector, fn) {
    this.root.querySelector(selector).addEventListener('click', fn);
  }

  value(selector) {
    return this.root.querySelector(selector).value;
  }

  addTeam() {
    const list = this.root.querySelector('#sched-teams');
    list.insertAdjacentHTML('beforeend', `<div class="row sched-team"><b>${escapeHtml(t('sched.team', { n: list.children.length + 1 }))}</b>
      <select>${this.view.panel.querySelector('#patrol-mode').innerHTML}</select><input type="time" value="08:00"><input type="time" value="12:00">
      ${DAYS.map((d, i) => `<label><input type="checkbox" value="${d}" ${i < 5 ? 'checked' : ''}>${'一二三四五六日'[i]}</label>`).join('')}</div>`);
  }

  request() {
    const checked = id => this.root.querySelector(id).checked;
    const teams = [...this.root.querySelectorAll('.sched-team')].map((row, i) => {
      const [from, to] = [...row.querySelectorAll('input[type=time]')].map(e => e.value);
      return { name: t('sched.team', { n: i + 1 }), base: this.view.base, mode: row.querySelector('select').value,
        shifts: Object.fromEntries([...row.querySelectorAll('input:checked')].map(c => [c.value, [from, to]])) };
    });
    const [from, to] = [this.value('#sched-key-from'), this.value('#sched-key-to')];
    return { ...(checked('#sched-whole') ? { jurisdictionId: this.view.me.jurisdictionId }
      : { gridIds: [Number(this.view.panel.querySelector('#patrol-grid').value)] }),
    start: this.value('#sched-start'), days: Number(this.value('#sched-days')), teams, job: true,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    rules: { rentals: checked('#sched-rentals') ? {} : undefined,
      keyPlaces: checked('#sched-key') ? { perWeek: Number(this.value('#sched-key-n')), ...(from && to ? { timeWindows: [[from, to]] } : {}) } : undefined,
      elderlyAlone: checked('#sched-elderly') ? { everyDays: Number(this.value('#sched-elderly-n')) } : undefined } };
  }

  async plan() {
    if (!this.view.base) return this.view.message('error', t('patrol.needBase'));
    const progress = this.root.querySelector('#sched-progress');
    progress.hidden = false;
    document.body.dataset.scheduleState = 'pending';
    this.view.message('ok', t('sched.planning'));
    try {
      let job = await sendJson('POST', '/api/patrol/schedules', this.request());
      while (job.state === 'running') {
        progress.value = job.progress;
        await new Promise(r => { setTimeout(r, 400); });
        job = await getJson(`/api/patrol/schedule-jobs/${job.id}`);
      }
      if (job.state !== 'done') throw new ApiError(job.error.status, job.error);
      this.answer = await getJson(`/api/patrol/schedules/${job.scheduleId}`);
      this.show(this.answer);
      this.view.message('ok', t('patrol.done', { id: this.answer.id }));
      document.body.dataset.scheduleState = 'shown';
    } catch (error) {
      document.body.dataset.scheduleState = 'failed';
      this.view.message('error', describeError(error));
    } finally {
      progress.hidden = true;
    }
    return undefined;
  }

  show(plan) {
    renderPlan(this.root.querySelector('#sched-result'), plan, day => this.view.routes.show({
      routes: day.routes.map(r => ({ ...r, base: plan.teams[r.team - 1].base,
        stops: r.stops.map(s => ({ ...s, arrival: `0000-00-00T${s.serviceStartClock}` })) })) }));
  }
}
