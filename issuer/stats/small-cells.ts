/**
 * Cells that count fewer volunteers than this are published as "<5", so that no one volunteer
 * can be singled out from the figures (the usual threshold of official statistics).
 */
export const SMALL_CELL_THRESHOLD = 5;
export const SMALL_CELL = '<5';

export type VolunteerCount = number | typeof SMALL_CELL;

/**
 * The volunteer count as published. Zero stays zero: an empty cell says nothing about anyone.
 * Only the count of people is suppressed; hours, activities and credentials of the cell stay,
 * as statistical offices suppress the head count of a small cell and keep its volumes.
 */
export function publishedVolunteers(count: number): VolunteerCount {
  return count > 0 && count < SMALL_CELL_THRESHOLD ? SMALL_CELL : count;
}
