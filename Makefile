# StoryDiff: the two commands a fresh machine needs are `make run` and `make test`.
# Each installs what it lacks (Debian packages, npm packages, Go modules) first.

GO ?= go
BIN := build/bin/storydiff
DESKTOP_TAGS := desktop,production,webkit2_41

.PHONY: run test bench eval fuzz build build-cli pipeline pipeline-test frontend deps-desktop deps-test go-test ui-test window-test clean

run: deps-desktop build
	./$(BIN)

## build: the desktop binary (window + CLI + serve), with the frontend embedded.
build: frontend
	CGO_ENABLED=1 $(GO) build -buildvcs=true -tags $(DESKTOP_TAGS) -ldflags "-w -s" -o $(BIN) .

## build-cli: the same binary without the desktop window (no GTK needed).
build-cli: frontend
	CGO_ENABLED=0 $(GO) build -buildvcs=true -o build/bin/storydiff-cli .

## pipeline: the analysis as an Apache Beam pipeline, a nested module (pipeline/)
## so that Beam's dependencies never enter the storydiff binary.
pipeline:
	cd pipeline && CGO_ENABLED=0 $(GO) build -o ../build/bin/storydiff-pipeline ./cmd/storydiff-pipeline

pipeline-test:
	cd pipeline && CGO_ENABLED=0 $(GO) vet ./... && CGO_ENABLED=0 $(GO) test -count=1 ./...

frontend:
	./scripts/frontend-build.sh

deps-desktop:
	./scripts/deps.sh desktop

deps-test:
	./scripts/deps.sh test

test: deps-test go-test ui-test window-test

go-test:
	CGO_ENABLED=0 $(GO) vet ./...
	CGO_ENABLED=0 $(GO) test -count=1 ./...
	$(MAKE) pipeline-test
	./scripts/fuzz.sh short

ui-test: build-cli
	./scripts/ui-test.sh

window-test: build
	./scripts/window-test.sh

bench: build-cli
	./scripts/bench.sh

eval:
	$(GO) run ./bench/eval

fuzz:
	./scripts/fuzz.sh long

clean:
	rm -rf build/bin frontend/node_modules
