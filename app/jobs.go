package app

import (
	"context"
	"fmt"

	"github.com/storydiff/storydiff/core"
)

// JobDone is the last event of a job.
type JobDone struct {
	JobID  string `json:"jobId"`
	Kind   string `json:"kind"`
	Error  string `json:"error,omitempty"`
	Code   string `json:"code,omitempty"`
	Result any    `json:"result,omitempty"`
}

type job struct {
	id     string
	kind   string
	cancel context.CancelFunc
	done   chan struct{}
}

// startJob runs fn in the background, relaying its progress as
// "job:progress" events and its end as one "job:done" event.
func (s *Service) startJob(kind string, fn func(ctx context.Context, progress core.ProgressFunc) (any, error)) string {
	ctx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	s.nextJob++
	j := &job{id: fmt.Sprintf("%s-%d", kind, s.nextJob), kind: kind, cancel: cancel, done: make(chan struct{})}
	s.jobs[j.id] = j
	s.mu.Unlock()

	go func() {
		defer close(j.done)
		defer cancel()
		result, err := fn(ctx, func(p core.Progress) {
			p.JobID = j.id
			s.emit("job:progress", p)
		})
		d := JobDone{JobID: j.id, Kind: kind, Result: result}
		if err != nil {
			d.Error, d.Code = core.ErrorMessage(err), core.ErrorCode(err)
		}
		s.mu.Lock()
		delete(s.jobs, j.id)
		s.mu.Unlock()
		s.emit("job:done", d)
	}()
	return j.id
}

// StartImport starts an import in the background and returns its job id.
func (s *Service) StartImport(paths []string, opt ImportOptions) (string, error) {
	if len(paths) == 0 {
		return "", core.Errorf(core.EINVALID, "choose a folder or file to import")
	}
	// Refused at once, rather than as a job that fails.
	if err := s.db.CheckWritable(); err != nil {
		return "", err
	}
	return s.startJob("import", func(ctx context.Context, progress core.ProgressFunc) (any, error) {
		return s.Import(ctx, paths, opt, progress)
	}), nil
}

// CancelJob asks a running job to stop. It returns at once; the job ends with
// its "job:done" event.
func (s *Service) CancelJob(id string) error {
	s.mu.Lock()
	j, ok := s.jobs[id]
	s.mu.Unlock()
	if !ok {
		return core.Errorf(core.ENOTFOUND, "no running job %q", id)
	}
	j.cancel()
	return nil
}
