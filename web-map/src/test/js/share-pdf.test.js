// The meeting map's one-page PDF (share-pdf.js): the image scaled to fit A4 landscape with a 24 pt
// margin, centred; the cross-reference table pointing at each object; the title kept to ASCII.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pdfFromJpeg } from '../../main/resources/static/js/share-pdf.js';

async function pdfText(...args) {
  const blob = pdfFromJpeg(...args);
  assert.equal(blob.type, 'application/pdf');
  return Buffer.from(await blob.arrayBuffer()).toString('latin1');
}

test('a wide image fills the width: 794 pt wide, centred vertically', async () => {
  // usable area 842 - 48 = 794 by 595 - 48 = 547; a 1588 x 500 image scales by 0.5 to 794 x 250,
  // so x = 24 and y = (595 - 250) / 2 = 172.5
  const text = await pdfText(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 1588, 500, 'map');
  assert.match(text, /q 794\.00 0 0 250\.00 24\.00 172\.50 cm \/Im0 Do Q/);
  assert.match(text, /\/Width 1588 \/Height 500 .*\/Length 4 >>/);
});

test('a tall image fills the height', async () => {
  // 547 / 1094 = 0.5: 300 x 547 at x = (842 - 300) / 2 = 271, y = 24
  const text = await pdfText(new Uint8Array(10), 600, 1094, 'map');
  assert.match(text, /q 300\.00 0 0 547\.00 271\.00 24\.00 cm/);
});

test('every xref entry is the byte offset of its object; startxref points at the table', async () => {
  const text = await pdfText(new Uint8Array([1, 2, 3]), 100, 100, 'map');
  assert.ok(text.startsWith('%PDF-1.4\n'));
  assert.ok(text.endsWith('%%EOF\n'));
  const xref = Number(/startxref\n(\d+)\n/.exec(text)[1]);
  assert.equal(text.slice(xref, xref + 9), 'xref\n0 7\n');
  const entries = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map(m => Number(m[1]));
  assert.equal(entries.length, 6);
  entries.forEach((offset, i) => assert.equal(text.slice(offset, offset + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`));
});

test('the title keeps printable ASCII only, with PDF string specials escaped', async () => {
  const text = await pdfText(new Uint8Array(1), 10, 10, '边界 map (v2) \\ 会议');
  assert.match(text, /\/Title \( map \\\(v2\\\) \\\\ \)/);
});
