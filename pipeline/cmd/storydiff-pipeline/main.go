// Command storydiff-pipeline runs StoryDiff's analysis of a corpus as an
// Apache Beam pipeline and writes an analysis folder that `storydiff import
// --analysis DIR` merges into a new archive.
//
//	storydiff-pipeline --output DIR [--shards N] [Beam runner flags] PATH_OR_GLOB...
//
// In process on Beam's Prism runner by default; on a cluster with the
// runner flags Beam documents (--runner=universal --endpoint=HOST:PORT for
// Flink or Spark job servers, --runner=dataflow --project ... for Dataflow).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/storydiff/storydiff/pipeline/sdpipe"
)

var (
	output     = flag.String("output", "", "the analysis folder to write (local path or gs://, s3:// prefix)")
	shards     = flag.Int("shards", 8, "files per kind of record")
	stageStats = flag.Bool("stage_stats", false, "after the run, print each step's processing time and each PCollection's elements and bytes, as the runner reports them")
	cpuProfile = flag.String("cpu_profile", "", "write a CPU profile of this process to FILE (with Prism, the workers run in it)")
	heapPeak   = flag.String("heap_profile", "", "write a heap profile to FILE each time the heap in use reaches a new peak (checked every 2 s)")
)

func main() {
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: storydiff-pipeline --output DIR [--shards N] [--runner=prism|universal|dataflow ...] PATH_OR_GLOB...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if f := flag.Lookup("runner"); f != nil && f.Value.String() == "" || f != nil && f.Value.String() == "direct" {
		_ = f.Value.Set("prism")
	}
	beam.Init()
	if *output == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	// Prism runs the workers in this process; a cluster's workers are
	// other processes that size their own memory.
	if f := flag.Lookup("runner"); f != nil && f.Value.String() == "prism" {
		setMemoryLimit()
	}
	ctx := context.Background()
	stop, err := startProfiles(*cpuProfile, *heapPeak)
	if err != nil {
		fmt.Fprintf(os.Stderr, "storydiff-pipeline: %v\n", err)
		os.Exit(1)
	}
	err = run(ctx, flag.Args())
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "storydiff-pipeline: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, inputs []string) error {
	out := strings.TrimRight(*output, "/")
	if !strings.Contains(out, "://") {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
	}
	if err := sdpipe.RemoveManifest(ctx, out); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := sdpipe.Build(s, sdpipe.Options{Inputs: inputs, Output: out, Shards: *shards}); err != nil {
		return err
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return err
	}
	if *stageStats && res != nil {
		printStageStats(os.Stderr, res.Metrics(), stepNames(p))
	}
	fmt.Printf("analysis written to %s; merge it with: storydiff import --analysis %s\n", out, out)
	return nil
}
