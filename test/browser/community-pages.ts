/**
 * The pages of the communities issue, who sees them, and a community with realistic content to
 * see them with; shared by the accessibility and the third-party-request tests. Built on
 * `seedCast` (pages.ts): its member (Mia) and office person take part, with a lead and a partner.
 *
 * "E-Akte in Kommunen" (on request, partners allowed, Chatham House) has guidelines in Markdown,
 * topics, a pinned announcement, an open and an answered question, a practice example with
 * reuse, a locked post; the answered question has an accepted answer, a reply quoting it that
 * was edited (history), a hidden reply (the lead sees the reason) and a partner's reply that is
 * reported. The members page has a pending request and an invitation; the office a proposal.
 */
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { createCommunity, createPost, createReply } from '../helpers/communities.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { tagSlug } from '../../src/lib/tags.js';
import { newId } from '../../src/lib/ids.js';
import { signInQuickly, type BrowserFixture } from './browser.js';
import type { Cast } from './pages.js';

export type CommunityWho = 'member' | 'lead' | 'office' | 'partner';

export interface CommunityPageSpec {
  label: string;
  path: string;
  who: CommunityWho;
  /** The status the page answers with (after redirects); 200 unless said. */
  status?: number;
  /** Texts the page shows: proof that the state it is checked in is really there. */
  shows?: string[];
}

/** Fixed slugs and ids, so that paths can name them. */
export const C = {
  community: 'e-akte-kommunen',
  open: 'offene-runde-ozg',
  onRequest: 'runde-informationssicherheit',
  hidden: 'vertrauliche-runde',
  lead: 'lea-leitung-000001',
  colleague: 'ben-beispiel-00001',
  partner: 'paula-partner-0001',
  pinned: 'beitrag-angepinnt-001',
  question: 'beitrag-frage-0000001',
  openQuestion: 'beitrag-frage-offen-01',
  example: 'beitrag-beispiel-00001',
  locked: 'beitrag-gesperrt-00001',
  accepted: 'antwort-akzeptiert-001',
  quoting: 'antwort-mit-zitat-0001',
  hiddenReply: 'antwort-ausgeblendet-1',
  partnerReply: 'antwort-partner-000001',
} as const;

const main = `/communities/${C.community}`;

export const communityPages: CommunityPageSpec[] = [
  { label: 'start page with feed', path: '/', who: 'member', shows: ['Neues aus Ihren Communities', 'Welche Aufbewahrungsfristen gelten für Bauakten?', 'OZG-Umsetzung offen', 'Digitale Posteingangsstelle in Musterstadt'] },
  { label: 'communities', path: '/communities', who: 'member', shows: ['E-Akte in Kommunen', 'Informationssicherheit'] },
  { label: 'a community (member)', path: main, who: 'member', shows: ['Angeheftet', 'Offene Fragen', 'Beantwortet', 'Leitlinien', 'Was nicht hierher gehört', 'Aufbewahrung', 'Gesperrt'] },
  { label: 'a community (lead)', path: main, who: 'lead', shows: ['Leitlinien'] },
  { label: 'a community (partner)', path: main, who: 'partner', shows: ['Wie scannen Sie Eingangspost ersetzend?'] },
  { label: 'an open community to join', path: `/communities/${C.open}`, who: 'member', shows: ['Beitreten'] },
  { label: 'a community on request, not a member', path: `/communities/${C.onRequest}`, who: 'member', shows: ['Aufnahme anfragen'] },
  { label: 'members (member)', path: `${main}/mitglieder`, who: 'member' },
  { label: 'members with request and invitation (lead)', path: `${main}/mitglieder`, who: 'lead', shows: ['Anfragen', 'Rita Anfrage', 'für die Informationssicherheit zuständig', 'Offene Einladungen', 'Ina Einladung'] },
  { label: 'new post', path: `${main}/neu`, who: 'member' },
  { label: 'propose a community', path: '/communities/vorschlagen', who: 'member' },
  { label: 'answered question (asker)', path: `/beitraege/${C.question}`, who: 'member', shows: ['Akzeptierte Antwort', 'Ben Beispiel schrieb:', 'bearbeitet'] },
  { label: 'answered question, quoting a reply', path: `/beitraege/${C.question}?zitat=${C.accepted}`, who: 'member', shows: ['Ihre Antwort', 'Ben Beispiel schrieb:'] },
  { label: 'answered question with hidden reply (lead)', path: `/beitraege/${C.question}`, who: 'lead', shows: ['Diese Antwort ist ausgeblendet', 'Grund: Enthält den Namen einer Bürgerin.'] },
  { label: 'answered question (partner)', path: `/beitraege/${C.question}`, who: 'partner' },
  { label: 'open question', path: `/beitraege/${C.openQuestion}`, who: 'member' },
  { label: 'practice example with reuse', path: `/beitraege/${C.example}`, who: 'member', shows: ['Nachnutzung: 1', 'Lea Leitung', 'Dienstanweisung Posteingang'] },
  { label: 'locked post', path: `/beitraege/${C.locked}`, who: 'member', shows: ['Dieser Beitrag ist gesperrt'] },
  { label: 'pinned announcement (lead)', path: `/beitraege/${C.pinned}`, who: 'lead' },
  { label: 'edit post', path: `/beitraege/${C.question}/bearbeiten`, who: 'member' },
  { label: 'post history', path: `/beitraege/${C.question}/verlauf`, who: 'member', shows: ['Verlauf der Änderungen', 'Wer scannt schon ersetzend?'] },
  { label: 'report a post', path: `/beitraege/${C.example}/melden`, who: 'member' },
  { label: 'report a reply', path: `/beitraege/${C.question}/melden?antwort=${C.partnerReply}`, who: 'member' },
  { label: 'hide a post', path: `/beitraege/${C.question}/ausblenden`, who: 'lead' },
  { label: 'hide a reply', path: `/antworten/${C.partnerReply}/ausblenden`, who: 'lead' },
  { label: 'move a post', path: `/beitraege/${C.question}/verschieben`, who: 'lead', shows: ['OZG-Umsetzung offen (mehr Personen sehen den Beitrag)'] },
  { label: 'edit reply', path: `/antworten/${C.quoting}/bearbeiten`, who: 'lead' },
  { label: 'reply history', path: `/antworten/${C.quoting}/verlauf`, who: 'lead', shows: ['Verlauf der Änderungen'] },
  { label: 'moderation queue (lead)', path: '/moderation', who: 'lead', shows: ['Das ist Werbung für ein Produkt.', 'Der Beitrag nennt interne Vertragszahlen.'] },
  { label: 'moderation queue (office)', path: '/moderation', who: 'office' },
  { label: 'office: communities with a proposal', path: '/geschaeftsstelle/communities', who: 'office', shows: ['Künstliche Intelligenz in der Verwaltung', 'Sprachmodelle', 'Vertrauliche Runde der Leitungen'] },
  { label: 'office: new community', path: '/geschaeftsstelle/communities/neu', who: 'office' },
  { label: 'community settings (lead)', path: `${main}/einstellungen`, who: 'lead', shows: ['Einstellungen speichern'] },
  { label: 'community settings (office)', path: `${main}/einstellungen`, who: 'office', shows: ['Kurzadresse'] },
  { label: 'profile listing communities', path: `/mitglieder/${C.lead}`, who: 'member', shows: ['E-Akte in Kommunen'] },
  { label: 'organisation listing communities', path: '/organisationen/stadt-muster-001', who: 'member', shows: ['E-Akte in Kommunen'] },
  { label: 'search with questions, replies and an example', path: '/suche?q=scannen', who: 'member', shows: ['Suchergebnisse', 'Wie scannen Sie Eingangspost ersetzend?', 'Digitale Posteingangsstelle in Musterstadt', 'Akzeptierte Antwort', 'Praxisbeispiel'] },
  { label: 'search with results (partner)', path: '/suche?q=scannen', who: 'partner', shows: ['Suchergebnisse', 'Wie scannen Sie Eingangspost ersetzend?'] },
  { label: 'search for questions in a community', path: `/suche?q=Aufbewahrung&typ=question&community=${C.community}`, who: 'member', shows: ['Welche Aufbewahrungsfristen gelten für Bauakten?'] },
];

type Person = { email: string; password: string; name: string };

export interface CommunityCast {
  people: Record<CommunityWho, Person>;
}

const guidelines = `Willkommen in der Community **E-Akte in Kommunen**. Hier tauschen sich Kolleginnen und Kollegen aus Städten, Kreisen und Gemeinden aus.

## Was hierher gehört

- Fragen zur Einführung und zum Betrieb der E-Akte
- Praxisbeispiele mit Ansprechperson
- Hinweise auf [Leitfäden des Bundes](https://www.example.org/leitfaden)

## Was nicht hierher gehört

1. Namen von Bürgerinnen und Bürgern oder andere personenbezogene Daten
2. Werbung für Produkte

> Es gilt die Chatham House Rule: Inhalte dürfen genutzt, aber nicht zugeordnet werden.`;

async function tagId(t: TestApp, label: string): Promise<string> {
  const slug = tagSlug(label);
  await t.db.insertInto('tags').values({ id: newId(), slug, label, createdBy: null }).onConflict((oc) => oc.column('slug').doNothing()).execute();
  return (await t.db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** Minutes ago, so that lists have a stable order and times read naturally. */
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

export async function seedCommunities(t: TestApp, cast: Cast): Promise<CommunityCast> {
  const db = t.db;
  const org = cast.organisationId;
  const ids = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', [cast.people.member.email, cast.people.office.email]).execute();
  const idOf = (email: string) => ids.find((u) => u.email === email)!.id;
  const mia = idOf(cast.people.member.email);
  const lea = await createUser(db, { id: C.lead, email: 'leitung@musterstadt.example', name: 'Lea Leitung', organisationId: org });
  const ben = await createUser(db, { id: C.colleague, email: 'ben.beispiel@musterstadt.example', name: 'Ben Beispiel', organisationId: org });
  const paula = await createUser(db, { id: C.partner, email: 'paula@dienstleister.example', name: 'Paula Partner', role: 'partner' });
  const rita = await createUser(db, { email: 'rita.anfrage@musterstadt.example', name: 'Rita Anfrage', organisationId: org });
  const ina = await createUser(db, { email: 'ina.einladung@musterstadt.example', name: 'Ina Einladung', organisationId: org });

  const community = await createCommunity(db, {
    slug: C.community,
    name: 'E-Akte in Kommunen',
    visibility: 'request',
    partnersAllowed: true,
    chathamHouse: true,
    members: [{ userId: lea.id, role: 'lead' }, { userId: mia }, { userId: ben.id }, { userId: paula.id }, { userId: rita.id, status: 'requested' }, { userId: ina.id, status: 'invited' }],
  });
  await db
    .updateTable('communities')
    .set({ description: 'Erfahrungen mit der Einführung der elektronischen Akte in Städten, Kreisen und Gemeinden.', guidelines })
    .where('id', '=', community.id)
    .execute();
  await db.updateTable('communityMembers').set({ message: 'Ich bin im Kreis Beispielland für die Informationssicherheit zuständig.' }).where('communityId', '=', community.id).where('userId', '=', rita.id).execute();
  await db.updateTable('communityMembers').set({ invitedBy: lea.id }).where('communityId', '=', community.id).where('userId', '=', ina.id).execute();
  for (const topic of ['E-Akte', 'Scannen', 'Aufbewahrung']) await db.insertInto('communityTopics').values({ communityId: community.id, tagId: await tagId(t, topic) }).execute();

  const open = await createCommunity(db, { slug: C.open, name: 'OZG-Umsetzung offen', visibility: 'open', chathamHouse: false, members: [{ userId: lea.id, role: 'lead' }, { userId: ben.id }] });
  await db.updateTable('communities').set({ description: 'Offene Runde zur Umsetzung des Onlinezugangsgesetzes.' }).where('id', '=', open.id).execute();
  // Mia's expertise: the open community is suggested to her on the start page.
  await db.insertInto('communityTopics').values({ communityId: open.id, tagId: await tagId(t, 'OZG-Umsetzung') }).execute();
  await createCommunity(db, { slug: C.onRequest, name: 'Informationssicherheit', visibility: 'request', members: [{ userId: ben.id, role: 'lead' }] });
  await createCommunity(db, { slug: C.hidden, name: 'Vertrauliche Runde der Leitungen', visibility: 'hidden', members: [{ userId: lea.id, role: 'lead' }] });
  // A member's proposal, waiting for the office.
  const proposal = await createCommunity(db, { name: 'Künstliche Intelligenz in der Verwaltung', visibility: 'open', status: 'proposed', members: [{ userId: ben.id, role: 'lead' }] });
  await db
    .updateTable('communities')
    .set({ proposalReason: 'Viele Kommunen testen gerade Sprachmodelle; wir sollten Erfahrungen an einem Ort sammeln.', createdBy: ben.id, description: 'Austausch zu KI-Pilotprojekten.' })
    .where('id', '=', proposal.id)
    .execute();
  await db.insertInto('communityTopics').values({ communityId: proposal.id, tagId: await tagId(t, 'KI') }).execute();

  const c = community.id;
  await createPost(db, { id: C.pinned, communityId: c, authorId: lea.id, type: 'announcement', title: 'Bitte zuerst lesen: So arbeiten wir hier', body: 'Stellen Sie Fragen als **Frage**, damit andere die Antwort finden. Praxisbeispiele bitte mit Ansprechperson.' });
  await createPost(db, {
    id: C.question,
    communityId: c,
    authorId: mia,
    type: 'question',
    title: 'Wie scannen Sie Eingangspost ersetzend?',
    body: 'Wir wollen ab dem nächsten Jahr **ersetzend scannen**. Welche Erfahrungen haben Sie mit TR-RESISCAN gemacht?\n\n- Eigene Scanstelle oder Dienstleister?\n- Wie lange heben Sie Papier noch auf?',
    tags: ['E-Akte', 'Scannen'],
  });
  await createPost(db, { id: C.openQuestion, communityId: c, authorId: ben.id, type: 'question', title: 'Welche Aufbewahrungsfristen gelten für Bauakten?', body: 'Gibt es eine Übersicht, die Sie empfehlen können?', tags: ['E-Akte', 'Aufbewahrung'] });
  await createPost(db, { id: C.example, communityId: c, authorId: ben.id, type: 'example', title: 'Digitale Posteingangsstelle in Musterstadt', body: 'Seit 2023 scannen wir die gesamte Eingangspost zentral.', tags: ['Scannen'] });
  await db
    .insertInto('practiceExamples')
    .values({
      postId: C.example,
      problem: 'Papierpost lag tagelang in den Fachbereichen, bevor sie bearbeitet wurde.',
      solution: 'Eine zentrale Scanstelle erfasst die Post am Eingangstag und legt sie **direkt** in der E-Akte ab.',
      organisationId: org,
      status: 'operation',
      contactId: ben.id,
      materials: '- Dienstanweisung Posteingang (auf Anfrage)\n- Schulungsfolien',
      reuse: 'Die Dienstanweisung kann übernommen werden; Anpassungen an die eigene Aktenordnung sind nötig.',
    })
    .execute();
  await db.insertInto('exampleReuses').values({ postId: C.example, userId: lea.id, organisationId: org }).execute();
  await createPost(db, { id: C.locked, communityId: c, authorId: ben.id, type: 'discussion', title: 'Erfahrungen mit dem Anbieterwechsel', body: 'Die Diskussion ist abgeschlossen; die Ergebnisse stehen im Praxisbeispiel.' });

  await createReply(db, { id: C.accepted, postId: C.question, authorId: ben.id, accepted: true, body: 'Wir scannen seit 2023 ersetzend nach **TR-RESISCAN** mit eigener Scanstelle. Das Papier vernichten wir nach drei Monaten.' });
  await createReply(db, { id: C.quoting, postId: C.question, authorId: lea.id, quoteReplyId: C.accepted, body: 'Drei Monate halten wir auch für sinnvoll. Wichtig ist eine Stichprobenprüfung der Scans.' });
  await createReply(db, { id: C.hiddenReply, postId: C.question, authorId: ben.id, hidden: 'Enthält den Namen einer Bürgerin.', body: 'Bei Frau M. aus der Hauptstraße hat das nicht geklappt.' });
  await createReply(db, { id: C.partnerReply, postId: C.question, authorId: paula.id, body: 'Wir bieten dafür eine fertige Lösung an – sprechen Sie uns gern an.' });

  // Edited: the question (by its asker) and the quoting reply (by the lead) have a history.
  await db.insertInto('revisions').values({ targetType: 'post', targetId: C.question, title: 'Ersetzendes Scannen?', body: 'Wer scannt schon ersetzend?', editedBy: mia }).execute();
  await db.updateTable('posts').set({ editedAt: ago(30) }).where('id', '=', C.question).execute();
  await db.insertInto('revisions').values({ targetType: 'reply', targetId: C.quoting, title: null, body: 'Drei Monate halten wir auch für sinnvoll.', editedBy: lea.id }).execute();
  await db.updateTable('replies').set({ editedAt: ago(20) }).where('id', '=', C.quoting).execute();
  await db.updateTable('posts').set({ pinnedAt: ago(60) }).where('id', '=', C.pinned).execute();
  await db.updateTable('posts').set({ lockedAt: ago(90) }).where('id', '=', C.locked).execute();
  await db.updateTable('posts').set({ helpfulCount: 1 }).where('id', '=', C.example).execute();
  await db.insertInto('helpfulMarks').values({ targetType: 'post', targetId: C.example, userId: mia }).execute();
  await db.insertInto('bookmarks').values({ postId: C.example, userId: mia }).execute();
  await sql`update replies set helpful_count = 2 where id = ${C.accepted}`.execute(db);

  // Reports waiting in the queue: a reply and a post.
  await db.insertInto('reports').values({ id: newId(), communityId: c, postId: C.question, replyId: C.partnerReply, reporterId: mia, reason: 'Das ist Werbung für ein Produkt.' }).execute();
  await db.insertInto('reports').values({ id: newId(), communityId: c, postId: C.locked, replyId: null, reporterId: ben.id, reason: 'Der Beitrag nennt interne Vertragszahlen.' }).execute();

  const person = (u: { email: string; name: string }) => ({ email: u.email, name: u.name, password: TEST_PASSWORD });
  return { people: { member: cast.people.member, office: cast.people.office, lead: person(lea), partner: person(paula) } };
}

/**
 * One page per person for the whole file, signed in on first use (like `pagesOf` in pages.ts).
 */
export function communityPagesOf(browser: BrowserFixture, cast: () => CommunityCast): (who: CommunityWho) => Promise<Page> {
  const pages = new Map<CommunityWho, Promise<Page>>();
  return (who) => {
    let page = pages.get(who);
    if (!page) {
      page = browser.page({ keep: true }).then(async ({ page }) => {
        await signInQuickly(page, cast().people[who].email, cast().people[who].password);
        return page;
      });
      pages.set(who, page);
    }
    return page;
  };
}
