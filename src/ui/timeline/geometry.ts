/** The timeline's drawing units (scaled to the measured width by the SVG's viewBox). */
export const LABEL_W = 168;
export const LANE_H = 22;
export const AXIS_H = 20;
export const PAD_R = 12;
