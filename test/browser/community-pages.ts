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

/** Fixed ids of the events seedEvents makes. */
export const E = {
  workshop: 'werkstatt-e-akte-00001',
  workshopTitle: 'Werkstatt: E-Akte im Bauamt einführen',
  question: 'Haben Sie Unterstützungsbedarf für die Teilnahme?',
  answer: 'Einen Platz nahe der Tür, bitte.',
  past: 'treffen-vergangen-0001',
  pastTitle: 'Erfahrungsaustausch Scanstellen',
  certificate: 'KP-7Q2M-X4PL-9RTA',
  barcamp: 'barcamp-verwaltung-0001',
  barcampTitle: 'Barcamp Offene Verwaltung',
  session: 'session-offene-daten-01',
  sessionTitle: 'Offene Daten in der Kommune',
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
  // Events (seedEvents below): the list, an event with a question, the organisers' pages.
  { label: 'events', path: '/veranstaltungen', who: 'member', shows: [E.workshopTitle] },
  { label: 'an event with a question (member, not registered)', path: `/veranstaltungen/${E.workshop}`, who: 'member', shows: ['Auf die Warteliste', E.question] },
  { label: 'calendar addresses', path: '/veranstaltungen/kalender', who: 'member' },
  { label: 'certificate check with a genuine code', path: `/bescheinigungen/${E.certificate}`, who: 'member', shows: [E.certificate] },
  { label: 'an event (organiser)', path: `/veranstaltungen/${E.workshop}`, who: 'lead', shows: ['Teilnehmende'] },
  { label: 'new event', path: '/veranstaltungen/neu', who: 'lead' },
  { label: 'edit and cancel an event', path: `/veranstaltungen/${E.workshop}/bearbeiten`, who: 'lead' },
  { label: 'participants of an event', path: `/veranstaltungen/${E.workshop}/teilnehmende`, who: 'lead', shows: ['Ben Beispiel', 'Rita Anfrage', E.answer] },
  { label: 'check-in list', path: `/veranstaltungen/${E.workshop}/check-in`, who: 'lead', shows: ['Ben Beispiel'] },
  { label: 'barcamp programme', path: `/veranstaltungen/${E.barcamp}/programm`, who: 'member', shows: [E.sessionTitle] },
  { label: 'barcamp: propose a session', path: `/veranstaltungen/${E.barcamp}/programm/neu`, who: 'member' },
  { label: 'barcamp session', path: `/veranstaltungen/${E.barcamp}/sessions/${E.session}`, who: 'member', shows: [E.sessionTitle] },
  { label: 'barcamp live', path: `/veranstaltungen/${E.barcamp}/live`, who: 'member' },
  { label: 'barcamp plan', path: `/veranstaltungen/${E.barcamp}/plan`, who: 'lead', shows: ['Saal 1'] },
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

  await seedEvents(t, { community: community.id, lea: lea.id, ben: ben.id, rita: rita.id, mia });

  const person = (u: { email: string; name: string }) => ({ email: u.email, name: u.name, password: TEST_PASSWORD });
  return { people: { member: cast.people.member, office: cast.people.office, lead: person(lea), partner: person(paula) } };
}

/**
 * Events of the community, organised by the lead: a public workshop in ten days with one place
 * and a question, Ben confirmed (with an answer) and Rita on the waiting list, Mia not
 * registered; a past meeting Ben attended, with his certificate; a barcamp with Mia and Ben, a
 * room, a time slot and Ben's session placed in them, the plan published.
 */
async function seedEvents(t: TestApp, p: { community: string; lea: string; ben: string; rita: string; mia: string }): Promise<void> {
  const db = t.db;
  const at = (days: number, hour: number) => {
    const d = new Date(Date.now() + days * 86400_000);
    d.setUTCHours(hour - 1, 0, 0, 0);
    return d;
  };
  const common = { communityId: p.community, createdBy: p.lea, updatedBy: p.lea, place: 'Rathaus Musterstadt', placeDetails: 'Saal 2, erstes Obergeschoss, Eingang Marktplatz' };
  await db
    .insertInto('events')
    .values([
      { ...common, id: E.workshop, kind: 'workshop', title: E.workshopTitle, description: 'Wir planen gemeinsam die **Einführung der E-Akte** im Bauamt.\n\n- Aktenplan\n- Scanstelle', startsAt: at(10, 9), endsAt: at(10, 16), audience: 'public', capacity: 1, waitlist: true, questions: JSON.stringify([{ id: 'q1', label: E.question, required: false }]), confirmedCount: 1, waitlistCount: 1 },
      { ...common, id: E.past, kind: 'meeting', title: E.pastTitle, description: 'Austausch der Scanstellen.', startsAt: at(-20, 10), endsAt: at(-20, 13), audience: 'members', capacity: null, confirmedCount: 1 },
      { ...common, id: E.barcamp, kind: 'barcamp', title: E.barcampTitle, description: 'Das Programm machen die Teilnehmenden.', startsAt: at(20, 9), endsAt: at(20, 17), audience: 'members', capacity: null, confirmedCount: 2, planPublishedAt: new Date() },
    ])
    .execute();
  await db.insertInto('eventOrganisers').values([E.workshop, E.past, E.barcamp].map((eventId) => ({ eventId, userId: p.lea }))).execute();
  await db.insertInto('eventRegistrations').values([p.mia, p.ben].map((userId, i) => ({ id: `anmeldung-barcamp-0${i}`, eventId: E.barcamp, userId, status: 'confirmed' as const }))).execute();
  await db.insertInto('eventRooms').values({ id: 'raum-saal-eins-000001', eventId: E.barcamp, name: 'Saal 1', capacity: 40, position: 0 }).execute();
  await db.insertInto('eventSlots').values({ id: 'zeitfenster-eins-00001', eventId: E.barcamp, startsAt: at(20, 10), endsAt: at(20, 11) }).execute();
  await db
    .insertInto('eventSessions')
    .values({ id: E.session, eventId: E.barcamp, title: E.sessionTitle, description: 'Welche Daten veröffentlichen Sie, und wie?', format: 'discussion', expectedSize: 15, roomId: 'raum-saal-eins-000001', slotId: 'zeitfenster-eins-00001', createdBy: p.ben })
    .execute();
  await db.insertInto('eventSessionHosts').values({ sessionId: E.session, userId: p.ben }).execute();
  await db.insertInto('eventRegistrations').values({ id: 'anmeldung-ben-000001', eventId: E.workshop, userId: p.ben, status: 'confirmed', answers: JSON.stringify({ q1: E.answer }) }).execute();
  await db.insertInto('eventRegistrations').values({ id: 'anmeldung-rita-00001', eventId: E.workshop, userId: p.rita, status: 'waiting' }).execute();
  await db.insertInto('eventRegistrations').values({ id: 'anmeldung-ben-000002', eventId: E.past, userId: p.ben, status: 'confirmed', attendedAt: at(-20, 10), attendanceMarkedBy: p.lea }).execute();
  await db
    .insertInto('certificates')
    .values({ code: E.certificate, registrationId: 'anmeldung-ben-000002', eventId: E.past, userId: p.ben, participantName: 'Ben Beispiel', eventTitle: E.pastTitle, startsAt: at(-20, 10), endsAt: at(-20, 13), hours: 3, organiser: 'Lea Leitung' })
    .execute();
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
