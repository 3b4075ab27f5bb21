package desktop

import (
	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// ChooseFolder opens the native folder dialog and returns the folder chosen,
// or "" when the user closed the dialog.
func (b *Bindings) ChooseFolder() (string, error) {
	dir, err := runtime.OpenDirectoryDialog(b.context(), runtime.OpenDialogOptions{Title: "Choose a folder of articles to import"})
	if err != nil {
		return "", &core.Error{Code: core.EINTERNAL, Op: "ChooseFolder", Err: err}
	}
	return dir, nil
}

// ExportReport asks where to save a report with the native dialog, then
// writes it there in the background. It returns a null job when the user
// closed the dialog.
func (b *Bindings) ExportReport(req app.ReportRequest) (*app.JobStarted, error) {
	// The name says what the report holds (kind, ids, title, day); a
	// request the service refuses is refused before the dialog opens.
	name, err := b.ui.ReportName(b.context(), req)
	if err != nil {
		return nil, err
	}
	path, err := runtime.SaveFileDialog(b.context(), runtime.SaveDialogOptions{
		Title:           "Save the report",
		DefaultFilename: name,
	})
	if err != nil {
		return nil, &core.Error{Code: core.EINTERNAL, Op: "ExportReport", Err: err}
	}
	if path == "" {
		return nil, nil
	}
	return b.ui.StartReport(req, path)
}
