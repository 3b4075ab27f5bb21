package evidence

// ProfileVersion changes whenever what a stored profile holds changes, so
// that an archive recomputes profiles made by older code.
const ProfileVersion = codecVersion
