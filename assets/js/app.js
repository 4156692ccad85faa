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
