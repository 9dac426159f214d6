-- Search by applicant name through whole words instead of trigrams (src/modules/dossiers/domain/name-search.ts).
-- At 10 million dossiers the trigram index took 100 ms for a rare name and 230 ms for a middling one, because a
-- name text always holds common trigrams ("thi", " th", "uye") whose lists run to millions; the word index skips
-- the common words (Thị, Văn, Nguyễn) and intersects the rare ones in a few milliseconds.
--
-- The vocabulary (every word that occurs in an applicant's name, never shrinking) turns a word typed at the edge
-- of the text into the words it can be the end or the start of. Kept by triggers enabled ALWAYS, so the bulk loads
-- that switch per-row triggers off (the generator, the import) keep it too.

create table applicant_name_words (
  word text primary key
);
create index applicant_name_words_trgm_idx on applicant_name_words using gin (word gin_trgm_ops);

-- In word order, so concurrent writers of the same new words wait for one another instead of deadlocking.
create function applicant_name_words_add(names text[]) returns void language sql as $$
  insert into applicant_name_words (word)
  select distinct w from unnest(names) as n, unnest(string_to_array(n, ' ')) as w where w <> ''
  order by w
  on conflict do nothing
$$;

create function applicant_name_words_inserted() returns trigger language plpgsql as $$
begin
  perform applicant_name_words_add(array(select r.applicant_name_folded from new_rows r));
  return null;
end $$;

create function applicant_name_words_renamed() returns trigger language plpgsql as $$
begin
  perform applicant_name_words_add(array[new.applicant_name_folded]);
  return null;
end $$;

create trigger dossiers_name_words_insert after insert on dossiers
  referencing new table as new_rows for each statement execute function applicant_name_words_inserted();
create trigger dossiers_name_words_update after update of applicant_name_folded on dossiers
  for each row when (old.applicant_name_folded is distinct from new.applicant_name_folded)
  execute function applicant_name_words_renamed();
alter table dossiers enable always trigger dossiers_name_words_insert;
alter table dossiers enable always trigger dossiers_name_words_update;

select applicant_name_words_add(array(select distinct applicant_name_folded from dossiers));

create index dossiers_applicant_words_idx on dossiers using gin (string_to_array(applicant_name_folded, ' '));
drop index dossiers_applicant_name_trgm_idx;
