// The editable fields of the two registers, as the API names them (RegisterKind on the server);
// personal ones are shown only when the server sent them, i.e. to users of the owning jurisdiction.
export const FIELDS = {
  households: [
    { name: 'address', type: 'text', required: true },
    { name: 'headName', type: 'text', personal: true },
    { name: 'headPhone', type: 'tel', personal: true },
    { name: 'headIdNumber', type: 'text', personal: true },
    { name: 'residents', type: 'number', required: true, initial: 1 },
    { name: 'floatingResidents', type: 'number', initial: 0 },
    { name: 'elderlyLivingAlone', type: 'checkbox' },
  ],
  rentals: [
    { name: 'address', type: 'text', required: true },
    { name: 'landlordName', type: 'text', personal: true },
    { name: 'landlordPhone', type: 'tel', personal: true },
    { name: 'tenants', type: 'number', required: true, initial: 1 },
    { name: 'floatingResidents', type: 'number', initial: 0 },
    { name: 'nextInspection', type: 'date' },
  ],
};

/** Is a rental due inspection within the next week (or overdue)? */
export function isDue(properties) {
  if (!properties.nextInspection) return false;
  const soon = new Date();
  soon.setDate(soon.getDate() + 7);
  return properties.nextInspection <= soon.toISOString().slice(0, 10);
}
