package desktop

import (
	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// EditArticle edits an article's title, date or outlet (the imported values
// are kept).
func (b *Bindings) EditArticle(ref string, r app.EditRequest) (*app.ArticleDetail, error) {
	return b.ui.EditArticle(b.context(), ref, r)
}

// RevertArticle puts fields (title, date, outlet or all) back to their
// imported values.
func (b *Bindings) RevertArticle(ref string, fields []string) (*app.ArticleDetail, error) {
	return b.ui.RevertArticle(b.context(), ref, fields)
}

// TagItem adds tags to an article or an event, or takes them off.
func (b *Bindings) TagItem(it app.Item, tags []string, remove bool) ([]string, error) {
	return b.ui.TagItem(b.context(), it, tags, remove)
}

// SetNote writes the note on an article or an event ("" removes it).
func (b *Bindings) SetNote(it app.Item, text string) (*core.Note, error) {
	return b.ui.SetNote(b.context(), it, text)
}

// Tags lists every tag with how many articles and events carry it.
func (b *Bindings) Tags() ([]core.TagCount, error) {
	return b.ui.Tags(b.context())
}
