import { escapeHtml, t } from '../i18n.js';
import { urlOf } from '../api.js';
import { kindName } from './stop-list.js';

// A visit plan as text: totals, one row per day (click: that day's loops on the map and its stops
// with clock times, GPX per team, A4 print), then the visits that cannot be met and why.
export function renderPlan(container, plan, showDay) {
  const s = plan.totals;
  const rows = plan.dayPlans.map((d, i) => {
    const stops = d.routes.reduce((n, r) => n + r.stops.length, 0);
    const km = d.routes.reduce((n, r) => n + r.distanceMeters, 0) / 1000;
    return `<tr data-day="${i}"><td><button type="button" class="link">${escapeHtml(d.date)}</button></td><td>${stops}</td><td>${km.toFixed(1)}</td></tr>`;
  }).join('');
  const unmet = plan.unmet.slice(0, 100).map(u => `<li><small>${escapeHtml(u.checkpointId)}</small> ${escapeHtml(kindName(u.kind))}
    ${escapeHtml(u.due)}: ${escapeHtml(t(`sched.reason.${u.reason}`))}</li>`).join('');
  container.innerHTML = `<p id="sched-totals">${escapeHtml(t('sched.totals', { planned: s.visitsPlanned, unmet: s.visitsUnmet,
    km: s.distanceKm, hours: s.hours, overrun: s.shiftOverrunSeconds }))}</p>
    <table class="sched-days"><tr><th>${escapeHtml(t('sched.day'))}</th><th>${escapeHtml(t('sched.stops'))}</th><th>${escapeHtml(t('sched.km'))}</th></tr>${rows}</table>
    <section id="schedule-day"></section>
    <details><summary>${escapeHtml(t('sched.unmet', { count: plan.unmet.length }))}</summary><ul class="dropped-list">${unmet}</ul></details>`;
  container.querySelectorAll('tr[data-day] button').forEach(b => b.addEventListener('click', () => {
    const day = plan.dayPlans[Number(b.closest('tr').dataset.day)];
    renderDay(container.querySelector('#schedule-day'), plan, day);
    showDay(day);
  }));
}

function renderDay(section, plan, day) {
  const teams = day.routes.map(r => `<h3>${escapeHtml(r.name)} ${escapeHtml(r.shiftStart)}–${escapeHtml(r.shiftEnd)}</h3>
    <ol class="stop-list">${r.stops.map(s => `<li class="stop"><span>${escapeHtml(kindName(s.kind))} <small>${escapeHtml(s.checkpointId)}</small></span>
      <span class="arrival">${escapeHtml(s.serviceStartClock)}</span></li>`).join('')}</ol>
    <a class="button no-print" download href="${urlOf(`/api/patrol/schedules/${plan.id}/days/${day.date}/teams/${r.team}.gpx`)}">${escapeHtml(t('sched.gpx', { team: r.name }))}</a>`).join('');
  section.innerHTML = `<h2>${escapeHtml(day.date)}</h2>${teams}
    <button type="button" id="sched-print" class="no-print">${escapeHtml(t('sched.print'))}</button>`;
  section.querySelector('#sched-print').addEventListener('click', () => {
    document.body.dataset.print = 'schedule';
    window.addEventListener('afterprint', () => { delete document.body.dataset.print; }, { once: true });
    window.print();
  });
  document.body.dataset.scheduleDay = day.date;
}
