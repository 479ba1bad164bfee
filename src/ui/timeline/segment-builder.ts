/** Segments from samples (t, value) that hold until the next sample; equal consecutive values merge. */
import type { Segment, SegmentTone } from './segments';

/** Builds segments from samples (t, value) that hold until the next sample; undefined = nothing shown. */
export class SegmentBuilder {
  readonly segments: Segment[] = [];
  private open: Segment | undefined;

  push(t: number, value: { label: string; tone: SegmentTone } | undefined): void {
    if (this.open && value && this.open.label === value.label && this.open.tone === value.tone) return;
    if (this.open) {
      this.open.end = t;
      if (this.open.end > this.open.start) this.segments.push(this.open);
      this.open = undefined;
    }
    if (value) this.open = { start: t, end: t, label: value.label, tone: value.tone };
  }

  finish(end: number): Segment[] {
    this.push(end, undefined);
    return this.segments;
  }
}
