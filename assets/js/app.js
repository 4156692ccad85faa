// Progressive enhancement only: every page works without this file.

// A form that came back with errors: move focus to its summary, so that screen reader users
// hear first what to fix.
const summary = document.getElementById('error-summary');
if (summary) summary.focus();

// Tag fields (comma-separated): suggest existing tags for the word being typed, so that
// spelling variants meet. A native <datalist> keeps it accessible; each option carries the
// whole field value with the suggestion completing the last item.
for (const input of document.querySelectorAll('input[data-tag-suggest]')) {
  const list = document.createElement('datalist');
  list.id = `${input.id}-suggestions`;
  input.after(list);
  input.setAttribute('list', list.id);
  input.setAttribute('autocomplete', 'off');
  let timer;
  let controller;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const value = input.value;
      const cut = value.lastIndexOf(',') + 1;
      const before = value.slice(0, cut).replace(/\s*$/, cut ? ' ' : '');
      const word = value.slice(cut).trim();
      if (word.length < 2) return;
      controller?.abort();
      controller = new AbortController();
      try {
        const res = await fetch(`/api/v1/tags?q=${encodeURIComponent(word)}`, { signal: controller.signal, headers: { accept: 'application/json' } });
        if (!res.ok) return;
        const { items } = await res.json();
        list.replaceChildren(
          ...items.map((item) => {
            const option = document.createElement('option');
            option.value = `${before}${item.label}`;
            return option;
          }),
        );
      } catch {
        // A failed suggestion is no error: the plain field still works.
      }
    }, 200);
  });
}

// The question form: while a title is typed for a question, similar questions the reader may
// open appear below it (the server renders them; without JavaScript the "Ähnliche Fragen
// prüfen" button asks the server for the same list).
for (const form of document.querySelectorAll('form[data-similar-questions]')) {
  const title = form.querySelector('input[name="title"]');
  const type = form.querySelector('select[name="type"]');
  const box = form.querySelector('#similar-questions');
  const status = form.querySelector('#similar-questions-status');
  if (!title || !type || !box || !status) continue;
  let timer;
  let controller;
  let last = '';
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = title.value.trim();
      if (type.value !== 'question' || text.length < 4) {
        box.replaceChildren();
        status.textContent = '';
        last = '';
        return;
      }
      if (text === last) return;
      last = text;
      controller?.abort();
      controller = new AbortController();
      try {
        const url = `${form.dataset.similarQuestions}&title=${encodeURIComponent(text)}`;
        const res = await fetch(url, { signal: controller.signal, headers: { accept: 'text/html' } });
        if (!res.ok) return;
        const html = await res.text();
        const template = document.createElement('template');
        template.innerHTML = html;
        const found = template.content.querySelector('[data-status]');
        box.replaceChildren(template.content);
        // Only a short line is announced, and only when it changes.
        const line = found ? found.dataset.status : '';
        if (status.textContent !== line) status.textContent = line;
      } catch {
        // No suggestions is no error: the button still checks on the server.
      }
    }, 350);
  };
  title.addEventListener('input', update);
  type.addEventListener('change', update);
}
