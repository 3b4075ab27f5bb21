package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/httpapi"
)

func TestStatusOfEachErrorCode(t *testing.T) {
	tests := []struct {
		code string
		want int
	}{
		{core.EINVALID, http.StatusBadRequest},
		{core.ENOTFOUND, http.StatusNotFound},
		{core.ECONFLICT, http.StatusConflict},
		{core.ECANCELED, 499},
		{core.EREADONLY, http.StatusForbidden},
		{core.EFULL, http.StatusInsufficientStorage},
		{core.EINTERNAL, http.StatusInternalServerError},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := httpapi.Status(tt.code); got != tt.want {
				t.Errorf("Status(%q) = %d, want %d", tt.code, got, tt.want)
			}
		})
	}
}
