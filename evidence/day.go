package evidence

import "time"

// dayText writes a profile's Day as a date.
func dayText(day int32) string {
	return time.Unix(int64(day-1)*86400, 0).UTC().Format("2006-01-02")
}
