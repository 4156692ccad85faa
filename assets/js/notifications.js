// Progressive enhancement only: without this file the bell shows the count of the page load.
//
// While a page is open, the server tells it the unread count (Server-Sent Events from
// /benachrichtigungen/live); the badge and the bell's accessible name follow. A rise is
// announced politely once; the first count after (re)connecting is not announced, so that
// loading a page stays quiet.

const bell = document.querySelector('[data-kp-bell]');
if (bell && 'EventSource' in window) {
  // The badge exists only while there is something unread (a hidden attribute would lose to its CSS display).
  let badge = bell.querySelector('[data-kp-bell-count]');
  const text = bell.querySelector('[data-kp-bell-text]');
  // Texts come from the server's catalogue, with {count} to fill in.
  const format = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'de-DE');
  const cap = Number(bell.dataset.kpCap) || 100;
  const number = (count) => (count >= cap ? `${cap - 1}+` : format.format(count));
  const words = (count) => (bell.dataset.kpUnreadText || '').replace('{count}', number(count));
  const news = (count) => (bell.dataset.kpNewsText || '').replace('{count}', number(count));

  // One polite live region for the announcements, present before anything is said in it.
  const live = document.createElement('span');
  live.className = 'kern-sr-only';
  // aria-live without role=status: the page's flash message is its one status region.
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  document.body.append(live);

  let shown = badge && badge.textContent.trim() ? Number(badge.textContent.replace(/\D/g, '')) : 0;
  let fresh = true;

  const show = (count) => {
    if (count > 0 && !badge) {
      badge = document.createElement('span');
      badge.className = 'kp-badge kp-bell__count';
      badge.setAttribute('aria-hidden', 'true');
      badge.dataset.kpBellCount = '';
      if (text) text.before(badge);
      else bell.append(badge);
    }
    if (count === 0 && badge) {
      badge.remove();
      badge = null;
    }
    if (badge) badge.textContent = number(count);
    if (text) text.textContent = count > 0 ? words(count) : '';
  };

  const source = new EventSource('/benachrichtigungen/live');
  source.addEventListener('open', () => {
    fresh = true;
  });
  source.addEventListener('unread', (event) => {
    let count;
    try {
      count = JSON.parse(event.data).count;
    } catch {
      return;
    }
    if (typeof count !== 'number') return;
    if (count !== shown) show(count);
    if (!fresh && count > shown) live.textContent = news(count);
    shown = count;
    fresh = false;
    bell.dataset.kpUnread = String(count);
  });
}
