import type { ViewContext } from './context.js';
import type { MessageKey, Params } from './i18n/index.js';
import { Layout, PageHeading } from './layout.js';

const titles: Record<number, MessageKey> = {
  400: 'errorPage.400',
  401: 'errorPage.401',
  403: 'errorPage.403',
  404: 'errorPage.404',
  413: 'errorPage.400',
  422: 'errorPage.400',
  429: 'errorPage.429',
  500: 'errorPage.500',
  503: 'errorPage.503',
};

export function ErrorPage({ ctx, status, message, params }: { ctx: ViewContext; status: number; message: MessageKey; params?: Params }) {
  const title = ctx.t(titles[status] ?? 'errorPage.500');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading title={title} lead={ctx.t(message, params)} />
      <p class="kern-body">
        <a class="kern-link" href="/">
          {ctx.t('errorPage.home')}
        </a>
        {ctx.actor.kind === 'anonymous' && status !== 429 ? (
          <>
            {' · '}
            <a class="kern-link" href={`/anmelden?next=${encodeURIComponent(ctx.path)}`}>
              {ctx.t('nav.signIn')}
            </a>
          </>
        ) : null}
      </p>
    </Layout>
  );
}
