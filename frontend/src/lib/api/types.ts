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
  language: string;
  encoding: string;
  format: string;
  words: number;
  import_id: number;
  imported_at: string;
  paths: string[];
  badges?: string[];
  text?: string;
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
}

export interface Fragment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  article: Article;
  rank?: number;
  snippet: Fragment[] | null;
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
