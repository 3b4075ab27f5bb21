package desktop

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// emitter sends the service's job events to the window, where the frontend
// receives them with runtime.EventsOn.
type emitter struct{ ctx context.Context }

func (e emitter) Emit(event string, data any) { runtime.EventsEmit(e.ctx, event, data) }
