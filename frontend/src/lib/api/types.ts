// Types of the JSON the app service returns, identical over HTTP and Wails.
// Offsets are in Unicode code points (runes) of the article text.

export interface Article {
  id: number;
  sha256: string;
  text_hash?: string;
  title: string;
  byline?: string;
  outlet: string;
  url?: string;
  published: string | null;
  published_raw?: string;
  published_from?: string;
  // exact (a field or tag), text (a dateline, byline or top line), inferred (page markup).
  published_confidence?: string;
  // Stored from a title alone: the text is the title.
  no_body?: boolean;
  language: string;
  encoding: string;
  format: string;
  words: number;
  import_id: number;
  imported_at: string;
  paths: string[];
  badges?: string[];
  text?: string;
  // A researcher's edits (the fields above hold the edited values), tags and note.
  edits?: Edit[];
  tags?: string[];
  note?: Note | null;
}

export type EditField = 'title' | 'date' | 'outlet';

// Edit is one field a researcher changed, with the value it was imported with
// (a date as RFC 3339, '' when none).
export interface Edit {
  field: EditField;
  imported: string;
  importedFrom?: string;
  importedConfidence?: string;
  editedAt: string;
}

// EditRequest changes the fields given; a date is YYYY-MM-DD.
export interface EditRequest {
  title?: string;
  date?: string;
  outlet?: string;
}

export interface Note {
  text: string;
  updatedAt: string;
}

export type ItemKind = 'article' | 'event';

export interface Item {
  kind: ItemKind;
  ref: string;
}

export interface TagCount {
  tag: string;
  articles: number;
  events: number;
}

export interface ArticlePage {
  total: number;
  articles: Article[];
}

export type SortKey = 'title' | 'outlet' | 'published' | 'words' | 'id';

export interface ListQuery {
  offset?: number;
  limit?: number;
  sort?: SortKey;
  desc?: boolean;
  outlet?: string;
  language?: string;
  from?: string;
  to?: string;
  badge?: string; // duplicate, near_duplicate, repeat or story
  tag?: string;
}

export interface FileLocation {
  path: string;
  record?: number;
  size: number;
  mtime: string;
  import_id: number;
}

export interface Block {
  kind: string; // title, body, boilerplate, repeat
  start: number; // rune offset, inclusive
  end: number; // rune offset, exclusive
}

// ArticleDetail is the article itself (flat, as the service embeds it) with
// its full text, every place its bytes were found, and its marked blocks.
export interface ArticleDetail extends Article {
  text: string;
  locations: FileLocation[] | null;
  blocks: Block[] | null;
  // When an undated article was most likely written, if analysis could tell.
  estimated?: DateEstimate;
}

export interface Fragment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  article: Article;
  rank?: number;
  snippet: Fragment[] | null;
  // Set when the search matched more articles than it ranked.
  partial?: PartialRanking;
  titleMatch?: boolean;
  // In a partial ranking, a match outside the ranked set: those follow the
  // ranked hits, newest first.
  unranked?: boolean;
}

// SearchRequest is a search with the library's filters (dates YYYY-MM-DD).
export interface SearchRequest {
  q: string;
  offset?: number;
  limit?: number;
  outlet?: string;
  language?: string;
  from?: string;
  to?: string;
  badge?: string;
  prefix?: boolean;
  tag?: string;
}

// SearchPage is one page of a search and the number of matches in all.
export interface SearchPage {
  total: number;
  offset: number;
  hits: SearchHit[];
  // The other spellings searched for each word (Zelensky for Zelenskyy).
  variants?: Record<string, string[]> | null;
}

export type SearchExportFormat = 'csv' | 'json';

// PartialRanking says which matches a broad search ranked: the articles
// whose title matches first, then the best of the most recent matches.
export interface PartialRanking {
  recent: number;
  titles: number;
  moreTitles?: boolean;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  articles: number;
  outlets: FacetValue[] | null;
  languages: FacetValue[] | null;
  first?: string | null;
  last?: string | null;
  /** The archive cannot be written here: no import, analysis or verdicts. */
  readOnly?: boolean;
}

export interface Progress {
  jobId: string;
  stage: string;
  done: number;
  total: number;
}

export interface FileError {
  path: string;
  error: string;
}

export interface ImportSummary {
  import_id?: number;
  status?: string; // done, canceled, failed
  seconds?: number;
  files_seen: number;
  added: number;
  already_present: number;
  failed: FileError[] | null;
  articles: number[] | null;
}

// JobDone ends a job: error is a message written for people and code its
// kind (core error codes), both absent on success.
export interface JobDone {
  jobId: string;
  kind: string;
  error?: string;
  code?: string;
  result?: unknown;
}

export interface Span {
  start: number;
  end: number;
}

export interface RepeatPassage {
  text: string;
  occurrences: Span[];
}

export interface ArticleRepeats {
  article: number;
  passages: RepeatPassage[];
}

export interface Pair {
  a: number;
  b: number;
  kind: string; // exact, near, story
  jaccard: number;
  containment: number;
  score: number;
}

export interface StoryArticle {
  id: number;
  published: string | null;
  title: string;
  outlet: string;
  earliest: boolean;
}

export interface Story {
  id: number;
  label: string;
  earliest: number;
  articles: StoryArticle[];
}

export interface DuplicateGroup {
  kind: string; // exact or near
  similarity: number;
  articles: number[];
  files?: string[]; // every location of every member
  keep?: number; // the member the researcher keeps
  members?: Article[]; // the articles without their text, in articles' order
  several_paths?: boolean; // one article found at several paths: nothing to choose
  review?: DuplicateReview; // the verdict on exactly these members
  earlier?: DuplicateReview[]; // reviews of the group before it gained or lost a member
}

export type GroupVerdict = 'duplicates' | 'not_duplicates';
export type QueueShow = 'unreviewed' | 'reviewed' | 'all';

export interface DuplicateReview {
  members: number[];
  verdict: GroupVerdict;
  keep?: number;
  reviewed_at: string;
}

// The queue's true totals at its threshold, whatever page is shown.
export interface DuplicateCounts {
  groups: number;
  near: number;
  exact: number;
  reviewed: number;
  unreviewed: number;
  several_paths: number; // articles found at more than one path
}

export interface DuplicateQueue {
  min_similarity: number;
  show: QueueShow;
  counts: DuplicateCounts;
  total: number; // the groups show selects
  offset: number;
  groups: DuplicateGroup[];
}

export interface SeveralPathsPage {
  total: number;
  offset: number;
  articles: Article[];
}

export type Granularity = 'word' | 'char' | 'sentence' | 'paragraph';

export interface CompareOptions {
  by: Granularity;
  ignore_minor: boolean;
}

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete' | 'move';
  text: string;
  a: Span;
  b: Span;
  role?: 'from' | 'to';
  move_id?: number;
  minor?: boolean;
  why?: string;
  detail?: DiffOp[];
}

export interface DiffStats {
  // The share of both texts' words the diff marks inserted or deleted.
  changed_share: number;
  words_a: number;
  words_b: number;
  words_inserted: number;
  words_deleted: number;
  words_moved: number;
  paragraphs_changed: number;
  minor_edits: number;
  moves: number;
}

export interface Comparison {
  a: number;
  b: number;
  // The pair's similarity, as the duplicates listing and every report give it.
  similarity: number;
  stats: DiffStats;
  ops: DiffOp[] | null;
  degraded?: boolean;
  reason?: string;
}

export type ReportFormat = 'html' | 'pdf' | 'md' | 'csv' | 'json';

export interface ReportRequest {
  kind: 'pair' | 'story' | 'duplicates' | 'archive';
  refs?: string[];
  story_id?: number;
  format: ReportFormat;
  compare?: CompareOptions;
  min_similarity?: number;
  // How a pair report compares its articles: as the view shows them, or
  // 'auto' for the engine's choice.
  align?: 'auto' | AlignMode;
  // An archive report lists every article only when full; by default it
  // is a summary (figures and the largest groups and stories).
  full?: boolean;
}

export interface AnalyzeSummary {
  articles: number;
  analysed: number;
  pairs: number;
  exact_groups: number;
  near_groups: number;
  several_paths?: number; // articles found at more than one path, not in a group
  articles_with_repeats: number;
  stories: number;
  seconds: number;
}

// Events and threads. An event groups the versions of one news event (other
// outlets, translations, updates); a thread groups the events of one running
// topic.

export interface EventArticle {
  id: number;
  published: string | null;
  title: string;
  outlet: string;
  language?: string;
  earliest: boolean; // reported the event first
  pinned?: boolean; // a researcher's correction put it here
  estimated?: DateEstimate; // when an undated version was most likely written
}

// DateEstimate: from the days an undated article gives without a year,
// read in the year of the dated article anchor.
export interface DateEstimate {
  from: string; // YYYY-MM-DD
  to: string;
  anchor: number;
}

export interface Event {
  id: number;
  label: string;
  earliest: number;
  articles: EventArticle[] | null;
  thread?: number; // 0 or absent: in no thread
  tags?: string[];
  note?: Note | null;
}

export interface Thread {
  id: number;
  label: string;
  events: number[] | null;
  articles: number[] | null;
}

export interface ThreadView {
  thread: Thread;
  events: Event[] | null;
}

// Evidence is one reason for (weight > 0) or against (weight < 0) two
// articles reporting one event, with its text in each; weight is its share of
// the log-odds of the score.
export interface Evidence {
  kind: string; // name, number, date, quote, place, term, title, lede, passage, time, language
  a_text: string;
  b_text: string;
  weight: number;
}

export interface Explanation {
  a: number;
  b: number;
  score: number; // probability that a and b report one event
  same_event: boolean;
  same_thread: boolean;
  thread: number; // the score of one running topic
  evidence: Evidence[] | null;
  title?: string; // b's title
}

export type CorrectionKind = 'same' | 'not_same' | 'remove' | 'move' | 'merge' | 'split';

// Correction is what a researcher said about events: a and b are articles,
// event and other events, parts the article ids of each part of a split.
export interface Correction {
  id?: number;
  kind: CorrectionKind;
  a?: number;
  b?: number;
  event?: number;
  other?: number;
  parts?: number[][];
  note?: string;
  created_at?: string;
}

// Aligned comparison (align.Compare): rows of A and B saying the same thing,
// or either alone against a gap. Spans are code-point offsets into each
// article's stored text; the rows tile both texts.
export type AlignMode = 'aligned' | 'diff';

export interface AlignSpan {
  start: number;
  end: number;
  text: string;
}

export interface AlignOp {
  kind: 'equal' | 'delete' | 'insert';
  text: string;
  minor?: boolean;
}

export interface AlignRow {
  a: AlignSpan | null;
  b: AlignSpan | null;
  score: number;
  moved: boolean;
  ops: AlignOp[] | null;
}

export interface AlignResult {
  a: number;
  b: number;
  mode: AlignMode;
  rows: AlignRow[];
}

// A story's collation: one column per version in date order, one row per
// group of aligned sentences; a cell's ops are its word diff from the row's
// first wording (none in that first cell).
export interface CollationCell {
  article: number;
  start: number;
  end: number;
  text: string;
  ops?: AlignOp[] | null;
}

export interface CollationRow {
  cells: (CollationCell | null)[];
  first: number;
  count: number;
}

export interface Collation {
  story: number;
  versions: number[];
  articles: StoryArticle[];
  rows: CollationRow[];
}

// A quote followed across the archive (storydiff quotes): its wording and
// speaker as first printed, the first article to print it (by date, else by
// import order) and every article that carries it, variants included,
// first first. count is how many carry it; a long list is cut.
export interface QuoteCarrier {
  article: number;
  text: string;
  speaker: string;
  start: number; // code points into that article's text
  end: number;
  published: string | null;
  title: string;
  outlet: string;
}

export interface QuoteEntry {
  id: number;
  quote: string;
  speaker: string;
  first: { article: number; published: string | null; title: string };
  count: number;
  articles: QuoteCarrier[];
}

// The archive the interface shows, and the sample archive beside it (the
// first run: storydiff demo, or the button on an empty library).
export interface ArchiveInfo {
  path: string;
  articles: number;
  sample: boolean; // the interface shows the sample archive
  home: string; // the user's own archive
  sample_ready: boolean; // the sample archive exists already
}

export interface SampleArchive {
  path: string;
  articles: string; // the folder its articles were imported from
  count: number;
  repeated: number; // an article repeating a passage of its own
  event: number;
  thread: number;
  duplicate: [number, number];
}

// The reuse graph of an event, a thread or a search: its versions and what
// they share, each link from the version that carried it first (ordered
// false: either is undated, so nobody can say which was first).
export interface ReuseArticle {
  id: number;
  title: string;
  outlet: string;
  language?: string;
  published: string | null;
  words: number;
  event?: number;
}

export type ReuseKind = 'passage' | 'quote' | 'duplicate';

export interface ReuseLink {
  from: number;
  to: number;
  kind: ReuseKind;
  ordered: boolean;
  words: number;
  score: number;
  text?: string;
}

export interface ReuseGraph {
  label: string;
  articles: ReuseArticle[];
  links: ReuseLink[];
  note?: string;
}

export interface ReuseRequest {
  event?: number;
  thread?: number;
  query?: string;
  limit?: number;
}

// The archive overview.
export interface OverviewRequest {
  period: 'week' | 'month';
  outlet: string;
  language: string;
  split: 'outlet' | 'language';
}

export interface SizeBin {
  size: number;
  count: number;
  kind?: string;
}

export interface Overview {
  articles: number;
  matching: number;
  period: 'week' | 'month';
  split: 'outlet' | 'language';
  periods: string[];
  series: { name: string; counts: number[] }[];
  undated: number;
  duplicated: number;
  duplicate_groups: SizeBin[];
  events: SizeBin[];
  text: { body: number; title: number; boilerplate: number; repeat: number };
}
