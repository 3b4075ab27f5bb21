// Package ingest reads article files: it walks folders, recognises formats
// and encodings, and extracts each article's full text and metadata into
// core.Document values. It does no storage and holds no state.
//
// # Walking
//
// Walk(ctx, roots, opts, fn) calls fn with an Entry for every file under the
// roots (files and folders may be mixed), folders in lexical order, so two
// runs over the same tree agree. Count(ctx, roots, opts) gives the number of
// non-skipped entries beforehand, for a progress bar's total; it opens no
// file. An Entry is one of:
//
//   - a candidate article file (Err nil): read it with Read;
//   - a file that cannot be read (Err set): broken symbolic link, symbolic
//     link loop (found by device and inode of the folders being walked),
//     permission denied, a file over Options.MaxSize. Report it as failed;
//   - a skipped file (Skipped true, Err gives the reason): another extension
//     (.pdf, none), a named pipe or device, a folder already walked through
//     another link, the "story_files" folder of a page saved whole, a link
//     that leads outside the roots (unless Options.FollowLinks) or into
//     /proc, /sys or /dev (always), or any link when Options.IgnoreSymlinks
//     is set. Report it as skipped, not failed.
//
// Links are judged by where they lead with every link resolved, so a chain
// of links cannot step out unseen; a root named by the user is followed
// wherever it leads, except into /proc, /sys or /dev, which are never read.
// Files are opened without blocking (O_NONBLOCK) and the opened file, not
// the name listed, must be a regular file: a name swapped for a named pipe
// in between is refused instead of hanging the import.
//
// Hidden files and dot-folders (.git, .DS_Store) are passed over without an
// entry. A corpus's own documentation inside a folder (README, LICENSE,
// CHANGELOG, ... with any extension) is skipped. Article files have the extensions .txt .text .md .markdown .html
// .htm .xhtml .json .jsonl .ndjson .csv .tsv (IsArticleFile); a file named
// directly as a root is read whatever its extension.
//
// # Reading and parsing
//
// Read(path, opts) reads one file within the size limit and calls
// Parse(path, data), which is pure. ReadContext and ParseContext also stop
// between the records of a large JSON/JSONL file when ctx ends (an error
// with code canceled wrapping ctx.Err()); use them where a user can cancel.
// ParseEachWith and ReadEach (through Options.Parse) also take
// ParseOptions: a field mapping (ParseFieldMapping: "date=pubdate") and a
// date layout (ParseDateLayout: Go's or strftime's). Parse picks the format by extension and
// content (a web page saved as .txt is HTML; a .json file of JSON lines is
// JSONL; an unknown extension is sniffed), decodes the bytes (Decode: UTF-8
// with or without BOM, UTF-16 LE/BE with BOM or recognised without, UTF-8
// with a few damaged bytes shown as U+FFFD ("utf-8-lossy"), then
// Windows-1252/Latin-1; HTML also honours its <meta charset>), normalises
// line ends to "\n" and removes nothing else:
//
//   - txt: the whole text; title = first non-empty line.
//   - md: the whole text as written; title = front-matter title, else first
//     heading, else first line; YAML (---) or TOML (+++) front matter also
//     gives date, source, author, url, lang.
//   - html: the main text extracted by go-trafilatura, paragraphs separated
//     by blank lines (block elements are marked before extraction, so that
//     no extractor glues two paragraphs where the page has no space
//     between its tags); title, date, site name (Outlet), author (Byline), URL
//     and language from the page's metadata; failing a URL there, the one a
//     browser ("saved from url=") or SingleFile recorded when saving.
//   - json: one object, an array of objects, or an object holding such an
//     array under "articles", "items", "data", "results", ...; jsonl/ndjson:
//     one object per line. Fields, matched without regard to case, "_" or
//     "-": title/headline; text/body/content/article (a string, a list of
//     paragraphs, or WordPress's {"rendered": ...}; HTML in it is rendered
//     as text with paragraph breaks); url/link; date/published/published_at/pubDate;
//     source/outlet/site/publisher (a string or an object with a name);
//     author/authors/byline; language/lang. Each document's Original is its
//     record's raw bytes and Record its line number (jsonl) or 1-based
//     position (json array).
//   - csv/tsv: a header row naming the columns, then one article a row
//     (Media Cloud, GDELT and scraper exports), read row by row; columns
//     mean what JSON fields of the same name mean. Record is the line a
//     row starts on, Original the row as written. A table with no text
//     or title column is refused whole.
//
// A record with a title and no text (a news brief) is kept: its Text is
// its title and NoBody is set. A record with neither is an error.
//
// Published comes from the format's metadata, with PublishedConfidence
// "exact": a record's field or front matter key (PublishedFrom
// "field:NAME", "front matter:NAME"), read in ISO 8601, RFC 1123/2822, Unix
// seconds or milliseconds, Reuters' "26-FEB-1987 15:01:01.79" or the
// user's layout; a page's meta tag, JSON-LD datePublished or <time pubdate>
// ("meta:NAME", "json-ld:datePublished", "time:datetime"). Else go-htmldate's
// heuristics on a page's markup, without its search of the text ("page",
// "inferred"). Else the text's first five non-empty lines, or a
// date-and-time stamp alone on one of its last lines (see FindDateSource:
// "dateline", "byline", "top line", "footer timestamp", confidence
// "text"). Dates in the body are never read: they date the events a story
// tells (a bond's maturity, a year of history), not the story. A date field that
// cannot be read leaves the document undated, with the field's name and
// value kept, and no date is taken from the text instead. A file's
// modification time is never used as a publication date. PublishedRaw
// keeps the date as written.
//
// Outlet comes only from metadata (the page's site name, a record's source
// field, front matter), else from the domain of the article's URL. Lines in
// the text such as "DPA" or a scraper's "source site-3" are left to the
// boilerplate analysis: guessing would mislabel quoted agencies. Language is
// an ISO 639-1 code from the detector (DetectLanguage), else the one the
// page or record declares, "" when neither is known.
//
// # Errors
//
// Every problem with a file is a *core.Error with code invalid (not_found
// for a missing file or root) and a lower-case message fit for the user:
// "empty file", "binary file (a zero byte at byte 12)", "broken symbolic
// link", "file is 312 MB, over the 50 MB limit (--max-size)". When only
// some records of a JSON/JSONL file are broken, Parse and Read return the
// good documents together with a *RecordErrors listing the bad ones; callers
// should store the documents and report the error.
package ingest
