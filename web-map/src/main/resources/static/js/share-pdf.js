// A one-page PDF (ISO 32000-1) holding one JPEG image, scaled to fit an A4 landscape page with a
// margin. Written here rather than with a PDF library: one image is all the minutes need, and the
// text (Chinese and English) is drawn into the image, so no font has to be embedded (ADR 0019).
const A4_LANDSCAPE = [842, 595];
const MARGIN = 24;

export function pdfFromJpeg(jpegBytes, width, height, title) {
  const [pw, ph] = A4_LANDSCAPE;
  const scale = Math.min((pw - 2 * MARGIN) / width, (ph - 2 * MARGIN) / height);
  const w = width * scale;
  const h = height * scale;
  const x = (pw - w) / 2;
  const y = (ph - h) / 2;
  const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} ${x.toFixed(2)} ${y.toFixed(2)} cm /Im0 Do Q`;
  const encoder = new TextEncoder();
  const parts = [];
  const offsets = [];
  let length = 0;
  const push = chunk => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (n, body, stream) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };
  push('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`);
  object(4, `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 `
    + `/Filter /DCTDecode /Length ${jpegBytes.length} >>`, jpegBytes);
  object(5, `<< /Length ${encoder.encode(content).length} >>`, content);
  object(6, `<< /Title (${asciiPdfString(title)}) /Producer (gridpatrol) /CreationDate (D:${pdfDate(new Date())}) >>`);
  const xref = length;
  push(`xref\n0 7\n0000000000 65535 f \n${offsets.slice(1).map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Blob(parts, { type: 'application/pdf' });
}

function asciiPdfString(text) {
  return String(text).replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, c => `\\${c}`);
}

function pdfDate(d) {
  const p = n => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}
