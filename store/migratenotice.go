package store

import "context"

type migrationNoticeKey struct{}

// MigrationNotice is told, before an existing archive's schema is brought
// up to date, the archive's path, its schema version and the version it is
// brought to.
type MigrationNotice func(path string, from, to int)

// WithMigrationNotice returns a context under which Open calls notice before
// updating an older archive. An update can build an index over every article
// (a minute at a million articles), and a command that says nothing for
// that long looks hung.
func WithMigrationNotice(ctx context.Context, notice MigrationNotice) context.Context {
	return context.WithValue(ctx, migrationNoticeKey{}, notice)
}

// noticeMigration calls the context's notice, if any, when an archive that
// already holds a schema is behind the newest.
func noticeMigration(ctx context.Context, path string, from, to int) {
	if from == 0 || to <= from {
		return // a new archive, or nothing to do
	}
	if notice, ok := ctx.Value(migrationNoticeKey{}).(MigrationNotice); ok && notice != nil {
		notice(path, from, to)
	}
}
