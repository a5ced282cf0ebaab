/**
 * Text for screen readers only (the counts and titles the eye reads from the layout): off screen
 * in a 1-px box, never `display: none`, which would hide it from assistive technology too.
 */
export const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;
