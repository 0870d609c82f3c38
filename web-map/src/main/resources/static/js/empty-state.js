import { escapeHtml, t } from './i18n.js';

// With no jurisdictions there is nothing to plan: the side panel says what to import next (ADR 0030).
export function showEmptyState(me) {
  const section = document.createElement('section');
  section.id = 'empty-state';
  section.className = 'empty-state';
  const admin = me.role === 'admin';
  section.innerHTML = `<h2>${escapeHtml(t('empty.title'))}</h2><p>${escapeHtml(t(admin ? 'empty.admin' : 'empty.other'))}</p>`
    + (admin ? `<pre>./gridpatrol import FILE --kind jurisdictions</pre><p>${escapeHtml(t('empty.restart'))}</p>`
      + '<pre>./gridpatrol demo --osm EXTRACT --boundaries FILE</pre>' : '');
  document.getElementById('panel').replaceChildren(section);
  document.body.dataset.emptyState = 'true';
}
