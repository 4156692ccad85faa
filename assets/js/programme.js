// Progressive enhancement of the barcamp plan page only: every action works without this file.
//
// Drag a session (a title in the grid, or a row of the "Raum und Zeit" list) onto a cell of the
// grid: the session's select is set to that cell and the same form is sent with fetch, exactly
// as the "Verteilung speichern" button would send it. The page the server answers with (the plan
// again with a success message, or with the error shown at the session) replaces the main
// content. Keyboard and screen reader users keep the selects and the button.

const main = document.getElementById('main');

function setUp() {
  const form = document.querySelector('form[data-placements]');
  const grid = document.querySelector('[data-plan-grid]');
  if (!form || !grid || !('draggable' in document.createElement('span'))) return;

  const status = document.getElementById('placements-status');
  const sources = [...grid.querySelectorAll('[data-session]'), ...form.querySelectorAll('.kp-placement[data-session]')];
  for (const source of sources) {
    source.setAttribute('draggable', 'true');
    source.classList.add('kp-draggable');
    source.addEventListener('dragstart', (event) => {
      event.dataTransfer.setData('text/plain', source.dataset.session);
      event.dataTransfer.effectAllowed = 'move';
    });
  }

  for (const cell of grid.querySelectorAll('td[data-cell]')) {
    cell.addEventListener('dragover', (event) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      cell.classList.add('kp-drop-target');
    });
    cell.addEventListener('dragleave', () => cell.classList.remove('kp-drop-target'));
    cell.addEventListener('drop', (event) => {
      event.preventDefault();
      cell.classList.remove('kp-drop-target');
      const sessionId = event.dataTransfer.getData('text/plain');
      const select = form.querySelector(`select[name="cell_${CSS.escape(sessionId)}"]`);
      if (!select) return;
      select.value = cell.dataset.cell;
      submit(form, status);
    });
  }
}

async function submit(form, status) {
  form.setAttribute('aria-busy', 'true');
  try {
    const body = new URLSearchParams(new FormData(form));
    const res = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const html = await res.text();
    const next = new DOMParser().parseFromString(html, 'text/html').getElementById('main');
    if (!next) {
      form.submit();
      return;
    }
    main.replaceChildren(...next.childNodes);
    setUp();
    const summary = document.getElementById('error-summary');
    if (summary) summary.focus();
  } catch {
    // Offline or the like: fall back to the plain form submission.
    if (status) status.textContent = '';
    form.submit();
  }
}

setUp();
