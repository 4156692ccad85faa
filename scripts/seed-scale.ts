/**
 * `npm run seed:scale [-- --organisations=600 --members=20000 --communities=200 --posts=100000 --replies=500000 --events=2000]`:
 * migrates, seeds the demo data and a large invented data set (members with profiles, expertise
 * and confirmations; communities with memberships, posts, replies and helpful marks) into
 * DATABASE_URL or the embedded database under DATA_DIR (default ./data-scale, so the demo under
 * ./data stays as it is). Running it again adds nothing, except that the scale notifications
 * are renewed (a fresh day of unmailed ones, src/demo/scale-notifications.ts).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { seedScale } from '../src/demo/scale.js';
import { findBenchTargets, seedScaleCommunities } from '../src/demo/scale-communities.js';
import { seedScaleEvents } from '../src/demo/scale-events.js';
import { seedScaleNotifications } from '../src/demo/scale-notifications.js';

const { values } = parseArgs({
  options: {
    organisations: { type: 'string', default: process.env.SCALE_ORGANISATIONS ?? '600' },
    members: { type: 'string', default: process.env.SCALE_MEMBERS ?? '20000' },
    communities: { type: 'string', default: process.env.SCALE_COMMUNITIES ?? '200' },
    posts: { type: 'string', default: process.env.SCALE_POSTS ?? '100000' },
    replies: { type: 'string', default: process.env.SCALE_REPLIES ?? '500000' },
    events: { type: 'string', default: process.env.SCALE_EVENTS ?? '2000' },
  },
});
const organisations = Number.parseInt(values.organisations, 10);
const members = Number.parseInt(values.members, 10);
const communities = Number.parseInt(values.communities, 10);
const posts = Number.parseInt(values.posts, 10);
const replies = Number.parseInt(values.replies, 10);
if (!(organisations >= 1) || !(members >= 0) || !(communities >= 0) || !(posts >= 0) || !(replies >= 0)) {
  console.error('Usage: npm run seed:scale -- --organisations=N (>= 1) --members=N --communities=N --posts=N --replies=N (>= 0)');
  process.exit(64);
}

const config = loadConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR || './data-scale' });
const started = performance.now();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
try {
  console.log(`Database: ${config.DATABASE_URL ? 'DATABASE_URL' : `embedded, ${config.dataDir}`}`);
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  const result = await seedScale(database.db, { organisations, members, log: (line) => console.log(line) });
  const p = result.profiles;
  console.log(
    `Scale data: ${result.organisationsCreated} of ${organisations} organisations and ${result.membersCreated} of ${members} members created` +
      (p
        ? `; ${p.profilesCreated} profiles, ${p.expertiseCreated} expertise and ${p.askCreated} ask-me-about tags (vocabulary of ${p.tags} topics, ` +
          `${p.tagsCreated} new), ${p.confirmationsCreated} confirmations created (profiles ${(p.milliseconds / 1000).toFixed(1)} s)`
        : '') +
      ` in ${(result.milliseconds / 1000).toFixed(1)} s.`,
  );
  const c = await seedScaleCommunities(database.db, { communities, posts, replies, log: (line) => console.log(line) });
  console.log(
    c.skipped
      ? `Communities: nothing added (${(c.milliseconds / 1000).toFixed(1)} s).`
      : `Communities: ${c.communities} communities, ${c.memberships} memberships, ${c.posts} posts (${c.practiceExamples} practice examples, ${c.postTags} post tags), ` +
          `${c.replies} replies and ${c.helpfulMarks} helpful marks created in ${(c.milliseconds / 1000).toFixed(1)} s.`,
  );
  const e = await seedScaleEvents(database.db, { events: Number.parseInt(values.events, 10) || 0, registrationsPerEvent: 40, log: (line) => console.log(line) });
  console.log(`Events: done in ${(e.milliseconds / 1000).toFixed(1)} s; live barcamp /veranstaltungen/${e.barcampId}/live.`);
  const n = await seedScaleNotifications(database.db, { log: (line) => console.log(line) });
  console.log(`Notifications: ${n.notifications} for ${n.members} members (${n.unmailed} of the last day not mailed yet) in ${(n.milliseconds / 1000).toFixed(1)} s.`);
  const bench = await findBenchTargets(database.db);
  if (bench) console.log(`Benchmark targets: /communities/${bench.communitySlug}, /beitraege/${bench.postId} (${bench.replyCount} replies).`);
  console.log(`Total with start and migrations: ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await database.close();
}
