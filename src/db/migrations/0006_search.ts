import { sql, type Kysely } from 'kysely';

/**
 * German full-text search (see docs/search.md).
 *
 * - Text search configuration `kp_german`: the `german` configuration with `unaccent` before
 *   the Snowball stemmer, so "Ämter", "Aemter" (see the query side) and "Amter" meet and
 *   "Verwaltungen" finds "Verwaltung".
 * - A `search_vector` per searchable row, weighted A (title, name), B (tags, topics, short
 *   names, position, expertise), C (body, example fields, description), D (guidelines, bio).
 *   Vectors that need other tables (post tags and example fields, community topics, a
 *   person's expertise) are kept by triggers; replies and organisations are generated columns.
 * - `member_search`: a person's vectors per profile field, so that a search matches only the
 *   fields the viewer may see (the people rule decides per field at query time).
 * - `search_words`: the vocabulary (the words of all searchable text, as written and without
 *   accents) with a trigram index, for parts of compound words and spelling corrections. It never leaves the
 *   server as such: a correction is shown only when it finds something the viewer may read.
 *   It has no unique index on purpose: writers never wait for each other (no deadlocks with
 *   the content transaction); the rare duplicate is harmless (queries use distinct).
 * - `kp_search_rebuild()` recomputes everything, for data inserted with triggers disabled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists unaccent;
    create extension if not exists pg_trgm;

    -- German stop words are recognised before unaccent turns "für" into "fur" (the stemmer's own
    -- list would no longer know it); words with umlauts are unaccented, then stemmed.
    create text search dictionary kp_german_stop (template = simple, stopwords = german, accept = false);
    create text search configuration kp_german (copy = german);
    alter text search configuration kp_german alter mapping for word, hword, hword_part with kp_german_stop, unaccent, german_stem;

    -- word: lower case as written ("führung"), for display; plain: without accents ("fuhrung"), for matching.
    create table search_words (word text not null, plain text not null);
    create index search_words_word_idx on search_words (word);
    create index search_words_trgm_idx on search_words using gin (plain gin_trgm_ops);

    -- What goes into the vocabulary, defined once for the triggers, kp_search_rebuild() and
    -- set-based loads (the scale seed disables the row triggers for its bulk insert and adds the
    -- words of the new rows with these): the tokens of a text, lower case as written, and of
    -- those the words of 3–40 letters. Two inlinable SQL functions rather than one, so that a
    -- set-based caller can take the distinct tokens first and test only those: the 500,000
    -- replies of the scale data have 12 million tokens but 3,000 distinct ones, and the test
    -- (a regular expression over a Unicode class) costs microseconds per token. It is written
    -- as length plus '^[[:alpha:]]+$' rather than '^[[:alpha:]]{3,40}$': the same words (checked
    -- on all distinct tokens of the scale data), about four times cheaper there, which also
    -- makes the row trigger cheaper.
    create function kp_search_tokens(txt text) returns text[] language sql immutable parallel safe as $$
      select tsvector_to_array(to_tsvector('simple', txt))
    $$;
    create function kp_search_word(token text) returns boolean language sql immutable parallel safe as $$
      select char_length(token) between 3 and 40 and token ~ '^[[:alpha:]]+$'
    $$;

    -- Adds the plain words of the columns named in the trigger's arguments to the vocabulary.
    create function kp_search_words() returns trigger language plpgsql as $$
    declare
      doc jsonb := to_jsonb(new);
      col text;
      txt text := '';
    begin
      foreach col in array tg_argv loop
        txt := txt || ' ' || coalesce(left(doc ->> col, 100000), '');
      end loop;
      insert into search_words (word, plain)
        select w, unaccent(w) from unnest(kp_search_tokens(txt)) w
        where kp_search_word(w) and not exists (select 1 from search_words s where s.word = w);
      return null;
    end $$;

    -- Posts: title (A), tags (B), body and practice-example fields (C). kp_post_vector_of is the
    -- vector of given texts (an inlinable expression, for set-based loads that join the tags and
    -- example fields themselves: the scale seed computes its 100,000 vectors in one statement,
    -- 8 s instead of 12 s with two subqueries per post); kp_post_vector reads them for one post.
    create function kp_post_vector_of(title text, tags text, example text, body text) returns tsvector language sql immutable parallel safe as $$
      select setweight(to_tsvector('kp_german', title), 'A')
        || setweight(to_tsvector('kp_german', coalesce(tags, '')), 'B')
        || setweight(to_tsvector('kp_german', coalesce(example, '')), 'C')
        || setweight(to_tsvector('kp_german', left(body, 100000)), 'C')
    $$;
    create function kp_post_vector(post_id text, title text, body text) returns tsvector language sql stable as $$
      select kp_post_vector_of(title,
        (select string_agg(t.label, ' ') from post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = $1),
        (select concat_ws(' ', e.problem, e.solution, e.reuse, e.materials) from practice_examples e where e.post_id = $1),
        body)
    $$;
    alter table posts add column search_vector tsvector not null default '';
    create function kp_posts_vector() returns trigger language plpgsql as $$
    begin
      new.search_vector := kp_post_vector(new.id, new.title, new.body);
      return new;
    end $$;
    create trigger kp_posts_vector before insert or update of title, body on posts for each row execute function kp_posts_vector();
    create trigger kp_posts_words after insert or update of title, body on posts for each row execute function kp_search_words('title', 'body');
    -- Tags and example fields live in their own tables: recompute the post's vector once per statement.
    create function kp_posts_vector_of_rows() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        update posts p set search_vector = kp_post_vector(p.id, p.title, p.body) where p.id in (select post_id from new_rows);
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        update posts p set search_vector = kp_post_vector(p.id, p.title, p.body) where p.id in (select post_id from old_rows);
      end if;
      return null;
    end $$;
    create trigger kp_examples_ins after insert on practice_examples referencing new table as new_rows for each statement execute function kp_posts_vector_of_rows();
    create trigger kp_examples_upd after update on practice_examples referencing old table as old_rows new table as new_rows for each statement execute function kp_posts_vector_of_rows();
    create trigger kp_examples_words after insert or update on practice_examples for each row execute function kp_search_words('problem', 'solution', 'reuse', 'materials');
    create trigger kp_post_tags_ins after insert on post_tags referencing new table as new_rows for each statement execute function kp_posts_vector_of_rows();
    create trigger kp_post_tags_del after delete on post_tags referencing old table as old_rows for each statement execute function kp_posts_vector_of_rows();
    create index posts_search_idx on posts using gin (search_vector);

    -- Replies: their text (C).
    alter table replies add column search_vector tsvector generated always as (setweight(to_tsvector('kp_german', left(body, 100000)), 'C')) stored;
    create trigger kp_replies_words after insert or update of body on replies for each row execute function kp_search_words('body');
    create index replies_search_idx on replies using gin (search_vector);

    -- Communities: name (A), topics (B), description (C), guidelines (D).
    create function kp_community_vector(community_id text, name text, description text, guidelines text) returns tsvector language sql stable as $$
      select setweight(to_tsvector('kp_german', name), 'A')
        || setweight(to_tsvector('kp_german', coalesce((select string_agg(t.label, ' ') from community_topics ct join tags t on t.id = ct.tag_id where ct.community_id = $1), '')), 'B')
        || setweight(to_tsvector('kp_german', description), 'C')
        || setweight(to_tsvector('kp_german', guidelines), 'D')
    $$;
    alter table communities add column search_vector tsvector not null default '';
    create function kp_communities_vector() returns trigger language plpgsql as $$
    begin
      new.search_vector := kp_community_vector(new.id, new.name, new.description, new.guidelines);
      return new;
    end $$;
    create trigger kp_communities_vector before insert or update of name, description, guidelines on communities for each row execute function kp_communities_vector();
    create trigger kp_communities_words after insert or update of name, description on communities for each row execute function kp_search_words('name', 'description');
    create function kp_communities_vector_of_rows() returns trigger language plpgsql as $$
    begin
      update communities c set search_vector = kp_community_vector(c.id, c.name, c.description, c.guidelines)
        where c.id in (select community_id from changed_rows);
      return null;
    end $$;
    create trigger kp_topics_ins after insert on community_topics referencing new table as changed_rows for each statement execute function kp_communities_vector_of_rows();
    create trigger kp_topics_del after delete on community_topics referencing old table as changed_rows for each statement execute function kp_communities_vector_of_rows();
    create index communities_search_idx on communities using gin (search_vector);

    -- Organisations: name and short name (A), state (C).
    alter table organisations add column search_vector tsvector generated always as (
      setweight(to_tsvector('kp_german', name), 'A') || setweight(to_tsvector('kp_german', coalesce(short_name, '')), 'A')
      || setweight(to_tsvector('kp_german', coalesce(state, '')), 'C')) stored;
    create trigger kp_organisations_words after insert or update of name, short_name on organisations for each row execute function kp_search_words('name', 'short_name');
    create index organisations_search_idx on organisations using gin (search_vector);

    -- Tags: their labels are words of the vocabulary.
    create trigger kp_tags_words after insert or update of label on tags for each row execute function kp_search_words('label');

    -- People: one vector per profile field; all_vector only narrows the candidates (GIN index).
    create table member_search (
      user_id text primary key references users(id) on delete cascade,
      name_vector tsvector not null,
      position_vector tsvector not null,
      bio_vector tsvector not null,
      expertise_vector tsvector not null,
      all_vector tsvector generated always as (name_vector || position_vector || bio_vector || expertise_vector) stored
    );
    create index member_search_idx on member_search using gin (all_vector);
    -- People whose name matches lead a ranking: search.repo.ts reads them apart (all_vector
    -- matches a common word of positions for thousands of people).
    create index member_search_name_idx on member_search using gin (name_vector);
    create function kp_refresh_member_search(ids text[]) returns void language sql as $$
      insert into member_search (user_id, name_vector, position_vector, bio_vector, expertise_vector)
      select u.id, setweight(to_tsvector('kp_german', u.name), 'A'),
        setweight(to_tsvector('kp_german', coalesce(p.position, '')), 'B'),
        setweight(to_tsvector('kp_german', left(coalesce(p.bio, ''), 20000)), 'D'),
        setweight(to_tsvector('kp_german', coalesce((select string_agg(t.label, ' ') from profile_tags pt join tags t on t.id = pt.tag_id
          where pt.user_id = u.id and pt.kind = 'expertise'), '')), 'B')
      from users u left join profiles p on p.user_id = u.id
      where u.id = any(ids)
      on conflict (user_id) do update set name_vector = excluded.name_vector, position_vector = excluded.position_vector,
        bio_vector = excluded.bio_vector, expertise_vector = excluded.expertise_vector
    $$;
    create function kp_member_search_of_rows() returns trigger language plpgsql as $$
    begin
      perform kp_refresh_member_search(array(select distinct (to_jsonb(r) ->> tg_argv[0]) from changed_rows r));
      return null;
    end $$;
    create trigger kp_users_search_ins after insert on users referencing new table as changed_rows for each statement execute function kp_member_search_of_rows('id');
    create trigger kp_users_search_upd after update on users referencing new table as changed_rows for each statement execute function kp_member_search_of_rows('id');
    create trigger kp_profiles_search_ins after insert on profiles referencing new table as changed_rows for each statement execute function kp_member_search_of_rows('user_id');
    create trigger kp_profiles_search_upd after update on profiles referencing new table as changed_rows for each statement execute function kp_member_search_of_rows('user_id');
    create trigger kp_profile_tags_search_ins after insert on profile_tags referencing new table as changed_rows for each statement execute function kp_member_search_of_rows('user_id');
    create trigger kp_profile_tags_search_del after delete on profile_tags referencing old table as changed_rows for each statement execute function kp_member_search_of_rows('user_id');
    create trigger kp_users_words after insert or update of name on users for each row execute function kp_search_words('name');
    create trigger kp_profiles_words after insert or update of position, bio on profiles for each row execute function kp_search_words('position', 'bio');

    -- Windows for ranking common words (search.repo.ts): a word in tens of thousands of posts or
    -- replies is ranked among its matches in the newest rows, the newest of those the score
    -- favours (answered or marked helpful; replies marked helpful at least twice, as accepted
    -- answers are as a rule) and the most helpful ones of any age, each read through one of
    -- these indexes and cut off after a fixed number of rows, instead of reading every match.
    -- Deleted rows are never results.
    create index posts_search_created_idx on posts (created_at) where deleted_at is null;
    create index posts_search_notable_idx on posts (created_at) where deleted_at is null and (accepted_reply_id is not null or helpful_count > 0);
    create index posts_search_prior_idx on posts ((accepted_reply_id is not null), helpful_count, created_at) where deleted_at is null;
    -- Posts whose title matches lead a ranking and are few even for common words: read apart.
    create index posts_search_title_idx on posts using gin (ts_filter(search_vector, '{a}'));
    create index replies_search_created_idx on replies (created_at) where deleted_at is null;
    create index replies_search_notable_idx on replies (created_at) where deleted_at is null and helpful_count >= 2;
    create index replies_search_prior_idx on replies (helpful_count, created_at) where deleted_at is null;

    -- Everything again, set-based: after a bulk load with triggers disabled, or to repair.
    create function kp_search_rebuild() returns void language plpgsql as $$
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
    select kp_search_rebuild();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop function kp_search_rebuild();
    drop index posts_search_created_idx; drop index posts_search_notable_idx; drop index posts_search_prior_idx; drop index posts_search_title_idx;
    drop index replies_search_created_idx; drop index replies_search_notable_idx; drop index replies_search_prior_idx;
    drop table member_search;
    drop trigger kp_users_search_ins on users; drop trigger kp_users_search_upd on users;
    drop trigger kp_profiles_search_ins on profiles; drop trigger kp_profiles_search_upd on profiles;
    drop trigger kp_profile_tags_search_ins on profile_tags; drop trigger kp_profile_tags_search_del on profile_tags;
    drop trigger kp_users_words on users; drop trigger kp_profiles_words on profiles; drop trigger kp_tags_words on tags;
    drop function kp_member_search_of_rows(); drop function kp_refresh_member_search(text[]);
    drop trigger kp_organisations_words on organisations; alter table organisations drop column search_vector;
    drop trigger kp_topics_ins on community_topics; drop trigger kp_topics_del on community_topics;
    drop trigger kp_communities_vector on communities; drop trigger kp_communities_words on communities;
    drop function kp_communities_vector_of_rows(); drop function kp_communities_vector(); alter table communities drop column search_vector;
    drop function kp_community_vector(text, text, text, text);
    drop trigger kp_replies_words on replies; alter table replies drop column search_vector;
    drop trigger kp_examples_ins on practice_examples; drop trigger kp_examples_upd on practice_examples; drop trigger kp_examples_words on practice_examples;
    drop trigger kp_post_tags_ins on post_tags; drop trigger kp_post_tags_del on post_tags;
    drop trigger kp_posts_vector on posts; drop trigger kp_posts_words on posts;
    drop function kp_posts_vector_of_rows(); drop function kp_posts_vector(); alter table posts drop column search_vector;
    drop function kp_post_vector(text, text, text); drop function kp_post_vector_of(text, text, text, text);
    drop function kp_search_words(); drop function kp_search_tokens(text); drop function kp_search_word(text); drop table search_words;
    drop text search configuration kp_german; drop text search dictionary kp_german_stop;
  `.execute(db);
}
