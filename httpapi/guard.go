package httpapi

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"
)

// securityHeaders sets the CSP and friends on every response, the frontend's
// included: imported article text is untrusted and must never run.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// The token may be in the page's URL: never send it on as a referrer.
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// IsLoopbackHost reports whether a Host header (name[:port]) names this
// machine's loopback interface.
func IsLoopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkHost defeats DNS rebinding: a page on evil.example whose name is made
// to resolve to 127.0.0.1 still sends "Host: evil.example", which is
// refused. With a token the server may be reached under any name, because
// the token, which such a page does not have, guards the API.
func checkHost(tokenSet bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !tokenSet && !IsLoopbackHost(r.Host) {
			refuse(w, http.StatusForbidden, "StoryDiff answers only to localhost, 127.0.0.1 or [::1]")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin refuses API requests made by other sites' pages: browsers send
// Sec-Fetch-Site (modern ones) and Origin (on POST and cross-origin GET).
func sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Header.Get("Sec-Fetch-Site") {
		case "", "same-origin", "none":
		default:
			refuse(w, http.StatusForbidden, "cross-origin requests are refused")
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host && o != "https://"+r.Host {
			refuse(w, http.StatusForbidden, "cross-origin requests are refused")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireToken checks the bearer token (or ?token=, which EventSource needs
// as it cannot set headers) when one is configured.
func requireToken(token string, next http.Handler) http.Handler {
	if token == "" {
		return next
	}
	want := []byte(token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.URL.Query().Get("token")
		if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") {
			got = strings.TrimPrefix(a, "Bearer ")
		}
		if subtle.ConstantTimeCompare([]byte(got), want) != 1 {
			w.Header().Set("WWW-Authenticate", "Bearer")
			refuse(w, http.StatusUnauthorized, "a valid token is required: open the address storydiff serve printed")
			return
		}
		next.ServeHTTP(w, r)
	})
}
