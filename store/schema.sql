-- Triage DuckDB schema. IDs are hashes (core/hash.ts), never counters, so re-runs and re-orderings give the
-- same rows. Every statement is idempotent: the store runs this file on every open.
-- Most tables keep their key through Store.upsert without a PRIMARY KEY constraint (store/unkeyed.ts lists them and
-- says why: a key index made every checkpoint rewrite the whole table) and names each key.

CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

-- The sources catalogue as last loaded, with the health of each source.
CREATE TABLE IF NOT EXISTS sources (
  source_id VARCHAR PRIMARY KEY, kind VARCHAR, url VARCHAR, publisher VARCHAR, country VARCHAR,
  language VARCHAR, enabled BOOLEAN, "interval" VARCHAR,
  last_polled TIMESTAMPTZ, last_success TIMESTAMPTZ, last_error VARCHAR, last_error_reason VARCHAR,
  items_last_run INTEGER, consecutive_failures INTEGER DEFAULT 0
);

-- Latest HTTP state per URL: validators for conditional GET, what came back, why it failed.
CREATE TABLE IF NOT EXISTS fetches (
  url VARCHAR PRIMARY KEY, source_id VARCHAR, final_url VARCHAR, status INTEGER, etag VARCHAR,
  last_modified VARCHAR, content_type VARCHAR, bytes BIGINT, bytes_sha256 VARCHAR, fetched_at TIMESTAMPTZ,
  error_reason VARCHAR, error VARCHAR
);

-- Every item a feed has listed (guid + link), first and last seen.
CREATE TABLE IF NOT EXISTS feed_items (
  item_id VARCHAR PRIMARY KEY, source_id VARCHAR, guid VARCHAR, link VARCHAR, title VARCHAR,
  published TIMESTAMPTZ, first_seen TIMESTAMPTZ
);

-- One row per distinct article (doc_id = hash of canonical URL, else URL, else file): its current version.
CREATE TABLE IF NOT EXISTS documents (
  doc_id VARCHAR, version_id VARCHAR, canonical_url VARCHAR, url VARCHAR, file VARCHAR,
  content_hash VARCHAR, title VARCHAR, byline VARCHAR, outlet VARCHAR, site_name VARCHAR,
  published TIMESTAMPTZ, modified TIMESTAMPTZ, language VARCHAR, text VARCHAR, bytes_sha256 VARCHAR,
  fetched_at TIMESTAMPTZ, source_id VARCHAR
);

-- Every version ever seen of every document; a newer version supersedes the older one's facts.
CREATE TABLE IF NOT EXISTS document_versions (
  version_id VARCHAR, doc_id VARCHAR, content_hash VARCHAR, url VARCHAR, title VARCHAR,
  published TIMESTAMPTZ, modified TIMESTAMPTZ, text VARCHAR, bytes_sha256 VARCHAR, fetched_at TIMESTAMPTZ,
  superseded_by VARCHAR
);

-- What the extractor read in one document version (the `triage extract` record as JSON). Keyed by (version_id,
-- extractor_version), as facts by fact_id and resolve_units by rid, through Store.upsert: no key index
-- (store/unkeyed.ts says why).
CREATE TABLE IF NOT EXISTS extractions (
  version_id VARCHAR, extractor_version VARCHAR, doc_id VARCHAR, relevant BOOLEAN, relevance DOUBLE,
  attack_date DATE, record JSON
);

-- Each extracted fact with the quote behind it (offsets into the version's text).
CREATE TABLE IF NOT EXISTS facts (
  fact_id VARCHAR, version_id VARCHAR, doc_id VARCHAR, extractor_version VARCHAR,
  field VARCHAR, value JSON, quote VARCHAR, start_offset INTEGER, end_offset INTEGER
);
-- The page of a PDF report the quote stands on (null for web pages); added after the table first shipped.
ALTER TABLE facts ADD COLUMN IF NOT EXISTS page INTEGER;

-- Incidents are re-resolved from all current facts on every analyze run; the JSON keeps the full record.
CREATE TABLE IF NOT EXISTS incidents (
  incident_id VARCHAR PRIMARY KEY, victim VARCHAR, country VARCHAR, sector VARCHAR, actor VARCHAR,
  attack_types VARCHAR[], first_reported DATE, attack_date DATE, ransom_demanded_usd DOUBLE,
  ransom_paid_usd DOUBLE, records_affected BIGINT, downtime_days DOUBLE, status VARCHAR, source_count INTEGER,
  record JSON
);

-- Exact, canonical, near-duplicate (syndicated) and version groupings of documents.
CREATE TABLE IF NOT EXISTS document_clusters (
  doc_id VARCHAR, cluster_id VARCHAR, reason VARCHAR, representative BOOLEAN
);

CREATE TABLE IF NOT EXISTS incident_sources (
  incident_id VARCHAR, doc_id VARCHAR
);

-- Items that could not be processed, with a typed reason (core/errors.ts FailureReason).
CREATE TABLE IF NOT EXISTS failures (
  failure_id VARCHAR PRIMARY KEY, stage VARCHAR, item VARCHAR, reason VARCHAR, message VARCHAR,
  first_seen TIMESTAMPTZ, last_seen TIMESTAMPTZ, attempts INTEGER
);

-- Search index (store/search-index.ts), rebuilt incrementally after every analyze run: BM25 postings
-- of each document's current version (title + text; len = the document's length in terms, kept on each
-- posting so ranking needs no join), and every name an incident's victim was written as.
CREATE TABLE IF NOT EXISTS search_docs (doc_id VARCHAR, version_id VARCHAR, len INTEGER);
CREATE TABLE IF NOT EXISTS search_terms (term VARCHAR, doc_id VARCHAR, tf INTEGER, len INTEGER);
CREATE TABLE IF NOT EXISTS search_term_stats (term VARCHAR PRIMARY KEY, df INTEGER);
-- staging for new postings (one row per document, terms and tfs joined by spaces), emptied in the same
-- transaction; the earlier staging table (lists) goes
DROP TABLE IF EXISTS search_stage;
CREATE TEMP TABLE IF NOT EXISTS search_postings (doc_id VARCHAR, len INTEGER, terms VARCHAR, tfs VARCHAR);
CREATE TABLE IF NOT EXISTS search_names (
  incident_id VARCHAR, name VARCHAR, norm VARCHAR, tokens VARCHAR[], acronym VARCHAR
);
-- the distinct words of those names: --victim looks typos up here, then in search_names
CREATE TABLE IF NOT EXISTS search_name_words (word VARCHAR PRIMARY KEY);

-- The incident figures each rendered report covered (its trend window), so the next report can list
-- what was revised since (reports/weekly/revisions.ts). Re-rendering a period replaces its rows.
CREATE TABLE IF NOT EXISTS report_snapshots (
  period_kind VARCHAR, period_id VARCHAR, incident_id VARCHAR, snapshot_at VARCHAR, figures JSON,
  PRIMARY KEY (period_kind, period_id, incident_id)
);

-- What the report's threat-intelligence reader (analyze/extract/intel) found in each document's current text:
-- ATT&CK techniques, kinds of data exposed and indicators, with their sentences (JSON array of IntelItem).
-- Filled after each analyze run for new or changed texts; the report reads it instead of re-reading texts.
CREATE TABLE IF NOT EXISTS document_intel (
  doc_id VARCHAR, content_hash VARCHAR, reader_version VARCHAR, items JSON
);

-- Alerts (issue 18). alert_state: the facts each incident was last alerted with (its version). alert_outbox: one
-- row per incident version to announce, written in the same transaction as the incidents, so a crash between
-- storing and alerting loses no alert and a re-run adds none. alert_deliveries: what each webhook has received.
CREATE TABLE IF NOT EXISTS alert_state (incident_id VARCHAR, version VARCHAR, facts JSON, updated_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS alert_outbox (
  alert_id VARCHAR, incident_id VARCHAR, version VARCHAR, kind VARCHAR, victim VARCHAR, facts JSON,
  changes JSON, link VARCHAR, created_at TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS alert_deliveries (
  alert_id VARCHAR, target VARCHAR, delivered_at TIMESTAMPTZ, attempts INTEGER, last_error VARCHAR,
  PRIMARY KEY (alert_id, target)
);

-- What resolution needs per document version, computed once when analyze first sees the version (issue 19):
-- `signer` names the shingling and story-term rules (pipeline/signatures.ts), `story` the version's story terms
-- ([[term, count], …], analyze/resolve/stories.ts).
-- `paired`: its near-duplicate pairs are found (set in the transaction that saves them, so a stopped run pairs again).
CREATE TABLE IF NOT EXISTS version_signatures (
  version_id VARCHAR, signer VARCHAR, story JSON, paired BOOLEAN DEFAULT false
);
ALTER TABLE version_signatures ADD COLUMN IF NOT EXISTS paired BOOLEAN DEFAULT false;
-- LSH buckets of each version's MinHash signature (one row per band; texts too short to shingle have none).
CREATE TABLE IF NOT EXISTS version_lsh (band SMALLINT, bucket BIGINT, version_id VARCHAR);
-- Near-duplicate pairs of versions confirmed by the Jaccard of their shingles (a < b): enough to connect every
-- near-duplicate cluster, so a new version is only compared with the versions sharing one of its buckets.
CREATE TABLE IF NOT EXISTS near_duplicates (a VARCHAR, b VARCHAR);
-- What each incident was built from (a digest of its candidates and their sources) and what its ID was decided from
-- Incident grouping's name edges kept between runs (store/match-edges.ts): the candidates of the last analyze by
-- their match signature (analyze/resolve/group.ts matchSig), and the name edges among them (a < b).
CREATE TABLE IF NOT EXISTS match_known (sig VARCHAR);
CREATE TABLE IF NOT EXISTS match_edges (a VARCHAR, b VARCHAR, score DOUBLE, gap INTEGER);
-- (`id_key`: analyze/resolve/ids.ts), so that analyze rebuilds only the incidents whose inputs changed.
CREATE TABLE IF NOT EXISTS incident_inputs (incident_id VARCHAR, digest VARCHAR, id_key JSON);
ALTER TABLE incident_inputs ADD COLUMN IF NOT EXISTS id_key JSON;
-- Resolve units (store/resolve-units.ts, analyze/resolve/units.ts): what incident grouping reads of each document
-- and older version (`rid`: the id resolve knows it by), made once per stamp of the fields it was made from.
CREATE TABLE IF NOT EXISTS resolve_units (rid VARCHAR, stamp VARCHAR, body JSON);
