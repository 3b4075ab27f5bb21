package desktop

import (
	"encoding/json"
	"log"

	"github.com/storydiff/storydiff/core"
)

// FormatError is the window's error formatter (options.App.ErrorFormatter).
// The frontend receives the error as a JSON string {"code","message"}: Wails
// wraps it in a JavaScript Error whose message is that string, and the API
// client decodes it into its AppError. Internal errors are logged here and
// shown as "Internal error".
func FormatError(err error) any {
	code := core.ErrorCode(err)
	if code == core.EINTERNAL {
		log.Printf("storydiff: %v", err)
	}
	b, _ := json.Marshal(struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}{code, core.ErrorMessage(err)})
	return string(b)
}
