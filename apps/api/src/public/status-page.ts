import type { PublicDossierDto } from './dto/public-dossier.dto';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; background: #f4f6f8; color: #1d2733; }
  main { max-width: 34rem; margin: 0 auto; padding: 1.25rem; }
  h1 { font-size: 1.3rem; margin: .5rem 0 1rem; color: #b3261e; }
  .card { background: #fff; border-radius: .75rem; padding: 1rem 1.25rem; box-shadow: 0 1px 3px rgba(0,0,0,.08); margin-bottom: 1rem; }
  label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
  input { width: 100%; box-sizing: border-box; font-size: 1.1rem; padding: .6rem; border: 1px solid #b8c2cc; border-radius: .5rem; }
  button { margin-top: 1rem; width: 100%; font-size: 1.1rem; padding: .7rem; border: 0; border-radius: .5rem; background: #b3261e; color: #fff; }
  .status { font-size: 1.2rem; font-weight: 700; color: #0b6b3a; }
  .muted { color: #5b6875; font-size: .95rem; }
  .error { color: #b3261e; font-weight: 600; }
  ol { padding-left: 1.2rem; } li { margin: .4rem 0; }
`;

function page(body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tra cứu hồ sơ thủ tục hành chính</title><style>${STYLE}</style></head><body><main><h1>Tra cứu tình trạng hồ sơ</h1>${body}</main></body></html>`;
}

/** The form: the code from the receipt's QR code, and the 4 digits printed beside it. */
export function lookupForm(code: string, message?: string): string {
  return page(`<form class="card" method="get" action="">
  ${message ? `<p class="error">${escape(message)}</p>` : ''}
  <label for="ma">Mã hồ sơ</label><input id="ma" name="ma" value="${escape(code)}" required autocomplete="off">
  <label for="v">Số xác thực (4 chữ số in trên giấy hẹn)</label><input id="v" name="v" inputmode="numeric" pattern="\\d{4}" maxlength="4" required autocomplete="off">
  <button type="submit">Tra cứu</button></form>`);
}

export function statusPage(dossier: PublicDossierDto): string {
  const result =
    dossier.result === 'ready' ? '<p><strong>Đã có kết quả.</strong> Mời ông/bà đến nhận kết quả tại Bộ phận Một cửa.</p>' : dossier.result === 'returned' ? '<p>Kết quả đã được trả.</p>' : '';
  return page(`<section class="card">
  <p class="muted">Mã hồ sơ</p><p><strong>${escape(dossier.code)}</strong></p>
  <p class="muted">Thủ tục</p><p>${escape(dossier.procedureName)}</p>
  <p class="muted">Tình trạng</p><p class="status">${escape(dossier.statusLabel)}</p>
  ${dossier.appointmentText ? `<p class="muted">Hẹn trả kết quả</p><p><strong>${escape(dossier.appointmentText)}</strong></p>` : ''}
  ${result}
</section>
<section class="card"><p class="muted">Quá trình giải quyết</p><ol>
  ${dossier.milestones.map((milestone) => `<li>${escape(milestone.label)}<br><span class="muted">${escape(milestone.atText)}</span></li>`).join('')}
</ol></section>`);
}
