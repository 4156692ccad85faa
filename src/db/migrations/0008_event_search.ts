import { sql, type Kysely } from 'kysely';

/**
 * Events become searchable (docs/search.md; the visibility rule is events.visibility.ts).
 *
 * - `events.search_vector`: title (A), place (B), description (C), a generated column like the
 *   replies' (the description is capped at 100,000 characters like theirs).
 * - The vocabulary (`search_words`, migration 0006) learns the words of title, place and
 *   description by the same row trigger as every other searchable table, and the words of the
 *   events already there.
 * - `kp_search_rebuild()` includes the events' words: 0006's body with one line more (0006 is
 *   never edited; `down` restores its body).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table events add column search_vector tsvector generated always as (
      setweight(to_tsvector('kp_german', title), 'A')
      || setweight(to_tsvector('kp_german', coalesce(place, '')), 'B')
      || setweight(to_tsvector('kp_german', left(description, 100000)), 'C')) stored;
    create index events_search_idx on events using gin (search_vector);
    create trigger kp_events_words after insert or update of title, place, description on events for each row execute function kp_search_words('title', 'place', 'description');

    insert into search_words (word, plain)
      select w, unaccent(w) from (select distinct unnest(kp_search_tokens(left(concat_ws(' ', title, place, description), 100000))) w from events) t
      where kp_search_word(w) and not exists (select 1 from search_words s where s.word = w);

    create or replace function kp_search_rebuild() returns void language plpgsql as $$
    begin
      update posts p set search_vector = kp_post_vector(p.id, p.title, p.body);
      update communities c set search_vector = kp_community_vector(c.id, c.name, c.description, c.guidelines);
      perform kp_refresh_member_search(array(select id from users));
      truncate search_words;
      insert into search_words (word, plain)
        select w, unaccent(w) from (
          select unnest(kp_search_tokens(left(title || ' ' || body, 100000))) w from posts
          union select unnest(kp_search_tokens(concat_ws(' ', problem, solution, reuse, materials))) from practice_examples
          union select unnest(kp_search_tokens(left(body, 100000))) from replies
          union select unnest(kp_search_tokens(name || ' ' || description)) from communities
          union select unnest(kp_search_tokens(name || ' ' || coalesce(short_name, ''))) from organisations
          union select unnest(kp_search_tokens(label)) from tags
          union select unnest(kp_search_tokens(name)) from users
          union select unnest(kp_search_tokens(concat_ws(' ', position, bio))) from profiles
          union select unnest(kp_search_tokens(left(concat_ws(' ', title, place, description), 100000))) from events
        ) words where kp_search_word(w);
      analyze search_words;
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function kp_search_rebuild() returns void language plpgsql as $$
    begin
      update posts p set search_vector = kp_post_vector(p.id, p.title, p.body);
      update communities c set search_vector = kp_community_vector(c.id, c.name, c.description, c.guidelines);
      perform kp_refresh_member_search(array(select id from users));
      truncate search_words;
      insert into search_words (word, plain)
        select w, unaccent(w) from (
          select unnest(kp_search_tokens(left(title || ' ' || body, 100000))) w from posts
          union select unnest(kp_search_tokens(concat_ws(' ', problem, solution, reuse, materials))) from practice_examples
          union select unnest(kp_search_tokens(left(body, 100000))) from replies
          union select unnest(kp_search_tokens(name || ' ' || description)) from communities
          union select unnest(kp_search_tokens(name || ' ' || coalesce(short_name, ''))) from organisations
          union select unnest(kp_search_tokens(label)) from tags
          union select unnest(kp_search_tokens(name)) from users
          union select unnest(kp_search_tokens(concat_ws(' ', position, bio))) from profiles
        ) words where kp_search_word(w);
      analyze search_words;
    end $$;
    drop trigger kp_events_words on events;
    drop index events_search_idx;
    alter table events drop column search_vector;
  `.execute(db);
}
