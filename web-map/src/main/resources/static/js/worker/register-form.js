import { escapeHtml, t } from '../i18n.js';
import { FIELDS } from './register-fields.js';

// A form for one register row: the kind's fields (personal ones only when allowed), prefilled
// from values; onSubmit gets the changed values keyed by API name.
export function renderRegisterForm(container, kind, values, { personalAllowed, submitKey, onSubmit, onCancel }) {
  const fields = FIELDS[kind].filter(f => !f.personal || personalAllowed);
  const input = f => {
    const v = values[f.name] ?? f.initial ?? '';
    if (f.type === 'checkbox') return `<input type="checkbox" name="${f.name}" ${v ? 'checked' : ''}>`;
    return `<input type="${f.type}" name="${f.name}" value="${escapeHtml(v)}" ${f.required ? 'required' : ''} ${f.type === 'number' ? 'min="0"' : ''}>`;
  };
  container.innerHTML = `<form class="register-form" id="register-form">
    ${fields.map(f => `<label class="field"><span>${escapeHtml(t(`field.${f.name}`))}</span>${input(f)}</label>`).join('')}
    <div class="row"><button type="submit" class="primary" id="register-submit">${escapeHtml(t(submitKey))}</button>
      <button type="button" id="register-cancel">${escapeHtml(t('planner.cancel'))}</button></div></form>`;
  const form = container.querySelector('form');
  form.addEventListener('submit', e => {
    e.preventDefault();
    const out = {};
    for (const f of fields) {
      const element = form.elements[f.name];
      if (f.type === 'checkbox') out[f.name] = element.checked;
      else if (f.type === 'number') out[f.name] = element.value === '' ? null : Number(element.value);
      else if (element.value !== '' || values[f.name] != null) out[f.name] = element.value === '' ? null : element.value;
    }
    onSubmit(out);
  });
  container.querySelector('#register-cancel').addEventListener('click', onCancel);
}

/** The inspection form: date (today), inspector, notes. */
export function renderInspectionForm(container, { onSubmit, onCancel }) {
  const today = new Date().toISOString().slice(0, 10);
  container.innerHTML = `<form class="register-form" id="inspection-form">
    <label class="field"><span>${escapeHtml(t('field.inspectedOn'))}</span><input type="date" name="inspectedOn" value="${today}" required></label>
    <label class="field"><span>${escapeHtml(t('field.inspector'))}</span><input name="inspector" maxlength="50"></label>
    <label class="field"><span>${escapeHtml(t('field.notes'))}</span><textarea name="notes" maxlength="2000" rows="3"></textarea></label>
    <div class="row"><button type="submit" class="primary" id="inspection-submit">${escapeHtml(t('worker.inspect'))}</button>
      <button type="button" id="inspection-cancel">${escapeHtml(t('planner.cancel'))}</button></div></form>`;
  const form = container.querySelector('form');
  form.addEventListener('submit', e => {
    e.preventDefault();
    onSubmit({ inspectedOn: form.elements.inspectedOn.value, inspector: form.elements.inspector.value || null, notes: form.elements.notes.value || null });
  });
  container.querySelector('#inspection-cancel').addEventListener('click', onCancel);
}
